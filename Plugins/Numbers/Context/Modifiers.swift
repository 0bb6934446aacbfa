import AssayCore

/// The approximation phrase before an amount (`more than 20`, `nearly`, `up to`), kept as its
/// `approximate` field.
extension NumberScanner {
    /// The approximation phrase that ends just before token `t` (`more than`, `about`, `up to`).
    func modifier(before t: Int) -> String? {
        let v = view
        guard t - 1 >= v.lower, let last = v.key(t - 1), let phrases = ModifierWords.byLastWord[last] else {
            return nil
        }
        for words in phrases {
            let n = words.count
            guard t - n >= v.lower else { continue }
            var ok = true
            for (k, w) in words.enumerated() where v.key(t - n + k) != w {
                ok = false
                break
            }
            if ok { return words.map(\.string).joined(separator: " ") }
        }
        return nil
    }
}
