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
        } else if v.isWord(next, "of"), let m = self.month(at: next + 1), q.isOrdinal {
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
            } else if v.isWord(next, "to") || v.isWord(next, "through") || v.isChar(next, UInt8(ascii: "-")),
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
