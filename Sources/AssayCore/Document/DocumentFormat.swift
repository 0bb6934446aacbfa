/// The kinds of file the loader reads, told apart by the file name's ending (case-insensitive).
/// A new kind of input adds a case here and its reader in ``DocumentLoader``.
public enum DocumentFormat: Sendable, Equatable {
    /// `.jsonl`, `.ndjson`: one `{"id", "text", ...fields}` document per line.
    case jsonLines
    /// `.html`, `.htm`, `.xhtml`, and the same gzipped (`.html.gz`): a web page, read as its
    /// article's text with the page's title, date, author, site, URL and language as fields.
    case webPage
    /// `.csv`: comma-separated values with a header row, one document per row (``TableDocuments``).
    case csv
    /// `.tsv`, `.tab`: the same, separated by tabs.
    case tsv
    /// Anything else: one document per file.
    case plainText

    public init(path: String) {
        let name = path.lowercased()
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") {
            self = .jsonLines
        } else if name.hasSuffix(".csv") {
            self = .csv
        } else if name.hasSuffix(".tsv") || name.hasSuffix(".tab") {
            self = .tsv
        } else if [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"].contains(where: { name.hasSuffix($0) }) {
            self = .webPage
        } else {
            self = .plainText
        }
    }
}
