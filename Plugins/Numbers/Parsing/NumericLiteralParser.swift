import AssayCore

/// Reads an amount written with digits, starting at a token, byte by byte across the tokens glued
/// to it: `1,000`, `244.9`, `-3`, `1.2bn` (three tokens: `1` `.` `2bn`), `80th`, `10k`, `1/2`,
/// `5:30`, `10-20`, `1.1^23`, `12,34,567.89`, `1.111,11`, `10-year`.
///
/// Literals that are codes rather than amounts (IP addresses, version numbers, phone numbers,
/// `5G`, `24/7`) are recognised as such so that no part of them is read as a number.
enum NumericLiteralParser {
    enum Outcome {
        case quantity(Quantity)
        /// Not an amount: skip the tokens up to (not including) this index.
        case code(skipTo: Int)
    }

    /// Parses the literal starting at token `i` (a number token or a word starting with a digit).
    /// With `leadingPoint`, token `i - 1` is a decimal point written without a leading zero
    /// (`.5`), so the digits are the fraction.
    static func parse(_ v: TokenView, at i: Int, leadingPoint: Bool = false) -> Outcome? {
        // The run of tokens glued to token i that a literal can span.
        var j = i
        while j + 1 < v.upper, !v.tokens[j + 1].spaceBefore, continuesLiteral(v, j + 1) { j += 1 }
        var reader = NumericLiteralReader(v, first: i, last: j, leadingPoint: leadingPoint)
        do {
            return try reader.read().map(Outcome.quantity)
        } catch {
            return .code(skipTo: j + 1)
        }
    }

    /// Whether token `k` can continue a literal glued to the previous token.
    private static func continuesLiteral(_ v: TokenView, _ k: Int) -> Bool {
        switch v.kind(k) {
        case .number, .word: return true
        case .punctuation, .symbol:
            guard let s = v.scalar(k) else { return false }
            return s == "." || s == "," || s == "/" || s == ":" || s == "^" || s == "-" || s == "–" || s == "+"
        }
    }

    /// Denominators that make `a/b` a fraction rather than a code or a date (`24/7`, `9/11`).
    static let fractionDenominators: Set<Double> = [2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100]

    /// `base` raised to an integer power, exactly for small powers of ten.
    static func pow10Power(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        // Checked before converting: an exponent of many digits is infinite.
        guard abs(exponent) < 400 else { return exponent < 0 ? 0 : .infinity }
        let n = Int(abs(exponent))
        for _ in 0..<n { result *= base }
        return exponent < 0 ? 1 / result : result
    }

    /// `hour` of the 12-hour clock on the 24-hour clock, after a day period starting with
    /// `period` (`a` for a.m., `p` for p.m.).
    static func hour24(_ hour: Int, period: UInt8) -> Int {
        if period == UInt8(ascii: "p") { return hour == 12 ? 12 : hour + 12 }
        return hour == 12 ? 0 : hour
    }

    /// An ISO date from `a/b/year` (month first unless the first part cannot be a month).
    static func numericDate(first: Int, second: Int, year: Int, yearDigits: Int) -> String? {
        guard yearDigits == 4 || yearDigits == 2 else { return nil }
        let y = yearDigits == 2 ? (year < 50 ? 2000 + year : 1900 + year) : year
        var (month, day) = (first, second)
        if month > 12 { (month, day) = (second, first) }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return format4(y) + "-" + two(month) + "-" + two(day)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func format4(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }
}
