import Foundation

/// Numbers on axes and in labels: short, with thousands separators, at most three decimals.
enum ChartNumber {
    static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 {
            let s = String(Int(abs(v)))
            var out = ""
            for (i, c) in s.enumerated() {
                if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
                out.append(c)
            }
            return (v < 0 ? "-" : "") + out
        }
        var s = String(format: "%.3f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// About `count` evenly spaced round ticks (1, 2 or 5 times a power of ten) covering the range.
    static func ticks(from low: Double, to high: Double, count: Int = 5) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [low] }
        let raw = span / Double(max(1, count))
        let power = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        var out: [Double] = []
        var t = (low / step).rounded(.down) * step
        while t <= high + step * 1e-9 {
            out.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        if let last = out.last, last < high - step * 1e-9 { out.append(last + step) }
        return out
    }
}
