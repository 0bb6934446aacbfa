import AssayCore
import Foundation

/// The target model's hidden layer: each feature that feeds it (a flag or one of the target's
/// own words) adds its vector, times its value, to a sum of up to 16 numbers; the hidden units
/// are the tanh of that sum plus their biases, and each class's logit gains its weights of
/// them. It lets the target's words and the context's flags combine ("critics" with a positive
/// lexicon hit on the right), where the linear weights only add.
struct HiddenLayer: Sendable {
    let bias: SIMD16<Float>
    /// Each hidden unit's weights of the classes (negative, neutral, positive, 0).
    let unitOutput: [SIMD4<Float>]
    let vectors: Vectors

    /// From each class's weights of the hidden units (negative, neutral, positive).
    init(bias: SIMD16<Float>, output: [SIMD16<Float>], vectors: Vectors) {
        self.bias = bias
        self.unitOutput = (0..<16).map { SIMD4(output[0][$0], output[1][$0], output[2][$0], 0) }
        self.vectors = vectors
    }

    /// tanh by its [7/6] Padé approximant, on all sixteen units at once: within 1e-4 of it once
    /// clamped to ±1 (a tenth of the file's rounding), and a few vector multiplications where a
    /// call of `tanh`, sixteen times a target, cost as much as the rest of its score. Each lane
    /// gets the operations `min(max(x, -9), 9)` and so on would give it one by one, bit for bit.
    @inline(__always)
    static func tanh(_ value: SIMD16<Float>) -> SIMD16<Float> {
        let x = value.replacing(with: -9, where: value .< -9).replacing(with: 9, where: value .> 9)
        let x2 = x * x
        let numerator = x * (135_135 + x2 * (17_325 + x2 * (378 + x2)))
        let denominator = 135_135 + x2 * (62_370 + x2 * (3_150 + 28 * x2))
        let t = numerator / denominator
        return t.replacing(with: -1, where: t .< -1).replacing(with: 1, where: t .> 1)
    }

    /// ``tanh(_:)-(SIMD16<Float>)`` of one number.
    static func tanh(_ value: Float) -> Float { tanh(SIMD16(repeating: value))[0] }

    /// The hidden units for the features' summed vectors: tanh of the sums plus the biases.
    @inline(__always)
    func activations(_ sum: SIMD16<Float>) -> SIMD16<Float> { Self.tanh(sum + bias) }

    /// What the hidden units add to the three logits.
    @inline(__always)
    func logits(_ h: SIMD16<Float>) -> SIMD3<Float> {
        // Two sums side by side, so that the additions need not wait for each other; through a
        // buffer pointer, so that the loop unrolls and reads each unit of `h` at a fixed place.
        unitOutput.withUnsafeBufferPointer { output in
            var z0 = SIMD4<Float>.zero, z1 = SIMD4<Float>.zero
            for j in Swift.stride(from: 0, to: 16, by: 2) {
                z0 += output[j] * h[j]
                z1 += output[j + 1] * h[j + 1]
            }
            let z = z0 + z1
            return SIMD3(z[0], z[1], z[2])
        }
    }

    /// The features' vectors by ``FeatureHash`` identifier (a few thousand, looked up for each
    /// flag and target word of every target). A class, so that each target's sum retains one
    /// object.
    final class Vectors: Sendable {
        private let table: HashedTable<SIMD16<Float>>
        /// The vectors of the flags of ``Flags/shared`` by ``Flag/index``.
        private let flags: [SIMD16<Float>]
        /// The vectors of `T=` the words of the weights' records (``FeatureWeights/recordWords``),
        /// by record: the target's words mostly have one, found without a look-up by hash.
        private let targetWords: [SIMD16<Float>]

        /// The vectors of `entries`; an identifier given twice has the sum of its vectors.
        /// `recordWords` are the hashes of the words of the weights' records.
        init(_ entries: [(id: UInt64, vector: SIMD16<Float>)], recordWords: [UInt64] = []) {
            var table = HashedTable<SIMD16<Float>>(capacity: entries.count, empty: .zero)
            for (id, vector) in entries { table.update(id) { $0 += vector } }
            self.table = table
            self.flags = Flags.shared.all.map { table[$0.id] ?? .zero }
            self.targetWords = recordWords.map { table[FeatureHash.combine(WordTemplate.T.hash, $0)] ?? .zero }
        }

        /// A feature's vector, zero for one without.
        @inline(__always)
        subscript(id: UInt64) -> SIMD16<Float> { table[id] ?? .zero }

        /// The vector of one of the flags of ``Flags/shared``, as the look-up by identifier finds it.
        @inline(__always)
        func flag(_ flag: Flag) -> SIMD16<Float> { flags[flag.index] }

        /// The vector of `T=` the word of a record of the weights, as the look-up by identifier finds it.
        @inline(__always)
        func targetWord(record: Int32) -> SIMD16<Float> { targetWords[Int(record)] }
    }

    /// The hidden layer's lines of a model file as they are read: `hidden` (the biases), `output`
    /// with a class (its weights of the hidden units) and `vector` with a feature's name.
    struct Parts {
        private var width: Int?
        private var bias: [Float]?
        private var output: [String: [Float]] = [:]
        private var vectors: [(id: UInt64, vector: SIMD16<Float>)] = []
        private static let kinds = ["hidden", "output", "vector"]

        /// Takes the line of `fields` when it is one of the hidden layer's (true), throws when
        /// such a line is malformed; false for any other line.
        mutating func read(
            _ fields: [UnsafeBufferPointer<UInt8>], decimal: (UnsafeBufferPointer<UInt8>) -> Float?
        ) throws -> Bool {
            // Every line of the file comes through here, most of them linear weights: those are
            // told apart by their first field's length before any comparison.
            guard fields[0].count == 6,
                let kind = Self.kinds.first(where: { fields[0].elementsEqual($0.utf8) })
            else { return false }
            let skip = kind == "hidden" ? 1 : 2
            let numbers = fields.dropFirst(skip).compactMap(decimal)
            guard fields.count > skip, numbers.count == fields.count - skip,
                numbers.count <= TargetSentimentModel.maximumHidden, numbers.count == (width ?? numbers.count)
            else {
                throw AssayError(
                    .modelUnavailable,
                    "target sentiment model: a '\(kind)' line needs as many numbers as every other hidden-layer line (at most \(TargetSentimentModel.maximumHidden))"
                )
            }
            width = numbers.count
            let name = skip == 2 ? String(decoding: fields[1], as: UTF8.self) : ""
            switch kind {
            case "hidden": bias = numbers
            case "output":
                guard SentimentLabel.classes.contains(name) else {
                    throw AssayError(.modelUnavailable, "target sentiment model: 'output' for unknown class '\(name)'")
                }
                output[name] = numbers
            default:
                // Scoring feeds the hidden layer with flags and the target's words only.
                guard name.hasPrefix(Flag.prefix) || name.hasPrefix(WordTemplate.T.name + "=") else {
                    throw AssayError(
                        .modelUnavailable,
                        "target sentiment model: a vector for '\(name)', neither a flag nor a target word")
                }
                vectors.append((FeatureHash.feature(named: name), Self.simd(numbers)))
            }
            return true
        }

        /// The layer, nil when the file has none of its lines; `recordWords` as ``Vectors/init(_:recordWords:)`` takes them.
        func layer(recordWords: [UInt64]) throws -> HiddenLayer? {
            guard width != nil else { return nil }
            guard let bias, SentimentLabel.classes.allSatisfy({ output[$0] != nil }) else {
                throw AssayError(
                    .modelUnavailable,
                    "target sentiment model: the hidden layer needs a 'hidden' line and three 'output' lines")
            }
            return HiddenLayer(
                bias: Self.simd(bias), output: SentimentLabel.classes.map { Self.simd(output[$0]!) },
                vectors: Vectors(vectors, recordWords: recordWords))
        }

        private static func simd(_ numbers: [Float]) -> SIMD16<Float> {
            var v = SIMD16<Float>.zero
            for (j, x) in numbers.enumerated() { v[j] = x }
            return v
        }
    }
}
