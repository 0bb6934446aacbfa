import AssayCore
import Foundation
import Testing

@testable import AssaySentiment

/// The label classifier: the optimiser, the softmax fit, and how the model uses it.
@Suite struct ClassifierTests {
    @Test func lbfgsFindsTheMinimumOfAQuadratic() {
        // f(x) = Σ (i + 1)·(x_i - i)², minimum at x_i = i.
        let x = LBFGS.minimize(
            { x in
                var f = 0.0
                var g = [Double](repeating: 0, count: x.count)
                for i in x.indices {
                    let d = x[i] - Double(i)
                    f += Double(i + 1) * d * d
                    g[i] = 2 * Double(i + 1) * d
                }
                return (f, g)
            }, start: [Double](repeating: 0, count: 6), iterations: 200)
        for i in x.indices { #expect(abs(x[i] - Double(i)) < 1e-4) }
    }

    @Test func softmaxSeparatesThreeOrderedClasses() {
        // Class 0 below -0.3, class 2 above 0.3, class 1 between; sparse feature 0 pushes
        // towards class 2 wherever it occurs.
        var rows: [SoftmaxRegression.Row] = [], classes: [Int] = []
        var rng = SeededRandomGenerator(seed: 11)
        for _ in 0..<300 {
            let x = Double(rng.next() % 2000) / 1000 - 1
            let flagged = rng.next() % 4 == 0
            let shifted = x + (flagged ? 0.4 : 0)
            rows.append(.init(dense: [x], sparse: flagged ? [(0, 1)] : []))
            classes.append(shifted < -0.3 ? 0 : shifted > 0.3 ? 2 : 1)
        }
        let fit = SoftmaxRegression.fit(
            rows, classes, classCount: 3, denseCount: 1, sparseCount: 1,
            denseLambda: 1e-3, sparseLambda: 1e-3)
        var correct = 0
        for (r, c) in zip(rows, classes) {
            let p = fit.probabilities(r)
            #expect(abs(p.reduce(0, +) - 1) < 1e-9)
            if p.indices.max(by: { p[$0] < p[$1] }) == c { correct += 1 }
        }
        #expect(correct >= 280)
        // The flag raises class 2 relative to class 0.
        #expect(fit.sparse[2][0] - fit.sparse[0][0] > 1)
        // A stronger penalty shrinks the word weights.
        let shrunk = SoftmaxRegression.fit(
            rows, classes, classCount: 3, denseCount: 1, sparseCount: 1,
            denseLambda: 1e-3, sparseLambda: 100)
        #expect(abs(shrunk.sparse[2][0] - shrunk.sparse[0][0]) < abs(fit.sparse[2][0] - fit.sparse[0][0]))
    }

    @Test func bundledClassifierMatchesTheFeatures() {
        let c = SentimentModel.bundled.file.classifier
        #expect(c.labels == ["negative", "neutral", "positive"])
        #expect(c.dense.count == 3 && c.dense.allSatisfy { $0.count == SentimentFeatures.names.count })
        #expect(!c.ngrams.isEmpty)
    }

    /// Label of one sentence by the bundled model.
    func label(_ text: String) -> String {
        let doc = AnalyzedDocument(text)
        return SentimentModel.bundled.score(doc, tokens: 0..<doc.tokens.count).label
    }

    @Test func sentencesWithoutSentimentWordsAreNeutral() {
        #expect(label("The committee met on Tuesday in the capital.") == "neutral")
        #expect(label("The bill was sent to the Senate after the second reading.") == "neutral")
        #expect(label("The report has twelve chapters and an appendix.") == "neutral")
    }

    @Test func clearSentencesKeepTheirPolarity() {
        #expect(label("The brutal attack killed dozens of innocent civilians.") == "negative")
        #expect(label("The agreement is a welcome success that will help families.") == "positive")
    }

    @Test func classifierProbabilitiesAreADistribution() {
        let doc = AnalyzedDocument("Officials praised the plan, but critics called it a disaster.")
        let a = SentimentModel.bundled.engine.analyze(doc, tokens: 0..<doc.tokens.count)
        let p = SentimentModel.bundled.classProbabilities(a)
        #expect(p.count == 3 && abs(p.reduce(0, +) - 1) < 1e-9 && p.allSatisfy { $0 > 0 && $0 < 1 })
        let best = SentimentLabel.classes[p.indices.max { p[$0] < p[$1] }!]
        #expect(SentimentModel.bundled.label(a) == best)
    }

    @Test func explanationNamesTheLabelProbabilities() throws {
        let found = try ExtractorHarness(SentimentExtractor()).run(
            "Leaders praised the breakthrough.", options: ["explain": true])
        guard case .list(let items)? = found.first?["explain"] else {
            Issue.record("no explain list")
            return
        }
        #expect(items.contains { $0.text.hasPrefix("label probabilities: negative ") && $0.text.contains("positive") })
    }

    @Test func aModelFileWithAMismatchedClassifierIsRejected() throws {
        var file = SentimentModel.bundled.file
        file.classifier.dense[1].removeLast()
        #expect(throws: AssayError.self) { try SentimentModel(file: file) }
        file = SentimentModel.bundled.file
        file.classifier.labels = ["positive", "neutral", "negative"]
        #expect(throws: AssayError.self) { try SentimentModel(file: file) }
    }
}
