import AssayCore
import Foundation

/// Sentences with the tone toward some of their people and groups rated, in the data's JSON
/// Lines format (NewsMTSC's): `{"id", "text", "split", "targets": [{"start", "end",
/// "polarity"}, ...]}`, offsets in Unicode scalars, polarity `pos`/`neu`/`neg`.
struct RatedTargetSentence: Sendable {
    struct Target: Sendable {
        /// Unicode scalar offsets, as in the file.
        var start: Int
        var end: Int
        /// Our label name (positive/negative/neutral).
        var label: String
        /// Other mentions of the same target in the sentence (`corefs` in the file, found
        /// automatically and not rated), as Unicode scalar offsets.
        var corefs: [(start: Int, end: Int)] = []
    }

    var id: String
    var text: String
    /// The data's split name without its set prefix: `dev-rw` → `rw`, `train` stays `train`.
    var split: String
    var targets: [Target]

    static func load(_ path: String) throws -> [RatedTargetSentence] {
        try AnnotatedRecords.read(path).map { record in
            guard let items = record.object["targets"] as? [[String: Any]] else {
                throw AssayError(.invalidJSONLine, "\(path):\(record.line): expected a \"targets\" array of objects")
            }
            let targets = try items.enumerated().map { i, item -> Target in
                guard let start = (item["start"] as? NSNumber)?.intValue,
                    let end = (item["end"] as? NSNumber)?.intValue,
                    let label = (item["polarity"] as? String).flatMap(SentimentLabel.fromData)
                else {
                    throw AssayError(
                        .invalidJSONLine,
                        "\(path):\(record.line): targets[\(i)] needs integer \"start\", \"end\" and a \"polarity\" of pos, neu or neg"
                    )
                }
                let corefs = (item["corefs"] as? [[String: Any]] ?? []).compactMap { c -> (start: Int, end: Int)? in
                    guard let start = (c["start"] as? NSNumber)?.intValue, let end = (c["end"] as? NSNumber)?.intValue
                    else { return nil }
                    return (start, end)
                }
                return Target(start: start, end: end, label: label, corefs: corefs)
            }
            let split =
                (record.object["split"] as? String).map { $0.split(separator: "-").last.map(String.init) ?? $0 }
                ?? "all"
            return RatedTargetSentence(id: record.id, text: record.text, split: split, targets: targets)
        }
    }

    /// The sentence as a line of the batch contract's input: `{"id", "text", "targets"}`
    /// without the ratings, so that what is scored is exactly what a user's input would be.
    var contractLine: [UInt8] {
        var json = JSONWriter()
        json.raw("{\"id\": ")
        json.string(id)
        json.raw(", \"text\": ")
        json.string(text)
        json.raw(
            ", \"targets\": [" + targets.map { "{\"start\": \($0.start), \"end\": \($0.end)}" }.joined(separator: ", ")
                + "]}")
        return json.bytes
    }
}
