import Foundation

/// One line of an annotated JSON Lines file (`{"id", "text", ...annotations}`), as the
/// evaluation and training tools read it.
public struct AnnotatedRecord {
    /// 1-based line number in the file, for error messages.
    public let line: Int
    public let text: String
    /// The line's `id`, or `line-N` when it has none.
    public let id: String
    /// The whole JSON object, for the tool's own annotation fields.
    public let object: [String: Any]
}

/// Reads annotated JSON Lines files. Every tool (`assay eval`, `assay train`) reads its data
/// here, so bad lines are reported the same way everywhere: `FILE:LINE: ...` with code E304.
public enum AnnotatedRecords {
    /// The records of the file at `path`; blank lines are skipped.
    /// - Throws: `E301` if the file cannot be read, `E304` for a line that is not a JSON object
    ///   with a string `text`, `E406` if the file holds no records.
    public static func read(_ path: String) throws -> [AnnotatedRecord] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw AssayError(.fileNotFound, "no such file: \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AssayError(.unreadable, "cannot read \(path)")
        }
        return try parse(data, name: path)
    }

    /// The records of JSON Lines `data`; `name` is used in error messages.
    public static func parse(_ data: Data, name: String) throws -> [AnnotatedRecord] {
        var records: [AnnotatedRecord] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let text = object["text"] as? String
            else {
                throw AssayError(.invalidJSONLine, "\(name):\(lineNumber): not a JSON object with a \"text\" string")
            }
            let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? "line-\(lineNumber)"
            records.append(AnnotatedRecord(line: lineNumber, text: text, id: id, object: object))
        }
        guard !records.isEmpty else { throw AssayError(.invalidArgument, "\(name) holds no records") }
        return records
    }
}
