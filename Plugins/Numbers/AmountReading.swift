import AssayCore

/// The second step of reading a mention: the quantity with what its neighbours make of it — a
/// calendar or clock value, an ordinal, a rank, money, a percentage, a year, a number inside a
/// name, or a plain cardinal — with any scale word or mixed fraction after it.
extension NumberScanner {
    enum Read {
        case amount(Amount)
        case skip(to: Int)
    }

    /// A currency written before the amount (or glued to it) and the token where the mention starts.
    typealias LeadingCurrency = (code: String, firstToken: Int)

    /// The amount at token `i` with its currency, scale, percent sign and calendar context.
    func readAmount(at i: Int) -> Read {
        let quantity: Quantity
        switch self.quantity(at: i) {
        case nil: return .skip(to: i + 1)
        case .skip(let next)?: return .skip(to: next)
        case .quantity(let q)?: quantity = readingMetres(q)
        }
        var a = Amount(quantity)
        let first = quantity.tokens.lowerBound
        let next = quantity.tokens.upperBound
        if let read = readLiteralSpecial(quantity, into: &a) { return read }
        if quantity.isOrdinal { return readOrdinal(quantity, a) }
        if quantity.isSpelled, !isCardinalInContext(quantity) { return .skip(to: next) }
        if let read = readRank(quantity, a) ?? readClockTime(quantity, a) { return read }
        // A date: May 8, 8 May, May 2025.
        if quantity.isPlainDigits, quantity.form == .integer, let day = quantity.value.wholeInt,
            let date = dayOfMonth(quantity, day: day)
        {
            return .amount(date)
        }
        let currency = leadingCurrency(before: first) ?? quantity.currency.map { ($0, first) }
        if !quantity.hasGluedWord, !quantity.isSpelled, next < view.upper {
            addMixedFraction(quantity, to: &a)
            applyScaleWord(quantity, to: &a, hasCurrency: currency != nil)
        }
        if let unitAmount = withUnit(quantity, a, currency: currency) { return .amount(unitAmount) }
        return readBareAmount(quantity, a)
    }

    /// Literals that are calendar or clock values whatever their context (`5:30`, `2025-05-08`,
    /// `1990s`), and one-token ranges (`10-20`, `2024-25`), which may be days of a month or a
    /// match score. Nil when the rest of the reading decides.
    @inline(__always)
    private func readLiteralSpecial(_ quantity: Quantity, into a: inout Amount) -> Read? {
        let next = quantity.tokens.upperBound
        switch quantity.special {
        case .time(var hour, let minute, let hasPeriod)?:
            // 5:30 p.m.: a day period written apart from the digits.
            if !hasPeriod, hour <= 12, let period = dayPeriod(at: next) {
                hour = NumberScanner.hour(hour, period: period)
                a.end = view.end(next)
                a.nextToken = next + 1
            }
            a.kind = .time
            a.text = NumericLiteralParser.two(hour) + ":" + NumericLiteralParser.two(minute)
            return .amount(a)
        case .date(let iso)?:
            a.kind = .date
            a.text = iso
            return .amount(a)
        case .decade?:
            if quantity.digitCount == 2 {
                // '80s: the apostrophe stands for the century; "in his 80s" is an age, not a decade.
                guard let apostrophe = elidedCentury(before: quantity.tokens.lowerBound) else {
                    return .skip(to: next)
                }
                a.value += 1900
                a.start = view.start(apostrophe)
                a.firstToken = apostrophe
            }
            a.kind = .year
            a.subtype = "decade"
            return .amount(a)
        case .range(let high)?:
            // June 13-15: a span of days.
            if !quantity.isYearSpan, let day = quantity.value.wholeInt, let date = dayOfMonth(quantity, day: day) {
                return .amount(date)
            }
            // lost 2-4, a 0-3 defeat: a match score, not an amount.
            if !quantity.isYearSpan, isScore(quantity, high: high, next: next) { return .skip(to: next) }
            a.high = high
            if quantity.isYearSpan { a.kind = .year }
            return nil
        case nil:
            return nil
        }
    }

    /// An ordinal: a day of the month after or before a month name, else an ordinal unless a
    /// spelled one means something else here (`wait a second`).
    @inline(__always)
    private func readOrdinal(_ quantity: Quantity, _ amount: Amount) -> Read {
        if let day = quantity.value.wholeInt, let date = dayOfMonth(quantity, day: day) { return .amount(date) }
        if quantity.isSpelled, !isOrdinalInContext(quantity) { return .skip(to: quantity.tokens.upperBound) }
        var a = amount
        a.kind = .ordinal
        a.form = .integer
        a.counts = nil
        return .amount(a)
    }

    /// No. 1, No 2: a rank, which reads as an ordinal; No. 10 Downing Street is an address.
    @inline(__always)
    private func readRank(_ quantity: Quantity, _ amount: Amount) -> Read? {
        let next = quantity.tokens.upperBound
        guard quantity.isPlainDigits, quantity.form == .integer,
            let prefix = rankPrefix(before: quantity.tokens.lowerBound, next: next)
        else { return nil }
        guard !isNameContinuation(next) else { return .skip(to: next) }
        var a = amount
        a.kind = .ordinal
        a.start = view.start(prefix)
        a.firstToken = prefix
        a.counts = nil
        return .amount(a)
    }

    /// A clock time written as an hour and a day period: 5 p.m., 10 o'clock, five pm.
    @inline(__always)
    private func readClockTime(_ quantity: Quantity, _ amount: Amount) -> Read? {
        let next = quantity.tokens.upperBound
        guard quantity.isPlainDigits || quantity.isSpelled, quantity.value >= 0, quantity.value <= 12,
            quantity.form == .integer, !quantity.hasGluedWord, let period = dayPeriod(at: next)
        else { return nil }
        guard let hour = quantity.value.wholeInt else { return .skip(to: next) }
        var a = amount
        a.kind = .time
        a.text = NumericLiteralParser.two(NumberScanner.hour(hour, period: period)) + ":00"
        a.end = view.end(next)
        a.nextToken = next + 1
        return .amount(a)
    }

    /// The day period written at token `t` (`p.m.`, `am`, `o'clock`, `GMT`), if any.
    private func dayPeriod(at t: Int) -> UInt8? {
        guard view.isIn(.dayPeriod, t) else { return nil }
        return TextBytes.asciiLowercased(view.firstByte(t))
    }

    /// `hour` on the 24-hour clock when the day period starting with `period` is a.m. or p.m.;
    /// unchanged after `o'clock` or a time zone.
    static func hour(_ hour: Int, period: UInt8) -> Int {
        period == UInt8(ascii: "a") || period == UInt8(ascii: "p")
            ? NumericLiteralParser.hour24(hour, period: period) : hour
    }

    /// Adds a fraction written after whole digits: `2 1/4` (spaced), `3½` (glued).
    @inline(__always)
    private func addMixedFraction(_ quantity: Quantity, to a: inout Amount) {
        guard quantity.form == .integer, quantity.special == nil else { return }
        let v = view
        let next = a.nextToken
        if v.kind(next) == .number, v.tokens[next].spaceBefore,
            case .quantity(let f)? = NumericLiteralParser.parse(v, at: next), f.form == .fraction, f.value < 1,
            f.value > 0, f.tokens.upperBound <= v.upper
        {
            a.value += a.value < 0 ? -f.value : f.value
            a.form = .fraction
            a.end = f.end
            a.nextToken = f.tokens.upperBound
        } else if quantity.isPlainDigits || a.value < 0, v.isGlued(next), let s = v.scalar(next),
            let f = NumberWords.vulgarFractions[s]
        {
            a.value += a.value < 0 ? -f : f
            a.form = .fraction
            a.end = v.end(next)
            a.nextToken = next + 1
        }
    }

    /// Multiplies the amount by the scale word after it: `1.5 million`, `2.33 k`, `$5 bn` (a
    /// bare `m` or `b` only after a currency), `20 lakh crore` (a larger scale multiplies again).
    @inline(__always)
    private func applyScaleWord(_ quantity: Quantity, to a: inout Amount, hasCurrency: Bool) {
        let v = view
        var next = a.nextToken
        guard !quantity.isScaled, v.contains(next) else { return }
        var scale: Double
        if case .scale(let s)? = v.numberWord(next), s > 12 {
            scale = s
        } else if hasCurrency || v.isIn(.spacedScaleSuffix, next), let s = v.lookUp(NumberWords.scaleSuffixes, next) {
            scale = s
        } else {
            return
        }
        if case .scale(let s2)? = v.numberWord(next + 1), s2 > scale {
            scale *= s2
            next += 1
        }
        a.value = NumberScanner.scaled(a.value, scale)
        if let h = a.high { a.high = NumberScanner.scaled(h, scale) }
        a.isScaled = true
        a.end = v.end(next)
        a.nextToken = next + 1
    }

    /// The amount as a percentage (`16.5%`, `3 percentage points`) or as money, with the
    /// currency before it or a currency name after it (`500 yuan`, `170.5 Billion USD`, `5€`).
    @inline(__always)
    private func withUnit(_ quantity: Quantity, _ amount: Amount, currency: LeadingCurrency?) -> Amount? {
        var a = amount
        let next = a.nextToken
        if case let (end, after, points)? = percentSign(at: next, compoundNoun: quantity.gluedNoun) {
            a.kind = .percent
            a.unit = "%"
            a.subtype = points ? "percentage_point" : nil
            a.counts = nil
            if end > a.end { a.end = end }
            a.nextToken = after
            return a
        }
        if let currency {
            a.kind = .money
            a.unit = currency.code
            a.start = view.start(currency.firstToken)
            a.firstToken = currency.firstToken
            a.counts = nil
            // "$5 billion dollars" does not count dollars twice.
            if let found = trailingCurrency(after: next, amount: a), found.code == currency.code || found.code == nil {
                a.end = found.end
                a.nextToken = found.next
            }
            return a
        }
        guard !quantity.hasGluedWord, let found = trailingCurrency(after: next, amount: a) else { return nil }
        a.kind = .money
        a.unit = found.code
        a.value = found.value
        if let h = a.high { a.high = h / found.divisor }
        a.end = found.end
        a.nextToken = found.next
        return a
    }

    /// An amount with no unit: a year if the calendar context says so, nothing if it belongs to a
    /// name (`Boeing 737`, `S&P 500`, `Chapter 11`), else a cardinal.
    @inline(__always)
    private func readBareAmount(_ quantity: Quantity, _ amount: Amount) -> Read {
        var a = amount
        let first = quantity.tokens.lowerBound
        let next = a.nextToken
        if quantity.isPlainDigits, quantity.digitCount == 4, !a.isScaled,
            CalendarWords.yearRange.contains(quantity.value), isYearInContext(first: first, next: next)
        {
            a.kind = .year
            return .amount(a)
        }
        if a.high != nil, case .range? = quantity.special, quantity.isYearSpan, !a.isScaled {
            a.kind = .year
            return .amount(a)
        }
        if a.form == .integer, !a.isScaled, isNamePart(quantity, first: first) { return .skip(to: next) }
        a.kind = .cardinal
        a.subtype = NumberScanner.subtype(a.form, a.value)
        return .amount(a)
    }

    /// `amount × scale` without binary noise: 16.4 × 1e6 is 16400000, not 16399999.999999998.
    static func scaled(_ amount: Double, _ scale: Double) -> Double {
        let r = amount * scale
        let whole = r.rounded()
        return abs(r - whole) <= abs(r) * 1e-12 ? whole : r
    }

    /// The cardinal `subtype`: how the amount is written, except that whole values read as
    /// integers (`1.5 million`).
    private static func subtype(_ form: Quantity.Form, _ value: Double) -> String {
        switch form {
        case .integer: return value == value.rounded() ? "integer" : "decimal"
        case .decimal: return value == value.rounded() && abs(value) >= 1000 ? "integer" : "decimal"
        case .fraction: return "fraction"
        case .power: return "power"
        }
    }
}
