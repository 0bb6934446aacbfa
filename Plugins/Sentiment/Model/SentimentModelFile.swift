/// The fitted model as stored in `Resources/sentiment_model.json`, written by
/// `assay train sentiment` and read once at first use.
struct SentimentModelFile: Codable, Sendable {
    /// Scores at or above `positive` are labelled positive, at or below `negative` negative.
    struct Thresholds: Codable, Sendable {
        var negative: Double
        var positive: Double
    }

    /// Correlations and label quality of one scorer on one set of sentences.
    struct Figures: Codable, Sendable {
        var pearson: Double
        var spearman: Double
        var accuracy: Double
        var macroF1: Double
    }

    /// How the model was fitted, so the file documents itself.
    struct Report: Codable, Sendable {
        var data: String
        var sentences: Int
        var documents: Int
        var folds: Int
        /// Regularisation strengths tried for the n-gram weights.
        var lambdaGrid: [Double]
        /// Nested cross-validation (folds by document): the model's held-out figures.
        var crossValidated: Figures
        /// The VADER baseline on the same sentences.
        var vader: Figures
        /// The final model on its own training data (optimistic; for comparison only).
        var trainingSet: Figures
    }

    var format = 1
    /// Names of the dense features, in order (``SentimentFeatures/names``).
    var features: [String]
    var means: [Double]
    var scales: [Double]
    var weights: [Double]
    var intercept: Double
    /// Fitted weights of words and expressions (lowercased, tokens joined by spaces).
    var ngrams: [String: Double]
    var lambda: Double
    var minimumDocumentFrequency: Int
    var thresholds: Thresholds
    var report: Report?
}
