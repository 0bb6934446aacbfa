import AssayCore
import Foundation

/// Fits the linear part of the sentiment model on rated sentences: ridge regression over the
/// rule features and n-gram counts for the score, and a multinomial logistic regression over the
/// same features for the label, with the regularisation (and the thresholds used for mean scores)
/// chosen by cross-validation with folds by document, and held-out figures from nested
/// cross-validation.
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
    /// Regularisation strengths tried for the label classifier's word weights.
    var classifierLambdaGrid: [Double] = [10, 30, 100, 300]
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
            return Example(
                dense: SentimentFeatures.values(a).map(Double.init), keys: a.keys,
                score: s.score, label: s.label, document: s.document)
        }
    }

    /// A model fitted on some examples, ready to score and label others.
    struct Fitted {
        var means: [Double]
        var scales: [Double]
        var vocabulary: [String: Int]
        var fit: RidgeRegression.Fit
        /// The label classifier, when one was fitted.
        var classifier: SoftmaxRegression.Fit?

        func predict(_ e: Example) -> Double {
            min(1, max(-1, fit.predict(row(e))))
        }

        /// The classifier's label of an example.
        func classify(_ e: Example) -> String {
            let p = probabilities(e)
            return SentimentLabel.classes[p.indices.max { p[$0] < p[$1] }!]
        }

        func probabilities(_ e: Example) -> [Double] {
            classifier!.probabilities(row(e))
        }

        func row(_ e: Example) -> RidgeRegression.Row {
            Fitted.row(e, means: means, scales: scales, vocabulary: vocabulary)
        }

        static func row(_ e: Example, means: [Double], scales: [Double], vocabulary: [String: Int])
            -> RidgeRegression.Row
        {
            var counts: [Int: Double] = [:]
            for k in e.keys { if let j = vocabulary[k] { counts[j, default: 0] += 1 } }
            return .init(
                dense: e.dense.indices.map { (e.dense[$0] - means[$0]) / scales[$0] },
                sparse: counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
    }

    /// Fits the score (ridge, with `lambda`) and, given `classifierLambda`, the label classifier.
    func fit(_ examples: [Example], lambda: Double, classifierLambda: Double? = nil) -> Fitted {
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
        let fit = RidgeRegression.fit(
            rows, examples.map(\.score), denseCount: d, sparseCount: kept.count,
            denseLambda: denseLambda, sparseLambda: lambda)
        let classifier = classifierLambda.map {
            SoftmaxRegression.fit(
                rows, examples.map { SentimentLabel.classIndex($0.label) }, classCount: 3,
                denseCount: d, sparseCount: kept.count, denseLambda: denseLambda, sparseLambda: $0)
        }
        return Fitted(means: means, scales: scales, vocabulary: vocabulary, fit: fit, classifier: classifier)
    }

    /// Fold number of each example: documents dealt round-robin after a seeded shuffle.
    func foldAssignment(_ examples: [Example], folds k: Int, seed: UInt64) -> [Int] {
        var documents = Array(Set(examples.map(\.document))).sorted()
        var rng = SeededRandomGenerator(seed: seed)
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

    /// Mean held-out log-likelihood of the classifier's gold-class probabilities for one lambda
    /// (a smoother criterion than macro-F1 on a few hundred sentences).
    func classifierLogLikelihood(_ examples: [Example], fold: [Int], folds k: Int, lambda: Double) -> Double {
        var total = 0.0
        for f in 0..<k {
            let train = examples.indices.filter { fold[$0] != f }.map { examples[$0] }
            // The ridge part is cheap next to the classifier; its lambda does not matter here.
            let model = fit(train, lambda: lambdaGrid[0], classifierLambda: lambda)
            for i in examples.indices where fold[i] == f {
                total += log(
                    max(1e-300, model.probabilities(examples[i])[SentimentLabel.classIndex(examples[i].label)]))
            }
        }
        return total / Double(examples.count)
    }

    /// What cross-validation on `examples` chose.
    struct Choice {
        var lambda: Double
        var thresholds: SentimentModelFile.Thresholds
        var pearson: Double
        var classifierLambda: Double
    }

    /// Chooses lambda (best Pearson of out-of-fold predictions), the label thresholds (best
    /// macro-F1 of those predictions) and the classifier's lambda (best held-out
    /// log-likelihood) using only `examples`.
    func choose(_ examples: [Example], folds k: Int, seed: UInt64) -> Choice {
        let fold = foldAssignment(examples, folds: k, seed: seed)
        var best: (lambda: Double, predictions: [Double], pearson: Double)?
        for lambda in lambdaGrid {
            let p = outOfFold(examples, fold: fold, folds: k, lambda: lambda)
            let r = SentimentMetrics.pearson(p, examples.map(\.score))
            if best == nil || r > best!.pearson { best = (lambda, p, r) }
        }
        let thresholds = SentimentMetrics.bestThresholds(scores: best!.predictions, gold: examples.map(\.label))
        var bestClassifier: (lambda: Double, likelihood: Double)?
        for lambda in classifierLambdaGrid {
            let l = classifierLogLikelihood(examples, fold: fold, folds: k, lambda: lambda)
            if bestClassifier == nil || l > bestClassifier!.likelihood { bestClassifier = (lambda, l) }
        }
        return Choice(
            lambda: best!.lambda, thresholds: thresholds, pearson: best!.pearson,
            classifierLambda: bestClassifier!.lambda)
    }

    /// Held-out predictions of nested cross-validation.
    struct CrossValidated {
        var scores: [Double]
        /// The classifier's labels.
        var labels: [String]
        /// The scores labelled by the inner-CV thresholds, for comparison.
        var thresholdLabels: [String]
    }

    /// Nested cross-validation: for each outer fold, the lambdas and thresholds are chosen by an
    /// inner cross-validation on the other folds only, then the held-out fold is scored.
    func nestedCrossValidation(_ examples: [Example], log: (String) -> Void) -> CrossValidated {
        let fold = foldAssignment(examples, folds: folds, seed: seed)
        var out = CrossValidated(
            scores: [Double](repeating: 0, count: examples.count),
            labels: [String](repeating: SentimentLabel.neutral, count: examples.count),
            thresholdLabels: [String](repeating: SentimentLabel.neutral, count: examples.count))
        for f in 0..<folds {
            let trainIndices = examples.indices.filter { fold[$0] != f }
            let train = trainIndices.map { examples[$0] }
            let chosen = choose(train, folds: folds - 1, seed: seed &+ UInt64(f) &+ 1)
            let model = fit(train, lambda: chosen.lambda, classifierLambda: chosen.classifierLambda)
            for i in examples.indices where fold[i] == f {
                out.scores[i] = model.predict(examples[i])
                out.labels[i] = model.classify(examples[i])
                out.thresholdLabels[i] = SentimentLabel.of(
                    out.scores[i], negative: chosen.thresholds.negative,
                    positive: chosen.thresholds.positive)
            }
            log(
                String(
                    format: "fold %d/%d: lambda %g, thresholds %.3f / %.3f, classifier lambda %g", f + 1, folds,
                    chosen.lambda, chosen.thresholds.negative, chosen.thresholds.positive, chosen.classifierLambda))
        }
        return out
    }

    /// Fits the final model on all sentences and writes down how it was fitted.
    func train(
        _ sentences: [RatedSentence], dataName: String, engine: RuleEngine, vader: VaderBaseline,
        log: (String) -> Void = { _ in }
    ) -> SentimentModelFile {
        let examples = SentimentTrainer.examples(sentences, engine: engine)
        let gold = examples.map(\.score), goldLabels = examples.map(\.label)
        log("\(examples.count) sentences from \(Set(examples.map(\.document)).count) documents")

        let cv = nestedCrossValidation(examples, log: log)
        let cvFigures = SentimentMetrics.figures(
            scores: cv.scores, labels: cv.labels, goldScores: gold, goldLabels: goldLabels)
        let cvThresholdFigures = SentimentMetrics.figures(
            scores: cv.scores, labels: cv.thresholdLabels,
            goldScores: gold, goldLabels: goldLabels)

        let chosen = choose(examples, folds: folds, seed: seed)
        log(
            String(
                format: "final: lambda %g (CV Pearson %.3f), thresholds %.3f / %.3f, classifier lambda %g",
                chosen.lambda,
                chosen.pearson, chosen.thresholds.negative, chosen.thresholds.positive, chosen.classifierLambda))
        let model = fit(examples, lambda: chosen.lambda, classifierLambda: chosen.classifierLambda)
        let trainScores = examples.map(model.predict)
        let trainLabels = examples.map(model.classify)

        let vaderScores = sentences.map { vader.compound($0.text) }
        let vaderLabels = vaderScores.map(VaderBaseline.label)

        var ngrams: [String: Double] = [:]
        for (key, j) in model.vocabulary where abs(model.fit.sparse[j]) >= 1e-4 {
            ngrams[key] = Self.rounded(model.fit.sparse[j])
        }
        let softmax = model.classifier!
        var classNgrams: [String: [Double]] = [:]
        for (key, j) in model.vocabulary {
            let w = (0..<3).map { softmax.sparse[$0][j] }
            if w.contains(where: { abs($0) >= 1e-4 }) { classNgrams[key] = w.map(Self.rounded) }
        }
        let classifier = SentimentModelFile.Classifier(
            labels: SentimentLabel.classes, intercepts: softmax.intercepts.map(Self.rounded),
            dense: softmax.dense.map { $0.map(Self.rounded) }, ngrams: classNgrams, lambda: chosen.classifierLambda)
        return SentimentModelFile(
            features: SentimentFeatures.names, means: model.means, scales: model.scales,
            weights: model.fit.dense, intercept: model.fit.intercept, ngrams: ngrams, lambda: chosen.lambda,
            minimumDocumentFrequency: minimumDocumentFrequency, thresholds: chosen.thresholds, classifier: classifier,
            report: .init(
                data: dataName, sentences: examples.count, documents: Set(examples.map(\.document)).count,
                folds: folds, lambdaGrid: lambdaGrid, crossValidated: cvFigures,
                crossValidatedThresholdLabels: cvThresholdFigures, classifierLambdaGrid: classifierLambdaGrid,
                vader: SentimentMetrics.figures(
                    scores: vaderScores, labels: vaderLabels, goldScores: gold, goldLabels: goldLabels),
                trainingSet: SentimentMetrics.figures(
                    scores: trainScores, labels: trainLabels, goldScores: gold, goldLabels: goldLabels)))
    }

    /// Weights are stored to five decimals: enough for the scores, and a readable, stable file.
    static func rounded(_ w: Double) -> Double { (w * 1e5).rounded() / 1e5 }
}

extension VaderBaseline {
    /// VADER's own label rule: compound ≥ 0.05 positive, ≤ -0.05 negative.
    static func label(_ compound: Double) -> String {
        SentimentLabel.of(compound, negative: -0.05, positive: 0.05)
    }
}
