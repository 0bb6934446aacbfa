import AssayCore
import Foundation

/// The target-dependent sentiment model: a multinomial logistic regression over the features
/// of ``TargetSentenceContext``, learnt by `assay train entity-sentiment` and stored in
/// `Resources/target_sentiment_model.tsv`.
///
/// The file is plain text: `#` lines describe how it was trained, an `intercept` line and one
/// line per feature give the weights of (negative, neutral, positive).
struct TargetSentimentModel: Sendable {
    static let resourceName = "target_sentiment_model.tsv"
    static let format = "assay target sentiment model, format 1"

    let intercepts: SIMD3<Float>
    let weights: FeatureWeights
    /// How many features the file holds.
    let featureCount: Int

    /// The bundled model, loaded once on first use.
    static let bundled: TargetSentimentModel = {
        do {
            return try TargetSentimentModel(text: ResourceFile.text(resourceName))
        } catch {
            fatalError("target sentiment model unavailable: \(error)")
        }
    }()

    /// A model without weights: training reads features through it before there is a model.
    static let empty = TargetSentimentModel(intercepts: .zero, weights: FeatureWeights(named: []))

    private init(intercepts: SIMD3<Float>, weights: FeatureWeights) {
        self.intercepts = intercepts
        self.weights = weights
        self.featureCount = 0
    }

    init(text: String) throws {
        guard text.hasPrefix("# " + Self.format) else {
            throw AssayError(
                .modelUnavailable, "target sentiment model: expected '# \(Self.format)' on the first line; retrain it")
        }
        var intercepts: SIMD3<Float>?
        var weights: [(name: String, weights: SIMD3<Float>)] = []
        try TabSeparatedLines.forEach(text) { line, fields in
            // `#` lines say how it was trained, for readers. The others: a name and three numbers.
            guard line[0] != UInt8(ascii: "#") else { return }
            guard fields.count == 4, let n = Self.decimal(fields[1]), let u = Self.decimal(fields[2]),
                let p = Self.decimal(fields[3])
            else {
                throw AssayError(
                    .modelUnavailable,
                    "target sentiment model: bad line '\(String(decoding: line.prefix(60), as: UTF8.self))'")
            }
            let name = String(decoding: fields[0], as: UTF8.self)
            if name == "intercept" {
                intercepts = SIMD3(n, u, p)
            } else {
                weights.append((name, SIMD3(n, u, p)))
            }
        }
        guard let intercepts else { throw AssayError(.modelUnavailable, "target sentiment model: no intercept line") }
        self.intercepts = intercepts
        self.weights = FeatureWeights(named: weights)
        self.featureCount = weights.count
    }

    /// A number as `Float(String)` reads it. The file's plain decimals ("-0.125") are read here:
    /// their digits as an integer divided by a power of ten is one correctly rounded division
    /// of two exact floats, so the same float as `Float(String)`'s, at a fraction of the cost.
    static func decimal(_ field: UnsafeBufferPointer<UInt8>) -> Float? {
        var i = 0, negative = false
        if i < field.count, field[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var digits = 0, mantissa = 0, scale: Float = 1, point = false
        while i < field.count {
            let b = field[i]
            if b == UInt8(ascii: "."), !point {
                point = true
            } else if b &- 48 < 10, mantissa < 1 << 24 / 10, scale < 1e9 {
                mantissa = mantissa * 10 + Int(b &- 48)
                digits += 1
                if point { scale *= 10 }
            } else {
                return Float(String(decoding: field, as: UTF8.self))
            }
            i += 1
        }
        guard digits > 0 else { return Float(String(decoding: field, as: UTF8.self)) }
        let value = Float(mantissa) / scale
        return negative ? -value : value
    }

    /// The model's reading of one target.
    struct Scored: Sendable {
        /// Probabilities of (negative, neutral, positive).
        var probabilities: SIMD3<Float>
        /// P(positive) − P(negative), in [-1, 1].
        var score: Double { Double(probabilities[2] - probabilities[0]) }
        var label: String {
            let p = probabilities
            return SentimentLabel.classes[p[0] > p[1] ? (p[0] > p[2] ? 0 : 2) : (p[1] >= p[2] ? 1 : 2)]
        }
    }

    /// Adds up the weights of the features it is given.
    private struct LogitSink: TargetFeatureSink {
        let weights: FeatureWeights
        var logits: SIMD3<Float>
        /// The context's ``TargetSentenceContext/facts``, held here so each word does not go
        /// through the class to reach its record.
        let facts: [TargetSentenceContext.TokenFacts]
        /// Whether the context looked its words up in these weights (not while training).
        let recorded: Bool
        let firstToken: Int
        @inline(__always)
        mutating func add(_ id: UInt64, _ value: Float, name: @autoclosure () -> String) {
            logits += weights[id] * value
        }

        @inline(__always)
        mutating func addFlag(_ flag: Flag, _ value: Float) { logits += weights.flag(flag.id) * value }

        @inline(__always)
        mutating func addWord(
            _ template: WordTemplate, token: Int, of context: TargetSentenceContext, name: @autoclosure () -> String
        ) {
            // Side words come from the sums but for punctuation, rare enough to look up by hash.
            guard recorded, template != .L, template != .R else {
                return logits += weights.word(template, hash: context.hash(ofToken: token))
            }
            let record = facts[token - firstToken].record
            if record >= 0 { logits += weights.word(record, template) }
        }

        mutating func addSideWords(left: Range<Int>, right: Range<Int>, of context: TargetSentenceContext) -> Bool {
            guard recorded else { return false }
            let s = context.tokens.lowerBound, sums = context.sideSums
            logits += sums[left.upperBound - s].left - sums[left.lowerBound - s].left
            logits += sums[right.upperBound - s].right - sums[right.lowerBound - s].right
            return true
        }
    }

    func score(_ context: TargetSentenceContext, target: Range<Int>) -> Scored {
        var sink = LogitSink(
            weights: weights, logits: intercepts, facts: context.facts, recorded: !context.sideSums.isEmpty,
            firstToken: context.tokens.lowerBound)
        context.features(of: target, into: &sink)
        return Scored(probabilities: Self.softmax(sink.logits))
    }

    static func softmax(_ z: SIMD3<Float>) -> SIMD3<Float> {
        let top = z.max()
        let e = SIMD3<Float>(Foundation.exp(z[0] - top), Foundation.exp(z[1] - top), Foundation.exp(z[2] - top))
        return e / e.sum()
    }

    /// Collects named features with their weights, for explanations.
    private struct NamedSink: TargetFeatureSink {
        let weights: FeatureWeights
        var features: [(name: String, value: Float, weights: SIMD3<Float>)] = []
        mutating func add(_ id: UInt64, _ value: Float, name: @autoclosure () -> String) {
            let w = weights[id]
            if w != .zero { features.append((name(), value, w)) }
        }

        mutating func addFlag(_ flag: Flag, _ value: Float) {
            let w = weights.flag(flag.id)
            if w != .zero { features.append((flag.name, value, w)) }
        }

        mutating func addWord(
            _ template: WordTemplate, token: Int, of context: TargetSentenceContext, name: @autoclosure () -> String
        ) {
            let w = weights.word(template, hash: context.hash(ofToken: token))
            if w != .zero { features.append((name(), 1, w)) }
        }
    }

    /// What moved the target's label: the features that pushed hardest toward the chosen class
    /// (their weight for it minus the mean of their three weights, times their value), then the
    /// class probabilities.
    func explanation(_ context: TargetSentenceContext, target: Range<Int>, limit: Int = 8) -> [String] {
        var sink = NamedSink(weights: weights)
        context.features(of: target, into: &sink)
        let scored = score(context, target: target)
        let c = SentimentLabel.classIndex(scored.label)
        let pushes = sink.features.map { f -> (String, Float) in
            (f.name, f.value * (f.weights[c] - f.weights.sum() / 3))
        }
        let strongest = pushes.enumerated().sorted {
            abs($0.element.1) != abs($1.element.1) ? abs($0.element.1) > abs($1.element.1) : $0.offset < $1.offset
        }
        .prefix(limit).map(\.element)
        var lines = strongest.filter { abs($0.1) >= 0.01 }.map {
            "\($0.0) \($0.1 >= 0 ? "+" : "")\(String(format: "%.2f", $0.1)) toward \(scored.label)"
        }
        let p = scored.probabilities
        lines.append(
            "label probabilities: "
                + zip(SentimentLabel.classes, [p[0], p[1], p[2]])
                .map { "\($0) \(String(format: "%.2f", $1))" }.joined(separator: ", "))
        return lines
    }
}
