import AssayCore

/// The `entities` extractor's mentions of one document, searchable by position.
struct EntityIndex {
    struct Mention {
        var span: Span
        /// `PERSON`, `ORG`, `LOC` or `MISC`.
        var label: String
        /// The fullest name the document gives this entity ("Xi" -> "Xi Jinping").
        var canonical: String
        /// A title the entities extractor found before the name, if any.
        var title: String?
        /// Its position in ``EntityIndex/mentions``, by which facts about it are memoised.
        var index = 0
        var isSpeakerLike: Bool { label == "PERSON" || label == "ORG" }
    }

    let mentions: [Mention]
    /// Every distinct name-like form (mention text or canonical, at most five words) with its
    /// words: the candidates when a bare or garbled name needs its fullest form. Built on first
    /// use, since most documents never need it.
    var nameForms: [LazyNameForms.Form] { forms.value }
    private let forms: LazyNameForms

    init(_ annotations: [Annotation], document: AnalyzedDocument) {
        var mentions: [Mention] = []
        mentions.reserveCapacity(annotations.count)
        for a in annotations {
            // One pass over the fields for the three wanted (the first of each key, as `a[key]`
            // would find it), rather than a search per key.
            var label: Value?, canonical: Value?, title: Value?
            for field in a.fields {
                switch field.key {
                case "label": if label == nil { label = field.value }
                case "canonical": if canonical == nil { canonical = field.value }
                case "title": if title == nil { title = field.value }
                default: break
                }
            }
            guard case .string(let l)? = label else { continue }
            var name: String
            if case .string(let c)? = canonical, !c.isEmpty { name = c } else { name = document.text(of: a.span) }
            var t: String?
            if case .string(let v)? = title, !v.isEmpty { t = v }
            mentions.append(Mention(span: a.span, label: l, canonical: name, title: t, index: mentions.count))
        }
        // The entities extractor gives its mentions in order, so the (stable) sort is rarely needed.
        if zip(mentions, mentions.dropFirst()).contains(where: { $1.span < $0.span }) {
            mentions.sort { $0.span < $1.span }
            for i in mentions.indices { mentions[i].index = i }
        }
        self.mentions = mentions
        forms = LazyNameForms(mentions: mentions, document: document)
    }

    /// Index of the first mention ending after byte `offset`.
    private func lowerBound(_ offset: Int) -> Int {
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].span.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Mentions overlapping `span`, in order.
    func mentions(overlapping span: Span) -> ArraySlice<Mention> {
        var i = lowerBound(span.start)
        let first = i
        while i < mentions.count, mentions[i].span.start < span.end { i += 1 }
        return mentions[first..<i]
    }

    /// Mentions that end at or before byte `offset`, most recent first, back to `limit`.
    func mentions(before offset: Int, notBefore limit: Int) -> [Mention] {
        var out: [Mention] = []
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        while i >= 0, mentions[i].span.start >= limit {
            if mentions[i].span.end <= offset { out.append(mentions[i]) }
            i -= 1
        }
        return out
    }
}

/// The name forms of a document's mentions, computed once when first asked for.
final class LazyNameForms {
    private let mentions: [EntityIndex.Mention]
    private let document: AnalyzedDocument
    init(mentions: [EntityIndex.Mention], document: AnalyzedDocument) {
        self.mentions = mentions
        self.document = document
    }

    /// A name form: `length` is the name's character count, compared again and again; `words`
    /// its distinct words (at most five).
    typealias Form = (label: String, name: String, words: [Substring], length: Int)

    /// A mention's label and one of its names, to list each form once.
    private struct Key: Hashable {
        var label: String
        var name: String
    }

    lazy var value: [Form] = {
        var seen = Set<Key>()
        var forms: [Form] = []
        func add(_ label: String, _ name: String) {
            guard seen.insert(Key(label: label, name: name)).inserted,
                  let words = SpeakerResolver.distinctWords(name, atMost: 5), SpeakerResolver.isNameLike(name) else { return }
            forms.append((label, name, words, name.count))
        }
        for m in mentions where m.isSpeakerLike {
            add(m.label, document.text(of: m.span))
            add(m.label, m.canonical)
        }
        return forms
    }()
}
