/// The fitted model as stored in `Resources/sentiment_model.json`, written by
/// `assay train sentiment` and read once at first use.
struct SentimentModelFile: Codable, Sendable {
    /// Scores at or above `positive` are labelled positive, at or below `negative` negative
    /// (used for means of sentence scores; single units are labelled by the classifier).
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

    /// The 3-class label classifier (multinomial logistic regression over the same standardised
    /// dense features and word counts as the score): the label is its most probable class.
    struct Classifier: Codable, Sendable {
        /// Class names in the order of every weight triple.
        var labels: [String]
        var intercepts: [Double]
        /// `dense[c][j]`: weight of dense feature j for class c.
        var dense: [[Double]]
        /// One weight per class for each word or expression.
        var ngrams: [String: [Double]]
        var lambda: Double
    }

    /// How the model was fitted, so the file documents itself.
    struct Report: Codable, Sendable {
        var data: String
        var sentences: Int
        var documents: Int
        var folds: Int
        /// Regularisation strengths tried for the n-gram weights.
        var lambdaGrid: [Double]
        /// Nested cross-validation (folds by document): the model's held-out figures (labels
        /// from the classifier).
        var crossValidated: Figures
        /// The same held-out scores labelled by the two thresholds instead of the classifier.
        var crossValidatedThresholdLabels: Figures
        /// Regularisation strengths tried for the classifier's word weights.
        var classifierLambdaGrid: [Double]
        /// The VADER baseline on the same sentences.
        var vader: Figures
        /// The final model on its own training data (optimistic; for comparison only).
        var trainingSet: Figures
    }

    var format = 2
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
    /// Label thresholds on the score, for scores that are means (documents, entities).
    var thresholds: Thresholds
    var classifier: Classifier
    var report: Report?
}
