import AssayCore
import FuzzSupport

/// Fuzzes the JSON Lines parser: any bytes give a document or one `AssayError`, never a trap, a
/// hang or a stack overflow; a document's targets lie inside its text.
func fuzzJSONLines(_ bytes: UnsafeBufferPointer<UInt8>) {
    let line = Array(bytes)
    do {
        guard let document = try JSONLinesParser(source: "fuzz").document(from: line, lineNumber: 1) else { return }
        let count = document.text.unicodeScalars.count
        for t in document.targets { precondition(0 <= t.start && t.start < t.end && t.end <= count, "target outside the text") }
        _ = AnalyzedDocument(document).targetSpans
    } catch is AssayError {
    } catch {
        preconditionFailure("not an AssayError: \(error)")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzJSONLines(FuzzReplay.buffer(data, size))
    return 0
}
#else
@main struct Replay {
    static func main() { FuzzReplay.run(fuzzJSONLines) }
}
#endif
