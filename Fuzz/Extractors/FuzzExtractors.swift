import AssayCore
import AssayEntities
import AssayNumbers
import AssayQuotes
import AssaySentiment
import FuzzSupport

/// Fuzzes every built-in extractor over an `AnalyzedDocument` of any text: no trap, and every
/// annotation lies inside the text, on scalar boundaries, start before end.
func fuzzExtractors(_ bytes: UnsafeBufferPointer<UInt8>) {
    let document = AnalyzedDocument(Document(id: "fuzz", text: String(decoding: bytes, as: UTF8.self)))
    let found: [String: [Annotation]]
    do { found = try FuzzPlan.shared.plan.run(document) } catch is AssayError { return } catch {
        preconditionFailure("not an AssayError: \(error)")
    }
    let utf8 = document.utf8
    for annotation in found.values.joined() {
        let s = annotation.span
        precondition(
            0 <= s.start && s.start <= s.end && s.end <= utf8.count,
            "\(annotation.extractor): span \(s.start)..<\(s.end) outside \(utf8.count) bytes")
        for edge in [s.start, s.end] where edge < utf8.count {
            precondition(utf8[edge] & 0xC0 != 0x80, "\(annotation.extractor): span edge \(edge) inside a character")
        }
    }
    _ = document.contractJSONLine(Array(found.values.joined()).sorted { $0.span < $1.span })
}

/// The plan of all four extractors, made once.
final class FuzzPlan: @unchecked Sendable {
    static let shared = FuzzPlan()
    let plan: ExtractionPlan
    init() {
        let registry = ExtractorRegistry()
        for plugin: any AssayPlugin.Type in [
            EntitiesPlugin.self, NumbersPlugin.self, QuotesPlugin.self, SentimentPlugin.self
        ] {
            try! plugin.register(into: registry)
        }
        plan = try! ExtractionPlan(["entities", "numbers", "quotes", "sentiment"].map { .init($0) }, registry: registry)
    }
}

@main struct Main {
    static func main() { FuzzDriver.run(fuzzExtractors) }
}
