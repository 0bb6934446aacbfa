import AssayCore

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

    /// The phrases, each its own payload, matched at a token: `modifier(before:)` tries each
    /// length from the longest down, so `just over` wins over `over`.
    static let lexicon = Lexicon(phrases.map { ($0, $0) })

    /// The most words a phrase has.
    static let longestPhrase = phrases.map { $0.split(separator: " ").count }.max() ?? 0

    /// The last words of the phrases, which a word before an amount must be for any phrase to end there.
    static let lastWords: [String] = Array(Set(phrases.map { String($0.split(separator: " ").last!) })).sorted()
}
