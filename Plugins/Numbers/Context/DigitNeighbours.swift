import AssayCore

/// What the tokens around a digit literal add to it: a decimal point written without a leading
/// zero (`.5`), a sign written apart from the digits (`-5C`, `minus 4`, `negative 3 percent`),
/// and thousands groups separated by spaces (`1 234 567`). The tokeniser cannot decide these,
/// since each needs a look at the neighbours that only makes sense for numbers.
extension NumberScanner {
    /// Words before `minus`/`negative` that make it something other than a sign: `plus or minus
    /// 3` is a margin, `tested negative 3 days later` a test result.
    static let signBlockers: [String] = [
        "or", "tested", "test", "tests", "testing", "proved", "proven",
        "returned", "came", "come", "turned"
    ]

    /// Whether the `.` before the digits at token `i` is their decimal point (`is .5`, `(.25)`,
    /// `$.50`): it touches the digits and is not glued to a word or number on its left, as a
    /// sentence's final period or a version separator (`v2.5`) is.
    func hasLeadingPoint(_ i: Int) -> Bool {
        let v = view
        let p = i - 1
        guard p >= v.lower, v.isGlued(i), v.isChar(p, UInt8(ascii: ".")), v.kind(i) == .number || v.kind(i) == .word
        else { return false }
        guard v.isGlued(p) else { return true }
        return v.kind(p - 1) != .word && v.kind(p - 1) != .number
    }

    /// Whether a `+` number at token `i` is an international phone number (`+1 555 123 4567`,
    /// `+44 (0)20 ...`, `+4915112345678`) rather than a signed amount (`+2`, `+0.5%`).
    func isPhoneNumber(_ i: Int) -> Bool {
        let v = view
        if i + 1 < v.upper, v.kind(i + 1) == .number || v.isChar(i + 1, UInt8(ascii: "(")) { return true }
        var digits = 0
        for p in v.start(i)..<v.end(i) where TextBytes.isASCIIDigit(v.bytes[p]) { digits += 1 }
        return digits >= 7
    }

    /// The tokens after an international phone number's `+`, to skip them all.
    func phoneNumberEnd(after i: Int) -> Int {
        let v = view
        var j = i + 1
        while j < v.upper,
            v.kind(j) == .number || v.isChar(j, UInt8(ascii: "(")) || v.isChar(j, UInt8(ascii: ")"))
                || v.isChar(j, UInt8(ascii: "-"))
        { j += 1 }
        return j
    }

    /// Whether the word at token `t` is a sign for the amount after it: `minus 4`, `negative 3
    /// percent`; not `10 minus 4` (a subtraction) or `plus or minus 3`.
    func isWordSign(at t: Int) -> Bool {
        let v = view
        guard v.isWord(t, "minus") || v.isWord(t, "negative") else { return false }
        guard t - 1 >= v.lower else { return true }
        if v.kind(t - 1) == .number { return false }
        if v.isIn(.signBlocker, t - 1) || v.numberWord(t - 1) != nil { return false }
        return true
    }

    /// `q` with a sign written apart from its digits: a hyphen or minus sign the tokeniser left
    /// out of a word (`-5C`, `-10km`) or a sign word (`minus 4`).
    func applyingSeparateSign(_ q: Quantity) -> Quantity {
        let v = view
        let first = q.tokens.lowerBound
        switch q.special {
        case nil, .range?: break
        default: return q  // times, dates and decades carry no sign
        }
        guard q.value > 0, first - 1 >= v.lower else { return q }
        var signed = q
        let s = first - 1
        if v.isGlued(first), v.isChar(s, UInt8(ascii: "-")) || v.scalar(s) == "\u{2212}",
            !(v.isGlued(s) && (v.kind(s - 1) == .word || v.kind(s - 1) == .number))
        {
            signed.start = v.start(s)
        } else if !v.isGlued(first), isWordSign(at: s) {
            signed.start = v.start(s)
        } else {
            return q
        }
        signed.value = -q.value
        signed.tokens = s..<q.tokens.upperBound
        signed.isPlainDigits = false
        return signed
    }

    /// `q` joined with the thousands groups written after it with single spaces: `1 234 567`,
    /// `25 000` (a group starting with 0 is never a number of its own), `1 234.56` (a group with
    /// decimals) and groups separated by no-break or thin spaces (`12 345`). Two plain groups with an ordinary space stay apart
    /// (`scored 3 100 times`), and so does a first group of four digits (`In 2019 100 people`).
    func joiningSpacedThousands(_ q: Quantity) -> Quantity {
        let v = view
        let i = q.tokens.lowerBound
        guard q.isPlainDigits, (1...3).contains(q.digitCount), q.tokens.count == 1, q.gluedNoun == nil,
            q.end == v.end(i), i + 1 < v.upper, v.kind(i + 1) == .number, v.tokens[i + 1].spaceBefore
        else { return q }
        // A short number right before this one (a list, a table row) makes any grouping a guess;
        // a longer one (a year: "On 5 May 2024 1 000 people") cannot be a group of it.
        if i - 1 >= v.lower, v.kind(i - 1) == .number, v.tokens[i].spaceBefore, v.length(i - 1) <= 3 { return q }
        var value = q.value
        var t = i + 1
        var groups = 0
        var fraction = 0.0
        var fractionDigits = 0
        var narrowSpace = false
        var startsWithZero = false
        while t < v.upper, v.kind(t) == .number, let gap = spaceGap(before: t) {
            let s = v.start(t)
            let n = v.length(t)
            guard n >= 3, (s..<(s + 3)).allSatisfy({ TextBytes.isASCIIDigit(v.bytes[$0]) }) else { break }
            if n > 3 {
                // Only the last group may carry a decimal part: 1 234.56.
                guard v.bytes[s + 3] == UInt8(ascii: "."), n > 4,
                    ((s + 4)..<(s + n)).allSatisfy({ TextBytes.isASCIIDigit(v.bytes[$0]) })
                else { break }
                var scale = 0.1
                for p in (s + 4)..<(s + n) {
                    fraction += Double(NumberBytes.digitValue(v.bytes[p])) * scale
                    scale /= 10
                }
                fractionDigits = n - 4
            }
            if groups == 0 { startsWithZero = v.bytes[s] == UInt8(ascii: "0") }
            narrowSpace = narrowSpace || gap > 1
            value =
                value * 1000
                + Double(
                    NumberBytes.digitValue(v.bytes[s]) * 100 + NumberBytes.digitValue(v.bytes[s + 1]) * 10
                        + NumberBytes.digitValue(v.bytes[s + 2]))
            groups += 1
            t += 1
            if fractionDigits > 0 { break }
        }
        guard groups >= 2 || (groups == 1 && (narrowSpace || startsWithZero || fractionDigits > 0)) else { return q }
        // Another spaced number after the groups: a table row, not one number.
        if fractionDigits == 0, t < v.upper, v.kind(t) == .number, spaceGap(before: t) != nil { return q }
        var joined = q
        joined.value = value + fraction
        joined.tokens = i..<t
        joined.end = v.end(t - 1)
        joined.digitCount = q.digitCount + 3 * groups
        joined.form = fractionDigits > 0 ? .decimal : .integer
        joined.isPlainDigits = false
        return joined
    }

    /// The width in bytes of the single space before token `t` when it is one ASCII space (1) or
    /// one no-break or thin space (2 or 3), else nil.
    private func spaceGap(before t: Int) -> Int? {
        let v = view
        guard t - 1 >= v.lower else { return nil }
        let a = v.end(t - 1), b = v.start(t)
        switch b - a {
        case 1: return v.bytes[a] == UInt8(ascii: " ") ? 1 : nil
        case 2:
            return v.bytes[a] == NumberBytes.noBreakSpace.0 && v.bytes[a + 1] == NumberBytes.noBreakSpace.1 ? 2 : nil
        case 3:
            return NumberBytes.has(NumberBytes.thinSpace, in: v.bytes, at: a, limit: b)
                || NumberBytes.has(NumberBytes.narrowNoBreakSpace, in: v.bytes, at: a, limit: b) ? 3 : nil
        default: return nil
        }
    }
}
