import AssayCore
import Testing

@testable import AssaySentiment

/// A stand-in for the entities plugin: tags the listed names with a label and canonical form.
struct FakeEntities: Extractor {
    let names: [(text: String, label: String, canonical: String)]
    var descriptor: ExtractorDescriptor { ExtractorDescriptor(name: "entities", summary: "test names") }

    func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws -> [Annotation] {
        var out: [Annotation] = []
        for name in names {
            var search = document.text.startIndex..<document.text.endIndex
            while let r = document.text.range(of: name.text, range: search) {
                out.append(
                    Annotation(
                        extractor: "entities", span: document.span(of: r),
                        fields: ["label": .string(name.label), "canonical": .string(name.canonical)]))
                search = r.upperBound..<document.text.endIndex
            }
        }
        return out.filter { span.contains($0.span) }
    }
}

@Suite struct EntitySentimentTests {
    static let text = """
        Ambassador Jane Doe praised the productive talks and welcomed the agreement. \
        The weather was mild. Doe later thanked her hosts warmly. \
        General Ivan Roe condemned the ceasefire and threatened new attacks. \
        Roe was accused of atrocities by Acme Corp.
        """
    static let entities = FakeEntities(names: [
        ("Jane Doe", "PERSON", "Jane Doe"), ("Doe later", "PERSON", "Jane Doe"),
        ("Ivan Roe", "PERSON", "Ivan Roe"), ("Roe was", "PERSON", "Ivan Roe"), ("Acme Corp", "ORG", "Acme Corp")
    ])

    @Test func onePerCanonicalEntityWithMeanAndCount() throws {
        let h = try ExtractorHarness(EntitySentimentExtractor(), requiring: [Self.entities])
        let found = try h.run(Self.text)
        let doe = try #require(found.first { $0["entity"] == "Jane Doe" })
        let roe = try #require(found.first { $0["entity"] == "Ivan Roe" })
        #expect(doe["sentences"] == .int(2) && doe["mentions"] == .int(2))
        #expect(roe["sentences"] == .int(2))
        #expect(doe["label"] == "positive")
        #expect(roe["label"] == "negative")
        #expect((doe["score"]?.number ?? 0) > (roe["score"]?.number ?? 0))
        #expect(doe.text == "Jane Doe")  // the first mention
    }

    @Test func labelsOptionFilters() throws {
        let h = try ExtractorHarness(EntitySentimentExtractor(), requiring: [Self.entities])
        let people = try h.run(Self.text, options: ["labels": "PERSON"])
        #expect(Set(people.compactMap { $0["entity"]?.text }) == ["Jane Doe", "Ivan Roe"])
        let orgs = try h.run(Self.text, options: ["labels": "org"])
        #expect(orgs.map { $0["entity"]?.text } == ["Acme Corp"])
    }

    @Test func sentimentInsideAPersonMentionScoresTheirSentences() throws {
        // `entities | where label == "PERSON" | sentiment`: the composition runs sentiment inside
        // each mention; a short name span yields the sentence around it.
        let registry = ExtractorRegistry()
        try registry.register(Self.entities)
        try SentimentPlugin.register(into: registry)
        let plan = try ExtractionPlan([.init("entities"), .init("sentiment")], registry: registry)
        let doc = AnalyzedDocument(Self.text)
        let run = DocumentExtraction(document: doc, plan: plan)
        let people = try run.annotations(of: plan.steps[0]).filter { $0["label"] == "PERSON" }
        let roe = try #require(people.first { $0["canonical"] == "Ivan Roe" })
        let inside = try run.annotations(of: plan.steps[1], in: roe.span)
        #expect(inside.count == 1)
        #expect(inside[0]["scope"] == "sentence")
        #expect(doc.text(of: inside[0].span).hasPrefix("General Ivan Roe condemned"))
        #expect(inside[0]["label"] == "negative")
    }
}
