import AssayCore
import FuzzSupport

/// Fuzzes the JSON Lines parser: any bytes give a document or one `AssayError`, never a trap, a
/// hang or a stack overflow; a document's targets lie inside its text.
func fuzzJSONLines(_ bytes: UnsafeBufferPointer<UInt8>) {
    let line = Array(bytes)
    do {
        guard let document = try JSONLinesParser(source: "fuzz").document(from: line, lineNumber: 1) else { return }
        let count = document.text.unicodeScalars.count
        for t in document.targets {
            precondition(0 <= t.start && t.start < t.end && t.end <= count, "target outside the text")
        }
        _ = AnalyzedDocument(document).targetSpans
    } catch is AssayError {
    } catch {
        preconditionFailure("not an AssayError: \(error)")
    }
}

@main struct Main {
    static func main() { FuzzDriver.run(fuzzJSONLines) }
}
