import AssayCore

/// `two out of five`, `9 out of 10 doctors`: a proportion written as two counts, read as one
/// fraction (`value` 0.4) whose `counts` is the noun after the whole.
extension NumberScanner {
    /// The fraction whose numerator is `part`, and the token where scanning continues.
    func outOfFraction(_ part: Amount) -> (NumberMention, next: Int)? {
        let v = view
        let t = part.nextToken
        guard part.kind == .cardinal, part.high == nil, part.form == .integer, part.value >= 0, part.counts == nil,
            v.isWord(t, "out"), v.isWord(t + 1, "of"), t + 2 < v.upper,
            case .amount(let whole) = readAmount(at: t + 2), whole.kind == .cardinal, whole.high == nil,
            whole.form == .integer,
            whole.value > 0, whole.value >= part.value
        else { return nil }
        var m = NumberMention(
            kind: .cardinal, start: part.start, end: whole.end, value: .number(part.value / whole.value),
            subtype: "fraction", approximate: part.approximate)
        m.counts = whole.counts ?? countedNoun(from: whole.nextToken, singular: false)
        return (m, whole.nextToken)
    }
}
