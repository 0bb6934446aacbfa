import AssayCore
import Foundation

/// How each entity is written about: the tone toward each mention, from the target model
/// (``TargetSentimentModel``: "Xi criticised the sanctions Washington imposed" is negative
/// toward Washington, not toward Xi), and per canonical entity the mean over its mentions.
public struct EntitySentimentExtractor: Extractor {
    public init() {}

    public var descriptor: ExtractorDescriptor { Self.descriptor }

    public static let descriptor = ExtractorDescriptor(
        name: "entity-sentiment",
        summary: "Tone toward each entity: per mention, and per canonical entity the mean over its mentions",
        discussion: """
            Scores the tone toward each of the entities extractor's mentions with a target-dependent model \
            (the words around the mention by side and distance, sentiment verbs it is the subject or object of, \
            quotes it speaks or is quoted in, negation and contrast, its own role words, and the sentence's \
            tone), learnt on rated news targets: `assay train entity-sentiment`, `assay eval entity-sentiment`. \
            By default one row per canonical entity ("Xi" and "Xi Jinping" together, `scope: "entity"`) with \
            the mean of its mentions' scores, labelled by the most probable class on average, on its first \
            mention; per=mention gives one row per mention (`scope: "mention"`) instead, per=both both. \
            Example: `entity-sentiment labels=PERSON | sort score`, `entity-sentiment per=mention explain=true`.
            """,
        version: "2.0",
        fields: [
            FieldDescriptor("entity", .string, "the canonical name"),
            FieldDescriptor("entity_label", .string, "PERSON, ORG, LOC or MISC"),
            FieldDescriptor("scope", .string, "entity (the mean over its mentions) or mention (one mention)"),
            FieldDescriptor(
                "score", .number, "tone toward it in [-1, 1]: P(positive) - P(negative), a mean for an entity"),
            FieldDescriptor("label", .string, "positive, negative or neutral"),
            FieldDescriptor("sentences", .int, "how many sentences mention it"),
            FieldDescriptor("mentions", .int, "how many mentions"),
            FieldDescriptor(
                "explain", .list,
                "with explain=true: the features that moved the label (mentions), or the strongest mentions (entities)")
        ],
        requires: ["entities"],
        options: [
            OptionDescriptor("labels", default: .string(""), "entity labels to keep, comma-separated (default: all)"),
            OptionDescriptor(
                "per", default: .string("entity"),
                "entity (one row per canonical entity), mention (one per mention) or both"),
            OptionDescriptor("explain", default: .bool(false), "add an explain field: what moved each mention's label")
        ])

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws
        -> [Annotation]
    {
        let wanted = Set(
            (context.options["labels"]?.text ?? "").uppercased().split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        let per = (context.options["per"]?.text ?? "entity").lowercased()
        guard ["entity", "mention", "both"].contains(per) else {
            throw AssayError(.invalidArgument, "entity-sentiment: per must be entity, mention or both, not '\(per)'")
        }
        let explain = context.flag("explain")
        struct Group {
            var name: String
            var label: String
            var first: Span
            var mentions = 0
            var sentences: [Int] = []
            var probabilities: SIMD3<Float> = .zero
            var strongest: [(score: Double, text: String)] = []
        }
        var groups: [String: Group] = [:]
        var order: [String] = []
        var perMention: [Annotation] = []
        var scorer = TargetScorer(document: document)
        for mention in context.annotations(from: "entities") where span.contains(mention.span) {
            let label = mention["label"]?.text ?? ""
            if !wanted.isEmpty && !wanted.contains(label.uppercased()) { continue }
            let canonical =
                mention["canonical"].flatMap { $0.isNull || $0.text.isEmpty ? nil : $0.text }
                ?? document.text(of: mention.span)
            guard let scored = scorer.score(mention.span) else { continue }
            let key = label + "\u{1}" + canonical
            if groups[key] == nil {
                groups[key] = Group(name: canonical, label: label, first: mention.span)
                order.append(key)
            }
            groups[key]!.mentions += 1
            groups[key]!.probabilities += scored.probabilities
            for s in document.sentenceRange(overlapping: mention.span) where !groups[key]!.sentences.contains(s) {
                groups[key]!.sentences.append(s)
            }
            if explain { groups[key]!.strongest.append((scored.score, sentenceText(document, mention.span))) }
            if per != "entity" {
                perMention.append(
                    Annotation(
                        extractor: Self.descriptor.name, span: mention.span,
                        orderedFields: [
                            ("entity", .string(canonical)), ("entity_label", .string(label))
                        ] + scorer.fields(mention.span, scope: "mention", explain: explain)))
            }
        }
        guard per != "mention" else { return perMention }
        let entities = order.map { key -> Annotation in
            let g = groups[key]!
            let mean = g.probabilities / Float(g.mentions)
            let scored = TargetSentimentModel.Scored(probabilities: mean)
            var fields: [(String, Value)] = [
                ("entity", .string(g.name)), ("entity_label", .string(g.label)), ("scope", .string("entity")),
                ("score", SentimentScorer.rounded(scored.score)), ("label", .string(scored.label)),
                ("sentences", .int(g.sentences.count)), ("mentions", .int(g.mentions))
            ]
            if explain {
                let lines =
                    ["mean of \(g.mentions) mention(s)"]
                    + g.strongest.enumerated()
                    .sorted {
                        abs($0.element.score) != abs($1.element.score)
                            ? abs($0.element.score) > abs($1.element.score) : $0.offset < $1.offset
                    }
                    .prefix(3).map { String(format: "%+.2f in: ", $0.element.score) + $0.element.text }
                fields.append(("explain", .list(lines.map(Value.string))))
            }
            return Annotation(extractor: Self.descriptor.name, span: g.first, orderedFields: fields)
        }
        return per == "both" ? entities + perMention : entities
    }

    /// The sentence around a mention, shortened, for explanations.
    private func sentenceText(_ document: AnalyzedDocument, _ span: Span) -> String {
        guard let s = document.sentenceIndex(containing: span.start) else { return document.text(of: span) }
        let text = document.text(of: document.sentences[s].span)
        return text.count > 100 ? String(text.prefix(97)) + "..." : text
    }
}
