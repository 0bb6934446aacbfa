import AssayCore
import Foundation

/// The sentiment model: lexicon and rules (``RuleEngine``) feeding a linear model fitted on
/// human-rated news sentences (``SentimentModelFile``).
struct SentimentModel: Sendable {
    let engine: RuleEngine
    let file: SentimentModelFile
    /// The classifier's intercepts with the feature means folded in.
    private let classifierBias: SIMD3<Double>
    /// The classifier's weights of each dense feature, divided by the feature's scale.
    private let classifierSlopes: [SIMD3<Double>]

    /// The bundled model, loaded once on first use.
    static let bundled: SentimentModel = {
        do {
            let data = try Data(contentsOf: ResourceFile.url("sentiment_model.json"))
            return try SentimentModel(file: SentimentModelFile(json: [UInt8](data), name: "sentiment_model.json"))
        } catch {
            fatalError("sentiment model unavailable: \(error)")
        }
    }()

    init(file: SentimentModelFile) throws {
        let c = file.classifier
        guard file.features == SentimentFeatures.names, file.weights.count == file.features.count,
            file.means.count == file.features.count, file.scales.count == file.features.count,
            c.labels == SentimentLabel.classes, c.intercepts.count == 3, c.dense.count == 3,
            c.dense.allSatisfy({ $0.count == file.features.count }), c.ngrams.values.allSatisfy({ $0.count == 3 })
        else {
            throw AssayError(
                .modelUnavailable, "sentiment model file does not match this version's features; retrain it")
        }
        self.file = file
        var bias = SIMD3<Double>(c.intercepts[0], c.intercepts[1], c.intercepts[2])
        var slopes: [SIMD3<Double>] = []
        for j in file.features.indices {
            let w = SIMD3<Double>(c.dense[0][j], c.dense[1][j], c.dense[2][j]) / file.scales[j]
            slopes.append(w)
            bias -= w * file.means[j]
        }
        self.classifierBias = bias
        self.classifierSlopes = slopes
        let weights = file.ngrams.mapValues(Float.init)
        let classWeights = c.ngrams.mapValues { SIMD3<Float>(Float($0[0]), Float($0[1]), Float($0[2])) }
        self.engine = RuleEngine(lexicon: try SentimentLexicon.compiled(weights: weights, classWeights: classWeights))
    }

    /// The lexicon entries of `document`'s words, for scoring several stretches of it.
    func words(of document: AnalyzedDocument) -> DocumentWords {
        DocumentWords(document, lexicon: engine.lexicon)
    }

    /// A scored stretch of text.
    struct Scored: Sendable {
        var score: Double
        var label: String
        var analysis: RuleAnalysis
        /// The classifier's logits (``classLogits(_:features:)``), kept for the target model,
        /// which reads the sentence's class probabilities from them.
        var logits: SIMD3<Double>
    }

    /// Scores `tokens` of `document`; `words` as ``RuleEngine/analyze(_:tokens:words:collectKeys:explain:)`` takes it.
    func score(
        _ document: AnalyzedDocument, tokens: Range<Int>, words: DocumentWords? = nil, explain: Bool = false
    ) -> Scored {
        let analysis = engine.analyze(document, tokens: tokens, words: words, explain: explain)
        let x = SentimentFeatures.values(analysis)
        let logits = classLogits(analysis, features: x)
        return Scored(
            score: score(analysis, features: x), label: label(logits: logits), analysis: analysis, logits: logits)
    }

    /// The classifier's logits (negative, neutral, positive). The standardisation of the dense
    /// features is folded into ``classifierBias`` and ``classifierSlopes`` once, at load time:
    /// this runs for every sentence.
    func classLogits(_ a: RuleAnalysis, features x: [Float]? = nil) -> SIMD3<Double> {
        let x = x ?? SentimentFeatures.values(a)
        var z = classifierBias + SIMD3<Double>(a.classSums)
        for j in x.indices { z += classifierSlopes[j] * Double(x[j]) }
        return z
    }

    /// The classifier's probabilities of (negative, neutral, positive) for an analysis.
    func classProbabilities(_ a: RuleAnalysis) -> [Double] {
        let z = classLogits(a)
        let top = z.max()
        let e = (0..<3).map { Foundation.exp(z[$0] - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// The label of one unit (sentence, quote): the classifier's most probable class.
    func label(_ a: RuleAnalysis, features x: [Float]? = nil) -> String {
        label(logits: classLogits(a, features: x))
    }

    /// The most probable class of the classifier's logits.
    func label(logits z: SIMD3<Double>) -> String {
        let best = z[0] > z[1] ? (z[0] > z[2] ? 0 : 2) : (z[1] >= z[2] ? 1 : 2)
        return SentimentLabel.classes[best]
    }

    /// The model's score of an analysis, clipped to [-1, 1].
    func score(_ a: RuleAnalysis, features x: [Float]? = nil) -> Double {
        let x = x ?? SentimentFeatures.values(a)
        var y = file.intercept + Double(a.ngramSum)
        for j in x.indices { y += file.weights[j] * (Double(x[j]) - file.means[j]) / file.scales[j] }
        return min(1, max(-1, y))
    }

    /// The label of a mean of unit scores (a document, an entity's mentions): thresholds on the
    /// score, as human document labels follow the mean of sentence ratings.
    func label(_ score: Double) -> String {
        SentimentLabel.of(score, negative: file.thresholds.negative, positive: file.thresholds.positive)
    }

    /// What moved the score: each sentiment word with its rules, the strongest fitted word
    /// weights, and the lexicon total.
    func explanation(_ a: RuleAnalysis, in document: AnalyzedDocument) -> [String] {
        var lines: [String] = []
        for hit in a.hits {
            let words = document.text(
                of: Span(
                    document.tokens[hit.tokens.lowerBound].span.start,
                    document.tokens[hit.tokens.upperBound - 1].span.end))
            var line = "\(words) \(signed(Double(hit.adjusted)))"
            if !hit.notes.isEmpty {
                line += " (lexicon \(signed(Double(hit.base))), " + hit.notes.joined(separator: ", ") + ")"
            }
            lines.append(line)
        }
        let x = SentimentFeatures.values(a)
        let lexical = (0..<3).reduce(0.0) { $0 + file.weights[$1] * (Double(x[$1]) - file.means[$1]) / file.scales[$1] }
        lines.append("lexicon and rules: \(signed(lexical))")
        for rule in 3..<x.count where x[rule] != 0 {
            let contribution = file.weights[rule] * (Double(x[rule]) - file.means[rule]) / file.scales[rule]
            if abs(contribution) >= 0.005 { lines.append("\(SentimentFeatures.names[rule]): \(signed(contribution))") }
        }
        let strongest = a.weightedUnits.sorted { abs($0.1) > abs($1.1) }.prefix(5)
        for (key, w) in strongest where abs(w) >= 0.005 { lines.append("word '\(key)': \(signed(Double(w)))") }
        // The label comes from the classifier, which can disagree with the sign of the score.
        let p = classProbabilities(a)
        lines.append(
            "label probabilities: "
                + zip(SentimentLabel.classes, p).map { "\($0) \(String(format: "%.2f", $1))" }
                .joined(separator: ", "))
        return lines
    }

    private func signed(_ v: Double) -> String {
        (v >= 0 ? "+" : "") + String(format: "%.2f", v)
    }
}

/// The three labels and how a score maps onto them.
enum SentimentLabel {
    static let positive = "positive", negative = "negative", neutral = "neutral"
    /// The classifier's class order (also the order of its weights in the model file).
    static let classes = [negative, neutral, positive]

    static func classIndex(_ label: String) -> Int { classes.firstIndex(of: label) ?? 1 }

    static func of(_ score: Double, negative: Double, positive: Double) -> String {
        score >= positive
            ? SentimentLabel.positive : score <= negative ? SentimentLabel.negative : SentimentLabel.neutral
    }

    /// The data's labels ("pos", "neg", "neu") as ours.
    static func fromData(_ label: String) -> String? {
        switch label {
        case "pos", "positive": return positive
        case "neg", "negative": return negative
        case "neu", "neutral": return neutral
        default: return nil
        }
    }
}
