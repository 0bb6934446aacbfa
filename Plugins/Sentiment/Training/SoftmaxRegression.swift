import Foundation

/// Multinomial (softmax) logistic regression with an L2 penalty, over the same rows as
/// ``RidgeRegression`` (a few dense and many sparse features), fitted by L-BFGS.
///
/// The sentiment model uses it for the label only: a 3-class decision learnt directly from the
/// features, rather than two thresholds on the regression score.
struct SoftmaxRegression {
    typealias Row = RidgeRegression.Row

    /// Fitted coefficients, class-major: `intercepts[c]`, `dense[c][j]`, `sparse[c][k]`.
    struct Fit {
        var intercepts: [Double]
        var dense: [[Double]]
        var sparse: [[Double]]

        /// Class probabilities of one row.
        func probabilities(_ row: Row) -> [Double] {
            let z = intercepts.indices.map { c -> Double in
                var s = intercepts[c]
                for j in row.dense.indices { s += dense[c][j] * row.dense[j] }
                for (k, v) in row.sparse { s += sparse[c][k] * v }
                return s
            }
            return SoftmaxRegression.softmax(z)
        }
    }

    static func softmax(_ z: [Double]) -> [Double] {
        let top = z.max() ?? 0
        let e = z.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// Minimises -Σ log p(yᵢ | xᵢ) + ½·denseLambda·|W_dense|² + ½·sparseLambda·|W_sparse|²,
    /// intercepts unpenalised. `classes[i]` is the class index (0..<classCount) of row i.
    static func fit(
        _ rows: [Row], _ classes: [Int], classCount: Int, denseCount: Int, sparseCount: Int,
        denseLambda: Double, sparseLambda: Double, sparsePenaltyScale: [Double]? = nil, iterations: Int = 300
    ) -> Fit {
        let width = 1 + denseCount + sparseCount
        let k = classCount
        // Parameters laid out feature-major: theta[feature * k + class].
        var penalty = [Double](repeating: sparseLambda, count: width)
        penalty[0] = 0
        for j in 0..<denseCount { penalty[1 + j] = denseLambda }
        if let scale = sparsePenaltyScale {
            for k in 0..<sparseCount { penalty[1 + denseCount + k] *= scale[k] }
        }

        func objective(_ theta: [Double]) -> (Double, [Double]) {
            var loss = 0.0
            var gradient = [Double](repeating: 0, count: theta.count)
            var z = [Double](repeating: 0, count: k)
            for (i, r) in rows.enumerated() {
                for c in 0..<k { z[c] = theta[c] }
                for j in 0..<denseCount {
                    let x = r.dense[j], base = (1 + j) * k
                    for c in 0..<k { z[c] += theta[base + c] * x }
                }
                for (f, x) in r.sparse {
                    let base = (1 + denseCount + f) * k
                    for c in 0..<k { z[c] += theta[base + c] * x }
                }
                let p = softmax(z)
                loss -= log(max(p[classes[i]], 1e-300))
                for c in 0..<k {
                    let d = p[c] - (c == classes[i] ? 1 : 0)
                    gradient[c] += d
                    for j in 0..<denseCount { gradient[(1 + j) * k + c] += d * r.dense[j] }
                    for (f, x) in r.sparse { gradient[(1 + denseCount + f) * k + c] += d * x }
                }
            }
            for f in 0..<width where penalty[f] > 0 {
                for c in 0..<k {
                    let w = theta[f * k + c]
                    loss += 0.5 * penalty[f] * w * w
                    gradient[f * k + c] += penalty[f] * w
                }
            }
            return (loss, gradient)
        }

        let theta = LBFGS.minimize(objective, start: [Double](repeating: 0, count: width * k), iterations: iterations)
        return Fit(
            intercepts: (0..<k).map { theta[$0] },
            dense: (0..<k).map { c in (0..<denseCount).map { theta[(1 + $0) * k + c] } },
            sparse: (0..<k).map { c in (0..<sparseCount).map { theta[(1 + denseCount + $0) * k + c] } })
    }
}

/// Limited-memory BFGS with a backtracking (Armijo) line search: deterministic, no dependencies.
enum LBFGS {
    static func minimize(
        _ f: ([Double]) -> (Double, [Double]), start: [Double], iterations: Int,
        memory: Int = 8, tolerance: Double = 1e-7
    ) -> [Double] {
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            var s = 0.0
            for i in a.indices { s += a[i] * b[i] }
            return s
        }
        var x = start
        var (fx, g) = f(x)
        var history: [(s: [Double], y: [Double], rho: Double)] = []
        for _ in 0..<iterations {
            let gnorm = dot(g, g).squareRoot()
            if gnorm <= tolerance * max(1, dot(x, x).squareRoot()) { break }
            // Two-loop recursion: d = -H·g.
            var q = g
            var alphas = [Double](repeating: 0, count: history.count)
            for (m, h) in history.enumerated().reversed() {
                alphas[m] = h.rho * dot(h.s, q)
                for i in q.indices { q[i] -= alphas[m] * h.y[i] }
            }
            if let last = history.last {
                let gamma = dot(last.s, last.y) / dot(last.y, last.y)
                for i in q.indices { q[i] *= gamma }
            } else {
                for i in q.indices { q[i] /= max(gnorm, 1) }
            }
            for (m, h) in history.enumerated() {
                let beta = h.rho * dot(h.y, q)
                for i in q.indices { q[i] += h.s[i] * (alphas[m] - beta) }
            }
            var direction = q.map { -$0 }
            var slope = dot(g, direction)
            if slope >= 0 {  // not a descent direction: restart from steepest descent
                history.removeAll()
                direction = g.map { -$0 }
                slope = -dot(g, g)
            }
            var step = 1.0
            var next = x, fnext = fx, gnext = g
            var accepted = false
            for _ in 0..<40 {
                for i in x.indices { next[i] = x[i] + step * direction[i] }
                (fnext, gnext) = f(next)
                if fnext <= fx + 1e-4 * step * slope {
                    accepted = true
                    break
                }
                step *= 0.5
            }
            guard accepted else { break }
            let s = zip(next, x).map { $0 - $1 }, y = zip(gnext, g).map { $0 - $1 }
            let sy = dot(s, y)
            if sy > 1e-12 {
                history.append((s, y, 1 / sy))
                if history.count > memory { history.removeFirst() }
            }
            let improvement = fx - fnext
            x = next
            fx = fnext
            g = gnext
            if improvement <= 1e-10 * max(1, abs(fx)) { break }
        }
        return x
    }
}
