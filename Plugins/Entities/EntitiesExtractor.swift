import AssayCore

/// The `entities` extractor: people, organisations, places and other names, tagged by a trained
/// statistical sequence tagger and linked within each document.
public struct EntitiesExtractor: Extractor {
    /// The descriptor other extractors rely on: `quotes` reads `label` and `canonical`.
    public static let descriptor = ExtractorDescriptor(
        name: "entities",
        summary: "Named entities: PERSON, ORG, LOC, MISC, linked within the document",
        discussion: """
            A linear-chain tagger (averaged structured perceptron over BILOU tags, Viterbi decoding) \
            trained on CoNLL-2003 English news, with word, shape, affix, context, capitalisation \
            and gazetteer features, word clusters learnt from unlabelled modern news, and the \
            contexts of all mentions of a name in the document ("bid for Countrywide", \
            "Countrywide shares"); the mentions of one spelling take one label, a one-word name \
            that ends a longer person's name that person ("Russell" of "George Russell"), a new \
            one-word "person" the document mentions twice or more but never introduces (by a \
            full name, title or first name) an organisation ("health regulator Anvisa"), and a \
            name the tagger found once is found wherever the document spells it again, standing \
            alone. Mentions of one entity are merged per document: `canonical` is \
            the fullest name ("Putin" → "Vladimir Putin"); titles before a person's name are not \
            part of its span but kept in `title` ("President"). Hyphenated names are split \
            ("China-Russia" holds two places). A name keeps a short number that ends it \
            ("Nord Stream 2", "Apollo 11"); in headlines, function words and headline verbs are \
            not part of names ("XI AND PUTIN MEET", "Toqayev Receives"). A name hyphenated to a \
            lower-case word is one MISC ("California-based"); a one-word name with a capital \
            inside it is a brand, not a person ("TikTok"), unless a surname particle comes first \
            ("McDonald").
            """,
        version: "1.6",
        fields: [
            FieldDescriptor("label", .string, "PERSON, ORG, LOC or MISC"),
            FieldDescriptor("canonical", .string, "the fullest name of the entity in the document"),
            FieldDescriptor("title", .string, "a person's title (\"President\", \"Foreign Minister\"), when present"),
            FieldDescriptor(
                "name", .string,
                "the corpus-level name (\"Donald Trump\" for \"Donald J. Trump\" and \"Trump\"), when corpus linking is on (the REPL's default, `assay extract --link corpus`)"
            ),
            FieldDescriptor(
                "entity_id", .string, "the corpus entity (\"PERSON/donald-trump\"), when corpus linking is on")
        ])

    public var descriptor: ExtractorDescriptor { Self.descriptor }

    private let recognizer: EntityRecognizer?

    /// The extractor with the shipped model (loaded on first use).
    public init() { recognizer = nil }

    init(recognizer: EntityRecognizer) { self.recognizer = recognizer }

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws
        -> [Annotation]
    {
        // The whole document is tagged even for a smaller span: linking needs every mention to
        // name the fullest form, and the tagger's document features need the whole text.
        let r = try recognizer ?? EntityRecognizer.shipped.get()
        let linker = MentionLinker(titles: EntityRecognizer.titleMatcher)
        let linked = linker.link(r.mentions(in: document), in: document)
        var out: [Annotation] = []
        out.reserveCapacity(linked.count)
        for m in linked where span.contains(m.span) {
            // One array per annotation, made at its final size (a third field would otherwise
            // grow it, and the plain initialiser copy it), with room for the two fields corpus
            // linking adds (`name`, `entity_id`), which would otherwise make it again.
            var fields: [(key: String, value: Value)] = []
            fields.reserveCapacity(m.title == nil ? 4 : 5)
            fields.append((key: "label", value: .string(m.label.rawValue)))
            fields.append((key: "canonical", value: .string(m.canonical)))
            if let t = m.title { fields.append((key: "title", value: .string(t))) }
            out.append(Annotation(extractor: "entities", span: m.span, labeledFields: fields))
        }
        return out
    }
}
