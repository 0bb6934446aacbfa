import AssayCore
import Foundation
import Testing

/// A throwaway extractor: finds one word, optionally requiring others.
struct WordFinder: Extractor {
    let descriptor: ExtractorDescriptor
    let word: String

    init(_ name: String, word: String = "Putin", requires: [String] = [], options: [OptionDescriptor] = []) {
        descriptor = ExtractorDescriptor(name: name, summary: "finds \(word)", requires: requires, options: options)
        self.word = word
    }

    func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws -> [Annotation] {
        document.tokenRange(in: span).filter { document.text(ofToken: $0) == word }.map { i in
            Annotation(
                extractor: descriptor.name, span: document.tokens[i].span,
                fields: ["upstream": .int(descriptor.requires.reduce(0) { $0 + context.annotations(from: $1).count })])
        }
    }
}

/// An extractor that counts its ``Extractor/prepare()`` calls and lets a test wait for them.
final class PreparedFinder: Extractor, @unchecked Sendable {
    let descriptor: ExtractorDescriptor
    let prepared = DispatchSemaphore(value: 0)

    init(_ name: String, requires: [String] = []) {
        descriptor = ExtractorDescriptor(name: name, summary: "prepares", requires: requires)
    }

    func prepare() { prepared.signal() }

    func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws -> [Annotation] {
        []
    }
}

struct RegistryAndPlanTests {
    @Test func everyExtractorOfAPlanIsPreparedInTheBackground() throws {
        let r = ExtractorRegistry()
        let asked = PreparedFinder("asked", requires: ["required"])
        let required = PreparedFinder("required")
        try r.register(asked)
        try r.register(required)
        try ExtractionPlan([.init("asked")], registry: r).prepareInBackground()
        // Both are prepared, the requirement too, each once.
        for e in [asked, required] {
            #expect(e.prepared.wait(timeout: .now() + 10) == .success)
            #expect(e.prepared.wait(timeout: .now() + 0.2) == .timedOut)
        }
    }

    @Test func duplicateNamesAreRejectedWithAStableCode() throws {
        let r = ExtractorRegistry()
        try r.register(WordFinder("people"))
        #expect(throws: AssayError(.duplicateExtractor, "an extractor named 'people' is already registered")) {
            try r.register(WordFinder("people"))
        }
    }

    @Test func invalidNamesAreRejected() {
        let r = ExtractorRegistry()
        for bad in ["People", "1abc", "a b", "", "x.y"] {
            #expect(throws: AssayError.self) { try r.register(WordFinder(bad)) }
        }
    }

    @Test func requirementsAreResolvedAndOrdered() throws {
        let r = ExtractorRegistry()
        try r.register(WordFinder("quotes-like", requires: ["people"]))
        try r.register(WordFinder("people", requires: ["tokens-like"]))
        try r.register(WordFinder("tokens-like"))
        let plan = try ExtractionPlan([.init("quotes-like")], registry: r)
        #expect(plan.order == ["tokens-like", "people", "quotes-like"])
    }

    @Test func unknownExtractorSuggestsTheClosestName() throws {
        let r = ExtractorRegistry()
        try r.register(WordFinder("quotes"))
        do {
            _ = try ExtractionPlan([.init("qoutes")], registry: r)
            Issue.record("expected an error")
        } catch let e as AssayError {
            #expect(e.code == .unknownExtractor)
            #expect(e.message.contains("did you mean 'quotes'"))
        }
    }

    @Test func missingRequirementIsReportedWithWhoNeedsIt() throws {
        let r = ExtractorRegistry()
        try r.register(WordFinder("quotes", requires: ["entities"]))
        #expect(
            throws: AssayError(.missingRequirement, "extractor 'quotes' requires 'entities', which is not registered")
        ) {
            try ExtractionPlan([.init("quotes")], registry: r)
        }
    }

    @Test func cyclesAreReportedWithTheirPath() throws {
        let r = ExtractorRegistry()
        try r.register(WordFinder("a", requires: ["b"]))
        try r.register(WordFinder("b", requires: ["a"]))
        #expect(throws: AssayError(.dependencyCycle, "extractors require each other in a cycle: a -> b -> a")) {
            try ExtractionPlan([.init("a")], registry: r)
        }
    }

    @Test func duplicatesAndUnknownOptionsAreRejected() throws {
        let r = ExtractorRegistry()
        try r.register(WordFinder("a", options: [OptionDescriptor("mode", default: "fast", "speed")]))
        #expect(throws: AssayError.self) { try ExtractionPlan([.init("a"), .init("a")], registry: r) }
        do {
            _ = try ExtractionPlan([.init("a", options: ["speed": 1])], registry: r)
            Issue.record("expected an error")
        } catch let e as AssayError {
            #expect(e.code == .unknownOption)
        }
    }

    @Test func requiredOutputIsComputedOnceAndShared() throws {
        let r = ExtractorRegistry()
        try r.register(WordFinder("people"))
        try r.register(WordFinder("mentions", word: "met", requires: ["people"]))
        let plan = try ExtractionPlan([.init("mentions"), .init("people")], registry: r)
        let out = try plan.run(AnalyzedDocument("Putin met Xi. Putin left."))
        #expect(out["people"]?.count == 2)
        #expect(out["mentions"]?.first?["upstream"] == .int(2))
    }

    @Test func extractorsRunInsideASpan() throws {
        let harness = try ExtractorHarness(WordFinder("people"))
        let found = try harness.run("Putin met Xi. Later Putin left.", within: "Later Putin left.")
        #expect(found.map(\.start) == [20])
    }

    @Test func toolsAreRegisteredByKindAndName() throws {
        let r = ExtractorRegistry()
        try r.register(
            tool: ExtractorTool(kind: .evaluate, name: "people", summary: "s", usage: "FILE") { _, _, out in out("ok") }
        )
        #expect(r.tool(.evaluate, named: "people") != nil)
        #expect(r.tool(.train, named: "people") == nil)
        #expect(throws: AssayError.self) {
            try r.register(tool: ExtractorTool(kind: .evaluate, name: "people", summary: "s", usage: "") { _, _, _ in })
        }
    }

    @Test func parallelRunnerKeepsOrderAndStopsWhenCancelled() {
        let out = ParallelRunner(concurrency: 4).map(Array(0..<1000)) { $0 * 2 }
        #expect(out.compactMap { $0 } == Array(0..<1000).map { $0 * 2 })
        let flag = CancellationFlag()
        flag.cancel()
        #expect(ParallelRunner(concurrency: 2).map(Array(0..<10), cancel: flag) { $0 }.allSatisfy { $0 == nil })
    }
}

struct MatchCountsTests {
    @Test func precisionRecallAndF1() {
        var c = MatchCounts(matched: 3, found: 4, expected: 6)
        #expect(c.precision == 0.75 && c.recall == 0.5)
        #expect(abs(c.f1 - 0.6) < 1e-12)
        c += MatchCounts(matched: 1, found: 1, expected: 0)
        #expect(c == MatchCounts(matched: 4, found: 5, expected: 6))
        #expect(MatchCounts().precision == 1 && MatchCounts().f1 == 1)
        #expect(MatchCounts(matched: 0, found: 0, expected: 2).precision == 0)
    }
}
