import AssayCore

/// The approximation phrase before an amount (`more than 20`, `nearly`, `up to`), kept as its
/// `approximate` field.
extension NumberScanner {
    /// The approximation phrase that ends just before token `t` (`more than`, `about`, `up to`).
    func modifier(before t: Int) -> String? {
        let v = view
        guard t - 1 >= v.lower, v.isIn(.modifierLastWord, t - 1) else { return nil }
        // Longest first, so `just over` wins over `over`: a phrase of n words must start n tokens back.
        for n in stride(from: min(ModifierWords.longestPhrase, t - v.lower), through: 1, by: -1) {
            if let (length, phrase) = ModifierWords.lexicon.match(in: v.document, at: t - n, limit: t), length == n {
                return phrase
            }
        }
        return nil
    }
}
