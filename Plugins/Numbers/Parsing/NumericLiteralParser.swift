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

    private struct Group {
        var separator: UInt8
        var start: Int
        var end: Int
        var length: Int { end - start }
    }

    private static let comma = UInt8(ascii: ","), dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")

    /// Parses the literal starting at token `i` (a number token or a word starting with a digit).
    /// With `leadingPoint`, token `i - 1` is a decimal point written without a leading zero
    /// (`.5`), so the digits are the fraction.
    static func parse(_ v: TokenView, at i: Int, leadingPoint: Bool = false) -> Outcome? {
        // The run of tokens glued to token i that a literal can span.
        var j = i
        while j + 1 < v.upper, !v.tokens[j + 1].spaceBefore, continuesLiteral(v, j + 1) { j += 1 }
        let b = v.bytes
        let limit = v.end(j)
        let skipAll = Outcome.code(skipTo: j + 1)
        @inline(__always) func at(_ p: Int) -> UInt8 { p < limit ? b[p] : 0 }
        @inline(__always) func digit(_ p: Int) -> Bool { p < limit && b[p] >= 48 && b[p] <= 57 }
        @inline(__always) func letter(_ p: Int) -> Bool { p < limit && (b[p] | 0x20) >= 97 && (b[p] | 0x20) <= 122 }
        func isEnDash(_ p: Int) -> Bool { p + 2 < limit && b[p] == 0xE2 && b[p + 1] == 0x80 && b[p + 2] == 0x93 }

        var p = v.start(i)
        var negative = false
        var signed = false
        if at(p) == hyphen || at(p) == UInt8(ascii: "+") {
            negative = at(p) == hyphen
            signed = true
            p += 1
        } else if p + 2 < limit, b[p] == 0xE2, b[p + 1] == 0x88, b[p + 2] == 0x92 {  // U+2212 minus sign
            negative = true
            signed = true
            p += 3
        }
        guard digit(p) else { return nil }
        if leadingPoint && signed { return nil }

        // Digit groups and their separators.
        func readGroups(from p0: Int) -> [Group] {
            var groups: [Group] = []
            var q = p0
            while digit(q) { q += 1 }
            groups.append(Group(separator: 0, start: p0, end: q))
            while at(q) == comma || at(q) == dot, digit(q + 1) {
                let sep = at(q)
                var r = q + 1
                while digit(r) { r += 1 }
                groups.append(Group(separator: sep, start: q + 1, end: r))
                q = r
            }
            return groups
        }
        var groups = readGroups(from: p)
        // A plus sign glued to a dash-separated code is a phone number (+1-555-123-4567).
        if signed && !negative, groups.count == 1, at(groups[0].end) == hyphen { return skipAll }
        guard let mantissa = interpret(&groups, b) else { return skipAll }
        var value = mantissa.value
        var form: Quantity.Form = mantissa.fractionDigits > 0 ? .decimal : .integer
        if leadingPoint {
            // .5, .25: only plain digits can follow the point.
            guard groups.count == 1 else { return skipAll }
            value /= pow10Power(10, Double(groups[0].length))
            form = .decimal
        }
        p = groups.last!.end
        let plain = groups.count == 1 && !signed && !leadingPoint
        let firstToken = leadingPoint ? i - 1 : i
        var q = Quantity(tokens: firstToken..<(i + 1), start: v.start(firstToken), end: p, value: value)
        q.digitCount = groups[0].length
        var isPlain = plain

        // What follows the digits inside the run.
        if (at(p) | 0x20) == UInt8(ascii: "e"), groups.count <= 2, !leadingPoint,
            digit(p + 1) || ((at(p + 1) == hyphen || at(p + 1) == UInt8(ascii: "+")) && digit(p + 2))
        {
            // Scientific notation: 1e10, 2.5E-3, 1.2e+5. A letter or digit run after a short
            // exponent (3e4f, 1e1000) is a code, never an amount.
            var r = p + 1
            let expNegative = at(r) == hyphen
            if at(r) == hyphen || at(r) == UInt8(ascii: "+") { r += 1 }
            let expStart = r
            var e = 0.0
            while digit(r) {
                e = e * 10 + Double(b[r] - 48)
                r += 1
            }
            guard r - expStart <= 3, !letter(r), isTokenEnd(v, i, j, r) else { return skipAll }
            let power = pow10Power(10, e)
            value = expNegative ? value / power : value * power
            form = .power
            isPlain = false
            p = r
        } else if at(p) == UInt8(ascii: "^"),
            digit(p + 1) || ((at(p + 1) == hyphen || at(p + 1) == UInt8(ascii: "+")) && digit(p + 2))
        {
            var r = p + 1
            let expNegative = at(r) == hyphen
            if at(r) == hyphen || at(r) == UInt8(ascii: "+") { r += 1 }
            var e = 0.0
            while digit(r) {
                e = e * 10 + Double(b[r] - 48)
                r += 1
            }
            value = pow10Power(value, expNegative ? -e : e)
            form = .power
            isPlain = false
            p = r
        } else if (at(p) | 0x20) == UInt8(ascii: "x"), at(p + 1) == UInt8(ascii: "1"), at(p + 2) == UInt8(ascii: "0"),
            at(p + 3) == UInt8(ascii: "^"), digit(p + 4)
        {
            var r = p + 4
            var e = 0.0
            while digit(r) {
                e = e * 10 + Double(b[r] - 48)
                r += 1
            }
            value *= pow10Power(10, e)
            form = .power
            isPlain = false
            p = r
        } else if at(p) == UInt8(ascii: "/"), digit(p + 1), plain {
            var r = p + 1
            var denominator = 0.0
            while digit(r) {
                denominator = denominator * 10 + Double(b[r] - 48)
                r += 1
            }
            if at(r) == UInt8(ascii: "/"), digit(r + 1) {
                var s = r + 1
                var year = 0
                while digit(s) {
                    year = year.appendingDigit(b[s])
                    s += 1
                }
                guard let first = value.wholeInt, let second = denominator.wholeInt,
                    let iso = numericDate(first: first, second: second, year: year, yearDigits: s - r - 1),
                    isTokenEnd(v, i, j, s)
                else { return skipAll }
                q.special = .date(iso)
                isPlain = false
                p = s
            } else {
                guard fractionDenominators.contains(denominator), value < denominator * 10, value > 0 else {
                    return skipAll
                }
                value /= denominator
                form = .fraction
                isPlain = false
                p = r
            }
        } else if at(p) == UInt8(ascii: ":"), digit(p + 1) {
            guard plain, value <= 24, digit(p + 2), !digit(p + 3) else { return skipAll }
            let minute = Int(b[p + 1] - 48) * 10 + Int(b[p + 2] - 48)
            guard minute < 60 else { return skipAll }
            var r = p + 3
            if at(r) == UInt8(ascii: ":"), digit(r + 1), digit(r + 2) { r += 3 }
            guard let hour = value.wholeInt else { return skipAll }
            q.special = .time(hour: hour, minute: minute, hasPeriod: false)
            isPlain = false
            p = r
        } else if (at(p) == hyphen && digit(p + 1)) || (isEnDash(p) && digit(p + 3)) {
            let r0 = p + (at(p) == hyphen ? 1 : 3)
            var second = readGroups(from: r0)
            guard let high = interpret(&second, b) else { return skipAll }
            let r = second.last!.end
            let secondPlain = second.count == 1
            if at(r) == hyphen, digit(r + 1) {
                // 2025-05-08 is a date; 555-123-4567 and other triples are codes.
                var s = r + 1
                var day = 0
                while digit(s) {
                    day = day.appendingDigit(b[s])
                    s += 1
                }
                guard plain, secondPlain, q.digitCount == 4, second[0].length == 2, s - r - 1 == 2,
                    let month = high.value.wholeInt, (1...12).contains(month), (1...31).contains(day),
                    let year = value.wholeInt, isTokenEnd(v, i, j, s)
                else { return skipAll }
                q.special = .date(String(format4(year)) + "-" + two(month) + "-" + two(day))
                isPlain = false
                p = s
            } else if plain, secondPlain, q.digitCount == 3, second[0].length == 4 {
                return skipAll  // a phone number: 555-1234
            } else if plain, secondPlain, q.digitCount == 4, CalendarWords.yearRange.contains(value),
                second[0].length == 2 || second[0].length == 4
            {
                // A span of years: 2024-25, 1939-1945.
                var end = high.value
                if second[0].length == 2 { end += (value / 100).rounded(.down) * 100 }
                guard end > value else { return skipAll }
                q.special = .range(high: end)
                q.isYearSpan = true
                isPlain = false
                p = r
            } else {
                guard high.value > value || negative else { return skipAll }  // 3-1 is a score
                q.special = .range(high: high.value)
                if high.fractionDigits > 0 { form = .decimal }
                isPlain = false
                p = r
            }
        }

        // Letters glued to the digits: a scale, an ordinal or decade suffix, a day period, a
        // currency code or a unit. Anything else (5G, 3D) makes the whole token a code.
        if letter(p) {
            var r = p
            while letter(r) { r += 1 }
            guard let key = WordKey(b, p, r) else { return skipAll }
            let suffixUpper = (p..<r).allSatisfy { b[$0] >= 65 && b[$0] <= 90 }
            if NumberWords.ordinalSuffixes.contains(key), plain, form == .integer, q.special == nil {
                q.isOrdinal = true
            } else if key == WordKey("s"), plain, q.special == nil, q.digitCount == 4 || q.digitCount == 2,
                value.truncatingRemainder(dividingBy: 10) == 0
            {
                q.special = .decade
            } else if let scale = NumberWords.scaleSuffixes[key] {
                value = NumberScanner.scaled(value, scale)
                if case .range(let high)? = q.special { q.special = .range(high: NumberScanner.scaled(high, scale)) }
                q.isScaled = true
            } else if CalendarWords.gluedDayPeriods.contains(key), plain, value >= 1, value <= 12,
                key != WordKey("h") && key != WordKey("hrs")
            {
                q.special = .time(hour: hour24(value.wholeInt ?? 0, period: key), minute: 0, hasPeriod: true)
            } else if case .time(let h, let m, _)? = q.special, CalendarWords.gluedDayPeriods.contains(key), h <= 12,
                key != WordKey("h") && key != WordKey("hrs")
            {
                q.special = .time(hour: hour24(h, period: key), minute: m, hasPeriod: true)
            } else if suffixUpper, let code = CurrencyTable.codeKeys[key] {
                q.currency = code
            } else if r - p == 1, suffixUpper, key == WordKey("c") || key == WordKey("f") {
                // 1.5C, 104F: a temperature, as climate and weather stories write it.
                q.gluedNoun = "°" + (key == WordKey("c") ? "C" : "F")
            } else if key == WordKey("p"), !suffixUpper, plain, form == .integer, q.special == nil, value >= 1,
                value <= 500,
                ![144, 240, 360, 480].contains(value)
            {
                // 20p, 5p: pence (1080p and 720p are video resolutions, above the limit or excluded).
                value /= 100
                q.currency = "GBP"
            } else if key == WordKey("pc") || key == WordKey("pct") {
                // 0.5pc, 3pct: the percent word glued to the digits.
                q.gluedNoun = "percent"
            } else if CountWords.gluedUnits.contains(key), !(r - p == 1 && suffixUpper) {
                // (single capital letters are codes: 5G, 3D)
                q.gluedNoun = key.string
            } else {
                return skipAll
            }
            isPlain = false
            p = r
        }

        // A hyphenated compound: 10-year, 2,000-strong, 1.5-million, 20-odd.
        if at(p) == hyphen, letter(p + 1), !isTokenEnd(v, i, j, p) {
            var r = p + 1
            while letter(r) { r += 1 }
            if let key = WordKey(b, p + 1, r) {
                if case .scale(let s)? = NumberWords.table[key], s > 12 {
                    value = NumberScanner.scaled(value, s)
                    q.isScaled = true
                    p = r
                } else if key == WordKey("odd") || key == WordKey("plus") || key == WordKey("some") {
                    q.gluedApproximation = key.string
                } else {
                    q.gluedNoun = key.string
                }
            }
            isPlain = false
            // The amount ends at the hyphen; the rest of the word is what it counts.
            var k = i
            while k <= j && v.end(k) < p { k += 1 }
            q.tokens = firstToken..<(k + 1)
            q.end = p
        } else {
            guard let k = tokenEnding(v, i, j, p) else { return skipAll }
            q.tokens = firstToken..<(k + 1)
            q.end = p
        }
        q.value = negative ? -value : value
        q.form = form == .integer && !q.value.isNaN && q.value != q.value.rounded() ? .decimal : form
        q.isPlainDigits = isPlain
        return .quantity(q)
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

    private static func tokenEnding(_ v: TokenView, _ i: Int, _ j: Int, _ p: Int) -> Int? {
        for k in i...j where v.end(k) == p { return k }
        return nil
    }

    private static func isTokenEnd(_ v: TokenView, _ i: Int, _ j: Int, _ p: Int) -> Bool {
        tokenEnding(v, i, j, p) != nil
    }

    /// The value of digit groups, choosing thousands and decimal separators; nil for codes
    /// (IP addresses, versions). Drops trailing groups that cannot belong to the number.
    private static func interpret(_ groups: inout [Group], _ b: UnsafeBufferPointer<UInt8>) -> (
        value: Double, fractionDigits: Int
    )? {
        var decimalGroup: Int?
        let later = groups.dropFirst()
        let dots = later.filter { $0.separator == dot }.count
        let commas = later.count - dots
        func thousandsValid(_ gs: ArraySlice<Group>) -> Bool {
            guard let first = gs.first, (1...3).contains(first.length) else { return false }
            let rest = gs.dropFirst()
            if rest.allSatisfy({ $0.length == 3 }) { return true }
            // Indian grouping: 12,34,567.
            return first.length <= 2 && rest.last?.length == 3 && rest.dropLast().allSatisfy { $0.length == 2 }
        }
        if groups.count > 1 {
            if dots == 0 {
                if !thousandsValid(groups[...]) { groups = [groups[0]] }  // "1,2": a list, keep the first
            } else if commas == 0 {
                if dots == 1 {
                    decimalGroup = 1
                } else if groups.count != 4, later.allSatisfy({ $0.length == 3 }), groups[0].length <= 3 {
                    // European thousands: 1.000.000
                } else {
                    return nil
                }
            } else {
                let last = groups[groups.count - 1]
                let inner = groups[1..<(groups.count - 1)]
                if last.separator == dot, inner.allSatisfy({ $0.separator == comma }),
                    thousandsValid(groups[0..<(groups.count - 1)])
                {
                    decimalGroup = groups.count - 1
                } else if last.separator == comma, last.length <= 2, inner.allSatisfy({ $0.separator == dot }),
                    groups.count > 2, inner.allSatisfy({ $0.length == 3 }), groups[0].length <= 3
                {
                    decimalGroup = groups.count - 1  // European decimal: 1.111,11
                } else {
                    return nil
                }
            }
        }
        var mantissa = 0.0
        var fractionDigits = 0
        for (n, g) in groups.enumerated() {
            for p in g.start..<g.end { mantissa = mantissa * 10 + Double(b[p] - 48) }
            if n == decimalGroup { fractionDigits = g.length }
        }
        return (fractionDigits == 0 ? mantissa : mantissa / pow10Power(10, Double(fractionDigits)), fractionDigits)
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

    static func hour24(_ hour: Int, period: WordKey) -> Int {
        let pm = period.byte(0) == UInt8(ascii: "p")
        if pm { return hour == 12 ? 12 : hour + 12 }
        return hour == 12 ? 0 : hour
    }

    /// An ISO date from `a/b/year` (month first unless the first part cannot be a month).
    private static func numericDate(first: Int, second: Int, year: Int, yearDigits: Int) -> String? {
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
