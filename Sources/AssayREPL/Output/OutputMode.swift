/// How results are printed (`.mode NAME`).
public enum OutputMode: String, CaseIterable, Sendable {
    /// Aligned columns with a header: the terminal default.
    case table
    case csv, tsv, json, jsonl, markdown
    /// Keyword in context: left context, the match, right context, document id.
    case kwic

    /// The format a file's extension asks for, if any.
    public init?(fileExtension ext: String) {
        switch ext.lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "md", "markdown": self = .markdown
        case "txt": self = .table
        default: return nil
        }
    }
}
