import AssayCore

/// Match results written like ranges: `lost 2-4 at home`, `a 0-3 defeat`, `a 48-52 vote`. A
/// score whose first number is the larger (`won 3-2`) is already no range; these tests catch the
/// other order, from the verb before or the noun after.
extension NumberScanner {
    /// Verbs and nouns before a score (`lost 2-4`, `beat them 1-3`).
    static let scoreLeads: [String] = [
        "won", "win", "wins", "winning", "lost", "lose", "loses", "losing", "beat", "beats", "beaten", "drew",
        "draw",
        "defeated", "defeat", "trailed", "trailing", "trail", "led", "leading", "lead", "edged", "thrashed",
        "routed",
        "crushed", "downed", "stunned", "scored", "score", "scoreline", "tied", "victory", "loss"
    ]

    /// Nouns after a score (`a 2-4 defeat`, `a 1-3 home loss`, `a 48-52 vote`).
    static let scoreNouns: [String] = [
        "win", "victory", "defeat", "loss", "draw", "lead", "deficit", "scoreline", "thrashing", "drubbing", "rout",
        "triumph", "vote", "decision", "verdict", "split", "home", "away", "aggregate", "result", "margin"
    ]

    /// Whether the one-token range `q` (two whole numbers) is a score: a score word next to it,
    /// and no counted noun, percent sign or currency to make it an amount.
    func isScore(_ q: Quantity, high: Double, next: Int) -> Bool {
        let v = view
        let first = q.tokens.lowerBound
        guard q.form == .integer, !q.isScaled, q.gluedNoun == nil, q.currency == nil, q.value >= 0, high <= 200,
            q.value == q.value.rounded(), high == high.rounded()
        else { return false }
        let leads = v.isIn(.scoreLead, first - 1)
        let follows = v.isIn(.scoreNoun, next)
        guard leads || follows else { return false }
        // "won 10-15 seats": a range of what it counts.
        if !follows, countedNoun(from: next, singular: false) != nil { return false }
        return percentSign(at: next, compoundNoun: nil) == nil
            && trailingCurrency(
                after: next,
                amount: Amount(
                    kind: .cardinal, firstToken: first, nextToken: next, start: q.start, end: q.end, value: q.value,
                    form: .integer,
                    isScaled: false)) == nil
    }
}
