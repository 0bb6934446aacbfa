/// The dense features the linear model reads from a ``RuleAnalysis``, besides the n-gram
/// weights. Their names are stored in the model file so a model and the code that reads it
/// cannot silently disagree.
enum SentimentFeatures {
    /// VADER's normalisation: maps a valence sum onto (-1, 1), about ±0.5 at a sum of ±2.2.
    static func squash(_ x: Float, alpha: Float = 15) -> Float { x / (x * x + alpha).squareRoot() }

    static let names = [
        "compound", "positive", "negative", "negated", "question", "exclamation", "contrast", "hits_per_word",
        "total_per_sqrt_word"
    ]

    static func values(_ a: RuleAnalysis) -> [Float] {
        let words = Float(max(1, a.wordCount))
        return [
            squash(a.total),
            squash(a.positiveSum),
            squash(a.negativeSum),
            a.negations > 0 ? 1 : 0,
            a.questions > 0 ? 1 : 0,
            a.exclamations > 0 ? 1 : 0,
            a.hasContrast ? 1 : 0,
            Float(a.hits.count) / words,
            a.total / words.squareRoot()
        ]
    }
}
