/// What the sentiment model knows about one word or multi-word expression.
///
/// One lexicon lookup per token gives everything the rules need, so scoring a sentence costs one
/// hash lookup per token. Numbers only, so that a lookup copies no reference; the n-gram key of
/// an entry is the text it matched, lowercased (see ``RuleEngine``).
struct WordEntry: Sendable {
    /// How a word changes the words around it.
    enum Role: UInt8, Sendable {
        case none
        /// Flips the next sentiment word(s) in its clause: "not stable", "no progress".
        case negator
        /// Scales the next sentiment word by ``WordEntry/factor``: "deeply" (> 1), "slightly" (< 1).
        case modifier
        /// "but", "however", "yet": what follows outweighs what came before.
        case contrast
        /// "despite", "although": the clause it opens is outweighed by the rest of the sentence.
        case concession
        /// Turns the next negative word into good news: "reduce poverty", "prevent attacks".
        case reducer
        /// Turns the next positive word into bad news: "undermine confidence", "lost support".
        case underminer
    }

    /// Valence on VADER's scale (-4 ... +4); 0 for words that carry none.
    var valence: Float = 0
    var role: Role = .none
    /// The scaling a modifier applies.
    var factor: Float = 1
    /// The fitted weight of this word's n-gram feature (0 when the model has none).
    var weight: Float = 0
    /// The classifier's weights of this word for negative, neutral and positive (zero when
    /// none). Three plain floats rather than a SIMD3, whose 16-byte alignment would make every
    /// lexicon entry a third larger and the per-token lookups slower.
    var negativeWeight: Float = 0, neutralWeight: Float = 0, positiveWeight: Float = 0
    /// Whether the valence came from a lexicon (VADER or the news list), for explanations.
    var hasValence: Bool { valence != 0 }
}
