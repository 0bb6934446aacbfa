import AssayCore

/// Percent signs and words after an amount: `16.5%`, `16.5 percent`, `per cent`, `3 percentage points`.
extension NumberScanner {
    /// Where a percent sign or word after the amount ends: `%`, `percent`, `per cent`, `pct`,
    /// `percentage point(s)`; and whether it means percentage points.
    func percentSign(at t: Int, compoundNoun: String?) -> (end: Int, next: Int, points: Bool)? {
        let v = view
        if let noun = compoundNoun {
            // 3-percentage-point, 10-percent
            if noun == "percentage" { return (-1, t, true) }
            if noun == "percent" || noun == "per" { return (-1, t, false) }
            return nil
        }
        guard t < v.upper else { return nil }
        if v.isChar(t, UInt8(ascii: "%")) { return (v.end(t), t + 1, false) }
        guard let k = v.key(t) else { return nil }
        if k == CountWords.percentage {
            if let n = v.key(t + 1), n == CountWords.point || n == CountWords.points {
                return (v.end(t + 1), t + 2, true)
            }
            if let n = v.key(t + 1), n.hasSuffix("point") || n.hasSuffix("points") { return (v.end(t), t + 1, true) }
            return nil
        }
        if k == CountWords.per, let n = v.key(t + 1), n == CountWords.cent { return (v.end(t + 1), t + 2, false) }
        if k == WordKey("percentage-point") { return (v.end(t), t + 1, true) }
        if CountWords.percentWords.contains(k) {
            if k == WordKey("pc"), !(v.kind(t + 1) != .word) { return nil }
            return (v.end(t), t + 1, false)
        }
        return nil
    }
}
