import AssayCore
import Testing

@testable import MentionedNumbers

/// Stand-ins for the real `entities` and `numbers` extractors, so these tests check this
/// extractor's pairing logic alone (and run without Assay's built-in plugins).
struct FakeEntities: Extractor {
    let descriptor = ExtractorDescriptor(name: "entities", summary: "test stand-in")
    /// Names to find and their labels.
    let names: [String: String]
    func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws -> [Annotation] {
        names.flatMap { name, label in
            document.text.ranges(of: name).map { r in
                Annotation(extractor: "entities", span: document.span(of: r), fields: ["label": .string(label)])
            }
        }
    }
}

struct FakeNumbers: Extractor {
    let descriptor = ExtractorDescriptor(name: "numbers", summary: "test stand-in: number tokens, $ amounts")
    func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws -> [Annotation] {
        document.tokenRange(in: span).compactMap { i in
            guard document.tokens[i].kind == .number, let value = Double(document.text(ofToken: i).filter { $0 != "," })
            else { return nil }
            let money = i > 0 && document.text(ofToken: i - 1) == "$"
            let span = Span(document.tokens[money ? i - 1 : i].span.start, document.tokens[i].span.end)
            return Annotation(
                extractor: "numbers", span: span,
                fields: [
                    "kind": .string(money ? "money" : "cardinal"), "value": .number(value),
                    "unit": money ? "USD" : .null
                ])
        }
    }
}

@Suite struct MentionedNumbersTests {
    let harness = try! ExtractorHarness(
        MentionedNumbersExtractor(),
        requiring: [
            FakeEntities(names: ["Tim Cook": "PERSON", "Apple": "ORG", "Cupertino": "LOC", "G20": "ORG"]), FakeNumbers()
        ])

    @Test func pairsEntitiesWithNumbersOfTheSameSentence() throws {
        let found = try harness.run("Apple sold 1,200 phones for $5. Tim Cook was pleased. Cupertino has 60000 people.")
        #expect(found.map { "\($0["entity"]!.text)~\($0["number"]!.text)" } == ["Apple~1,200", "Apple~$5"])
        #expect(found[0].text == "Apple sold 1,200")
        #expect(found[1]["kind"] == "money" && found[1]["value"] == 5 && found[1]["unit"] == "USD")
        #expect(found[0]["label"] == "ORG")
    }

    @Test func labelsOptionChoosesWhichEntitiesCount() throws {
        let text = "Tim Cook said Apple earned $90 in Cupertino."
        #expect(try harness.run(text).map { $0["entity"] } == ["Tim Cook", "Apple"])
        #expect(try harness.run(text, options: ["labels": "LOC"]).map { $0["entity"] } == ["Cupertino"])
        #expect(try harness.run(text, options: ["labels": "*"]).count == 3)
    }

    @Test func ignoresNumbersInsideTheName() throws {
        let found = try harness.run("The G20 pledged 100 tonnes.")
        #expect(found.map { $0["number"] } == ["100"])
    }

    @Test func staysInsideTheSpanItRunsIn() throws {
        let found = try harness.run("Apple made $3. Apple lost $2.", within: "Apple lost $2.")
        #expect(found.map { $0["number"] } == ["$2"])
    }

    @Test func declaresItsRequirements() throws {
        #expect(MentionedNumbersExtractor.descriptor.requires == ["entities", "numbers"])
        // Without the required extractors registered, Assay refuses to plan it (E202).
        let alone = try ExtractorHarness(MentionedNumbersExtractor())
        #expect(throws: AssayError.self) { try alone.run("Apple sold 3.") }
    }
}
