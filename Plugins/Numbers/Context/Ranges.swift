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
        guard let join = rangeJoin(at: t, hasBetween: hasBetween, hasFrom: hasFrom),
            let high = highEnd(after: t, join),
            let ends = sharingUnit(low, high, openedByWord: hasBetween || hasFrom)
        else { return nil }
        // Years stay apart unless written as a span (from 2020 to 2024, between 2020 and 2024).
        if ends.low.kind == .year, !(hasBetween || hasFrom) && join != .to { return nil }
        let first = (hasBetween || hasFrom) ? low.firstToken - 1 : low.firstToken
        let m = NumberMention(
            kind: .range, start: v.start(first), end: high.end, value: .number(ends.low.value),
            subtype: ends.low.kind.rawValue, unit: ends.low.unit, low: ends.low.value, high: ends.high.value,
            approximate: low.approximate, counts: high.counts)
        return (m, high.nextToken)
    }

    /// How the two ends of a range are joined.
    private enum RangeJoin {
        /// `10%-15%`: a hyphen glued to the high end, which the tokeniser read as its minus sign.
        case gluedMinus
        /// `10-20`, `10–20`, `10—20`, `between 10 and 20`.
        case dashOrAnd
        /// `10 to 20`, `from 10 through 20`.
        case to
    }

    /// How token `t` joins the ends of a range, given whether `between` or `from` opened it.
    private func rangeJoin(at t: Int, hasBetween: Bool, hasFrom: Bool) -> RangeJoin? {
        let v = view
        if v.kind(t) == .number, v.firstByte(t) == UInt8(ascii: "-"), !v.tokens[t].spaceBefore, !hasBetween, !hasFrom {
            return .gluedMinus
        }
        if v.isChar(t, UInt8(ascii: "-")) || v.scalar(t) == "–" || isGluedEmDash(t) {
            return hasBetween || hasFrom ? nil : .dashOrAnd
        }
        if v.isWord(t, "and") { return hasBetween ? .dashOrAnd : nil }
        if v.isWord(t, "to") || v.isWord(t, "through") { return hasBetween ? nil : .to }
        return nil
    }

    /// The high end of a range joined at token `t`; it may start with its own currency sign.
    private func highEnd(after t: Int, _ join: RangeJoin) -> Amount? {
        let v = view
        var s = t
        if join != .gluedMinus {
            s = t + 1
            while s < t + 3, s < v.upper,
                v.kind(s) == .symbol
                    || (v.kind(s) == .word && v.lookUp(CurrencyTable.dollarPrefixes, s) != nil
                        && v.isChar(s + 1, UInt8(ascii: "$")))
            { s += 1 }
        }
        guard s < v.upper, case .amount(var high) = readAmount(at: s), high.high == nil else { return nil }
        if join == .gluedMinus { high.value = -high.value }
        return high
    }

    /// The ends with a unit or scale written once applied to both (`10 to 20 percent`, `$10-20
    /// million`), or nil when they cannot be the ends of one range.
    private func sharingUnit(_ low: Amount, _ high: Amount, openedByWord: Bool) -> (low: Amount, high: Amount)? {
        var (low, high) = (low, high)
        if low.kind == .cardinal, high.kind == .percent || high.kind == .money {
            low.kind = high.kind
            low.unit = high.unit
        }
        if high.isScaled, !low.isScaled, low.kind == high.kind, let scale = scaleFactor(high),
            low.value * scale <= high.value
        {
            low.value = NumberScanner.scaled(low.value, scale)
        }
        if high.kind == .cardinal, low.kind == .percent || low.kind == .money, !openedByWord { return nil }
        if high.kind == .cardinal, low.kind != .cardinal {
            high.kind = low.kind
            high.unit = low.unit
        }
        guard low.kind == high.kind, low.unit == high.unit, high.value > low.value else { return nil }
        return (low, high)
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
