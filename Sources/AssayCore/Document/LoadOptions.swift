/// Choices about how files are read, given with `load` (`load FILE.csv text=COLUMN`) or on the
/// command line (`--text-column`, `--max-document-mb`).
public struct LoadOptions: Sendable, Hashable {
    /// The largest document accepted by default: 64 MiB of text.
    public static let defaultMaximumDocumentBytes = 64 << 20

    /// The CSV/TSV column holding each row's text; nil for the first of `text`, `body`,
    /// `content`.
    public var textColumn: String?

    /// Documents (a file, a JSON Lines line, a decompressed page) larger than this many bytes
    /// are refused with `E306` and loading goes on, so that one huge input cannot take the
    /// machine's memory (analysis needs a few times a document's size).
    public var maximumDocumentBytes: Int

    public init(textColumn: String? = nil, maximumDocumentBytes: Int = LoadOptions.defaultMaximumDocumentBytes) {
        self.textColumn = textColumn
        self.maximumDocumentBytes = maximumDocumentBytes
    }

    /// A size for messages: whole MiB when it is at least one, else bytes.
    static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
