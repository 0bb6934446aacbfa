import AssayCore

/// Currencies written around an amount: before it (`$`, `US$`, `Rs`, `USD`) or after it
/// (`500 yuan`, `Canadian dollars`, `5€`), with a minor amount after the major one
/// (`thirteen dollars forty-five cents`).
extension NumberScanner {
    /// A currency written before token `first`: `$`, `US$`, `C$`, `US $`, `€`, `Rs`, `USD`.
    func leadingCurrency(before first: Int) -> (String, Int)? {
        let v = view
        let t = first - 1
        guard t >= v.lower else { return nil }
        if let s = v.scalar(t), let code = CurrencyTable.symbols[s] {
            if s == "¢" { return nil }
            // A prefix glued to the dollar sign (US$, C$, HK$, Mex$), or a spaced capitalised one (US $).
            if s == "$", t - 1 >= v.lower, v.kind(t - 1) == .word,
                let prefixed = v.lookUp(CurrencyTable.dollarPrefixes, t - 1),
                v.isGlued(t) || (v.isAllCaps(t - 1) && v.length(t - 1) >= 2) || v.isIn(.spacedDollarPrefix, t - 1)
            {
                return (prefixed, t - 1)
            }
            return (code, t)
        }
        guard v.kind(t) == .word else { return nil }
        if let code = v.lookUp(CurrencyTable.prefixWords, t) { return (code, t) }
        if v.isAllCaps(t), let code = v.lookUp(CurrencyTable.codeKeys, t) { return (code, t) }
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
        if v.kind(t0) == .word, v.isAllCaps(t0), let code = v.lookUp(CurrencyTable.codeKeys, t0) {
            return TrailingCurrency(code: code, value: amount.value, divisor: 1, end: v.end(t0), next: t0 + 1)
        }
        if let s = v.scalar(t0), s != "$", s != "¢", let code = CurrencyTable.symbols[s], v.kind(t0) == .symbol {
            return TrailingCurrency(code: code, value: amount.value, divisor: 1, end: v.end(t0), next: t0 + 1)
        }
        // Up to two adjectives, then a currency name.
        var t = t0
        var adjectives: [Int] = []
        while t < v.upper, t < t0 + 3, v.kind(t) == .word {
            if let name = v.lookUp(CurrencyTable.names, t) {
                var code = name.code
                var decided = false
                for adjective in adjectives.reversed() {
                    if let map = v.lookUp(CurrencyTable.adjectives, adjective), let c = map[name.code] ?? map[nil] {
                        code = c
                        decided = true
                        break
                    }
                }
                if !adjectives.isEmpty && !decided { return nil }
                if name.ambiguous && !decided && !amount.isScaled {
                    // "pounds sterling" is money; "200 pounds" is usually weight.
                    guard v.isWord(t + 1, "sterling") else { return nil }
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
            guard v.lookUp(CurrencyTable.adjectives, t) != nil || v.isIn(.currencyAdjectivePart, t) else { return nil }
            adjectives.append(t)
            t += 1
        }
        return nil
    }

    /// `forty-five cents` or a bare `50` after `dollars`: the minor amount in major units.
    func minorTail(after t0: Int, code: String?) -> (Double, Int, Int)? {
        let v = view
        var t = t0
        guard t < v.upper else { return nil }
        if v.isWord(t, "and") { t += 1 }
        guard t < v.upper, case .quantity(let amount)? = quantity(at: t), !amount.isOrdinal, amount.form == .integer,
            amount.value >= 1, amount.value < 100, amount.gluedNoun == nil
        else { return nil }
        let n = amount.tokens.upperBound
        if n < v.upper, let name = v.lookUp(CurrencyTable.names, n), name.minorPerMajor > 1 {
            return (amount.value / name.minorPerMajor, v.end(n), n + 1)
        }
        // A bare minor amount (15 dollars 50, one dollar and two) only when nothing it could
        // count follows: the end of the clause or another conjunction.
        guard
            n >= v.upper || v.kind(n) != .word
                || (t > t0 && v.isIn(.clauseJoiner, n)),
            amount.isPlainDigits || amount.isSpelled
        else { return nil }
        return (amount.value / 100, amount.end, n)
    }

    /// Words after `and N` that end the amount, so that N is a bare number of cents.
    static let clauseJoiners: [String] = ["and", "or", "but"]
}
