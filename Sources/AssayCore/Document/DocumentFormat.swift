/// The kinds of file the loader reads, told apart by the file name's ending (case-insensitive).
/// A new kind of input adds a case here and its reader in ``DocumentLoader``.
public enum DocumentFormat: Sendable, Equatable {
    /// `.jsonl`, `.ndjson`: one `{"id", "text", ...fields}` document per line.
    case jsonLines
    /// Anything else: one document per file.
    case plainText

    public init(path: String) {
        let name = path.lowercased()
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") {
            self = .jsonLines
        } else {
            self = .plainText
        }
    }
}
