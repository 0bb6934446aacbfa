import AssayCore

/// The `quotes` extractor: quotations with their speakers.
///
/// Finds text between quote marks of every kind (curly, straight, single quotes used as quote
/// marks, guillemets, multi-paragraph quotes), quotations printed without marks, and indirect
/// speech; attributes each to a speaker through the cue around it (after, before, inverted,
/// split, dash, "according to", a neighbouring sentence) and resolves the speaker to the
/// canonical name the `entities` extractor gives it, following pronouns and descriptions.
public struct QuoteExtractor: Extractor {
    public static let descriptor = ExtractorDescriptor(
        name: "quotes",
        summary: "Quotations and reported speech with their speakers",
        discussion: """
            Each annotation covers the quoted words without the quote marks (a quote that runs over \
            several paragraphs gives one annotation per paragraph). `kind` is `direct` (a full quoted \
            utterance), `partial` (a quoted fragment inside reported speech), `term` (scare quotes or \
            a title, never with a speaker) or `indirect` (reported speech without quote marks, such as \
            "Putin noted that ..."). `speaker` is the canonical person or organisation, or null when \
            the text does not say; `speaker_start`/`speaker_end` locate the mention it was resolved \
            from (a name, a pronoun, a description). `verb` is the speech cue as written ("stated", \
            "according to") and `cue` where the attribution was found: after, inverted, before, \
            colon, middle, dash, according-to, continuation, preceding-sentence, following-sentence, \
            unmarked, that-clause, transcript ("NAME: …" turns), possessive ("Trump’s claim that …") \
            and subject (the sentence's subject, no speech verb).
            """,
        version: "1.2",
        fields: [
            FieldDescriptor(
                "speaker", .string,
                "canonical name of who is quoted, or null (the corpus-level name when corpus linking is on)"),
            FieldDescriptor(
                "speaker_id", .string,
                "the speaker's corpus entity (\"PERSON/donald-trump\"), or null, when corpus linking is on"),
            FieldDescriptor("speaker_start", .int, "start of the speaker mention (Unicode scalars), or null"),
            FieldDescriptor("speaker_end", .int, "end of the speaker mention (Unicode scalars), or null"),
            FieldDescriptor("kind", .string, "direct, partial, term or indirect"),
            FieldDescriptor("verb", .string, "the speech verb or cue as written, or null"),
            FieldDescriptor("cue", .string, "where the attribution was found, or null")
        ],
        requires: ["entities"])

    public var descriptor: ExtractorDescriptor { Self.descriptor }

    public init() {}

    /// Loads the speaker ranker's model and the quote word classes.
    public func prepare() {
        _ = SpeakerModel.shipped
        _ = QuoteWord.classes
    }

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws
        -> [Annotation]
    {
        // Quotes are found over the whole document (an attribution may lie outside `span`), then
        // only those inside `span` are returned.
        let analyzer = QuoteAnalyzer(document: document, entityAnnotations: context.annotations(from: "entities"))
        return Self.annotations(of: analyzer, model: try SpeakerModel.shipped.get(), in: span)
    }

    /// The annotations of the quotes inside `span` of an analysed document, their speakers
    /// chosen by `model` (the shipped one, or one being measured by `assay train quotes --folds`).
    static func annotations(of analyzer: QuoteAnalyzer, model: SpeakerModel, in span: Span) -> [Annotation] {
        let document = analyzer.reader.document
        let quotes = analyzer.quotes(model: model)
        // The pieces in span order, equal spans in the order found (as a stable sort of the
        // annotations would give), sorted before the annotations are built rather than after.
        var order: [(span: Span, quote: Int, piece: Int)] = []
        for (q, quote) in quotes.enumerated() {
            for (p, piece) in quote.pieces.enumerated() where span.contains(piece) { order.append((piece, q, p)) }
        }
        order.sort { a, b in a.span != b.span ? a.span < b.span : (a.quote, a.piece) < (b.quote, b.piece) }
        var out: [Annotation] = []
        out.reserveCapacity(order.count)
        for (piece, q, _) in order {
            // The quote's fields are read from the array in place: a copy of the quote per
            // annotation would retain and release all its pieces and Strings.
            let mention = (quotes[q].attribution?.phrase?.tokens).map { analyzer.reader.span($0) }
            // Fields built in their stored form: `orderedFields:` would copy them into a new array.
            out.append(
                Annotation(
                    extractor: "quotes", span: piece,
                    labeledFields: [
                        ("speaker", .optional(quotes[q].speaker)),
                        ("speaker_start", mention.map { .int(document.scalarOffset(ofByte: $0.start)) } ?? .null),
                        ("speaker_end", mention.map { .int(document.scalarOffset(ofByte: $0.end)) } ?? .null),
                        ("kind", .string(quotes[q].kind.rawValue)),
                        ("verb", .optional(quotes[q].attribution?.verb)),
                        ("cue", .optional(quotes[q].attribution?.cue.rawValue))
                    ]))
        }
        return out
    }
}
