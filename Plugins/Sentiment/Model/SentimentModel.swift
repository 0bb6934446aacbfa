import AssayCore
import Foundation

/// The sentiment model: lexicon and rules (``RuleEngine``) feeding a linear model fitted on
/// human-rated news sentences (``SentimentModelFile``).
struct SentimentModel: Sendable {
    let engine: RuleEngine
    let file: SentimentModelFile

    /// The bundled model, loaded once on first use.
    static let bundled: SentimentModel = {
        do {
            let data = try Data(contentsOf: ResourceFile.url("sentiment_model.json"))
            let file = try JSONDecoder().decode(SentimentModelFile.self, from: data)
            return try SentimentModel(file: file)
        } catch {
            fatalError("sentiment model unavailable: \(error)")
        }
    }()

    init(file: SentimentModelFile) throws {
        let c = file.classifier
        guard file.features == SentimentFeatures.names, file.weights.count == file.features.count,
              file.means.count == file.features.count, file.scales.count == file.features.count,
              c.labels == SentimentLabel.classes, c.intercepts.count == 3, c.dense.count == 3,
              c.dense.allSatisfy({ $0.count == file.features.count }), c.ngrams.values.allSatisfy({ $0.count == 3 }) else {
            throw AssayError(.modelUnavailable, "sentiment model file does not match this version's features; retrain it")
        }
        self.file = file
        let weights = file.ngrams.mapValues(Float.init)
        let classWeights = c.ngrams.mapValues { SIMD3<Float>(Float($0[0]), Float($0[1]), Float($0[2])) }
        self.engine = RuleEngine(lexicon: try SentimentLexicon(vader: ResourceFile.text("vader_lexicon.txt"),
                                                               news: ResourceFile.text("news_lexicon.tsv"),
                                                               weights: weights, classWeights: classWeights))
    }

    /// A scored stretch of text.
    struct Scored: Sendable {
        var score: Double
        var label: String
        var analysis: RuleAnalysis
    }

    func score(_ document: AnalyzedDocument, tokens: Range<Int>, explain: Bool = false) -> Scored {
        let analysis = engine.analyze(document, tokens: tokens, explain: explain)
        return Scored(score: score(analysis), label: label(analysis), analysis: analysis)
    }

    /// The classifier's probabilities of (negative, neutral, positive) for an analysis.
    func classProbabilities(_ a: RuleAnalysis) -> [Double] {
        let x = SentimentFeatures.values(a)
        let c = file.classifier
        let z = (0..<3).map { k -> Double in
            var s = c.intercepts[k] + Double(a.classSums[k])
            for j in x.indices { s += c.dense[k][j] * (Double(x[j]) - file.means[j]) / file.scales[j] }
            return s
        }
        let top = z.max()!
        let e = z.map { Foundation.exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// The label of one unit (sentence, quote): the classifier's most probable class.
    func label(_ a: RuleAnalysis) -> String {
        let p = classProbabilities(a)
        let best = p.indices.max { p[$0] < p[$1] }!
        return SentimentLabel.classes[best]
    }

    /// The model's score of an analysis, clipped to [-1, 1].
    func score(_ a: RuleAnalysis) -> Double {
        let x = SentimentFeatures.values(a)
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
            let words = document.text(of: Span(document.tokens[hit.tokens.lowerBound].span.start,
                                               document.tokens[hit.tokens.upperBound - 1].span.end))
            var line = "\(words) \(signed(Double(hit.adjusted)))"
            if !hit.notes.isEmpty { line += " (lexicon \(signed(Double(hit.base))), " + hit.notes.joined(separator: ", ") + ")" }
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
        lines.append("label probabilities: " + zip(SentimentLabel.classes, p).map { "\($0) \(String(format: "%.2f", $1))" }
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
        score >= positive ? SentimentLabel.positive : score <= negative ? SentimentLabel.negative : SentimentLabel.neutral
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
