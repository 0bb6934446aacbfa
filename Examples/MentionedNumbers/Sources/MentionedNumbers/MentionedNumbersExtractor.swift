import AssayCore

/// Pairs the people and organisations a sentence mentions with the numbers in that sentence:
/// "Apple said revenue rose 8% to $94.9 billion" gives (Apple, 8%) and (Apple, $94.9 billion).
///
/// It finds nothing by itself: it reads the annotations of `entities` and `numbers`, which it
/// declares in `requires` so that Assay runs them first (from any plugin, built in or loaded)
/// and hands their whole-document output over through ``ExtractionContext/annotations(from:)``.
public struct MentionedNumbersExtractor: Extractor {
    public static let descriptor = ExtractorDescriptor(
        name: "mentioned-numbers",
        summary: "Which person or organisation is mentioned in the same sentence as which number",
        discussion: """
            One annotation per (entity, number) pair found in the same sentence, spanning both \
            mentions. Reads the output of the entities and numbers extractors, so their quality \
            is its quality. Use labels=PERSON to keep people only, and 'where kind == "money"' \
            to keep sums of money.
            """,
        version: "1.0",
        fields: [
            FieldDescriptor("entity", .string, "the person or organisation, as written"),
            FieldDescriptor("label", .string, "its entity label (PERSON, ORG, ...)"),
            FieldDescriptor("number", .string, "the number, as written"),
            FieldDescriptor("kind", .string, "the number's kind (money, percent, cardinal, ...)"),
            FieldDescriptor("value", .number, "the number's normalised value"),
            FieldDescriptor("unit", .string, "the number's unit (ISO currency code, %), if any")
        ],
        requires: ["entities", "numbers"],
        options: [
            OptionDescriptor(
                "labels", default: "PERSON,ORG", "entity labels to pair with numbers, comma-separated (* for all)")
        ])

    public var descriptor: ExtractorDescriptor { Self.descriptor }

    public init() {}

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws
        -> [Annotation]
    {
        let labels = Set(
            context.options["labels", default: "PERSON,ORG"].text
                .split(separator: ",").map { String($0.filter { !$0.isWhitespace }).uppercased() })
        let entities = context.annotations(from: "entities").filter { e in
            span.contains(e.span) && (labels.contains("*") || labels.contains(e["label"]?.text.uppercased() ?? ""))
        }
        let numbers = context.annotations(from: "numbers").filter { span.contains($0.span) }
        let numbersBySentence = Dictionary(grouping: numbers) { document.sentenceIndex(containing: $0.span.start) }

        var out: [Annotation] = []
        for entity in entities {
            guard let sentence = document.sentenceIndex(containing: entity.span.start) else { continue }
            // A number inside the name ("G20", "3M") is part of the name, not a figure about it.
            for number in numbersBySentence[sentence] ?? [] where !number.span.overlaps(entity.span) {
                out.append(
                    Annotation(
                        extractor: "mentioned-numbers", span: entity.span.union(number.span),
                        fields: [
                            "entity": .string(document.text(of: entity.span)),
                            "label": entity["label"] ?? .null,
                            "number": .string(document.text(of: number.span)),
                            "kind": number["kind"] ?? .null,
                            "value": number["value"] ?? .null,
                            "unit": number["unit"] ?? .null
                        ]))
            }
        }
        return out.sorted { $0.span < $1.span }
    }
}
