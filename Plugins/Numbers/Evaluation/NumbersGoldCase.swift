import AssayCore
import Foundation

/// One annotated case of the numbers evaluation format (see the data README): a text, its gold
/// spans (Unicode scalar offsets) and the kinds it is annotated for.
struct NumbersGoldCase {
    struct GoldSpan {
        var start: Int
        var end: Int
        var kind: String
        var value: Double?
        var unit: String?
        /// `false` for spans without a numeric value (`last`, a bare `%`): neither found nor missed.
        var core: Bool
    }

    var id: String
    var text: String
    var spans: [GoldSpan]
    var scope: Set<String>

    /// Parses a JSON Lines file; `name` is used in error messages.
    static func load(jsonLines data: Data, name: String) throws -> [NumbersGoldCase] {
        load(records: try AnnotatedRecords.parse(data, name: name))
    }

    /// The cases of annotated records (`spans` and `scope` fields).
    static func load(records: [AnnotatedRecord]) -> [NumbersGoldCase] {
        records.map { record in
            let object = record.object
            let spans = (object["spans"] as? [[String: Any]] ?? []).compactMap { s -> GoldSpan? in
                guard let start = (s["start"] as? NSNumber)?.intValue, let end = (s["end"] as? NSNumber)?.intValue,
                    let kind = s["kind"] as? String
                else { return nil }
                return GoldSpan(
                    start: start, end: end, kind: kind, value: (s["value"] as? NSNumber)?.doubleValue,
                    unit: s["unit"] as? String, core: (s["core"] as? Bool) ?? true)
            }
            let scope = Set(object["scope"] as? [String] ?? spans.map(\.kind))
            return NumbersGoldCase(id: record.id, text: record.text, spans: spans, scope: scope)
        }
    }
}
