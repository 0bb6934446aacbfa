/// Words that qualify an amount (`more than 20`, `nearly`, `up to`) and words that join the two
/// ends of a range (`between 10 and 20`, `from 10 to 20`).
enum ModifierWords {
    /// Approximation modifiers, as phrases written before the amount. Kept as an attribute of the
    /// number (`approximate: "more than"`), never folded into its span or value.
    static let phrases: [String] = [
        "more than", "over", "nearly", "about", "approximately", "at least", "up to", "fewer than", "less than",
        "almost", "around", "roughly", "some", "just over", "just under", "under", "at most", "close to",
        "as many as", "as much as", "as few as", "as little as", "upwards of", "in excess of", "an estimated",
        "estimated", "above", "below", "no more than", "no less than", "no fewer than", "not more than",
        "well over", "well under", "well above", "well below", "a little over", "a little more than",
        "slightly more than", "slightly less than", "slightly over", "slightly under", "just below", "just above",
        "just about", "circa", "an average of", "a maximum of", "a minimum of", "as high as", "as low as",
        "north of", "shy of", "just shy of", "short of", "just short of", "almost exactly", "exactly"
    ]

    /// Phrases indexed by their last word, for matching backwards from the amount.
    static let byLastWord: [WordKey: [[WordKey]]] = {
        var t: [WordKey: [[WordKey]]] = [:]
        for p in phrases {
            let words = p.split(separator: " ").map { WordKey(String($0)) }
            t[words.last!, default: []].append(words)
        }
        // Longest phrases first, so `just over` wins over `over`.
        for (k, v) in t { t[k] = v.sorted { $0.count > $1.count } }
        return t
    }()

    static let between = WordKey("between")
    static let from = WordKey("from")
    static let and = WordKey("and")
    static let to = WordKey("to")
    static let through = WordKey("through")
    static let or = WordKey("or")
}
