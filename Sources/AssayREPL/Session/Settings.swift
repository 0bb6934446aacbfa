/// The session's switches, set with `.`-commands.
public struct Settings: Sendable {
    public enum ColorChoice: String, Sendable { case on, off, auto }
    public var mode: OutputMode = .table
    public var headers = true
    public var echo = false
    /// Stop a script at the first error.
    public var bail = true
    public var timer = false
    public var color: ColorChoice = .auto
    public var width = 60
    /// What a missing or null value shows as in table, markdown, CSV and TSV output (`.nullvalue`;
    /// empty by default, as in sqlite3 and psql). JSON output keeps `null`.
    public var nullValue = ""
    public var context = 40
    public var contextInWords = false
    /// A bar column in `count by` and `stats` tables (on by default on a terminal).
    public var bars = false
    /// Open `view` and `chart` pages in the browser (on by default at the prompt).
    public var open = false
    /// Corpus-level names on entities, quotes and entity-sentiment rows (`.link corpus`), or
    /// the document's own only (`.link document`).
    public var linkCorpus = true

    public init() {}

    /// `.show`
    var summary: String {
        """
        mode     \(mode.rawValue)
        headers  \(headers ? "on" : "off")
        echo     \(echo ? "on" : "off")
        bail     \(bail ? "on" : "off")
        timer    \(timer ? "on" : "off")
        color    \(color.rawValue)
        width    \(width)
        null     \(nullValue.isEmpty ? "(empty)" : "\"\(nullValue)\"")
        context  \(context) \(contextInWords ? "words" : "chars")
        bars     \(bars ? "on" : "off")
        open     \(open ? "on" : "off")
        link     \(linkCorpus ? "corpus" : "document")

        """
    }
}
