import AssayCore
import Foundation
import Synchronization
import Testing

@testable import AssayNumbers

/// The evaluator on a small fixture whose right answers are known by hand: one deliberate miss
/// (an IP address part), one spurious percent (not annotated) and one wrong value.
@Suite struct EvaluationTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/numbers-sample.jsonl").path

    @Test func scoresEachKindInScope() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.fixture))
        var evaluation = NumbersEvaluation()
        evaluation.evaluate(try NumbersGoldCase.load(jsonLines: data, name: "fixture"))
        #expect(evaluation.caseCount == 5)
        let cardinal = try #require(evaluation.scores["cardinal"])
        // "10" of 10.0.0.1 is expected but not found: an IP address is not a quantity.
        #expect(cardinal.spans == MatchCounts(matched: 2, found: 2, expected: 3))
        let ordinal = try #require(evaluation.scores["ordinal"])
        #expect(ordinal.spans == MatchCounts(matched: 1, found: 1, expected: 1))
        let percent = try #require(evaluation.scores["percent"])
        #expect(percent.spans.matched == 1 && percent.spans.found == 2)
        #expect(percent.valuesCorrect == 0 && percent.valuesCompared == 1)  // the fixture says 16.4
        let money = try #require(evaluation.scores["money"])
        #expect(money.f1 == 1 && money.valueAccuracy == 1 && money.unitAccuracy == 1)
        #expect(abs(cardinal.recall - 2.0 / 3) < 1e-9)
    }

    @Test func toolPrintsATableAndErrors() throws {
        let registry = ExtractorRegistry()
        try NumbersPlugin.register(into: registry)
        let tool = try #require(registry.tool(.evaluate, named: "numbers"))
        let lines = Mutex<[String]>([])
        try tool.run([Self.fixture, "--errors", "5"], registry) { line in lines.withLock { $0.append(line) } }
        let output = lines.withLock { $0 }.joined(separator: "\n")
        #expect(output.contains("cardinal"))
        #expect(output.contains("all"))
        #expect(output.contains("missed"))
        #expect(output.contains("wrong value"))
    }

    @Test func toolRejectsBadArguments() throws {
        let registry = ExtractorRegistry()
        try NumbersPlugin.register(into: registry)
        let tool = try #require(registry.tool(.evaluate, named: "numbers"))
        #expect(throws: AssayError.self) { try tool.run([], registry) { _ in } }
        #expect(throws: AssayError.self) { try tool.run(["/nonexistent/file.jsonl"], registry) { _ in } }
        #expect(throws: AssayError.self) { try tool.run([Self.fixture, "--errors", "many"], registry) { _ in } }
    }

    @Test func spanScoreArithmetic() {
        let s = SpanScore(spans: MatchCounts(matched: 3, found: 4, expected: 5))
        #expect(s.precision == 0.75)
        #expect(s.recall == 0.6)
        #expect(abs(s.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-12)
        #expect(SpanScore().f1 == 1)  // nothing to find, nothing found
    }
}
