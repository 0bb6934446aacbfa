import AssayCore

/// Numbers that belong to a name rather than count anything: models and indexes (`Boeing 737`,
/// `S&P 500`, `iPhone 15`), numbered parts (`Chapter 11`, `Category 5`), ranks (`No. 1`) and
/// addresses (`No 10 Downing Street`). News writes them with digits right after a capitalised
/// word, which is what these tests look for.
extension NumberScanner {
    /// Capitalised words that start a sentence before an amount without naming anything
    /// (`Perhaps 300 people`, `Maybe 20`); the function words and modifiers are checked apart.
    static let sentenceAdverbs: [String] = [
        "perhaps", "maybe", "another", "all", "some", "many", "nearly", "only", "just", "roughly", "barely",
        "fully",
        "exactly", "almost", "about", "around", "over", "under", "those", "these", "the", "and", "but",
        "yet",
        "with", "without", "of", "at", "by", "in", "on", "for", "to", "from", "since", "after", "before", "until",
        "every", "each", "no", "than", "then", "now", "still", "even", "also", "top"
    ]

    /// Days of the week, which precede amounts in news (`On Monday 300 people marched`).
    static let weekdays: [String] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu",
        "fri",
        "sat", "sun", "today", "yesterday", "tomorrow"
    ]

    /// Whether a plain whole number (or a one-token span of them, `737-800`) directly follows a
    /// name: a capitalised word that is not a function word, modifier, month or weekday, or a
    /// word with `&` or an inner capital (`S&P`, `iPhone`). Title-case headlines, where every
    /// word is capitalised, say nothing and are left alone.
    func isNamePart(_ q: Quantity, first: Int) -> Bool {
        let v = view
        let t = first - 1
        guard t >= v.lower, v.tokens[first].spaceBefore, v.kind(t) == .word, !q.isSpelled, !q.isOrdinal, !q.isScaled,
            q.form == .integer, q.gluedNoun == nil, q.currency == nil, q.gluedApproximation == nil, q.value >= 0
        else { return false }
        // Only digits (and the hyphen of 737-800): 1,000 and 2.5 are amounts whatever precedes them.
        for p in q.start..<q.end {
            let b = v.bytes[p]
            guard TextBytes.isASCIIDigit(b) || b == UInt8(ascii: "-") else { return false }
        }
        guard v.isVocabularyWord(t) else { return false }
        var hasAmpersand = false
        var hasInnerCapital = false
        for p in (v.start(t) + 1)..<v.end(t) {
            let b = v.bytes[p]
            if b == UInt8(ascii: "&") { hasAmpersand = true }
            if TextBytes.isASCIIUppercase(b) { hasInnerCapital = true }
        }
        if hasAmpersand || (hasInnerCapital && !v.isAllCaps(t)) { return true }
        // A capital that starts a sentence says nothing (`Add 2 cups`, `Officials 30`... ).
        guard v.isCapitalized(t), !startsSentence(t) else { return false }
        if v.classes(t) & NumberScanner.notNameBits != 0 || v.lookUp(CalendarWords.months, t) != nil
            || v.lookUp(CurrencyTable.codeKeys, t) != nil || v.lookUp(CurrencyTable.prefixWords, t) != nil
            || v.hasSuffix(t, "ly")
        {
            return false
        }
        // A tally after a name: the House 220 to 215, Leeds 2 - 1.
        let n = q.tokens.upperBound
        if n + 1 < v.upper, v.kind(n + 1) == .number,
            v.isWord(n, "to") || v.isChar(n, UInt8(ascii: "-")) || v.scalar(n) == "–"
        {
            return false
        }
        return !isTitleCase(around: t, after: n)
    }

    /// Whether token `t` starts a sentence or a clause set off by punctuation: the first token of
    /// the span or a line, or one after anything but a word, a number or a comma.
    private func startsSentence(_ t: Int) -> Bool {
        let v = view
        guard t > v.lower, !v.tokens[t].lineStart else { return true }
        switch v.kind(t - 1) {
        case .word, .number: return false
        case .punctuation, .symbol: return !v.isChar(t - 1, UInt8(ascii: ","))
        }
    }

    /// Whether the words near token `t` are all capitalised, as in a headline (`Storm Kills 12
    /// In Texas`): there a capital says nothing about names.
    private func isTitleCase(around t: Int, after next: Int) -> Bool {
        let v = view
        var capitalised = 0, lower = 0
        func look(_ k: Int) {
            guard v.contains(k), v.kind(k) == .word, v.length(k) >= 4 else { return }
            if v.isCapitalized(k) { capitalised += 1 } else { lower += 1 }
        }
        for k in max(v.lower, t - 4)..<t { look(k) }
        for k in next..<min(v.upper, next + 4) { look(k) }
        return lower == 0 && capitalised >= 2
    }

    /// The token starting a rank prefix just before token `first`: `No.` (with its period as a
    /// separate token) or `No` capitalised without one, as in `No 2 official`. A plural noun after
    /// `No 2` makes `No` the determiner (`No 2 cases are alike`).
    func rankPrefix(before first: Int, next: Int) -> Int? {
        let v = view
        var t = first - 1
        guard t >= v.lower, v.tokens[first].spaceBefore else { return nil }
        if v.isChar(t, UInt8(ascii: ".")), !v.tokens[t].spaceBefore {
            t -= 1
            guard v.isWord(t, "no") || v.isWord(t, "nos") else { return nil }
            return t
        }
        guard v.isWord(t, "no"), v.firstByte(t) == UInt8(ascii: "N"), !v.isAllCaps(t) else { return nil }
        if next < v.upper, v.kind(next) == .word, v.isVocabularyWord(next), !v.isCapitalized(next), isPlural(next) {
            return nil
        }
        return t
    }

    /// Whether token `t` is a capitalised word continuing a name, as a street after a house
    /// number (`No 10 Downing Street`).
    func isNameContinuation(_ t: Int) -> Bool {
        let v = view
        guard t < v.upper, v.kind(t) == .word, v.tokens[t].spaceBefore, v.isCapitalized(t), v.isVocabularyWord(t) else {
            return false
        }
        return v.classes(t) & (NumberScanner.stopBit | NumberScanner.sentenceAdverbBit) == 0
    }

    /// The apostrophe glued before a two-digit decade (`'80s`, `’90s`).
    func elidedCentury(before first: Int) -> Int? {
        let v = view
        let t = first - 1
        guard t >= v.lower, !v.tokens[first].spaceBefore, let s = v.scalar(t), s == "'" || s == "\u{2019}" else {
            return nil
        }
        return t
    }

    private static let stopBit = WordClasses<NumberWordClass>.bit(.countStop)
    private static let sentenceAdverbBit = WordClasses<NumberWordClass>.bit(.sentenceAdverb)
    /// Words that say nothing about a name when capitalised before a number.
    private static let notNameBits =
        stopBit | sentenceAdverbBit | WordClasses<NumberWordClass>.bit(.weekday)
        | WordClasses<NumberWordClass>.bit(.modifierLastWord) | WordClasses<NumberWordClass>.bit(.dayPeriod)
}
