import AssayCore

/// Fits the linear part of the sentiment model on rated sentences: ridge regression over the
/// rule features and n-gram counts, with the regularisation and label thresholds chosen by
/// cross-validation with folds by document, and held-out figures from nested cross-validation.
struct SentimentTrainer {
    /// One sentence as the trainer sees it.
    struct Example {
        var dense: [Double]
        var keys: [String]
        var score: Double
        var label: String
        var document: String
    }

    var folds = 5
    var lambdaGrid: [Double] = [3, 10, 30, 100, 300, 1000]
    /// The dense features are few and well-behaved: a light, fixed penalty.
    var denseLambda = 1.0
    /// An n-gram must occur in this many training documents to get a weight.
    var minimumDocumentFrequency = 3
    var seed: UInt64 = 2014

    /// Analyses each sentence with the rules (without fitted weights).
    static func examples(_ sentences: [RatedSentence], engine: RuleEngine) -> [Example] {
        sentences.map { s in
            let doc = AnalyzedDocument(s.text, id: s.id)
            let a = engine.analyze(doc, tokens: 0..<doc.tokens.count, collectKeys: true)
            return Example(dense: SentimentFeatures.values(a).map(Double.init), keys: a.keys,
                           score: s.score, label: s.label, document: s.document)
        }
    }

    /// A model fitted on some examples, ready to score others.
    struct Fitted {
        var means: [Double]
        var scales: [Double]
        var vocabulary: [String: Int]
        var fit: RidgeRegression.Fit

        func predict(_ e: Example) -> Double {
            min(1, max(-1, fit.predict(row(e))))
        }

        func row(_ e: Example) -> RidgeRegression.Row {
            Fitted.row(e, means: means, scales: scales, vocabulary: vocabulary)
        }

        static func row(_ e: Example, means: [Double], scales: [Double], vocabulary: [String: Int]) -> RidgeRegression.Row {
            var counts: [Int: Double] = [:]
            for k in e.keys { if let j = vocabulary[k] { counts[j, default: 0] += 1 } }
            return .init(dense: e.dense.indices.map { (e.dense[$0] - means[$0]) / scales[$0] },
                         sparse: counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
    }

    func fit(_ examples: [Example], lambda: Double) -> Fitted {
        let d = examples[0].dense.count
        var means = [Double](repeating: 0, count: d), scales = [Double](repeating: 0, count: d)
        for e in examples { for j in 0..<d { means[j] += e.dense[j] } }
        for j in 0..<d { means[j] /= Double(examples.count) }
        for e in examples { for j in 0..<d { scales[j] += (e.dense[j] - means[j]) * (e.dense[j] - means[j]) } }
        for j in 0..<d { scales[j] = max(1e-6, (scales[j] / Double(examples.count)).squareRoot()) }

        var documentsWith: [String: Set<String>] = [:]
        for e in examples { for k in Set(e.keys) { documentsWith[k, default: []].insert(e.document) } }
        let kept = documentsWith.filter { $0.value.count >= minimumDocumentFrequency }.keys.sorted()
        let vocabulary = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        let rows = examples.map { Fitted.row($0, means: means, scales: scales, vocabulary: vocabulary) }
        let fit = RidgeRegression.fit(rows, examples.map(\.score), denseCount: d, sparseCount: kept.count,
                                      denseLambda: denseLambda, sparseLambda: lambda)
        return Fitted(means: means, scales: scales, vocabulary: vocabulary, fit: fit)
    }

    /// Fold number of each example: documents dealt round-robin after a seeded shuffle.
    func foldAssignment(_ examples: [Example], folds k: Int, seed: UInt64) -> [Int] {
        var documents = Array(Set(examples.map(\.document))).sorted()
        var rng = SeededGenerator(seed: seed)
        documents.shuffle(using: &rng)
        let fold = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1, $0 % k) })
        return examples.map { fold[$0.document]! }
    }

    /// Out-of-fold predictions of `examples` for one lambda.
    func outOfFold(_ examples: [Example], fold: [Int], folds k: Int, lambda: Double) -> [Double] {
        var predictions = [Double](repeating: 0, count: examples.count)
        for f in 0..<k {
            let train = examples.indices.filter { fold[$0] != f }.map { examples[$0] }
            let model = fit(train, lambda: lambda)
            for i in examples.indices where fold[i] == f { predictions[i] = model.predict(examples[i]) }
        }
        return predictions
    }

    /// Chooses lambda (best Pearson of out-of-fold predictions) and the label thresholds
    /// (best macro-F1 of those predictions) using only `examples`.
    func choose(_ examples: [Example], folds k: Int, seed: UInt64) -> (lambda: Double, thresholds: SentimentModelFile.Thresholds, pearson: Double) {
        let fold = foldAssignment(examples, folds: k, seed: seed)
        var best: (lambda: Double, predictions: [Double], pearson: Double)?
        for lambda in lambdaGrid {
            let p = outOfFold(examples, fold: fold, folds: k, lambda: lambda)
            let r = SentimentMetrics.pearson(p, examples.map(\.score))
            if best == nil || r > best!.pearson { best = (lambda, p, r) }
        }
        let thresholds = SentimentMetrics.bestThresholds(scores: best!.predictions, gold: examples.map(\.label))
        return (best!.lambda, thresholds, best!.pearson)
    }

    /// Nested cross-validation: for each outer fold, lambda and thresholds are chosen by an
    /// inner cross-validation on the other folds only, then the held-out fold is scored.
    func nestedCrossValidation(_ examples: [Example], log: (String) -> Void) -> (scores: [Double], labels: [String]) {
        let fold = foldAssignment(examples, folds: folds, seed: seed)
        var scores = [Double](repeating: 0, count: examples.count)
        var labels = [String](repeating: SentimentLabel.neutral, count: examples.count)
        for f in 0..<folds {
            let trainIndices = examples.indices.filter { fold[$0] != f }
            let train = trainIndices.map { examples[$0] }
            let chosen = choose(train, folds: folds - 1, seed: seed &+ UInt64(f) &+ 1)
            let model = fit(train, lambda: chosen.lambda)
            for i in examples.indices where fold[i] == f {
                scores[i] = model.predict(examples[i])
                labels[i] = SentimentLabel.of(scores[i], negative: chosen.thresholds.negative, positive: chosen.thresholds.positive)
            }
            log(String(format: "fold %d/%d: lambda %g, thresholds %.3f / %.3f", f + 1, folds, chosen.lambda,
                       chosen.thresholds.negative, chosen.thresholds.positive))
        }
        return (scores, labels)
    }

    /// Fits the final model on all sentences and writes down how it was fitted.
    func train(_ sentences: [RatedSentence], dataName: String, engine: RuleEngine, vader: VaderBaseline,
               log: (String) -> Void = { _ in }) -> SentimentModelFile {
        let examples = SentimentTrainer.examples(sentences, engine: engine)
        let gold = examples.map(\.score), goldLabels = examples.map(\.label)
        log("\(examples.count) sentences from \(Set(examples.map(\.document)).count) documents")

        let cv = nestedCrossValidation(examples, log: log)
        let cvFigures = SentimentMetrics.figures(scores: cv.scores, labels: cv.labels, goldScores: gold, goldLabels: goldLabels)

        let chosen = choose(examples, folds: folds, seed: seed)
        log(String(format: "final: lambda %g (CV Pearson %.3f), thresholds %.3f / %.3f", chosen.lambda, chosen.pearson,
                   chosen.thresholds.negative, chosen.thresholds.positive))
        let model = fit(examples, lambda: chosen.lambda)
        let trainScores = examples.map(model.predict)
        let trainLabels = trainScores.map { SentimentLabel.of($0, negative: chosen.thresholds.negative, positive: chosen.thresholds.positive) }

        let vaderScores = sentences.map { vader.compound($0.text) }
        let vaderLabels = vaderScores.map(VaderBaseline.label)

        var ngrams: [String: Double] = [:]
        for (key, j) in model.vocabulary where abs(model.fit.sparse[j]) >= 1e-4 {
            ngrams[key] = (model.fit.sparse[j] * 1e5).rounded() / 1e5
        }
        return SentimentModelFile(
            features: SentimentFeatures.names, means: model.means, scales: model.scales,
            weights: model.fit.dense, intercept: model.fit.intercept, ngrams: ngrams, lambda: chosen.lambda,
            minimumDocumentFrequency: minimumDocumentFrequency, thresholds: chosen.thresholds,
            report: .init(data: dataName, sentences: examples.count, documents: Set(examples.map(\.document)).count,
                          folds: folds, lambdaGrid: lambdaGrid, crossValidated: cvFigures,
                          vader: SentimentMetrics.figures(scores: vaderScores, labels: vaderLabels, goldScores: gold, goldLabels: goldLabels),
                          trainingSet: SentimentMetrics.figures(scores: trainScores, labels: trainLabels, goldScores: gold, goldLabels: goldLabels)))
    }
}

/// SplitMix64: a small seeded generator, so folds are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension VaderBaseline {
    /// VADER's own label rule: compound ≥ 0.05 positive, ≤ -0.05 negative.
    static func label(_ compound: Double) -> String {
        SentimentLabel.of(compound, negative: -0.05, positive: 0.05)
    }
}
