import AssayCore

/// Currencies written around an amount: before it (`$`, `US$`, `Rs`, `USD`) or after it
/// (`500 yuan`, `Canadian dollars`, `5€`), with a minor amount after the major one
/// (`thirteen dollars forty-five cents`).
extension NumberScanner {
    /// A currency written before token `first`: `$`, `US$`, `C$`, `US $`, `€`, `Rs`, `USD`.
    func leadingCurrency(before first: Int) -> (String, Int)? {
        let v = view
        var t = first - 1
        guard t >= v.lower else { return nil }
        if let s = v.scalar(t), let code = CurrencyTable.symbols[s] {
            if s == "¢" { return nil }
            // A prefix glued to the dollar sign (US$, C$, HK$, Mex$), or a spaced capitalised one (US $).
            if s == "$", t - 1 >= v.lower, v.kind(t - 1) == .word, let k = v.key(t - 1),
                let prefixed = CurrencyTable.dollarPrefixes[k],
                v.isGlued(t) || (v.isAllCaps(t - 1) && v.length(t - 1) >= 2)
                    || CurrencyTable.spacedDollarPrefixes.contains(k)
            {
                return (prefixed, t - 1)
            }
            return (code, t)
        }
        guard v.kind(t) == .word, let k = v.key(t) else { return nil }
        if let code = CurrencyTable.prefixWords[k] { return (code, t) }
        if v.isAllCaps(t), let code = CurrencyTable.codeKeys[k] { return (code, t) }
        t -= 1
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
        if v.kind(t0) == .word, v.isAllCaps(t0), let k = v.key(t0), let code = CurrencyTable.codeKeys[k] {
            return TrailingCurrency(code: code, value: amount.value, divisor: 1, end: v.end(t0), next: t0 + 1)
        }
        if let s = v.scalar(t0), s != "$", s != "¢", let code = CurrencyTable.symbols[s], v.kind(t0) == .symbol {
            return TrailingCurrency(code: code, value: amount.value, divisor: 1, end: v.end(t0), next: t0 + 1)
        }
        // Up to two adjectives, then a currency name.
        var t = t0
        var adjectives: [WordKey] = []
        while t < v.upper, t < t0 + 3, v.kind(t) == .word, let k = v.key(t) {
            if let name = CurrencyTable.names[k] {
                var code = name.code
                var decided = false
                for adj in adjectives.reversed() {
                    if let map = CurrencyTable.adjectives[adj], let c = map[name.code] ?? map[nil] {
                        code = c
                        decided = true
                        break
                    }
                }
                if !adjectives.isEmpty && !decided { return nil }
                if name.ambiguous && !decided && !amount.isScaled {
                    // "pounds sterling" is money; "200 pounds" is usually weight.
                    guard let n = v.key(t + 1), n == WordKey("sterling") else { return nil }
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
            guard
                CurrencyTable.adjectives[k] != nil
                    || (k == WordKey("kong") || k == WordKey("zealand") || k == WordKey("lankan")
                        || k == WordKey("african") || k == WordKey("korean") || k == WordKey("taiwan")
                        || k == WordKey("arab"))
            else { return nil }
            adjectives.append(k)
            t += 1
        }
        return nil
    }

    /// `forty-five cents` or a bare `50` after `dollars`: the minor amount in major units.
    func minorTail(after t0: Int, code: String?) -> (Double, Int, Int)? {
        let v = view
        var t = t0
        guard t < v.upper else { return nil }
        if let k = v.key(t), k == ModifierWords.and { t += 1 }
        guard t < v.upper, case .quantity(let amount)? = quantity(at: t), !amount.isOrdinal, amount.form == .integer,
            amount.value >= 1, amount.value < 100, amount.gluedNoun == nil
        else { return nil }
        let n = amount.tokens.upperBound
        if n < v.upper, let k = v.key(n), let name = CurrencyTable.names[k], name.minorPerMajor > 1 {
            return (amount.value / name.minorPerMajor, v.end(n), n + 1)
        }
        // A bare minor amount (15 dollars 50, one dollar and two) only when nothing it could
        // count follows: the end of the clause or another conjunction.
        guard
            n >= v.upper || v.kind(n) != .word
                || (t > t0 && v.key(n).map(NumberScanner.clauseJoiners.contains) == true),
            amount.isPlainDigits || amount.isSpelled
        else { return nil }
        return (amount.value / 100, amount.end, n)
    }

    /// Words after `and N` that end the amount, so that N is a bare number of cents.
    static let clauseJoiners: Set<WordKey> = [WordKey("and"), WordKey("or"), WordKey("but")]
}
