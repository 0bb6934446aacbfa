import AssayCore

/// One reading of a digit literal for ``NumericLiteralParser``, in the order it is written: a
/// sign, the digit groups, a notation after them (an exponent, a fraction or date with `/`, a
/// clock time, a range or date with a dash), letters glued to the digits, and a hyphenated word.
struct NumericLiteralReader {
    /// Thrown by any step that finds a code rather than an amount (`5G`, `192.168.0.1`).
    struct NotAnAmount: Error {}

    private static let hyphen = UInt8(ascii: "-")

    private let view: TokenView
    private let b: LiteralBytes
    /// The token the digits start in, and the last token glued to it that the literal may span.
    private let first: Int
    private let last: Int
    /// Token `first - 1` is a decimal point written without a leading zero (`.5`).
    private let leadingPoint: Bool

    /// Where reading has got to.
    private var p: Int
    private var negative = false
    private var signed = false
    private var value = 0.0
    private var form = Quantity.Form.integer
    private var groupCount = 0
    /// One group of digits with no sign or leading point: the literal may be a date, time,
    /// fraction, year span or ordinal.
    private var plain = false
    /// Plain, and nothing but digits followed.
    private var isPlain = false
    private var q: Quantity

    init(_ view: TokenView, first: Int, last: Int, leadingPoint: Bool) {
        self.view = view
        self.b = LiteralBytes(bytes: view.bytes, limit: view.end(last))
        self.first = first
        self.last = last
        self.leadingPoint = leadingPoint
        self.p = view.start(first)
        self.q = Quantity(tokens: first..<(first + 1), start: view.start(first), end: p, value: 0)
    }

    /// The quantity the literal writes, nil if no digits start it.
    mutating func read() throws(NotAnAmount) -> Quantity? {
        readSign()
        guard b.isDigit(p) else { return nil }
        if leadingPoint && signed { return nil }
        try readDigitGroups()
        try readNotation()
        if b.isLetter(p) { try readGluedLetters() }
        try readEnd()
        q.value = negative ? -value : value
        q.form = form == .integer && !q.value.isNaN && q.value != q.value.rounded() ? .decimal : form
        q.isPlainDigits = isPlain
        return q
    }

    /// `-`, `+` or `−` (U+2212) before the digits.
    private mutating func readSign() {
        if b.isSign(p) {
            negative = b[p] == NumericLiteralReader.hyphen
            signed = true
            p += 1
        } else if b.isMinusSign(p) {
            negative = true
            signed = true
            p += 3
        }
    }

    /// The digits with their thousands and decimal separators (or after a leading point).
    private mutating func readDigitGroups() throws(NotAnAmount) {
        var groups = DigitGroups(b, from: p)
        // A plus sign glued to a dash-separated code is a phone number (+1-555-123-4567).
        if signed && !negative, groups.count == 1, b[groups.end] == NumericLiteralReader.hyphen { throw NotAnAmount() }
        guard let mantissa = groups.interpret(view.bytes) else { throw NotAnAmount() }
        value = mantissa.value
        form = mantissa.fractionDigits > 0 ? .decimal : .integer
        if leadingPoint {
            // .5, .25: only plain digits can follow the point.
            guard groups.count == 1 else { throw NotAnAmount() }
            value /= NumericLiteralParser.pow10Power(10, Double(groups.first.length))
            form = .decimal
        }
        p = groups.end
        groupCount = groups.count
        plain = groups.count == 1 && !signed && !leadingPoint
        isPlain = plain
        let firstToken = leadingPoint ? first - 1 : first
        q = Quantity(tokens: firstToken..<(first + 1), start: view.start(firstToken), end: p, value: value)
        q.digitCount = groups.first.length
    }

    /// What follows the digits inside the literal, if it is a notation of its own.
    private mutating func readNotation() throws(NotAnAmount) {
        if b.isLetter(p, "e"), groupCount <= 2, !leadingPoint, startsExponent(p + 1) {
            try readScientificExponent()
        } else if b[p] == UInt8(ascii: "^"), startsExponent(p + 1) {
            readPower()
        } else if b.isLetter(p, "x"), b[p + 1] == UInt8(ascii: "1"), b[p + 2] == UInt8(ascii: "0"),
            b[p + 3] == UInt8(ascii: "^"), b.isDigit(p + 4)
        {
            readTimesPowerOfTen()
        } else if b[p] == UInt8(ascii: "/"), b.isDigit(p + 1), plain {
            try readSlash()
        } else if b[p] == UInt8(ascii: ":"), b.isDigit(p + 1) {
            try readClockTime()
        } else if (b[p] == NumericLiteralReader.hyphen && b.isDigit(p + 1)) || (b.isEnDash(p) && b.isDigit(p + 3)) {
            try readDash()
        }
    }

    /// Whether digits, or a sign and digits, start at `r`.
    private func startsExponent(_ r: Int) -> Bool { b.isDigit(r) || (b.isSign(r) && b.isDigit(r + 1)) }

    /// The signed exponent from `r`: whether it is negative, its value, where its digits start
    /// and where it ends.
    private func exponent(from r: Int) -> (negative: Bool, value: Double, digitsStart: Int, end: Int) {
        let isNegative = b[r] == NumericLiteralReader.hyphen
        let digitsStart = b.isSign(r) ? r + 1 : r
        let (e, end) = b.digits(from: digitsStart)
        return (isNegative, e, digitsStart, end)
    }

    /// Scientific notation: 1e10, 2.5E-3, 1.2e+5. A letter or digit run after a short exponent
    /// (3e4f, 1e1000) is a code, never an amount.
    private mutating func readScientificExponent() throws(NotAnAmount) {
        let e = exponent(from: p + 1)
        guard e.end - e.digitsStart <= 3, !b.isLetter(e.end), isTokenEnd(e.end) else { throw NotAnAmount() }
        let power = NumericLiteralParser.pow10Power(10, e.value)
        value = e.negative ? value / power : value * power
        setPower(end: e.end)
    }

    /// A power written with a caret: 10^6, 2^-3.
    private mutating func readPower() {
        let e = exponent(from: p + 1)
        value = NumericLiteralParser.pow10Power(value, e.negative ? -e.value : e.value)
        setPower(end: e.end)
    }

    /// 1.5x10^6.
    private mutating func readTimesPowerOfTen() {
        let (e, end) = b.digits(from: p + 4)
        value *= NumericLiteralParser.pow10Power(10, e)
        setPower(end: end)
    }

    private mutating func setPower(end: Int) {
        form = .power
        isPlain = false
        p = end
    }

    /// After `/`: a numeric date (`8/5/2025`) or a fraction (`3/4`); any other denominator
    /// makes a code (`24/7`).
    private mutating func readSlash() throws(NotAnAmount) {
        let (denominator, r) = b.digits(from: p + 1)
        if b[r] == UInt8(ascii: "/"), b.isDigit(r + 1) {
            let (year, s) = b.wholeDigits(from: r + 1)
            guard let firstPart = value.wholeInt, let secondPart = denominator.wholeInt,
                let iso = NumericLiteralParser.numericDate(
                    first: firstPart, second: secondPart, year: year, yearDigits: s - r - 1),
                isTokenEnd(s)
            else { throw NotAnAmount() }
            q.special = .date(iso)
            isPlain = false
            p = s
        } else {
            guard NumericLiteralParser.fractionDenominators.contains(denominator), value < denominator * 10, value > 0
            else { throw NotAnAmount() }
            value /= denominator
            form = .fraction
            isPlain = false
            p = r
        }
    }

    /// A clock time: 5:30, 17:45:10.
    private mutating func readClockTime() throws(NotAnAmount) {
        guard plain, value <= 24, b.isDigit(p + 2), !b.isDigit(p + 3) else { throw NotAnAmount() }
        let minute = NumberBytes.digitValue(b[p + 1]) * 10 + NumberBytes.digitValue(b[p + 2])
        guard minute < 60 else { throw NotAnAmount() }
        var r = p + 3
        if b[r] == UInt8(ascii: ":"), b.isDigit(r + 1), b.isDigit(r + 2) { r += 3 }
        guard let hour = value.wholeInt else { throw NotAnAmount() }
        q.special = .time(hour: hour, minute: minute, hasPeriod: false)
        isPlain = false
        p = r
    }

    /// After a hyphen or en dash: an ISO date (2025-05-08), a span of years (2024-25,
    /// 1939-1945) or a range (10-20); phone numbers (555-1234, 555-123-4567) and scores written
    /// high to low (3-1) are codes.
    private mutating func readDash() throws(NotAnAmount) {
        var second = DigitGroups(b, from: p + (b[p] == NumericLiteralReader.hyphen ? 1 : 3))
        guard let high = second.interpret(view.bytes) else { throw NotAnAmount() }
        let r = second.end
        let secondPlain = second.count == 1
        if b[r] == NumericLiteralReader.hyphen, b.isDigit(r + 1) {
            try readISODate(month: high.value, monthIsTwoDigits: secondPlain && second.first.length == 2, from: r)
        } else if plain, secondPlain, q.digitCount == 3, second.first.length == 4 {
            throw NotAnAmount()  // a phone number: 555-1234
        } else if plain, secondPlain, q.digitCount == 4, CalendarWords.yearRange.contains(value),
            second.first.length == 2 || second.first.length == 4
        {
            var end = high.value
            if second.first.length == 2 { end += (value / 100).rounded(.down) * 100 }
            guard end > value else { throw NotAnAmount() }
            q.special = .range(high: end)
            q.isYearSpan = true
            isPlain = false
            p = r
        } else {
            guard high.value > value || negative else { throw NotAnAmount() }  // 3-1 is a score
            q.special = .range(high: high.value)
            if high.fractionDigits > 0 { form = .decimal }
            isPlain = false
            p = r
        }
    }

    /// `YYYY-MM-DD`, the day's hyphen at `r`; any other triple (555-123-4567) is a code.
    private mutating func readISODate(month: Double, monthIsTwoDigits: Bool, from r: Int) throws(NotAnAmount) {
        let (day, s) = b.wholeDigits(from: r + 1)
        guard plain, monthIsTwoDigits, q.digitCount == 4, s - r - 1 == 2, let month = month.wholeInt,
            (1...12).contains(month), (1...31).contains(day), let year = value.wholeInt, isTokenEnd(s)
        else { throw NotAnAmount() }
        q.special = .date(
            NumericLiteralParser.format4(year) + "-" + NumericLiteralParser.two(month) + "-"
                + NumericLiteralParser.two(day))
        isPlain = false
        p = s
    }

    /// Letters glued to the digits: a scale, an ordinal or decade suffix, a day period, a
    /// currency code or a unit. Anything else (5G, 3D) makes the whole token a code.
    private mutating func readGluedLetters() throws(NotAnAmount) {
        var r = p
        while b.isLetter(r) { r += 1 }
        guard let letters = Letters(view, p, r) else { throw NotAnAmount() }
        if letters.isIn(.ordinalSuffix), plain, form == .integer, q.special == nil {
            q.isOrdinal = true
        } else if letters.is("s"), plain, q.special == nil, q.digitCount == 4 || q.digitCount == 2,
            value.truncatingRemainder(dividingBy: 10) == 0
        {
            q.special = .decade
        } else if let scale = view.lookUp(NumberWords.scaleSuffixes, p, r) {
            value = NumberScanner.scaled(value, scale)
            if case .range(let high)? = q.special { q.special = .range(high: NumberScanner.scaled(high, scale)) }
            q.isScaled = true
        } else if !readGluedDayPeriod(letters) {
            try readGluedUnit(letters)
        }
        isPlain = false
        p = r
    }

    /// 5pm, 10am, 5:30pm: the day period of a clock time, when the digits can be an hour.
    private mutating func readGluedDayPeriod(_ letters: Letters) -> Bool {
        guard letters.isIn(.gluedDayPeriod) else { return false }
        let period = letters.first
        if plain, value >= 1, value <= 12 {
            q.special = .time(
                hour: NumericLiteralParser.hour24(value.wholeInt ?? 0, period: period), minute: 0, hasPeriod: true)
            return true
        }
        if case .time(let h, let m, _)? = q.special, h <= 12 {
            q.special = .time(hour: NumericLiteralParser.hour24(h, period: period), minute: m, hasPeriod: true)
            return true
        }
        return false
    }

    /// A currency code (115USD), a temperature (1.5C), pence (20p), a percent word (0.5pc) or
    /// a unit of measure (10km) glued to the digits.
    private mutating func readGluedUnit(_ letters: Letters) throws(NotAnAmount) {
        let isOneCapital = letters.count == 1 && letters.isCapitals
        if letters.isCapitals, let code = view.lookUp(CurrencyTable.codeKeys, letters.start, letters.end) {
            q.currency = code
        } else if isOneCapital, letters.is("c") || letters.is("f") {
            // 1.5C, 104F: a temperature, as climate and weather stories write it.
            q.gluedNoun = "°" + (letters.is("c") ? "C" : "F")
        } else if letters.is("p"), !letters.isCapitals, plain, form == .integer, q.special == nil, value >= 1,
            value <= 500, ![144, 240, 360, 480].contains(value)
        {
            // 20p, 5p: pence (1080p and 720p are video resolutions, above the limit or excluded).
            value /= 100
            q.currency = "GBP"
        } else if letters.is("pc") || letters.is("pct") {
            // 0.5pc, 3pct: the percent word glued to the digits.
            q.gluedNoun = "percent"
        } else if letters.isIn(.gluedUnit), !isOneCapital {
            // (single capital letters are codes: 5G, 3D)
            q.gluedNoun = letters.text
        } else {
            throw NotAnAmount()
        }
    }

    /// Where the amount ends: at the hyphen of a compound (10-year, 2,000-strong, 1.5-million,
    /// 20-odd), whose word says what it counts, or at the end of a token.
    private mutating func readEnd() throws(NotAnAmount) {
        let firstToken = q.tokens.lowerBound
        guard b[p] == NumericLiteralReader.hyphen, b.isLetter(p + 1), !isTokenEnd(p) else {
            guard let k = tokenEnding(at: p) else { throw NotAnAmount() }
            q.tokens = firstToken..<(k + 1)
            q.end = p
            return
        }
        var r = p + 1
        while b.isLetter(r) { r += 1 }
        if let word = Letters(view, p + 1, r) {
            if case .scale(let s)? = view.lookUp(NumberWords.table, word.start, word.end), s > 12 {
                value = NumberScanner.scaled(value, s)
                q.isScaled = true
                p = r
            } else if word.is("odd") || word.is("plus") || word.is("some") {
                q.gluedApproximation = word.text
            } else {
                q.gluedNoun = word.text
            }
        }
        isPlain = false
        // The amount ends at the hyphen; the rest of the word is what it counts.
        var k = first
        while k <= last && view.end(k) < p { k += 1 }
        q.tokens = firstToken..<(k + 1)
        q.end = p
    }

    /// The token of the literal that ends at byte `p`, if any.
    private func tokenEnding(at p: Int) -> Int? {
        for k in first...last where view.end(k) == p { return k }
        return nil
    }

    private func isTokenEnd(_ p: Int) -> Bool { tokenEnding(at: p) != nil }

    /// A run of ASCII letters inside a literal (`bn` of `1.2bn`, `year` of `10-year`), as many as
    /// a vocabulary word can have.
    private struct Letters {
        let view: TokenView
        let start: Int
        let end: Int

        init?(_ view: TokenView, _ start: Int, _ end: Int) {
            guard end - start <= 16 else { return nil }
            self.view = view
            self.start = start
            self.end = end
        }

        var count: Int { end - start }
        /// The first letter, lowercased.
        var first: UInt8 { TextBytes.asciiLowercased(view.bytes[start]) }
        /// The letters lowercased.
        var text: String { view.vocabularyText(start, end) ?? "" }
        var isCapitals: Bool { (start..<end).allSatisfy { TextBytes.isASCIIUppercase(view.bytes[$0]) } }
        func `is`(_ word: StaticString) -> Bool { view.isWord(start, end, word) }
        func isIn(_ wordClass: NumberWordClass) -> Bool { view.isIn(wordClass, start, end) }
    }
}
