import AssayCore
import Foundation

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

extension SentimentModelFile {
    /// Reads a model file with the core's JSON parser. `JSONDecoder` took most of the model's
    /// load time at every process start on its thousands of word weights; the small `report`
    /// still goes through `Codable`.
    init(json bytes: [UInt8], name: String) throws {
        func failure(_ what: String) -> AssayError { AssayError(.modelUnavailable, "\(name): \(what)") }
        guard let root = JSONValue(parsing: bytes) else { throw failure("not JSON") }
        func member(_ object: JSONValue, _ key: String) throws -> JSONValue {
            guard let value = object.member(key) else { throw failure("no '\(key)'") }
            return value
        }
        func number(_ value: JSONValue, _ key: String) throws -> Double {
            guard let n = value.number else { throw failure("'\(key)' holds something other than a number") }
            return n
        }
        func integer(_ value: JSONValue, _ key: String) throws -> Int {
            guard case .int(let n) = value else { throw failure("'\(key)' is not a whole number") }
            return n
        }
        func list<T>(_ value: JSONValue, _ key: String, _ element: (JSONValue) throws -> T) throws -> [T] {
            guard let items = value.elements else { throw failure("'\(key)' is not a list") }
            return try items.map(element)
        }
        func numbers(_ value: JSONValue, _ key: String) throws -> [Double] {
            try list(value, key) { try number($0, key) }
        }
        func strings(_ value: JSONValue, _ key: String) throws -> [String] {
            try list(value, key) {
                guard let s = $0.string else { throw failure("'\(key)' holds something other than text") }
                return s
            }
        }
        func table<T>(_ value: JSONValue, _ key: String, _ element: (JSONValue) throws -> T) throws -> [String: T] {
            guard let pairs = value.members else { throw failure("'\(key)' is not an object") }
            var out: [String: T] = [:]
            out.reserveCapacity(pairs.count)
            for (k, v) in pairs { out[k] = try element(v) }
            return out
        }
        let c = try member(root, "classifier")
        let t = try member(root, "thresholds")
        self.init(
            format: try integer(member(root, "format"), "format"),
            features: try strings(member(root, "features"), "features"),
            means: try numbers(member(root, "means"), "means"),
            scales: try numbers(member(root, "scales"), "scales"),
            weights: try numbers(member(root, "weights"), "weights"),
            intercept: try number(member(root, "intercept"), "intercept"),
            ngrams: try table(member(root, "ngrams"), "ngrams") { try number($0, "ngrams") },
            lambda: try number(member(root, "lambda"), "lambda"),
            minimumDocumentFrequency: try integer(
                member(root, "minimumDocumentFrequency"), "minimumDocumentFrequency"),
            thresholds: Thresholds(
                negative: try number(member(t, "negative"), "negative"),
                positive: try number(member(t, "positive"), "positive")),
            classifier: Classifier(
                labels: try strings(member(c, "labels"), "labels"),
                intercepts: try numbers(member(c, "intercepts"), "intercepts"),
                dense: try list(member(c, "dense"), "dense") { try numbers($0, "dense") },
                ngrams: try table(member(c, "ngrams"), "classifier ngrams") { try numbers($0, "classifier ngrams") },
                lambda: try number(member(c, "lambda"), "lambda")),
            report: try root.member("report").flatMap { report -> Report? in
                if case .null = report { return nil }
                return try JSONDecoder().decode(Report.self, from: Data(report.jsonText.utf8))
            })
    }
}
