import AssayCore

/// The `entities` extractor's mentions of one document, searchable by position.
struct EntityIndex {
    struct Mention {
        var span: Span
        /// The entity's label; nil for a label other than the four.
        var label: EntityLabel?
        /// Its position in ``EntityIndex/mentions``, by which facts about it are memoised and
        /// its canonical name and title are found (``EntityIndex/canonical(_:)``): a mention
        /// holds no Strings, so copying one retains nothing.
        var index = 0
        /// The tokens inside its span (`AnalyzedDocument.tokenRange(in:)`), found once for all
        /// mentions: candidates, subjects and antecedents ask for them again and again.
        var tokens = 0..<0
        var isSpeakerLike: Bool { label == .person || label == .org }
    }

    let mentions: [Mention]
    /// Per mention: the fullest name the document gives its entity ("Xi" -> "Xi Jinping").
    let canonicals: [String]
    /// Per mention: a title the entities extractor found before the name, if any.
    let titles: [String?]
    /// The name forms of the mentions: the candidates when a bare or garbled name needs its
    /// fullest form.
    let nameForms: NameForms

    init(_ annotations: [Annotation], document: AnalyzedDocument) {
        var mentions: [Mention] = [], canonicals: [String] = [], titles: [String?] = []
        mentions.reserveCapacity(annotations.count)
        canonicals.reserveCapacity(annotations.count)
        titles.reserveCapacity(annotations.count)
        for a in annotations {
            // One pass over the fields for the three wanted (the first of each key, as `a[key]`
            // would find it), rather than a search per key.
            // Only a field's string is kept, not a copy of its `Value`.
            var label = FirstField.unseen, canonical = FirstField.unseen, title = FirstField.unseen
            for field in a.fields {
                switch field.key {
                case "label": if case .unseen = label { label = FirstField(field.value) }
                case "canonical": if case .unseen = canonical { canonical = FirstField(field.value) }
                case "title": if case .unseen = title { title = FirstField(field.value) }
                default: break
                }
            }
            guard case .string(let l) = label else { continue }
            var name: String
            if case .string(let c) = canonical, !c.isEmpty { name = c } else { name = document.text(of: a.span) }
            var t: String?
            if case .string(let v) = title, !v.isEmpty { t = v }
            mentions.append(Mention(span: a.span, label: Self.label(l)))
            canonicals.append(name)
            titles.append(t)
        }
        // The entities extractor gives its mentions in order, so the (stable) sort is rarely needed.
        if mentions.indices.dropFirst().contains(where: { mentions[$0].span < mentions[$0 - 1].span }) {
            let order = mentions.indices.sorted { a, b in
                mentions[a].span != mentions[b].span ? mentions[a].span < mentions[b].span : a < b
            }
            mentions = order.map { mentions[$0] }
            canonicals = order.map { canonicals[$0] }
            titles = order.map { titles[$0] }
        }
        for i in mentions.indices {
            mentions[i].index = i
            mentions[i].tokens = document.tokenRange(in: mentions[i].span)
        }
        self.mentions = mentions
        self.canonicals = canonicals
        self.titles = titles
        nameForms = NameForms(mentions: mentions, canonicals: canonicals, document: document)
    }

    /// `EntityLabel(rawValue:)`, comparing the label with each raw value in turn: the generated
    /// initialiser's string switch costs several times as much, asked once per mention.
    private static func label(_ l: String) -> EntityLabel? {
        if l == "PERSON" { return .person }
        if l == "ORG" { return .org }
        if l == "LOC" { return .loc }
        if l == "MISC" { return .misc }
        return nil
    }

    /// The first field of a key in an annotation, as `annotation[key]` finds it: none yet, a
    /// string, or a value of another kind.
    private enum FirstField {
        case unseen, string(String), other
        init(_ value: Value) {
            if case .string(let s) = value { self = .string(s) } else { self = .other }
        }
    }

    /// The fullest name the document gives the entity of mention `m`.
    func canonical(_ m: Mention) -> String { canonicals[m.index] }

    /// The title the entities extractor found before mention `m`, if any.
    func title(_ m: Mention) -> String? { titles[m.index] }

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

/// The name forms of a document's mentions: each person's or organisation's text and canonical
/// name, in mention order. What is worked out about a form (its length, whether it is a name
/// and its words) is kept for the next question: a document asks for the fullest form of
/// several names, and most documents never ask.
final class NameForms {
    private let mentions: [EntityIndex.Mention]
    private let canonicals: [String]
    private let document: AnalyzedDocument
    /// Per form (two per mention: its text, then its canonical name), the character count, or
    /// -1 until worked out.
    private var lengths: [Int] = []
    /// Per form, its distinct words when it can stand for a name (name-like, at most five
    /// words), once worked out.
    private var words: [Candidate] = []
    /// The forms of the people or organisations with each label asked about, in order, each
    /// spelling once (its first form), listed when first asked.
    private var speakerForms: [EntityLabel: [Int]] = [:]

    private enum Candidate {
        case unknown, rejected
        case name([Substring])
    }

    init(mentions: [EntityIndex.Mention], canonicals: [String], document: AnalyzedDocument) {
        self.mentions = mentions
        self.canonicals = canonicals
        self.document = document
    }

    private func name(_ form: Int) -> String {
        form & 1 == 0 ? document.text(of: mentions[form >> 1].span) : canonicals[form >> 1]
    }

    /// The longest name form with `label` whose words include `words`, when longer than
    /// `best` (`bestLength` characters); else `best`. The first of equally long forms wins, so
    /// forms listed twice count once.
    func fullest(label: EntityLabel?, containing words: [Substring], best: String, bestLength: Int) -> String {
        // Only people and organisations have name forms to look through.
        guard let label else { return best }
        if lengths.isEmpty {
            lengths = Array(repeating: -1, count: 2 * mentions.count)
            self.words = Array(repeating: .unknown, count: 2 * mentions.count)
        }
        let candidates: [Int]
        if let known = speakerForms[label] {
            candidates = known
        } else {
            candidates = distinctForms(label: label)
            speakerForms[label] = candidates
        }
        // The memo arrays are moved out for the loop and back after it: read and written in
        // place through `self`, each access would be checked for exclusivity.
        var lengths: [Int] = [], forms: [Candidate] = []
        swap(&lengths, &self.lengths)
        swap(&forms, &self.words)
        defer {
            swap(&lengths, &self.lengths)
            swap(&forms, &self.words)
        }
        var best = best, bestLength = bestLength
        for form in candidates {
            if lengths[form] < 0 { lengths[form] = CharacterCount.of(name(form)) }
            guard lengths[form] > bestLength else { continue }
            if case .unknown = forms[form] {
                let text = name(form)
                if let w = SpeakerResolver.distinctWords(text, atMost: 5), SpeakerResolver.isNameLike(text) {
                    forms[form] = .name(w)
                } else {
                    forms[form] = .rejected
                }
            }
            guard case .name(let candidate) = forms[form], words.allSatisfy({ candidate.contains($0) }) else {
                continue
            }
            best = name(form)
            bestLength = lengths[form]
        }
        return best
    }

    /// The forms of the speaker-like mentions with `label`, in order, without an ASCII form
    /// spelled as an earlier one: that one is as long and holds the same words, and the first
    /// of equally long forms wins, so a repeat could never be chosen. An article names its
    /// people many times, and each form is worked out once instead of once per mention. Other
    /// forms are all kept: Strings are equal when canonically equivalent, which for ASCII alone
    /// means byte for byte.
    private func distinctForms(label: EntityLabel) -> [Int] {
        var forms: [Int] = []
        var listed = ASCIIStrings(capacity: 2 * mentions.count)
        for k in mentions.indices where mentions[k].isSpeakerLike && mentions[k].label == label {
            for form in (2 * k)..<(2 * k + 2) {
                // An ASCII form met before is left out; other forms are all kept.
                if let met = listed.insert(name(form)), !met.isNew { continue }
                forms.append(form)
            }
        }
        return forms
    }
}
