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
            label == NameKey.personLabel
                ? "p:" + (words.last ?? "") : label.prefix(1).lowercased() + ":" + words.joined(separator: " ")
        }

        /// Where the table files its forms: label and folded words.
        var formKey: String { label + "|" + words.joined(separator: " ") }
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
    private init(unique entries: [Entry]) {
        self.entries = entries.filter { !$0.words.isEmpty }
    }

    /// The entries of the `entities` extractor's annotations (`label`, `canonical`, `title`
    /// fields; the mention's text when `canonical` is missing).
    public init(entities annotations: [Annotation], in document: AnalyzedDocument) {
        self.init(unique: Self.entries(annotations, in: document) { NameKey.words(of: $0.canonical, label: $0.label) })
    }

    /// The entries of the `entities` annotations, each name's words from `known`, with the
    /// corpus entity `known` holds for each entry (nil where it depends on the document).
    static func read(entities annotations: [Annotation], in document: AnalyzedDocument, known: KnownNames)
        -> (names: DocumentNames, entities: [CorpusEntity?])
    {
        var readEntities: [CorpusEntity?] = []
        let entries = Self.entries(annotations, in: document) { ref in
            let reading = known.reading(label: ref.label, canonical: ref.canonical)
            if !reading.words.isEmpty { readEntities.append(reading.entity) }
            return reading.words
        }
        return (DocumentNames(unique: entries), readEntities)
    }

    /// One entry per label and canonical name of `annotations`, in order of first mention,
    /// the words of each new name from `words` (called once per entry, in order).
    private static func entries(
        _ annotations: [Annotation], in document: AnalyzedDocument, words: (NameRef) -> [String]
    ) -> [Entry] {
        var entries: [Entry] = []
        // Sized for every mention a new name: growing would hash each name again.
        var index: [NameRef: Int] = [:]
        index.reserveCapacity(annotations.count)
        for a in annotations {
            guard case .string(let label)? = a["label"] else { continue }
            let key = NameRef(label: label, canonical: Self.canonical(of: a, in: document))
            var title: String?
            if case .string(let t)? = a["title"], !t.isEmpty { title = t }
            if let i = index[key] {
                if entries[i].title == nil { entries[i].title = title }
            } else {
                index[key] = entries.count
                entries.append(Entry(label: label, canonical: key.canonical, title: title, words: words(key)))
            }
        }
        return entries
    }

    /// The document-level name of an `entities` annotation: its `canonical` field, or its text
    /// when that is missing or empty.
    static func canonical(of mention: Annotation, in document: AnalyzedDocument) -> String {
        if case .string(let c)? = mention["canonical"], !c.isEmpty { return c }
        return document.text(of: mention.span)
    }

    /// The context keys of the document (see ``Entry/contextKey``).
    var contextKeys: Set<String> { Set(entries.map(\.contextKey)) }
}
