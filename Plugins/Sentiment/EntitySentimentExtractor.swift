import AssayCore
import Foundation

/// How each entity is written about: one annotation per canonical entity with the mean
/// sentiment of the sentences that mention it and how many there are.
public struct EntitySentimentExtractor: Extractor {
    public init() {}

    public var descriptor: ExtractorDescriptor { Self.descriptor }

    public static let descriptor = ExtractorDescriptor(
        name: "entity-sentiment",
        summary: "Mean sentiment of the sentences mentioning each entity",
        discussion: """
            Groups the entities extractor's mentions by canonical name ("Xi" and "Xi Jinping" together) \
            and averages the sentiment score of the distinct sentences that mention each one. \
            The annotation covers the entity's first mention in the span. \
            Example: `entity-sentiment labels=PERSON | sort score`.
            """,
        version: "1.0",
        fields: [
            FieldDescriptor("entity", .string, "the canonical name"),
            FieldDescriptor("entity_label", .string, "PERSON, ORG, LOC or MISC"),
            FieldDescriptor("score", .number, "mean sentiment of the sentences mentioning it, in [-1, 1]"),
            FieldDescriptor("label", .string, "positive, negative or neutral"),
            FieldDescriptor("sentences", .int, "how many sentences mention it"),
            FieldDescriptor("mentions", .int, "how many mentions"),
        ],
        requires: ["entities"],
        options: [
            OptionDescriptor("labels", default: .string(""), "entity labels to keep, comma-separated (default: all)"),
        ])

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws -> [Annotation] {
        let wanted = Set((context.options["labels"]?.text ?? "").uppercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        struct Group { var name: String; var label: String; var first: Span; var mentions = 0; var sentences: [Int] = [] }
        var groups: [String: Group] = [:]
        var order: [String] = []
        for mention in context.annotations(from: "entities") where span.contains(mention.span) {
            let label = mention["label"]?.text ?? ""
            if !wanted.isEmpty && !wanted.contains(label.uppercased()) { continue }
            let canonical = mention["canonical"].flatMap { $0.isNull || $0.text.isEmpty ? nil : $0.text }
                ?? document.text(of: mention.span)
            let key = label + "\u{1}" + canonical
            if groups[key] == nil { groups[key] = Group(name: canonical, label: label, first: mention.span); order.append(key) }
            groups[key]!.mentions += 1
            for s in document.sentenceRange(overlapping: mention.span) where !groups[key]!.sentences.contains(s) {
                groups[key]!.sentences.append(s)
            }
        }
        let model = SentimentModel.bundled
        var sentenceScores: [Int: Double] = [:]
        func score(_ s: Int) -> Double {
            if let known = sentenceScores[s] { return known }
            let v = model.score(document, tokens: document.sentences[s].tokens).score
            sentenceScores[s] = v
            return v
        }
        return order.compactMap { key in
            let g = groups[key]!
            guard !g.sentences.isEmpty else { return nil }
            let mean = g.sentences.map(score).reduce(0, +) / Double(g.sentences.count)
            return Annotation(extractor: Self.descriptor.name, span: g.first, orderedFields: [
                ("entity", .string(g.name)), ("entity_label", .string(g.label)),
                ("score", SentimentScorer.rounded(mean)), ("label", .string(model.label(mean))),
                ("sentences", .int(g.sentences.count)), ("mentions", .int(g.mentions)),
            ])
        }
    }
}
