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
        var mentions = annotations.compactMap { a -> Mention? in
            guard case .string(let label)? = a["label"] else { return nil }
            var canonical: String
            if case .string(let c)? = a["canonical"], !c.isEmpty { canonical = c } else { canonical = document.text(of: a.span) }
            var title: String?
            if case .string(let t)? = a["title"], !t.isEmpty { title = t }
            return Mention(span: a.span, label: label, canonical: canonical, title: title)
        }.sorted { $0.span < $1.span }
        for i in mentions.indices { mentions[i].index = i }
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

    /// A name form: `length` is the name's character count, compared again and again.
    typealias Form = (label: String, name: String, words: Set<Substring>, length: Int)

    /// A mention's label and one of its names, to list each form once.
    private struct Key: Hashable {
        var label: String
        var name: String
    }

    lazy var value: [Form] = {
        var seen = Set<Key>()
        var forms: [Form] = []
        for m in mentions where m.isSpeakerLike {
            for name in [document.text(of: m.span), m.canonical] where seen.insert(Key(label: m.label, name: name)).inserted {
                let words = SpeakerResolver.words(name)
                if words.count <= 5, SpeakerResolver.isNameLike(name) { forms.append((m.label, name, words, name.count)) }
            }
        }
        return forms
    }()
}
