import AssayCore

/// Calendar values around a day or year number: `May 8`, `8 May 2025`, `the 8th of May`,
/// `May 7-10`, `May 2025`, and the context that makes four digits a year (`in 2024`).
extension NumberScanner {
    // MARK: - Calendar

    /// The month named by token `t`, if it is a capitalised month name.
    func month(at t: Int) -> Int? {
        let v = view
        guard v.contains(t), v.kind(t) == .word, v.isCapitalized(t) else { return nil }
        return v.lookUp(CalendarWords.months, t)
    }

    /// A date built around a day number: `May 8`, `May 8th, 2025`, `8 May`, `the 8th of May`, `May 2025`.
    func dayOfMonth(_ q: Quantity, day: Int) -> Amount? {
        guard q.gluedNoun == nil, !q.isSpelled || q.isOrdinal else { return nil }
        let v = view
        let i = q.tokens.lowerBound
        let next = q.tokens.upperBound
        if let m = month(at: i - 1) {
            // May 2025: a month of a year.
            if q.digitCount == 4, !q.isOrdinal, CalendarWords.yearRange.contains(q.value) {
                let text = NumericLiteralParser.format4(day) + "-" + NumericLiteralParser.two(m)
                return dateAmount(q, text: text, first: i - 1, next: next, end: q.end)
            }
            return date(q, day: day, month: m, first: i - 1, next: next, end: q.end)
        }
        if let m = month(at: next) { return date(q, day: day, month: m, first: i, next: next + 1, end: v.end(next)) }
        if v.isWord(next, "of"), let m = month(at: next + 1), q.isOrdinal {
            return date(q, day: day, month: m, first: i, next: next + 2, end: v.end(next + 1))
        }
        return nil
    }

    /// The date of `day` in `month`, with a year written after it (`May 8, 2025`, `8 May 2025`)
    /// or as a span of days (`May 7-10`, `May 7 to 10`); the day and month end before token `next`,
    /// at byte `end`.
    private func date(_ q: Quantity, day: Int, month: Int, first: Int, next: Int, end: Int) -> Amount? {
        let v = view
        guard (1...31).contains(day), q.digitCount <= 2 || q.isSpelled else { return nil }
        let monthDay = NumericLiteralParser.two(month) + "-" + NumericLiteralParser.two(day)
        var t = next
        if v.isChar(t, UInt8(ascii: ",")) { t += 1 }
        if t < v.upper, v.kind(t) == .number, v.length(t) == 4, let year = fourDigits(t),
            CalendarWords.yearRange.contains(Double(year))
        {
            let text = NumericLiteralParser.format4(year) + "-" + monthDay
            return dateAmount(q, text: text, first: first, next: t + 1, end: v.end(t))
        }
        var text = "--" + monthDay
        var (next, end) = (next, end)
        var highDay: Int?
        if case .range(let h)? = q.special {
            highDay = h.wholeInt
        } else if v.isWord(next, "to") || v.isWord(next, "through") || v.isChar(next, UInt8(ascii: "-")),
            next + 1 < v.upper, v.kind(next + 1) == .number, v.length(next + 1) <= 2, let d = fourDigits(next + 1),
            d > day, d <= 31
        {
            highDay = d
            end = v.end(next + 1)
            next += 2
        }
        if let h = highDay { text += "/--" + NumericLiteralParser.two(month) + "-" + NumericLiteralParser.two(h) }
        return dateAmount(q, text: text, first: first, next: next, end: end)
    }

    private func dateAmount(_ q: Quantity, text: String, first: Int, next: Int, end: Int) -> Amount {
        Amount(
            kind: .date, firstToken: first, nextToken: next, start: min(view.start(first), q.start), end: end,
            value: q.value, text: text, form: .integer, isScaled: false)
    }

    /// The value of a token made of plain digits only.
    func fourDigits(_ t: Int) -> Int? {
        let v = view
        var n = 0
        for p in v.start(t)..<v.end(t) {
            let b = v.bytes[p]
            guard TextBytes.isASCIIDigit(b) else { return nil }
            n = n.appendingDigit(b)
        }
        return n
    }

    /// Whether four plain digits are a year here: `in 2024`, `the 2024 election`, `1945.`; not
    /// `more than 2000 people` or `2000 people`.
    func isYearInContext(first: Int, next: Int) -> Bool {
        let v = view
        if modifier(before: first) != nil { return false }
        if first - 1 >= v.lower {
            if v.isIn(.yearContext, first - 1) { return true }
            if v.isWord(first - 1, "than") || v.isWord(first - 1, "only") || v.isWord(first - 1, "all") { return false }
        }
        if next < v.upper, v.kind(next) == .word, v.isVocabularyWord(next), !v.isIn(.countStop, next), isPlural(next),
            !v.isCapitalized(next)
        {
            return false
        }
        return true
    }
}
