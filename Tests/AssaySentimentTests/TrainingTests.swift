import AssayCore
import Foundation
import Testing

@testable import AssaySentiment

@Suite struct MetricsTests {
    @Test func correlations() {
        #expect(abs(SentimentMetrics.pearson([1, 2, 3], [2, 4, 6]) - 1) < 1e-12)
        #expect(abs(SentimentMetrics.pearson([1, 2, 3], [3, 2, 1]) + 1) < 1e-12)
        // Monotone but not linear: Spearman 1, Pearson below 1.
        #expect(abs(SentimentMetrics.spearman([1, 2, 3, 4], [1, 10, 100, 1000]) - 1) < 1e-12)
        #expect(SentimentMetrics.pearson([1, 2, 3, 4], [1, 10, 100, 1000]) < 0.95)
        #expect(SentimentMetrics.ranks([5, 1, 5, 3]) == [3.5, 1, 3.5, 2])
    }

    @Test func accuracyAndMacroF1() {
        let gold = ["positive", "negative", "neutral", "neutral"]
        let predicted = ["positive", "neutral", "neutral", "neutral"]
        #expect(SentimentMetrics.accuracy(predicted, gold) == 0.75)
        // F1: positive 1, negative 0, neutral 2·(2/3·1)/(2/3+1) = 0.8.
        #expect(abs(SentimentMetrics.macroF1(predicted, gold) - 0.6) < 1e-12)
    }

    @Test func thresholdsSeparateTheClasses() {
        let scores = [-0.5, -0.4, -0.01, 0.0, 0.02, 0.3, 0.6]
        let gold = ["negative", "negative", "neutral", "neutral", "neutral", "positive", "positive"]
        let t = SentimentMetrics.bestThresholds(scores: scores, gold: gold)
        let labels = scores.map { SentimentLabel.of($0, negative: t.negative, positive: t.positive) }
        #expect(labels == gold)
    }
}

@Suite struct TrainingTests {
    @Test func ridgeRecoversALinearRelation() {
        // y = 0.5 + 2·x0 - 1·x1 + 0.3·[feature 0]
        var rows: [RidgeRegression.Row] = [], y: [Double] = []
        var rng = SeededRandomGenerator(seed: 7)
        for i in 0..<200 {
            let x0 = Double(rng.next() % 1000) / 500 - 1, x1 = Double(rng.next() % 1000) / 500 - 1
            let s = i % 3 == 0
            rows.append(.init(dense: [x0, x1], sparse: s ? [(0, 1)] : []))
            y.append(0.5 + 2 * x0 - x1 + (s ? 0.3 : 0))
        }
        let fit = RidgeRegression.fit(rows, y, denseCount: 2, sparseCount: 1, denseLambda: 1e-6, sparseLambda: 1e-6)
        #expect(abs(fit.intercept - 0.5) < 1e-4)
        #expect(abs(fit.dense[0] - 2) < 1e-4 && abs(fit.dense[1] + 1) < 1e-4)
        #expect(abs(fit.sparse[0] - 0.3) < 1e-4)
    }

    /// A tiny rated corpus in the data's format, written to a temporary file.
    static func corpus() throws -> String {
        let positive = [
            "The talks were productive and friendly.", "Leaders praised the breakthrough.",
            "The ceasefire brought welcome relief.", "Aid arrived and families celebrated.",
            "The agreement was a success for both sides.", "Voters welcomed the generous plan."
        ]
        let negative = [
            "Troops condemned the brutal invasion.", "Sanctions deepened the crisis.",
            "The attack killed dozens of civilians.", "Officials denounced the corruption scandal.",
            "The bombing caused heavy casualties.", "Critics attacked the failed policy."
        ]
        let neutral = [
            "The committee met on Tuesday.", "The report has twelve chapters.",
            "The minister travelled to the capital.", "The vote is scheduled for March.",
            "The company moved its offices.", "The bill was sent to the Senate."
        ]
        var lines: [String] = []
        for (n, (texts, score, label)) in [(positive, 0.4, "pos"), (negative, -0.4, "neg"), (neutral, 0.0, "neu")]
            .enumerated()
        {
            for (i, t) in texts.enumerated() {
                let object: [String: Any] = [
                    "id": "s\(n)-\(i)", "text": t, "score": score + Double(i) * 0.01,
                    "label": label, "doc": "d\(i)"
                ]
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sentiment-\(UUID().uuidString).jsonl")
            .path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func trainToolWritesAModelThatEvaluates() throws {
        let data = try Self.corpus()
        let out = data + ".model.json"
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: out)
        }
        let registry = ExtractorRegistry()
        try SentimentPlugin.register(into: registry)
        let train = try #require(registry.tool(.train, named: "sentiment"))
        let log = LogCollector()
        try train.run(["--data", data, "--out", out, "--folds", "3"], registry) { log.append($0) }
        #expect(log.text.contains("nested CV"))
        #expect(log.text.contains("labels by thresholds"))
        #expect(log.text.contains("classifier lambda"))
        let file = try JSONDecoder().decode(SentimentModelFile.self, from: Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(file.features == SentimentFeatures.names)
        let report = try #require(file.report)
        #expect(report.sentences == 18 && report.documents == 6 && report.folds == 3)
        #expect(report.crossValidated.pearson > 0.5)
        // The classes are well separated in this corpus: the held-out classifier labels them.
        #expect(report.crossValidated.macroF1 > 0.5)
        #expect(report.classifierLambdaGrid.contains(file.classifier.lambda))
        #expect(file.classifier.labels == SentimentLabel.classes)

        let model = try SentimentModel(file: file)
        let doc = AnalyzedDocument("Leaders praised the productive talks.")
        let scored = model.score(doc, tokens: 0..<doc.tokens.count)
        #expect(scored.score > 0)
        #expect(scored.label == "positive")

        let eval = try #require(registry.tool(.evaluate, named: "sentiment"))
        let evalLog = LogCollector()
        try eval.run([data], registry) { evalLog.append($0) }
        #expect(evalLog.text.contains("VADER"))
        #expect(evalLog.text.contains("macro-F1"))
        #expect(evalLog.text.contains("nested CV"))
    }

    @Test func trainingIsReproducible() throws {
        let data = try Self.corpus()
        let first = data + ".a.json", second = data + ".b.json"
        defer { for p in [data, first, second] { try? FileManager.default.removeItem(atPath: p) } }
        let registry = ExtractorRegistry()
        try SentimentPlugin.register(into: registry)
        let train = try #require(registry.tool(.train, named: "sentiment"))
        try train.run(["--data", data, "--out", first, "--folds", "3"], registry) { _ in }
        try train.run(["--data", data, "--out", second, "--folds", "3"], registry) { _ in }
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func toolsRejectBadArguments() throws {
        let registry = ExtractorRegistry()
        try SentimentPlugin.register(into: registry)
        let train = try #require(registry.tool(.train, named: "sentiment"))
        #expect(throws: AssayError.self) { try train.run(["--data", "x.jsonl"], registry) { _ in } }
        let eval = try #require(registry.tool(.evaluate, named: "sentiment"))
        #expect(throws: AssayError.self) { try eval.run(["/nonexistent/file.jsonl"], registry) { _ in } }
    }
}

/// Collects tool output lines from a `@Sendable` callback.
final class LogCollector: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    func append(_ s: String) {
        lock.lock()
        lines.append(s)
        lock.unlock()
    }
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined(separator: "\n")
    }
}
