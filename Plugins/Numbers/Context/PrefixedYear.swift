import AssayCore

/// Years glued to a prefix in one hyphenated word: `mid-2025`, `pre-2020`, `post-1945`,
/// `late-1990s`. The tokeniser keeps such words whole, and the hyphen is no minus sign.
extension NumberScanner {
    /// Prefixes that put a year (or a decade) in time.
    static let yearPrefixes: [String] = ["mid", "pre", "post", "early", "late", "end", "start", "circa", "fy"]

    /// The year at the end of the word at token `i`, if the word is `prefix-YYYY` or `prefix-YYYYs`.
    func prefixedYear(at i: Int) -> NumberMention? {
        let v = view
        let s = v.start(i), e = v.end(i)
        var digitsEnd = e
        if TextBytes.asciiLowercased(v.bytes[e - 1]) == UInt8(ascii: "s") { digitsEnd -= 1 }
        let digitsStart = digitsEnd - 4
        guard digitsStart - 1 > s, v.bytes[digitsStart - 1] == UInt8(ascii: "-") else { return nil }
        var year = 0
        for p in digitsStart..<digitsEnd {
            let b = v.bytes[p]
            guard TextBytes.isASCIIDigit(b) else { return nil }
            year = year * 10 + NumberBytes.digitValue(b)
        }
        guard CalendarWords.yearRange.contains(Double(year)), v.isIn(.yearPrefix, s, digitsStart - 1) else {
            return nil
        }
        let isDecade = digitsEnd < e
        if isDecade, year % 10 != 0 { return nil }
        return NumberMention(
            kind: .year, start: digitsStart, end: e, value: .number(Double(year)),
            subtype: isDecade ? "decade" : nil)
    }
}
