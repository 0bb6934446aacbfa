/// Choices about how files are read, given with `load` (`load FILE.csv text=COLUMN`) or on the
/// command line (`--text-column`).
public struct LoadOptions: Sendable, Hashable {
    /// The CSV/TSV column holding each row's text; nil for the first of `text`, `body`,
    /// `content`.
    public var textColumn: String?

    public init(textColumn: String? = nil) { self.textColumn = textColumn }
}
