import AssayCore

/// Spelled amounts whose meaning depends on the words around them: `half of the voters` (0.5),
/// `a couple of weeks` (2), `one over three` (1/3), and `the one hundredth day` (an ordinal,
/// where `one hundredth of a second` is a fraction).
extension NumberScanner {
    /// Words before `half of` that make `half` a part of something in time or space (`the second
    /// half of the season`, `the northern half of the island`) rather than an amount.
    static let halfBlockers: [String] = [
        "the", "a", "an", "one", "this", "that", "each", "either", "every", "its", "his", "her", "their", "our",
        "my", "your", "first", "second", "latter", "other", "back", "front", "top", "bottom", "upper", "lower",
        "final", "last", "opening", "closing", "early", "earlier", "late", "later", "whole", "better", "worse",
        "bigger", "larger", "smaller"
    ]

    /// `half of them`, `nearly half of the voters`: the fraction 0.5 spanning `half`.
    func halfOf(at i: Int) -> Quantity? {
        let v = view
        guard v.isWord(i, "half"), v.isWord(i + 1, "of") else { return nil }
        let before = i - 1
        if v.isVocabularyWord(before),
            v.isIn(.halfBlocker, before) || v.hasSuffix(before, "ern") || v.hasSuffix(before, "'s")
        {
            return nil
        }
        var q = Quantity(tokens: i..<(i + 1), start: v.start(i), end: v.end(i), value: 0.5)
        q.form = .fraction
        q.isSpelled = true
        q.spelledPieces = 1
        return q
    }

    /// `a couple of weeks`: the cardinal 2 spanning `a couple`. Without `of`, a couple is two
    /// people (`the couple`, `a married couple`), not a number.
    func coupleOf(at i: Int) -> NumberMention? {
        let v = view
        guard v.isWord(i + 1, "couple"), v.isWord(i + 2, "of") else { return nil }
        var m = NumberMention(
            kind: .cardinal, start: v.start(i), end: v.end(i + 1), value: .number(2), subtype: "integer")
        m.approximate = modifier(before: i)
        m.counts = countedNoun(from: i + 3, singular: false)
        return m
    }

    /// `one over three`, `nine over ten`: a fraction of two small spelled whole numbers, unless
    /// the second counts something (`won two over three days`).
    func overFraction(numerator q: Quantity) -> Quantity? {
        let v = view
        let t = q.tokens.upperBound
        guard q.isSpelled, !q.isOrdinal, q.form == .integer, q.gluedNoun == nil, q.value >= 1, q.value <= 100,
            v.isWord(t, "over"), t + 1 < v.upper, v.kind(t + 1) == .word
        else { return nil }
        let pieces = SpelledNumberParser.pieces(v, from: t + 1)
        guard let r = SpelledNumberParser.read(pieces), !r.isOrdinal, r.form == .integer, r.value >= 2, r.value <= 100,
            pieces[r.pieceCount - 1].endsToken
        else { return nil }
        if case .article = pieces[0].role { return nil }
        let last = pieces[r.pieceCount - 1].token
        if countedNoun(from: last + 1, singular: false) != nil { return nil }
        var fraction = q
        fraction.value = q.value / r.value
        fraction.form = .fraction
        fraction.tokens = q.tokens.lowerBound..<(last + 1)
        fraction.end = v.end(last)
        fraction.spelledPieces = q.spelledPieces + 1 + r.pieceCount
        return fraction
    }

    /// Determiners that make `one hundredth` an ordinal: `the one hundredth day`, `its one
    /// thousandth customer`.
    static let ordinalDeterminers: [String] = ["the", "its", "his", "her", "their", "our", "my", "your", "this"]

    /// Whether `one hundredth` (a fraction by its words) is an ordinal here, after a determiner.
    func isOrdinalAfterDeterminer(_ pieces: [SpelledNumberParser.Piece], _ r: SpelledNumberParser.Result, at i: Int)
        -> Double?
    {
        let v = view
        guard r.form == .fraction, r.pieceCount == 2, case .number(.unit(1)) = pieces[0].role,
            case .number(.ordinal(let d, false, true)) = pieces[1].role, d >= 100, i - 1 >= v.lower,
            v.isVocabularyWord(i - 1), v.isIn(.ordinalDeterminer, i - 1) || v.hasSuffix(i - 1, "'s")
        else { return nil }
        return d
    }

    /// Words before a lone `one` that make it a pronoun (`this one`, `the one`, `no-one`).
    static let determiners: [String] = [
        "the", "this", "that", "which", "each", "every", "any", "no",
        "some", "another", "a", "an", "one", "no-one", "someone"
    ]

    /// Words before `second` that make it a moment of time (`wait a second`, `per second`).
    static let timeSecondLeads: [String] = ["a", "per", "one", "split", "every", "each"]

    /// `one` alone is a number only before what it counts (`one person`), not in `one of the`,
    /// `the current one`, `this one`, `one another`.
    func isCardinalInContext(_ q: Quantity) -> Bool {
        let v = view
        guard q.spelledPieces == 1, q.value == 1, q.gluedNoun == nil else { return true }
        let i = q.tokens.lowerBound
        if i - 1 >= v.lower, v.isIn(.oneDeterminer, i - 1) { return false }
        let n = q.tokens.upperBound
        guard n < v.upper, v.kind(n) == .word, v.isVocabularyWord(n), !v.isIn(.countStop, n) else { return false }
        return true
    }

    /// `second` in `wait a second` is time, not an ordinal; `a third term` is an ordinal.
    func isOrdinalInContext(_ q: Quantity) -> Bool {
        let v = view
        guard q.value == 2, q.spelledPieces == 1, q.gluedNoun == nil else { return true }
        let i = q.tokens.lowerBound
        guard i - 1 >= v.lower, v.isIn(.timeSecondLead, i - 1) else { return true }
        let n = q.tokens.upperBound
        guard n < v.upper, v.kind(n) == .word, v.isVocabularyWord(n), !v.isIn(.countStop, n) else { return false }
        return true
    }
}
