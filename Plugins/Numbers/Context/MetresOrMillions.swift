import AssayCore

/// A lowercase `m` glued to digits is millions in money and counts (`£100m`, `100m people`) but
/// metres in sport and sizes (`the 100m`, `a 400m hurdles`, `a 50m-tall tower`). Without a
/// currency, the words around it decide.
extension NumberScanner {
    /// Words after `100m` that make it a distance.
    static let metreContext: [String] = [
        "sprint", "race", "dash", "hurdles", "freestyle", "backstroke", "breaststroke", "butterfly", "medley",
        "relay",
        "final", "finals", "heat", "heats", "event", "events", "title", "record", "gold", "silver", "bronze",
        "champion",
        "tall", "high", "long", "wide", "deep", "away", "below", "above", "ahead", "behind", "radius", "stretch"
    ]

    static let distanceDeterminers: [String] = ["the", "a", "an", "men's", "women's", "'s"]

    /// `q` read as metres when its glued `m` names a distance here, else `q` unchanged.
    func readingMetres(_ q: Quantity) -> Quantity {
        let v = view
        guard q.isScaled, q.currency == nil, q.special == nil, q.gluedNoun == nil else { return q }
        let last = q.tokens.upperBound - 1
        guard v.end(last) == q.end, v.bytes[q.end - 1] == UInt8(ascii: "m"), q.end - 2 >= q.start,
            TextBytes.isASCIIDigit(v.bytes[q.end - 2])
        else { return q }
        let first = q.tokens.lowerBound
        if first - 1 >= v.lower, v.kind(first - 1) == .symbol { return q }  // $100m, £100m
        let next = q.tokens.upperBound
        let nextIsWord = next < v.upper && v.kind(next) == .word && v.isVocabularyWord(next)
        // "won the 100m in 9.58 seconds": a determiner before, nothing it could count after.
        let afterDeterminer =
            v.isIn(.distanceDeterminer, first - 1) && (!nextIsWord || v.isIn(.countStop, next))
        guard (nextIsWord && v.isIn(.metreContext, next)) || afterDeterminer else { return q }
        var metres = q
        metres.value = NumberScanner.scaled(q.value, 1e-6)
        metres.isScaled = false
        metres.gluedNoun = "m"
        return metres
    }
}
