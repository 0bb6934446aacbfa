import AssayCore

/// Plural scale words used as amounts: `dozens of people`, `hundreds were hurt`, `tens of
/// thousands of protesters`, `hundreds of millions of dollars`.
///
/// News uses them as counts, so they are reported as cardinals (or money, before a currency
/// name) with `approximate: "indefinite"` and, as `value`, the smallest amount the words name:
/// the scale itself (`dozens` → 12, `tens of thousands` → 10,000), a lower bound to compare
/// and sort by, never an estimate.
extension NumberScanner {
    /// The plural scale words and the amount each names at least.
    static let indefiniteScales: Lexicon<Double> = Lexicon([
        ("dozens", 12), ("hundreds", 100), ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9),
        ("trillions", 1e12)
    ])

    /// Words that make a plural scale a place in a sequence or a noun of its own rather than an
    /// amount: `the hundreds` (a range of values), `their thousands`.
    static let indefiniteBlockers: [String] = ["the", "their", "its", "his", "her", "our", "your", "in", "into"]

    /// Whether the word at token `i` can start an indefinite amount (`tens` only before `of`).
    func startsIndefiniteAmount(_ i: Int) -> Bool {
        view.isWord(i, "tens") || view.lookUp(NumberScanner.indefiniteScales, i) != nil
    }

    /// The indefinite amount starting at token `i`, and the token where scanning continues.
    func indefiniteAmount(at i: Int) -> (NumberMention, next: Int)? {
        let v = view
        let scales = NumberScanner.indefiniteScales
        if i - 1 >= v.lower, v.isIn(.indefiniteBlocker, i - 1) { return nil }
        // A chain of scales joined by "of": tens of thousands, hundreds of millions.
        var value: Double
        var t = i
        if v.isWord(i, "tens") {
            guard v.isWord(i + 1, "of"), let s = v.lookUp(scales, i + 2), s >= 1e3 else { return nil }
            value = 10 * s
            t = i + 2
        } else {
            guard let s = v.lookUp(scales, i) else { return nil }
            value = s
        }
        while v.isWord(t + 1, "of"), let s = v.lookUp(scales, t + 2), s >= 1e3 {
            value *= s
            t += 2
        }
        var mention = NumberMention(
            kind: .cardinal, start: v.start(i), end: v.end(t), value: .number(value),
            subtype: "integer", approximate: "indefinite")
        var next = t + 1
        // What follows "of": a currency makes it money, else the counted noun.
        if v.isWord(next, "of") {
            let amount = Amount(
                kind: .cardinal, firstToken: i, nextToken: next, start: mention.start, end: mention.end,
                value: value, form: .integer, isScaled: true)
            if let money = trailingCurrency(after: next + 1, amount: amount), money.code != nil, money.divisor == 1 {
                mention.kind = .money
                mention.subtype = nil
                mention.unit = money.code
                mention.end = money.end
                next = money.next
            } else {
                mention.counts = countedNoun(from: next + 1, singular: false)
            }
        }
        return (mention, next)
    }
}
