import AssayCore
import Foundation

/// Human-rated sentences in the data's JSON Lines format:
/// `{"id", "text", "score", "label", "doc"}` (score in [-1, 1]; label pos/neg/neu).
struct RatedSentence: Sendable {
    var id: String
    var text: String
    var score: Double
    /// Our label name (positive/negative/neutral).
    var label: String
    /// The document the sentence comes from: cross-validation folds never split a document.
    var document: String

    static func load(_ path: String) throws -> [RatedSentence] {
        try AnnotatedRecords.read(path).map { record in
            let object = record.object
            guard let score = (object["score"] as? NSNumber)?.doubleValue else {
                throw AssayError(.invalidJSONLine, "\(path):\(record.line): expected a numeric \"score\"")
            }
            let label =
                (object["label"] as? String).flatMap(SentimentLabel.fromData)
                ?? SentimentLabel.of(score, negative: -humanThreshold, positive: humanThreshold)
            return RatedSentence(
                id: record.id, text: record.text, score: score, label: label,
                document: (object["doc"] as? String) ?? record.id)
        }
    }

    /// The data's own label definition: a mean rating of ±0.5 on the -4..+4 scale, i.e.
    /// ±0.125 once scaled to [-1, 1].
    static let humanThreshold = 0.125
}
