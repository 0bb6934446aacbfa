import AssayCore

/// Walks the tokens of a span once, reads every amount (digits or words) and decides from its
/// neighbours what kind of number it is: money (`$244.9 billion`, `500 yuan`), percent
/// (`16.5%`), a range (`between 10 and 20`), a year, a date (`May 8`), a time (`5 p.m.`), an
/// ordinal or a plain cardinal, with its modifier (`more than`) and what it counts.
struct NumberScanner {
    let view: TokenView
    private(set) var mentions: [NumberMention] = []

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
        // Read once here rather than through their global accessors for every word.
        let vocabulary = NumberVocabulary.byToken
        let filter = NumberStartFilter.shared
        var i = v.lower
        while i < v.upper {
            switch v.kind(i) {
            case .number:
                i = handle(at: i)
            case .word:
                i = scanWord(at: i, vocabulary, filter)
            default:
                // ½, ¾: a fraction in one character (the first byte filters out ASCII punctuation).
                if v.firstByte(i) >= NumberBytes.firstMultiByteLead, let s = v.scalar(i),
                    NumberWords.vulgarFractions[s] != nil
                {
                    i = handle(at: i)
                } else {
                    i += 1
                }
            }
        }
    }

    /// Reads the mention that starts at word `i`, if any — digits with letters glued to them, a
    /// prefixed year (`mid-2025`), a spelled amount, an indefinite one (`dozens of`) or `a couple
    /// of` — and returns where scanning continues. A web address is skipped whole.
    @inline(__always)
    private mutating func scanWord(at i: Int, _ vocabulary: Lexicon<UInt64>, _ filter: NumberStartFilter) -> Int {
        let v = view
        let b = v.firstByte(i)
        if TextBytes.isASCIIDigit(b) { return handle(at: i) }
        if endsWithDigits(i), let year = prefixedYear(at: i) {
            mentions.append(year)
            return i + 1
        }
        guard NumberBytes.isLetter(b), filter.mayStartNumber(v.bytes, v.start(i), v.length(i)), v.isVocabularyWord(i)
        else { return i + 1 }
        let classes = v.lookUp(vocabulary, i) ?? 0
        if classes & NumberScanner.startBits == 0 {
            return SpelledNumberParser.startsWithNumberWord(v, at: i) ? handle(at: i) : i + 1
        }
        if startsIndefiniteAmount(i), case let (mention, next)? = indefiniteAmount(at: i) {
            mentions.append(mention)
            return next
        }
        if v.isWord(i, "a"), let mention = coupleOf(at: i) {
            mentions.append(mention)
            return i + 2
        }
        if SpelledNumberParser.canStart(v, at: i) { return handle(at: i) }
        if classes & WordClasses<NumberWordClass>.bit(.webPrefix) != 0, i + 1 < v.upper, !v.tokens[i + 1].spaceBefore {
            var next = i + 1
            while next < v.upper, !v.tokens[next].spaceBefore { next += 1 }
            return next
        }
        return i + 1
    }

    private static let startBits =
        WordClasses<NumberWordClass>.bit(.numberStart) | WordClasses<NumberWordClass>.bit(.webPrefix)

    /// Whether word `i` ends with a digit, or a digit and `s` (`mid-2025`, `mid-1990s`): a cheap
    /// test, since digits sort below every letter.
    @inline(__always)
    private func endsWithDigits(_ i: Int) -> Bool {
        let e = view.end(i)
        let last = view.bytes[e - 1]
        if last <= UInt8(ascii: "9") { return true }
        return last == UInt8(ascii: "s") && view.length(i) > 5 && view.bytes[e - 2] <= UInt8(ascii: "9")
    }

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
        if m.kind == .range, view.isWord(t - 1, "between") || view.isWord(t - 1, "from"),
            view.start(t - 1) == m.start
        {
            t -= 1
        }
        return t
    }
}

extension NumberScanner.Amount {
    /// The quantity as a cardinal, before its neighbours are looked at.
    init(_ q: Quantity) {
        self.init(
            kind: .cardinal, firstToken: q.tokens.lowerBound, nextToken: q.tokens.upperBound, start: q.start,
            end: q.end, value: q.value, form: q.form, isScaled: q.isScaled, counts: q.gluedNoun,
            approximate: q.gluedApproximation)
    }
}
