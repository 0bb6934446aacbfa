/// The named entities of one document as its within-document linking left them: one entry per
/// label and canonical name, the input of corpus linking (names only, no text).
public struct DocumentNames: Sendable, Hashable {
    /// One entity of the document.
    public struct Entry: Sendable, Hashable {
        /// `PERSON`, `ORG`, `LOC` or `MISC`.
        public var label: String
        /// The document's fullest name for it ("Xi Jinping").
        public var canonical: String
        /// The first title the document gives it ("President"), if any.
        public var title: String?
        /// ``NameKey/words(of:label:)`` of `canonical`.
        public var words: [String]

        public init(label: String, canonical: String, title: String? = nil) {
            self.label = label
            self.canonical = canonical
            self.title = title
            words = NameKey.words(of: canonical, label: label)
        }

        /// An entry whose `words` are known already.
        init(label: String, canonical: String, title: String?, words: [String]) {
            self.label = label
            self.canonical = canonical
            self.title = title
            self.words = words
        }

        /// What this entity tells about the documents it is in, as a neighbour of another name:
        /// people by surname (so "Trump" and "Donald Trump" are the same neighbour), others by
        /// their whole name.
        var contextKey: String { Self.contextKey(label: label, words: words) }

        static func contextKey(label: String, words: [String]) -> String {
            // The usual labels spelt out: lowercasing a label's letter cost more than the rest.
            switch label {
            case NameKey.personLabel: return "p:" + (words.last ?? "")
            case NameKey.organisationLabel: return spaced(words, after: "o:")
            case "LOC": return spaced(words, after: "l:")
            case "MISC": return spaced(words, after: "m:")
            default: return spaced(words, after: label.prefix(1).lowercased() + ":")
            }
        }

        /// `prefix` and `words` joined by spaces.
        static func spaced(_ words: [String], after prefix: String) -> String {
            NameText.joined(words, separator: UInt8(ascii: " "), after: prefix)
        }

        /// Where the table files its forms: label and folded words.
        var formKey: String { Self.formKey(label: label, words: words) }

        static func formKey(label: String, words: [String]) -> String {
            NameText.joined(words, separator: UInt8(ascii: " "), after: label, mark: UInt8(ascii: "|"))
        }
    }

    /// An entity of a document as its annotations name it: label and canonical name.
    struct NameRef: Hashable, Sendable {
        var label: String
        var canonical: String
    }

    /// The entries in order of first mention.
    public private(set) var entries: [Entry] = []

    public init(_ entries: [Entry]) {
        var seen = Set<NameRef>()
        self.init(unique: entries.filter { seen.insert(NameRef(label: $0.label, canonical: $0.canonical)).inserted })
    }

    /// Entries already one per label and canonical name.
    init(unique entries: [Entry]) {
        self.entries = entries.filter { !$0.words.isEmpty }
    }

    /// The entries of the `entities` extractor's annotations (`label`, `canonical`, `title`
    /// fields; the mention's text when `canonical` is missing).
    public init(entities annotations: [Annotation], in document: AnalyzedDocument) {
        let (table, titles, _) = Self.names(annotations, in: document)
        self.init(
            unique: table.refs.indices.map { n in
                let ref = table.refs[n]
                return Entry(label: ref.label, canonical: ref.canonical, title: titles[n])
            })
    }

    /// The entries of the `entities` annotations as ``init(entities:in:)`` reads them, each
    /// name's words from `folded` (which folds and keeps those it has not seen).
    public init(entities annotations: [Annotation], in document: AnalyzedDocument, folded: FoldedNames) {
        self.init(MentionNames(entities: annotations, in: document, folded: folded))
    }

    /// The entries of a document's mention names (their words folded again unless known).
    public init(_ names: MentionNames) {
        let table = names.table
        self.init(
            unique: table.refs.indices.map { n in
                let ref = table.refs[n]
                guard let words = names.words else {
                    return Entry(label: ref.label, canonical: ref.canonical, title: names.titles[n])
                }
                return Entry(label: ref.label, canonical: ref.canonical, title: names.titles[n], words: words[n])
            })
    }

    /// The distinct names (label and canonical name) of `annotations` in order of first
    /// mention, with the first title each is given; `nameOfMention` is the number of each
    /// annotation's name in the table (-1 for one without a label).
    static func names(_ annotations: [Annotation], in document: AnalyzedDocument) -> (
        NameRefTable, titles: [String?], nameOfMention: [Int32]
    ) {
        // Sized for every mention a new name: growing would place each name again.
        var table = NameRefTable(capacity: annotations.count)
        var titles: [String?] = []
        titles.reserveCapacity(annotations.count)
        var nameOfMention = [Int32](repeating: -1, count: annotations.count)
        for (m, a) in annotations.enumerated() {
            let fields = Self.nameFields(of: a)
            guard case .string(let label)? = fields.label else { continue }
            let ref = NameRef(label: label, canonical: Self.canonical(fields.canonical, of: a, in: document))
            var title: String?
            if case .string(let t)? = fields.title, !t.isEmpty { title = t }
            let (n, isNew) = table.insert(ref)
            nameOfMention[m] = Int32(n)
            if isNew {
                titles.append(title)
            } else if titles[n] == nil {
                titles[n] = title
            }
        }
        return (table, titles, nameOfMention)
    }

    /// The `label`, `canonical` and `title` fields of an `entities` annotation (the first of
    /// each key, as its subscript reads them), found in one walk over its fields: a subscript
    /// walks them, comparing keys, for each field read.
    static func nameFields(of a: Annotation) -> (label: Value?, canonical: Value?, title: Value?) {
        var label: Value?, canonical: Value?, title: Value?
        for (key, value) in a.fields {
            // Keys are told apart by length first.
            switch key.utf8.count {
            case 5:
                if label == nil && key == "label" {
                    label = value
                } else if title == nil && key == "title" {
                    title = value
                }
            case 9:
                if canonical == nil && key == "canonical" { canonical = value }
            default:
                continue
            }
        }
        return (label, canonical, title)
    }

    /// The document-level name of an `entities` annotation: its `canonical` field, or its text
    /// when that is missing or empty.
    static func canonical(of mention: Annotation, in document: AnalyzedDocument) -> String {
        canonical(mention["canonical"], of: mention, in: document)
    }

    /// ``canonical(of:in:)`` of `mention`, whose `canonical` field is `field`.
    private static func canonical(_ field: Value?, of mention: Annotation, in document: AnalyzedDocument) -> String {
        if case .string(let c)? = field, !c.isEmpty { return c }
        return document.text(of: mention.span)
    }

    /// The context keys of the document (see ``Entry/contextKey``), each once.
    var contextKeys: [NameCounts.Key] { Self.unique(entries.map { NameCounts.Key($0.contextKey) }) }

    /// Context keys each once (the first of each name), in the order given: found again by
    /// their hashes, as sorting them by name (to make repeats neighbours) cost several times
    /// as much.
    static func unique(_ keys: [NameCounts.Key]) -> [NameCounts.Key] {
        var slots = HashSlots(capacity: keys.count)
        var unique: [NameCounts.Key] = []
        unique.reserveCapacity(keys.count)
        for k in keys where slots.first(k.hash, in: unique, orAdding: { $0.name == k.name }).isNew { unique.append(k) }
        return unique
    }
}
