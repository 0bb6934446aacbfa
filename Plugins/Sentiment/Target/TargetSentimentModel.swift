import AssayCore
import Foundation

/// The target-dependent sentiment model: a softmax over the features of
/// ``TargetSentenceContext``, linear in all of them plus a small hidden layer
/// (``HiddenLayer``) fed by the flags and the target's own words, learnt by
/// `assay train entity-sentiment` and stored in `Resources/target_sentiment_model.tsv`.
///
/// The file is plain text: `#` lines describe how it was trained, an `intercept` line and one
/// line per feature give the linear weights of (negative, neutral, positive); a `hidden` line
/// (the hidden units' biases), three `output` lines (each class's weights of the hidden units)
/// and `vector` lines (a feature's weights into the hidden units) give the hidden layer, which
/// a file may leave out.
struct TargetSentimentModel: Sendable {
    static let resourceName = "target_sentiment_model.tsv"
    static let format = "assay target sentiment model, format 2"
    /// The most hidden units a file may have: they are summed in one `SIMD16<Float>`.
    static let maximumHidden = 16

    let intercepts: SIMD3<Float>
    let weights: FeatureWeights
    /// The hidden layer, nil for a linear model.
    let network: HiddenLayer?
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
        self.network = nil
        self.featureCount = 0
    }

    init(text: String) throws {
        guard text.hasPrefix("# " + Self.format) else {
            throw AssayError(
                .modelUnavailable, "target sentiment model: expected '# \(Self.format)' on the first line; retrain it")
        }
        var intercepts: SIMD3<Float>?
        var weights: [(name: String, weights: SIMD3<Float>)] = []
        var hidden = HiddenLayer.Parts()
        try TabSeparatedLines.forEach(text) { line, fields in
            // `#` lines say how it was trained, for readers. The others: a name and three numbers,
            // or a part of the hidden layer.
            guard line[0] != UInt8(ascii: "#") else { return }
            func bad() -> AssayError {
                AssayError(
                    .modelUnavailable,
                    "target sentiment model: bad line '\(String(decoding: line.prefix(60), as: UTF8.self))'")
            }
            if try hidden.read(fields, decimal: Self.decimal) { return }
            guard fields.count == 4, let n = Self.decimal(fields[1]), let u = Self.decimal(fields[2]),
                let p = Self.decimal(fields[3])
            else { throw bad() }
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
        self.network = try hidden.layer(recordWords: self.weights.recordWords)
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
        /// The hidden layer's vectors, nil for a linear model, and the sum of those of the features so far.
        let vectors: HiddenLayer.Vectors?
        var hidden: SIMD16<Float> = .zero
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
        mutating func addFlag(_ flag: Flag, _ value: Float) {
            logits += weights.flag(flag) * value
            if let vectors { hidden += vectors.flag(flag) * value }
        }

        @inline(__always)
        mutating func addWord(
            _ template: WordTemplate, token: Int, of context: TargetSentenceContext, name: @autoclosure () -> String
        ) {
            if template == .T {
                let record = recorded ? facts[token - firstToken].record : -1
                if record >= 0, let vectors {
                    hidden += vectors.targetWord(record: record)
                } else {
                    addVector(ofTargetWord: context.hash(ofToken: token))
                }
            }
            // Side words come from the sums but for punctuation, rare enough to look up by hash.
            guard recorded, template != .L, template != .R else {
                return logits += weights.word(template, hash: context.hash(ofToken: token))
            }
            let record = facts[token - firstToken].record
            if record >= 0 { logits += weights.word(record, template) }
        }

        /// The hidden-layer vector of `T=` a word, by its hash: for a target word without a record
        /// in the weights (or while training). Out of line, so that ``addWord(_:token:of:name:)``
        /// stays small enough to inline into the feature loops.
        @inline(never)
        private mutating func addVector(ofTargetWord hash: UInt64) {
            if let vectors { hidden += vectors[FeatureHash.combine(WordTemplate.T.hash, hash)] }
        }

        mutating func addSideWords(left: Range<Int>, right: Range<Int>, of context: TargetSentenceContext) -> Bool {
            guard recorded else { return false }
            let s = context.tokens.lowerBound
            logits +=
                context.sideSums(before: left.upperBound - s).left - context.sideSums(before: left.lowerBound - s).left
            logits +=
                context.sideSums(before: right.upperBound - s).right
                - context.sideSums(before: right.lowerBound - s).right
            return true
        }
    }

    func score(_ context: TargetSentenceContext, target: Range<Int>) -> Scored {
        var sink = LogitSink(
            weights: weights, logits: intercepts, vectors: network?.vectors, facts: context.facts,
            recorded: context.hasSideSums, firstToken: context.tokens.lowerBound)
        context.features(of: target, into: &sink)
        if let network { sink.logits += network.logits(network.activations(sink.hidden)) }
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
        let vectors: HiddenLayer.Vectors?
        var features: [(name: String, value: Float, weights: SIMD3<Float>, vector: SIMD16<Float>)] = []

        mutating func append(_ name: () -> String, _ value: Float, _ w: SIMD3<Float>, id: UInt64?) {
            let vector = id.flatMap { vectors?[$0] } ?? .zero
            if w != .zero || vector != .zero { features.append((name(), value, w, vector)) }
        }

        mutating func add(_ id: UInt64, _ value: Float, name: @autoclosure () -> String) {
            append(name, value, weights[id], id: nil)
        }

        mutating func addFlag(_ flag: Flag, _ value: Float) {
            append({ flag.name }, value, weights.flag(flag.id), id: flag.id)
        }

        mutating func addWord(
            _ template: WordTemplate, token: Int, of context: TargetSentenceContext, name: @autoclosure () -> String
        ) {
            let hash = context.hash(ofToken: token)
            append(
                name, 1, weights.word(template, hash: hash),
                id: template == .T ? FeatureHash.combine(template.hash, hash) : nil)
        }
    }

    /// What moved the target's label: the features that pushed hardest toward the chosen class,
    /// then the class probabilities. A feature's push is what it adds to the chosen class's logit
    /// less the mean of what it adds to the three: through its linear weights (times its value),
    /// and, for one that feeds the hidden layer, what the hidden layer's output loses when the
    /// feature alone is taken out of its sums (the others staying in).
    func explanation(_ context: TargetSentenceContext, target: Range<Int>, limit: Int = 8) -> [String] {
        var sink = NamedSink(weights: weights, vectors: network?.vectors)
        context.features(of: target, into: &sink)
        let scored = score(context, target: target)
        let c = SentimentLabel.classIndex(scored.label)
        let relative = { (z: SIMD3<Float>) in z[c] - z.sum() / 3 }
        let hidden = sink.features.reduce(SIMD16<Float>.zero) { $0 + $1.vector * $1.value }
        let withAll = network.map { relative($0.logits($0.activations(hidden))) } ?? 0
        let pushes = sink.features.map { f -> (String, Float) in
            var push = f.value * relative(f.weights)
            if let network, f.vector != .zero {
                push += withAll - relative(network.logits(network.activations(hidden - f.vector * f.value)))
            }
            return (f.name, push)
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
