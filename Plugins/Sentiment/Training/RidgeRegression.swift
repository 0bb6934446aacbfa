/// Ridge regression over rows with a few dense and many sparse features, solved by conjugate
/// gradients on the normal equations (no LAPACK on Linux, and the sparse rows make each
/// iteration cheap: O(non-zeros)).
struct RidgeRegression {
    struct Row {
        var dense: [Double]
        /// (feature index, value) of the sparse part.
        var sparse: [(Int, Double)]
    }

    /// Fitted coefficients: intercept, dense weights, sparse weights.
    struct Fit {
        var intercept: Double
        var dense: [Double]
        var sparse: [Double]

        func predict(_ row: Row) -> Double {
            var y = intercept
            for j in row.dense.indices { y += dense[j] * row.dense[j] }
            for (k, v) in row.sparse { y += sparse[k] * v }
            return y
        }
    }

    /// Minimises Σ (y - ŷ)² + denseLambda·|w|² + sparseLambda·|u|², intercept unpenalised.
    static func fit(
        _ rows: [Row], _ y: [Double], denseCount: Int, sparseCount: Int,
        denseLambda: Double, sparseLambda: Double, iterations: Int = 400
    ) -> Fit {
        let p = 1 + denseCount + sparseCount
        var penalty = [Double](repeating: sparseLambda, count: p)
        penalty[0] = 1e-8
        for j in 0..<denseCount { penalty[1 + j] = denseLambda }

        func xTimes(_ theta: [Double]) -> [Double] {
            rows.map { r in
                var s = theta[0]
                for j in 0..<denseCount { s += theta[1 + j] * r.dense[j] }
                for (k, v) in r.sparse { s += theta[1 + denseCount + k] * v }
                return s
            }
        }
        func xTransposeTimes(_ v: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: p)
            for (i, r) in rows.enumerated() {
                let vi = v[i]
                out[0] += vi
                for j in 0..<denseCount { out[1 + j] += r.dense[j] * vi }
                for (k, x) in r.sparse { out[1 + denseCount + k] += x * vi }
            }
            return out
        }
        func normalTimes(_ theta: [Double]) -> [Double] {
            var out = xTransposeTimes(xTimes(theta))
            for j in 0..<p { out[j] += penalty[j] * theta[j] }
            return out
        }
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            var s = 0.0
            for i in a.indices { s += a[i] * b[i] }
            return s
        }

        var theta = [Double](repeating: 0, count: p)
        let b = xTransposeTimes(y)
        var r = b
        var d = r
        var rr = dot(r, r)
        let tolerance = 1e-12 * max(rr, 1e-30)
        for _ in 0..<iterations where rr > tolerance {
            let ad = normalTimes(d)
            let alpha = rr / dot(d, ad)
            for j in 0..<p {
                theta[j] += alpha * d[j]
                r[j] -= alpha * ad[j]
            }
            let next = dot(r, r)
            let beta = next / rr
            rr = next
            for j in 0..<p { d[j] = r[j] + beta * d[j] }
        }
        return Fit(
            intercept: theta[0], dense: Array(theta[1..<(1 + denseCount)]),
            sparse: Array(theta[(1 + denseCount)...]))
    }
}
