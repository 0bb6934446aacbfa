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
        if v.isWord(t, "percentage") {
            if v.isWord(t + 1, "point") || v.isWord(t + 1, "points") { return (v.end(t + 1), t + 2, true) }
            // 3 percentage-points
            if v.isVocabularyWord(t + 1), v.hasSuffix(t + 1, "point") || v.hasSuffix(t + 1, "points") {
                return (v.end(t), t + 1, true)
            }
            return nil
        }
        if v.isWord(t, "per"), v.isWord(t + 1, "cent") { return (v.end(t + 1), t + 2, false) }
        if v.isWord(t, "percentage-point") { return (v.end(t), t + 1, true) }
        if v.isIn(.percentWord, t) {
            if v.isWord(t, "pc"), v.kind(t + 1) == .word { return nil }
            return (v.end(t), t + 1, false)
        }
        return nil
    }
}
