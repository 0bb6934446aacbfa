import AssayCore

/// What an amount counts: the plural noun after it (`13 countries`), a temperature unit
/// (`40 °C`), or the noun after `one`.
extension NumberScanner {
    /// What an amount counts: the first plural noun among the next few words (`13 countries`,
    /// `20 bilateral cooperation agreements`), or the next noun after `one`.
    func countedNoun(from t0: Int, singular: Bool) -> String? {
        let v = view
        var t = t0
        // 40 °C, 40°C: a temperature.
        if t0 < v.upper, v.scalar(t0) == "°" {
            // (a capital letter before a period reads as an initial: "40 °C." ends in the token "C.")
            guard t0 + 1 < v.upper, !v.tokens[t0 + 1].spaceBefore, v.kind(t0 + 1) == .word, v.length(t0 + 1) <= 2,
                case let b = NumberBytes.lowercased(v.firstByte(t0 + 1)),
                b == UInt8(ascii: "c") || b == UInt8(ascii: "f")
            else { return "°" }
            return b == UInt8(ascii: "c") ? "°C" : "°F"
        }
        var firstWord: WordKey?
        while t < v.upper, t < t0 + 3, v.kind(t) == .word, let k = v.key(t) {
            if CountWords.stop.contains(k) || NumberWords.table[k] != nil { break }
            if CountWords.irregularPlurals.contains(k) || isPlural(k) { return k.string }
            if k.hasSuffix("ly") || k.hasSuffix("ed") || k.hasSuffix("ing") { break }
            if firstWord == nil { firstWord = k }
            t += 1
        }
        // "one person": a singular amount counts the singular noun after it.
        if singular, let w = firstWord, t > t0, v.kind(t0) == .word, !v.isCapitalized(t0) { return w.string }
        return nil
    }

    func isPlural(_ k: WordKey) -> Bool {
        guard k.count >= 3, k.hasSuffix("s"), !k.hasSuffix("ss"), !k.hasSuffix("us"), !k.hasSuffix("is"),
            !CountWords.notPlural.contains(k)
        else { return false }
        for p in 0..<Int(k.count) where k.byte(p) == UInt8(ascii: ".") || k.byte(p) == UInt8(ascii: "'") {
            return false
        }
        return true
    }
}
