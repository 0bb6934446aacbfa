import AssayCore

/// Ranges written across tokens: `between 10 and 20`, `from 10 to 20`, `10 to 20 percent`,
/// `$10-$20`, `10—20`.
extension NumberScanner {
    /// `between 10 and 20`, `from 10 to 20`, `10 to 20 percent`, `$10-$20`: a range whose low end is `low`.
    func readRange(_ low: Amount) -> (NumberMention, Int)? {
        let v = view
        guard [.cardinal, .percent, .money, .year].contains(low.kind), low.high == nil else { return nil }
        let t = low.nextToken
        guard t + 1 < v.upper else { return nil }
        let hasBetween = v.isWord(low.firstToken - 1, "between")
        let hasFrom = v.isWord(low.firstToken - 1, "from")
        let isTo: Bool
        var dashGlued = false
        if v.kind(t) == .number, v.firstByte(t) == UInt8(ascii: "-"), !v.tokens[t].spaceBefore, !hasBetween, !hasFrom {
            // 10%-15%: the tokeniser reads "-15" as a negative number.
            dashGlued = true
            isTo = false
        } else if v.isChar(t, UInt8(ascii: "-")) || v.scalar(t) == "–" || isGluedEmDash(t) {
            guard !hasBetween, !hasFrom else { return nil }
            isTo = false
        } else if v.isWord(t, "and") {
            guard hasBetween else { return nil }
            isTo = false
        } else if v.isWord(t, "to") || v.isWord(t, "through") {
            guard !hasBetween else { return nil }
            isTo = true
        } else {
            return nil
        }
        // The high end may start with its own currency sign.
        var s = dashGlued ? t : t + 1
        while !dashGlued, s < t + 3, s < v.upper,
            v.kind(s) == .symbol
                || (v.kind(s) == .word && v.lookUp(CurrencyTable.dollarPrefixes, s) != nil
                    && v.isChar(s + 1, UInt8(ascii: "$")))
        { s += 1 }
        guard s < v.upper, case .amount(var high) = readAmount(at: s), high.high == nil else { return nil }
        if dashGlued { high.value = -high.value }
        var lowAmount = low
        // Units and scales written once apply to both ends: 10 to 20 percent, $10-20 million.
        if lowAmount.kind == .cardinal, high.kind == .percent || high.kind == .money {
            lowAmount.kind = high.kind
            lowAmount.unit = high.unit
        }
        if high.isScaled, !lowAmount.isScaled, lowAmount.kind == high.kind, let scale = scaleFactor(high),
            lowAmount.value * scale <= high.value
        {
            lowAmount.value = NumberScanner.scaled(lowAmount.value, scale)
        }
        if high.kind == .cardinal, lowAmount.kind == .percent || lowAmount.kind == .money, !(hasBetween || hasFrom) {
            return nil
        }
        if high.kind == .cardinal, lowAmount.kind != .cardinal {
            high.kind = lowAmount.kind
            high.unit = lowAmount.unit
        }
        guard lowAmount.kind == high.kind, lowAmount.unit == high.unit, high.value > lowAmount.value else { return nil }
        // Years stay apart unless written as a span (from 2020 to 2024, between 2020 and 2024).
        if lowAmount.kind == .year, !(hasBetween || hasFrom) && !isTo { return nil }
        let first = (hasBetween || hasFrom) ? low.firstToken - 1 : low.firstToken
        let m = NumberMention(
            kind: .range, start: v.start(first), end: high.end, value: .number(lowAmount.value),
            subtype: lowAmount.kind.rawValue, unit: lowAmount.unit, low: lowAmount.value, high: high.value,
            approximate: low.approximate, counts: high.counts)
        return (m, high.nextToken)
    }

    /// `10—20`: an em dash joins a range only when glued to both ends; spaced, it sets off a
    /// clause (`they won 10 — 20 fewer than hoped`).
    func isGluedEmDash(_ t: Int) -> Bool {
        let v = view
        return v.scalar(t) == "—" && !v.tokens[t].spaceBefore && t + 1 < v.upper && !v.tokens[t + 1].spaceBefore
    }

    /// The scale word multiplying an amount (`million` → 1e6), read back from its value's text.
    func scaleFactor(_ a: Amount) -> Double? {
        let v = view
        let last = a.nextToken - 1
        guard last >= v.lower else { return nil }
        if case .scale(let s)? = v.numberWord(last) { return s }
        // (a scale glued to the digits, as in "$10-20m", is not read back)
        return v.lookUp(NumberWords.scaleSuffixes, last)
    }
}
