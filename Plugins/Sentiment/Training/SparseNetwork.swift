import Foundation

/// A softmax classifier over sparse features with a small hidden layer beside the linear part:
/// logits = c + W·x + V·tanh(b + E·x). Every feature has three linear weights (a row of `W`);
/// some also have a learnt vector of `hidden` numbers (a row of `E`), so that they can combine
/// (a target word with the lexicon hits around it) where the linear part only adds.
///
/// Fitted by Adagrad one example at a time, each input feature dropped with probability
/// ``dropout`` (the kept ones scaled up so that the sums keep their mean), with an L2 penalty
/// on the weights an example touches. Deterministic: the start and the shuffles come from a
/// fixed seed, and every sum runs in a fixed order.
struct SparseNetwork {
    /// The features of each example in compressed rows: `indices[offsets[i]..<offsets[i + 1]]`.
    struct Rows {
        var offsets: [Int] = [0]
        var indices: [Int32] = []
        var values: [Double] = []
        var count: Int { offsets.count - 1 }

        /// The rows of `examples`, in that order.
        init(_ rows: [RidgeRegression.Row], examples: [Int]) {
            for i in examples {
                for (k, v) in rows[i].sparse {
                    indices.append(Int32(k))
                    values.append(v)
                }
                offsets.append(indices.count)
            }
        }
    }

    var hidden = 16
    /// L2 strength of the linear weights (times each feature's scale), spread over the examples.
    var lambda = 100.0
    /// L2 strength of the feature vectors `E` and the output weights `V`.
    var networkLambda = 100.0
    /// Adagrad's step size.
    var rate = 0.02
    var dropout = 0.3
    var seed: UInt64 = 1
    static let classes = 3

    /// Fitted parameters.
    struct Fit {
        var hidden: Int
        var intercepts: [Double]
        /// `linear[f * 3 + c]`.
        var linear: [Double]
        /// Each feature's row of `embedding`, -1 for a feature without a vector.
        var embedded: [Int32]
        /// `embedding[embedded[f] * hidden + j]`.
        var embedding: [Double]
        var bias: [Double]
        /// `output[j * 3 + c]`.
        var output: [Double]

        /// The logits of features `(index, value)`.
        func logits(_ features: [(Int, Double)]) -> [Double] {
            var a: [Double] = [], h: [Double] = []
            return forward(features, sums: &a, units: &h)
        }

        /// The logits of features `(index, value)`, with the hidden units' sums (`sums`) and
        /// their tanh (`units`), which training reads back: the one forward pass of training
        /// and scoring.
        func forward(_ features: [(Int, Double)], sums a: inout [Double], units h: inout [Double]) -> [Double] {
            var z = intercepts
            a = bias
            h = bias
            for (f, x) in features {
                for c in 0..<3 { z[c] += linear[f * 3 + c] * x }
                let row = Int(embedded[f])
                if row >= 0 { for j in 0..<hidden { a[j] += embedding[row * hidden + j] * x } }
            }
            for j in 0..<hidden {
                h[j] = tanh(a[j])
                for c in 0..<3 { z[c] += output[j * 3 + c] * h[j] }
            }
            return z
        }
    }

    /// Fits `rows` (with class indices `labels`) and returns the fit after each epoch count of
    /// `epochs`. `embedded[f]` is feature f's row of the embedding, -1 for none.
    /// `weights[i]` scales example i's share of the loss (nil: all 1).
    func fit(
        _ rows: Rows, _ labels: [Int], featureCount: Int, penaltyScale: [Double], embedded: [Int32], epochs: [Int],
        weights: [Double]? = nil
    ) -> [Fit] {
        let k = Self.classes, H = hidden, F = featureCount, n = rows.count
        let vectors = Int((embedded.max() ?? -1) + 1)
        var state = seed
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        // A small random start for the vectors and output weights (the hidden units must differ).
        let embedding = (0..<(vectors * H)).map { _ in 0.1 * (uniform() * 2 - 1) }
        let output = (0..<(H * k)).map { _ in 0.1 * (uniform() * 2 - 1) }
        var fit = Fit(
            hidden: H, intercepts: [Double](repeating: 0, count: k), linear: [Double](repeating: 0, count: F * k),
            embedded: embedded, embedding: embedding, bias: [Double](repeating: 0, count: H), output: output)
        // Adagrad's sums of squared gradients, one per parameter.
        var sIntercepts = [Double](repeating: 1e-8, count: k), sLinear = [Double](repeating: 1e-8, count: F * k)
        var sEmbedding = [Double](repeating: 1e-8, count: vectors * H), sBias = [Double](repeating: 1e-8, count: H)
        var sOutput = [Double](repeating: 1e-8, count: H * k)
        @inline(__always)
        func step(_ w: inout [Double], _ s: inout [Double], _ at: Int, _ gradient: Double) {
            s[at] += gradient * gradient
            w[at] -= rate * gradient / s[at].squareRoot()
        }

        let keep = 1 - dropout
        let outputPenalty = networkLambda / Double(n)
        var order = Array(0..<n)
        var fits: [Fit] = []
        var a = [Double](repeating: 0, count: H), h = a, da = a
        var z = [Double](repeating: 0, count: k), d = z
        var kept: [(Int, Double)] = []
        for epoch in 1...(epochs.max() ?? 0) {
            for i in Swift.stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, Int(uniform() * Double(i + 1))) }
            for i in order {
                kept.removeAll(keepingCapacity: true)
                for p in rows.offsets[i]..<rows.offsets[i + 1] where uniform() < keep {
                    kept.append((Int(rows.indices[p]), rows.values[p] / keep))
                }
                z = fit.forward(kept, sums: &a, units: &h)
                // d = softmax(z) - one-hot(label): the gradient of the loss at the logits.
                let top = max(z[0], z[1], z[2])
                var sum = 0.0
                for c in 0..<k {
                    d[c] = exp(z[c] - top)
                    sum += d[c]
                }
                let weight = weights?[i] ?? 1
                for c in 0..<k { d[c] = (d[c] / sum - (c == labels[i] ? 1 : 0)) * weight }
                for j in 0..<H {
                    var back = 0.0
                    for c in 0..<k { back += fit.output[j * k + c] * d[c] }
                    da[j] = back * (1 - h[j] * h[j])
                }
                for c in 0..<k { step(&fit.intercepts, &sIntercepts, c, d[c]) }
                for j in 0..<H {
                    for c in 0..<k {
                        step(&fit.output, &sOutput, j * k + c, d[c] * h[j] + outputPenalty * fit.output[j * k + c])
                    }
                    step(&fit.bias, &sBias, j, da[j])
                }
                for (f, x) in kept {
                    let l2 = lambda * penaltyScale[f] / Double(n)
                    for c in 0..<k { step(&fit.linear, &sLinear, f * k + c, d[c] * x + l2 * fit.linear[f * k + c]) }
                    let row = Int(embedded[f])
                    guard row >= 0 else { continue }
                    for j in 0..<H {
                        step(
                            &fit.embedding, &sEmbedding, row * H + j,
                            da[j] * x + outputPenalty * fit.embedding[row * H + j])
                    }
                }
            }
            if epochs.contains(epoch) {
                fits.append(fit)
            }
        }
        return fits
    }
}
