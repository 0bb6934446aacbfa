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
        guard FileManager.default.fileExists(atPath: path) else {
            throw AssayError(.fileNotFound, "no such file: \(path)")
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw AssayError(.unreadable, "cannot read \(path): \(error.localizedDescription)")
        }
        var out: [RatedSentence] = []
        for (n, line) in text.split(whereSeparator: \.isNewline).enumerated() where !line.allSatisfy(\.isWhitespace) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let sentence = object["text"] as? String,
                  let score = (object["score"] as? NSNumber)?.doubleValue else {
                throw AssayError(.invalidJSONLine, "\(path):\(n + 1): expected an object with \"text\" and a numeric \"score\"")
            }
            let label = (object["label"] as? String).flatMap(SentimentLabel.fromData)
                ?? SentimentLabel.of(score, negative: -humanThreshold, positive: humanThreshold)
            let id = (object["id"] as? String) ?? "\(n + 1)"
            out.append(RatedSentence(id: id, text: sentence, score: score, label: label,
                                     document: (object["doc"] as? String) ?? id))
        }
        guard !out.isEmpty else { throw AssayError(.invalidArgument, "\(path) holds no rated sentences") }
        return out
    }

    /// The data's own label definition: a mean rating of ±0.5 on the -4..+4 scale, i.e.
    /// ±0.125 once scaled to [-1, 1].
    static let humanThreshold = 0.125
}
