import AssayCore

/// Walks the tokens of a span once, reads every amount (digits or words) and decides from its
/// neighbours what kind of number it is: money (`$244.9 billion`, `500 yuan`), percent
/// (`16.5%`), a range (`between 10 and 20`), a year, a date (`May 8`), a time (`5 p.m.`), an
/// ordinal or a plain cardinal, with its modifier (`more than`) and what it counts.
struct NumberScanner {
    let view: TokenView
    private(set) var mentions: [NumberMention] = []

    /// Copies of the shape filters, so the hot loop reads plain stored arrays.
    private let startShapes = NumberWords.startShapes
    private let headLetters = NumberWords.headLetters

    init(view: TokenView) { self.view = view }

    /// An amount in context, before ranges, modifiers and counted nouns are looked at.
    struct Amount {
        var kind: NumberMention.Kind
        /// First token of the mention (a currency sign or a month may come before the digits).
        var firstToken: Int
        /// One past the last token of the mention.
        var nextToken: Int
        var start: Int
        var end: Int
        var value: Double
        /// ISO 8601 text for dates and times.
        var text: String?
        var form: Quantity.Form
        var unit: String?
        var subtype: String?
        /// The high end of a range written in one token (`10-20`).
        var high: Double?
        var isScaled: Bool
        var counts: String?
        var approximate: String?
    }

    // MARK: - The scan

    mutating func scan() {
        let v = view
        var i = v.lower
        while i < v.upper {
            switch v.kind(i) {
            case .number:
                i = handle(at: i)
            case .word:
                let b = v.firstByte(i)
                if b >= 48 && b <= 57 {
                    i = handle(at: i)
                } else if endsWithDigits(i), let year = prefixedYear(at: i) {
                    mentions.append(year)
                    i += 1
                } else if (b | 0x20) >= 97 && (b | 0x20) <= 122, mayStartNumber(i, letter: Int((b | 0x20) - 97)),
                    let key = v.key(i)
                {
                    if NumberScanner.startsIndefiniteAmount(key), case let (mention, next)? = indefiniteAmount(at: i) {
                        mentions.append(mention)
                        i = next
                    } else if key == SpelledNumberParser.a, let mention = coupleOf(at: i) {
                        mentions.append(mention)
                        i += 2
                    } else if SpelledNumberParser.canStart(v, at: i, key: key) {
                        i = handle(at: i)
                    } else if NumberScanner.webPrefixes.contains(key), i + 1 < v.upper, !v.tokens[i + 1].spaceBefore {
                        // A web address: nothing inside it is a number.
                        i += 1
                        while i < v.upper, !v.tokens[i].spaceBefore { i += 1 }
                    } else {
                        i += 1
                    }
                } else {
                    i += 1
                }
            default:
                // ½, ¾: a fraction in one character (the first byte filters out ASCII punctuation).
                if v.firstByte(i) >= 0xC2, let s = v.scalar(i), NumberWords.vulgarFractions[s] != nil {
                    i = handle(at: i)
                } else {
                    i += 1
                }
            }
        }
    }

    /// The cheap shape test (first letter and length, or a hyphen early in the word) that every
    /// word passes before it is folded and looked up.
    @inline(__always)
    private func mayStartNumber(_ i: Int, letter: Int) -> Bool {
        let n = view.length(i)
        var second = 26
        if n > 1 {
            let b = view.bytes[view.start(i) + 1] | 0x20
            guard b >= 97 && b <= 122 else { return false }
            second = Int(b - 97)
        }
        if n < 32, startShapes[letter * 27 + second] & (1 << UInt32(n)) != 0 { return true }
        guard n > 4, headLetters & (1 << UInt32(letter)) != 0 else { return false }
        let s = view.start(i)
        for p in (s + 3)..<min(s + 12, s + n - 1) where view.bytes[p] == UInt8(ascii: "-") { return true }
        return false
    }

    /// Whether word `i` ends with a digit, or a digit and `s` (`mid-2025`, `mid-1990s`): a cheap
    /// test, since digits sort below every letter.
    @inline(__always)
    private func endsWithDigits(_ i: Int) -> Bool {
        let e = view.end(i)
        let last = view.bytes[e - 1]
        if last <= 57 { return true }
        return last == UInt8(ascii: "s") && view.length(i) > 5 && view.bytes[e - 2] <= 57
    }

    static let webPrefixes: Set<WordKey> = [WordKey("http"), WordKey("https"), WordKey("www"), WordKey("ftp")]

    /// Reads the mention starting at token `i` and returns where scanning continues.
    private mutating func handle(at i: Int) -> Int {
        switch readAmount(at: i) {
        case .skip(let next):
            return max(next, i + 1)
        case .amount(var first):
            var mention: NumberMention
            if case let (range, next)? = readRange(first) {
                mention = range
                first.nextToken = next
            } else if case let (fraction, next)? = outOfFraction(first) {
                mention = fraction
                first.nextToken = next
            } else {
                mention = NumberMention(
                    kind: first.kind, start: first.start, end: first.end,
                    value: first.text.map(Value.string) ?? .number(first.value),
                    subtype: first.subtype, unit: first.unit, approximate: first.approximate,
                    counts: first.counts)
                if let high = first.high {
                    mention.kind = .range
                    mention.value = .number(first.value)
                    mention.low = first.value
                    mention.high = high
                    mention.subtype = first.kind.rawValue
                }
            }
            if [.cardinal, .percent, .money, .range].contains(mention.kind), mention.approximate == nil {
                mention.approximate = modifier(before: rangeStartToken(mention, first))
            }
            if mention.kind == .cardinal || (mention.kind == .range && mention.subtype == "cardinal"),
                mention.counts == nil
            {
                mention.counts = countedNoun(from: first.nextToken, singular: mention.value.number == 1)
            }
            // Mentions never overlap: a look-back (a currency sign, a month) cannot reach into the previous one.
            if let last = mentions.last, last.end > mention.start { return first.nextToken }
            mentions.append(mention)
            return first.nextToken
        }
    }

    private func rangeStartToken(_ m: NumberMention, _ first: Amount) -> Int {
        var t = first.firstToken
        if m.kind == .range, t - 1 >= view.lower, let k = view.key(t - 1),
            k == ModifierWords.between || k == ModifierWords.from,
            view.start(t - 1) == m.start
        {
            t -= 1
        }
        return t
    }

    // MARK: - One amount

    enum QuantityRead {
        case quantity(Quantity)
        case skip(to: Int)
    }

    enum Read {
        case amount(Amount)
        case skip(to: Int)
    }

    /// The amount at token `i` with its currency, scale, percent sign and calendar context.
    func readAmount(at i: Int) -> Read {
        let v = view
        let quantity: Quantity
        switch self.quantity(at: i) {
        case nil: return .skip(to: i + 1)
        case .skip(let next)?: return .skip(to: next)
        case .quantity(let q)?: quantity = readingMetres(q)
        }
        var a = Amount(
            kind: .cardinal, firstToken: quantity.tokens.lowerBound, nextToken: quantity.tokens.upperBound,
            start: quantity.start, end: quantity.end, value: quantity.value, form: quantity.form,
            isScaled: quantity.isScaled, counts: quantity.gluedNoun, approximate: quantity.gluedApproximation)
        let first = quantity.tokens.lowerBound
        var next = quantity.tokens.upperBound
        let compound = quantity.gluedNoun != nil || quantity.gluedApproximation != nil

        // Literals that are calendar or clock values whatever their context.
        switch quantity.special {
        case .time(let h, let m, let hasPeriod)?:
            var hour = h
            if !hasPeriod, let k = v.key(next), CalendarWords.dayPeriods.contains(k), h <= 12 {
                if k.byte(0) == UInt8(ascii: "a") || k.byte(0) == UInt8(ascii: "p") {
                    hour = NumericLiteralParser.hour24(h, period: k)
                }
                a.end = v.end(next)
                next += 1
            }
            a.kind = .time
            a.text = NumericLiteralParser.two(hour) + ":" + NumericLiteralParser.two(m)
            a.nextToken = next
            return .amount(a)
        case .date(let iso)?:
            a.kind = .date
            a.text = iso
            return .amount(a)
        case .decade?:
            if quantity.digitCount == 2 {
                // '80s: the apostrophe stands for the century; "in his 80s" is an age, not a decade.
                guard let apostrophe = elidedCentury(before: first) else { return .skip(to: next) }
                a.value += 1900
                a.start = v.start(apostrophe)
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
        case nil:
            break
        }

        // Ordinals: a day of the month after or before a month name, else an ordinal.
        if quantity.isOrdinal {
            if let day = quantity.value.wholeInt, let date = dayOfMonth(quantity, day: day) { return .amount(date) }
            if quantity.isSpelled, !isOrdinalInContext(quantity) { return .skip(to: next) }
            a.kind = .ordinal
            a.form = .integer
            a.counts = nil
            return .amount(a)
        }

        if quantity.isSpelled, !isCardinalInContext(quantity) { return .skip(to: next) }

        // No. 1, No 2: a rank, which reads as an ordinal; No. 10 Downing Street is an address.
        if quantity.isPlainDigits, quantity.form == .integer, let prefix = rankPrefix(before: first, next: next) {
            guard !isNameContinuation(next) else { return .skip(to: next) }
            a.kind = .ordinal
            a.start = v.start(prefix)
            a.firstToken = prefix
            a.counts = nil
            return .amount(a)
        }

        // A clock time: 5 p.m., 10 o'clock.
        if quantity.isPlainDigits || quantity.isSpelled, quantity.value >= 0, quantity.value <= 12,
            quantity.form == .integer,
            !compound, let k = v.key(next), CalendarWords.dayPeriods.contains(k)
        {
            guard let h = quantity.value.wholeInt else { return .skip(to: next) }
            let hour =
                (k.byte(0) == UInt8(ascii: "a") || k.byte(0) == UInt8(ascii: "p"))
                ? NumericLiteralParser.hour24(h, period: k) : h
            a.kind = .time
            a.text = NumericLiteralParser.two(hour) + ":00"
            a.end = v.end(next)
            a.nextToken = next + 1
            return .amount(a)
        }

        // A date: May 8, 8 May, May 2025.
        if quantity.isPlainDigits, quantity.form == .integer, let day = quantity.value.wholeInt,
            let date = dayOfMonth(quantity, day: day)
        {
            return .amount(date)
        }

        // A currency before the amount: $, €, US$, C$, Rs, USD.
        var currency: String? = quantity.currency
        var currencyFirst = first
        if case let (code, t)? = leadingCurrency(before: first) {
            currency = code
            currencyFirst = t
        }

        // Mixed fractions (2 1/4) and scale words after digits (1.5 million, 2.33 k, $5 bn).
        if !compound, !quantity.isSpelled, next < v.upper {
            if quantity.form == .integer, quantity.special == nil, v.kind(next) == .number, v.tokens[next].spaceBefore,
                case .quantity(let f)? = NumericLiteralParser.parse(v, at: next), f.form == .fraction, f.value < 1,
                f.value > 0,
                f.tokens.upperBound <= v.upper
            {
                a.value += a.value < 0 ? -f.value : f.value
                a.form = .fraction
                a.end = f.end
                next = f.tokens.upperBound
            } else if quantity.form == .integer, quantity.special == nil, quantity.isPlainDigits || a.value < 0,
                v.isGlued(next),
                let s = v.scalar(next), let f = NumberWords.vulgarFractions[s]
            {
                // 3½
                a.value += a.value < 0 ? -f : f
                a.form = .fraction
                a.end = v.end(next)
                next += 1
            }
            if !quantity.isScaled, let k = v.key(next) {
                var scale: Double?
                if case .scale(let s)? = NumberWords.table[k], s > 12 {
                    scale = s
                } else if NumberWords.spacedScaleSuffixes.contains(k) {
                    scale = NumberWords.scaleSuffixes[k]
                } else if currency != nil, let s = NumberWords.scaleSuffixes[k] {
                    scale = s
                }
                if var s = scale {
                    // "20 lakh crore": a larger scale word after the first multiplies again.
                    if let k2 = v.key(next + 1), case .scale(let s2)? = NumberWords.table[k2], s2 > s {
                        s *= s2
                        next += 1
                    }
                    a.value = NumberScanner.scaled(a.value, s)
                    if let h = a.high { a.high = NumberScanner.scaled(h, s) }
                    a.isScaled = true
                    a.end = v.end(next)
                    next += 1
                }
            }
        }
        a.nextToken = next

        // Percent: 16.5%, 16.5 percent, 16.5 per cent, 3 percentage points.
        if case let (end, after, points)? = percentSign(at: next, compoundNoun: quantity.gluedNoun) {
            a.kind = .percent
            a.unit = "%"
            a.subtype = points ? "percentage_point" : nil
            a.counts = nil
            if end > a.end { a.end = end }
            a.nextToken = after
            if a.high != nil { a.kind = .percent }
            return .amount(a)
        }

        // Money after the amount: 500 yuan, 3 billion dollars, 170.5 Billion USD, 5€.
        if currency == nil, !compound, let found = trailingCurrency(after: next, amount: a) {
            a.kind = .money
            a.unit = found.code
            a.value = found.value
            if let h = a.high { a.high = h / found.divisor }
            a.end = found.end
            a.nextToken = found.next
            return .amount(a)
        }
        if let currency {
            a.kind = .money
            a.unit = currency
            a.start = v.start(currencyFirst)
            a.firstToken = currencyFirst
            a.counts = nil
            // "$5 billion dollars" does not count dollars twice.
            if let found = trailingCurrency(after: next, amount: a), found.code == currency || found.code == nil {
                a.end = found.end
                a.nextToken = found.next
            }
            return .amount(a)
        }

        // A year: four plain digits in the calendar range, unless the context says "amount".
        if quantity.isPlainDigits, quantity.digitCount == 4, !a.isScaled,
            CalendarWords.yearRange.contains(quantity.value),
            isYearInContext(first: first, next: next)
        {
            a.kind = .year
            return .amount(a)
        }
        if a.high != nil, quantity.special != nil, case .range? = quantity.special, quantity.isYearSpan, !a.isScaled {
            a.kind = .year
            return .amount(a)
        }
        // Boeing 737, S&P 500, Chapter 11: a number that is part of a name, not a quantity.
        if a.form == .integer, !a.isScaled, isNamePart(quantity, first: first) { return .skip(to: next) }
        a.kind = .cardinal
        a.subtype = subtype(a.form, a.value)
        return .amount(a)
    }

    /// `amount × scale` without binary noise: 16.4 × 1e6 is 16400000, not 16399999.999999998.
    static func scaled(_ amount: Double, _ scale: Double) -> Double {
        let r = amount * scale
        let whole = r.rounded()
        return abs(r - whole) <= abs(r) * 1e-12 ? whole : r
    }

    private func subtype(_ form: Quantity.Form, _ value: Double) -> String {
        switch form {
        case .integer: return value == value.rounded() ? "integer" : "decimal"
        case .decimal: return value == value.rounded() && abs(value) >= 1000 ? "integer" : "decimal"
        case .fraction: return "fraction"
        case .power: return "power"
        }
    }

    /// The quantity at token `i` (digits or words), or where to skip to if the token starts a code.
    private func quantity(at i: Int) -> QuantityRead? {
        let v = view
        let b = v.firstByte(i)
        if b >= 0xC2, v.kind(i) != .word, let s = v.scalar(i), let f = NumberWords.vulgarFractions[s] {
            var q = Quantity(tokens: i..<(i + 1), start: v.start(i), end: v.end(i), value: f)
            q.form = .fraction
            return .quantity(q)
        }
        let isDigitStart = (b >= 48 && b <= 57) || v.kind(i) == .number
        if isDigitStart {
            // +1 555 123 4567: an international phone number, digit groups and all; +2 is an amount.
            if b == UInt8(ascii: "+"), isPhoneNumber(i) { return .skip(to: phoneNumberEnd(after: i)) }
            let leadingPoint = hasLeadingPoint(i)
            if !leadingPoint, isCodeContinuation(i) {
                var j = i
                while j + 1 < v.upper, !v.tokens[j + 1].spaceBefore { j += 1 }
                return .skip(to: j + 1)
            }
            switch NumericLiteralParser.parse(v, at: i, leadingPoint: leadingPoint) {
            case .quantity(let q)?: return .quantity(leadingPoint ? q : applyingSeparateSign(joiningSpacedThousands(q)))
            case .code(let next)?: return .skip(to: next)
            case nil: return nil
            }
        }
        let pieces = SpelledNumberParser.pieces(v, from: i)
        guard let r = SpelledNumberParser.read(pieces) else { return halfOf(at: i).map(QuantityRead.quantity) }
        // "tested negative three times", "plus or minus two": not a sign; read what follows alone.
        if case .number(.minus) = pieces[0].role, !isWordSign(at: i) { return .skip(to: i + 1) }
        let lastPiece = pieces[r.pieceCount - 1]
        var q = Quantity(tokens: i..<(lastPiece.token + 1), start: pieces[0].start, end: lastPiece.end, value: r.value)
        q.form = r.form
        q.isOrdinal = r.isOrdinal
        q.isSpelled = true
        q.spelledPieces = r.pieceCount
        if let d = isOrdinalAfterDeterminer(pieces, r, at: i) {
            q.value = d
            q.form = .integer
            q.isOrdinal = true
            return .quantity(q)
        }
        if lastPiece.endsToken, let fraction = overFraction(numerator: q) { return .quantity(fraction) }
        // "a third term", "a fifth consecutive win": an ordinal after the article, not a fraction.
        if r.pieceCount == 2, case .article = pieces[0].role,
            case .number(.ordinal(let d, false, true)) = pieces[1].role,
            lastPiece.endsToken, lastPiece.token + 1 < v.upper, v.kind(lastPiece.token + 1) == .word,
            let k = v.key(lastPiece.token + 1), !CountWords.stop.contains(k), NumberWords.table[k] == nil,
            !v.isCapitalized(lastPiece.token + 1)
        {
            q = Quantity(
                tokens: lastPiece.token..<(lastPiece.token + 1), start: lastPiece.start, end: lastPiece.end, value: d)
            q.isOrdinal = true
            q.isSpelled = true
            q.spelledPieces = 1
            return .quantity(q)
        }
        if !lastPiece.endsToken {
            // four-year, first-ever: the rest of the word is what the amount counts.
            let rest = pieces[r.pieceCount]
            if case .number = rest.role { return nil }
            // one-off, one-time, zero-sum: idioms, not amounts.
            if r.pieceCount == 1, r.value <= 1, !r.isOrdinal { return .skip(to: lastPiece.token + 1) }
            q.gluedNoun = WordKey(v.bytes, rest.start, rest.end)?.string
        }
        return .quantity(q)
    }

    /// Whether digits at token `i` continue a word or code they are glued to (`v2.0`, `A4.5`).
    private func isCodeContinuation(_ i: Int) -> Bool {
        let v = view
        guard v.isGlued(i) else { return false }
        let p = i - 1
        if v.kind(p) == .word || v.kind(p) == .number { return true }
        guard let s = v.scalar(p), s == "." || s == "-" || s == "/" || s == ":" || s == "_" || s == "#", v.isGlued(p)
        else { return false }
        return v.kind(p - 1) == .word || v.kind(p - 1) == .number
    }

    // MARK: - Context of spelled numbers

    private static let determiners: Set<WordKey> = Set(
        [
            "the", "this", "that", "which", "each", "every", "any", "no",
            "some", "another", "a", "an", "one", "any", "no-one", "someone"
        ].map(WordKey.init))

    /// `one` alone is a number only before what it counts (`one person`), not in `one of the`,
    /// `the current one`, `this one`, `one another`.
    private func isCardinalInContext(_ q: Quantity) -> Bool {
        let v = view
        guard q.spelledPieces == 1, q.value == 1, q.gluedNoun == nil else { return true }
        let i = q.tokens.lowerBound
        if i - 1 >= v.lower, let k = v.key(i - 1), NumberScanner.determiners.contains(k) { return false }
        let n = q.tokens.upperBound
        guard n < v.upper, v.kind(n) == .word, let k = v.key(n), !CountWords.stop.contains(k) else { return false }
        return true
    }

    /// `second` in `wait a second` is time, not an ordinal; `a third term` is an ordinal.
    private func isOrdinalInContext(_ q: Quantity) -> Bool {
        let v = view
        guard q.value == 2, q.spelledPieces == 1, q.gluedNoun == nil else { return true }
        let i = q.tokens.lowerBound
        guard i - 1 >= v.lower, let k = v.key(i - 1),
            [
                WordKey("a"), WordKey("per"), WordKey("one"), WordKey("split"),
                WordKey("every"), WordKey("each")
            ].contains(k)
        else { return true }
        let n = q.tokens.upperBound
        guard n < v.upper, v.kind(n) == .word, let nk = v.key(n), !CountWords.stop.contains(nk) else { return false }
        return true
    }

    // MARK: - Calendar

    /// The month named by token `t`, if it is a capitalised month name.
    private func month(at t: Int) -> Int? {
        let v = view
        guard v.contains(t), v.kind(t) == .word, v.isCapitalized(t), let k = v.key(t) else { return nil }
        return CalendarWords.months[k]
    }

    /// A date built around a day number: `May 8`, `May 8th, 2025`, `8 May`, `the 8th of May`, `May 2025`.
    private func dayOfMonth(_ q: Quantity, day: Int) -> Amount? {
        let v = view
        let i = q.tokens.lowerBound
        var next = q.tokens.upperBound
        guard q.gluedNoun == nil, !q.isSpelled || q.isOrdinal else { return nil }
        var month: Int?
        var first = i
        var year: Int?
        var end = q.end
        var isYearOnly = false
        if let m = self.month(at: i - 1) {
            month = m
            first = i - 1
            if q.digitCount == 4, !q.isOrdinal, CalendarWords.yearRange.contains(q.value) {
                year = day
                isYearOnly = true
            }
        } else if let m = self.month(at: next) {
            month = m
            end = v.end(next)
            next += 1
        } else if let k = v.key(next), k == WordKey("of"), let m = self.month(at: next + 1), q.isOrdinal {
            month = m
            end = v.end(next + 1)
            next += 2
        }
        guard let month else { return nil }
        if !isYearOnly {
            guard (1...31).contains(day), q.digitCount <= 2 || q.isSpelled else { return nil }
            // A year after the day: "May 8, 2025" or "8 May 2025".
            var t = next
            if v.isChar(t, UInt8(ascii: ",")) { t += 1 }
            if t < v.upper, v.kind(t) == .number, v.length(t) == 4, let y = fourDigits(t),
                CalendarWords.yearRange.contains(Double(y))
            {
                year = y
                end = v.end(t)
                next = t + 1
            }
        }
        var text: String
        if isYearOnly {
            text = NumericLiteralParser.format4(year!) + "-" + NumericLiteralParser.two(month)
        } else if let year {
            text =
                NumericLiteralParser.format4(year) + "-" + NumericLiteralParser.two(month) + "-"
                + NumericLiteralParser.two(day)
        } else {
            text = "--" + NumericLiteralParser.two(month) + "-" + NumericLiteralParser.two(day)
        }
        // May 7-10 and May 7 to 10: a span of days.
        if !isYearOnly, year == nil {
            var highDay: Int?
            if case .range(let h)? = q.special {
                highDay = h.wholeInt
            } else if let k = v.key(next),
                k == ModifierWords.to || k == ModifierWords.through || v.isChar(next, UInt8(ascii: "-")),
                next + 1 < v.upper, v.kind(next + 1) == .number, v.length(next + 1) <= 2, let d = fourDigits(next + 1),
                d > day, d <= 31
            {
                highDay = d
                end = v.end(next + 1)
                next += 2
            }
            if let h = highDay { text += "/--" + NumericLiteralParser.two(month) + "-" + NumericLiteralParser.two(h) }
        }
        return Amount(
            kind: .date, firstToken: first, nextToken: next, start: min(v.start(first), q.start), end: end,
            value: q.value, text: text, form: .integer, isScaled: false)
    }

    /// The value of a token made of plain digits only.
    private func fourDigits(_ t: Int) -> Int? {
        let v = view
        var n = 0
        for p in v.start(t)..<v.end(t) {
            let b = v.bytes[p]
            guard b >= 48 && b <= 57 else { return nil }
            n = n.appendingDigit(b)
        }
        return n
    }

    /// Whether four plain digits are a year here: `in 2024`, `the 2024 election`, `1945.`; not
    /// `more than 2000 people` or `2000 people`.
    private func isYearInContext(first: Int, next: Int) -> Bool {
        let v = view
        if modifier(before: first) != nil { return false }
        if first - 1 >= v.lower, let k = v.key(first - 1) {
            if CalendarWords.yearContext.contains(k) { return true }
            if k == WordKey("than") || k == WordKey("only") || k == WordKey("all") { return false }
        }
        if next < v.upper, v.kind(next) == .word, let k = v.key(next), !CountWords.stop.contains(k),
            isPlural(k) || CountWords.irregularPlurals.contains(k), !v.isCapitalized(next)
        {
            return false
        }
        return true
    }

    // MARK: - Currency and percent

    /// A currency written before token `first`: `$`, `US$`, `C$`, `US $`, `€`, `Rs`, `USD`.
    private func leadingCurrency(before first: Int) -> (String, Int)? {
        let v = view
        var t = first - 1
        guard t >= v.lower else { return nil }
        if let s = v.scalar(t), let code = CurrencyTable.symbols[s] {
            if s == "¢" { return nil }
            // A prefix glued to the dollar sign (US$, C$, HK$, Mex$), or a spaced capitalised one (US $).
            if s == "$", t - 1 >= v.lower, v.kind(t - 1) == .word, let k = v.key(t - 1),
                let prefixed = CurrencyTable.dollarPrefixes[k],
                v.isGlued(t) || (v.isAllCaps(t - 1) && v.length(t - 1) >= 2)
                    || CurrencyTable.spacedDollarPrefixes.contains(k)
            {
                return (prefixed, t - 1)
            }
            return (code, t)
        }
        guard v.kind(t) == .word, let k = v.key(t) else { return nil }
        if let code = CurrencyTable.prefixWords[k] { return (code, t) }
        if v.isAllCaps(t), let code = CurrencyTable.codeKeys[k] { return (code, t) }
        t -= 1
        return nil
    }

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

    struct TrailingCurrency {
        var code: String?
        var value: Double
        var divisor: Double
        var end: Int
        var next: Int
    }

    /// A currency written after the amount: `USD`, `€`, `yuan`, `Canadian dollars`, `cents`,
    /// with a trailing minor amount (`thirteen dollars forty-five cents`, `15 dollars 50`).
    func trailingCurrency(after t0: Int, amount: Amount) -> TrailingCurrency? {
        let v = view
        guard t0 < v.upper else { return nil }
        // ISO code in capitals, or a symbol written after the amount (5 €, 5€).
        if v.kind(t0) == .word, v.isAllCaps(t0), let k = v.key(t0), let code = CurrencyTable.codeKeys[k] {
            return TrailingCurrency(code: code, value: amount.value, divisor: 1, end: v.end(t0), next: t0 + 1)
        }
        if let s = v.scalar(t0), s != "$", s != "¢", let code = CurrencyTable.symbols[s], v.kind(t0) == .symbol {
            return TrailingCurrency(code: code, value: amount.value, divisor: 1, end: v.end(t0), next: t0 + 1)
        }
        // Up to two adjectives, then a currency name.
        var t = t0
        var adjectives: [WordKey] = []
        while t < v.upper, t < t0 + 3, v.kind(t) == .word, let k = v.key(t) {
            if let name = CurrencyTable.names[k] {
                var code = name.code
                var decided = false
                for adj in adjectives.reversed() {
                    if let map = CurrencyTable.adjectives[adj], let c = map[name.code] ?? map[nil] {
                        code = c
                        decided = true
                        break
                    }
                }
                if !adjectives.isEmpty && !decided { return nil }
                if name.ambiguous && !decided && !amount.isScaled {
                    // "pounds sterling" is money; "200 pounds" is usually weight.
                    guard let n = v.key(t + 1), n == WordKey("sterling") else { return nil }
                }
                if name.code == nil && code == nil && adjectives.isEmpty { return nil }
                var value = amount.value / name.minorPerMajor
                var end = v.end(t)
                var next = t + 1
                if name.minorPerMajor == 1, case let (cents, e, n)? = minorTail(after: next, code: code) {
                    value += cents
                    end = e
                    next = n
                }
                return TrailingCurrency(code: code, value: value, divisor: name.minorPerMajor, end: end, next: next)
            }
            guard
                CurrencyTable.adjectives[k] != nil
                    || (k == WordKey("kong") || k == WordKey("zealand") || k == WordKey("lankan")
                        || k == WordKey("african") || k == WordKey("korean") || k == WordKey("taiwan")
                        || k == WordKey("arab"))
            else { return nil }
            adjectives.append(k)
            t += 1
        }
        return nil
    }

    /// `forty-five cents` or a bare `50` after `dollars`: the minor amount in major units.
    private func minorTail(after t0: Int, code: String?) -> (Double, Int, Int)? {
        let v = view
        var t = t0
        guard t < v.upper else { return nil }
        if let k = v.key(t), k == ModifierWords.and { t += 1 }
        guard t < v.upper, case .quantity(let amount)? = quantity(at: t), !amount.isOrdinal, amount.form == .integer,
            amount.value >= 1, amount.value < 100, amount.gluedNoun == nil
        else { return nil }
        let n = amount.tokens.upperBound
        if n < v.upper, let k = v.key(n), let name = CurrencyTable.names[k], name.minorPerMajor > 1 {
            return (amount.value / name.minorPerMajor, v.end(n), n + 1)
        }
        // A bare minor amount (15 dollars 50, one dollar and two) only when nothing it could
        // count follows: the end of the clause or another conjunction.
        guard
            n >= v.upper || v.kind(n) != .word
                || (t > t0 && v.key(n).map(NumberScanner.clauseJoiners.contains) == true),
            amount.isPlainDigits || amount.isSpelled
        else { return nil }
        return (amount.value / 100, amount.end, n)
    }

    /// Words after `and N` that end the amount, so that N is a bare number of cents.
    static let clauseJoiners: Set<WordKey> = [WordKey("and"), WordKey("or"), WordKey("but")]

    // MARK: - Ranges

    /// `between 10 and 20`, `from 10 to 20`, `10 to 20 percent`, `$10-$20`: a range whose low end is `low`.
    private func readRange(_ low: Amount) -> (NumberMention, Int)? {
        let v = view
        guard [.cardinal, .percent, .money, .year].contains(low.kind), low.high == nil else { return nil }
        let t = low.nextToken
        guard t + 1 < v.upper else { return nil }
        let before = low.firstToken - 1 >= v.lower ? v.key(low.firstToken - 1) : nil
        let hasBetween = before == ModifierWords.between
        let hasFrom = before == ModifierWords.from
        let isTo: Bool
        var dashGlued = false
        if v.kind(t) == .number, v.firstByte(t) == UInt8(ascii: "-"), !v.tokens[t].spaceBefore, !hasBetween, !hasFrom {
            // 10%-15%: the tokeniser reads "-15" as a negative number.
            dashGlued = true
            isTo = false
        } else if v.isChar(t, UInt8(ascii: "-")) || v.scalar(t) == "–" || isGluedEmDash(t) {
            guard !hasBetween, !hasFrom else { return nil }
            isTo = false
        } else if let k = v.key(t) {
            if k == ModifierWords.and {
                guard hasBetween else { return nil }
                isTo = false
            } else if k == ModifierWords.to || k == ModifierWords.through {
                guard !hasBetween else { return nil }
                isTo = true
            } else {
                return nil
            }
        } else {
            return nil
        }
        // The high end may start with its own currency sign.
        var s = dashGlued ? t : t + 1
        while !dashGlued, s < t + 3, s < v.upper,
            v.kind(s) == .symbol
                || (v.kind(s) == .word && v.key(s).flatMap { CurrencyTable.dollarPrefixes[$0] } != nil
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
    private func isGluedEmDash(_ t: Int) -> Bool {
        let v = view
        return v.scalar(t) == "—" && !v.tokens[t].spaceBefore && t + 1 < v.upper && !v.tokens[t + 1].spaceBefore
    }

    /// The scale word multiplying an amount (`million` → 1e6), read back from its value's text.
    private func scaleFactor(_ a: Amount) -> Double? {
        let v = view
        let last = a.nextToken - 1
        guard last >= v.lower, let k = v.key(last) else { return nil }
        if case .scale(let s)? = NumberWords.table[k] { return s }
        if let s = NumberWords.scaleSuffixes[k] { return s }
        // "$10-20m": the scale is glued to the digits; infer it from the written digits.
        return nil
    }

    // MARK: - Modifiers and counted nouns

    /// The approximation phrase that ends just before token `t` (`more than`, `about`, `up to`).
    func modifier(before t: Int) -> String? {
        let v = view
        guard t - 1 >= v.lower, let last = v.key(t - 1), let phrases = ModifierWords.byLastWord[last] else {
            return nil
        }
        for words in phrases {
            let n = words.count
            guard t - n >= v.lower else { continue }
            var ok = true
            for (k, w) in words.enumerated() where v.key(t - n + k) != w {
                ok = false
                break
            }
            if ok { return words.map(\.string).joined(separator: " ") }
        }
        return nil
    }

    /// What an amount counts: the first plural noun among the next few words (`13 countries`,
    /// `20 bilateral cooperation agreements`), or the next noun after `one`.
    func countedNoun(from t0: Int, singular: Bool) -> String? {
        let v = view
        var t = t0
        // 40 °C, 40°C: a temperature.
        if t0 < v.upper, v.scalar(t0) == "°" {
            // (a capital letter before a period reads as an initial: "40 °C." ends in the token "C.")
            guard t0 + 1 < v.upper, !v.tokens[t0 + 1].spaceBefore, v.kind(t0 + 1) == .word, v.length(t0 + 1) <= 2,
                case let b = v.firstByte(t0 + 1) | 0x20, b == UInt8(ascii: "c") || b == UInt8(ascii: "f")
            else { return "°" }
            return b == UInt8(ascii: "c") ? "°C" : "°F"
        }
        var firstWord: WordKey?
        while t < v.upper, t < t0 + 3, v.kind(t) == .word, let k = v.key(t) {
            if CountWords.stop.contains(k) || NumberWords.table[k] != nil { break }
            if CountWords.irregularPlurals.contains(k) || isPlural(k) { return k.string }
            if k.hasSuffix("ly") || k.hasSuffix("ed") || k.hasSuffix("ing") { break }
            if firstWord == nil { firstWord = k }
            t += 1
        }
        // "one person": a singular amount counts the singular noun after it.
        if singular, let w = firstWord, t > t0, v.kind(t0) == .word, !v.isCapitalized(t0) { return w.string }
        return nil
    }

    func isPlural(_ k: WordKey) -> Bool {
        guard k.count >= 3, k.hasSuffix("s"), !k.hasSuffix("ss"), !k.hasSuffix("us"), !k.hasSuffix("is"),
            !CountWords.notPlural.contains(k)
        else { return false }
        for p in 0..<Int(k.count) where k.byte(p) == UInt8(ascii: ".") || k.byte(p) == UInt8(ascii: "'") {
            return false
        }
        return true
    }
}
