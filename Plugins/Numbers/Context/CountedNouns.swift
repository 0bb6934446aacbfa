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
                case let b = TextBytes.asciiLowercased(v.firstByte(t0 + 1)),
                b == UInt8(ascii: "c") || b == UInt8(ascii: "f")
            else { return "°" }
            return b == UInt8(ascii: "c") ? "°C" : "°F"
        }
        var firstWord: Int?
        while t < v.upper, t < t0 + 3, v.kind(t) == .word, v.isVocabularyWord(t) {
            let classes = v.classes(t)
            if classes & NumberScanner.stopBits != 0 || v.numberWord(t) != nil { break }
            if classes & NumberScanner.irregularPluralBit != 0 || isPlural(t, classes: classes) {
                return v.vocabularyText(t)
            }
            if v.hasSuffix(t, "ly") || v.hasSuffix(t, "ed") || v.hasSuffix(t, "ing") { break }
            if firstWord == nil { firstWord = t }
            t += 1
        }
        // "one person": a singular amount counts the singular noun after it.
        if singular, let w = firstWord, t > t0, v.kind(t0) == .word, !v.isCapitalized(t0) {
            return v.vocabularyText(w)
        }
        return nil
    }

    private static let stopBits = WordClasses<NumberWordClass>.bit(.countStop)
    private static let irregularPluralBit = WordClasses<NumberWordClass>.bit(.irregularPlural)

    /// Whether the vocabulary word at token `t` (see ``TokenView/isVocabularyWord(_:)``) is a
    /// plural noun: `countries`, `people`; not `news`, `bus`, `says`, `U.S.` or `Reuters'`.
    func isPlural(_ t: Int) -> Bool {
        let v = view
        return v.isIn(.irregularPlural, t) || isPlural(t, classes: v.classes(t))
    }

    /// Whether token `t` ends in a plural `s`, given the classes listing it.
    private func isPlural(_ t: Int, classes: UInt64) -> Bool {
        let v = view
        guard v.length(t) >= 3, v.hasSuffix(t, "s"), !v.hasSuffix(t, "ss"), !v.hasSuffix(t, "us"),
            !v.hasSuffix(t, "is"), classes & WordClasses<NumberWordClass>.bit(.notPlural) == 0
        else { return false }
        for p in v.start(t)..<v.end(t) where v.bytes[p] == UInt8(ascii: ".") || v.bytes[p] == UInt8(ascii: "'") {
            return false
        }
        return true
    }
}
