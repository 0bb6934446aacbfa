/// A text to analyse: an identifier, where it came from, and the text itself.
public struct Document: Sendable, Hashable, Identifiable {
    /// A stable name for the document: the file name without its folder for loaded files, the
    /// `id` field for JSON Lines input.
    public var id: String
    /// Where the document was read from (a path, `path:line` for JSON Lines, or `-` for stdin).
    public var source: String
    public var text: String
    /// Everything else known about the document, in the order it was read (see
    /// ``DocumentFields``): pipelines read these as `doc.NAME`, `assay extract` prints them.
    public var fields: DocumentFields
    /// Spans the input asks to be scored on their own (the batch contract's `targets`), in
    /// Unicode scalar offsets; empty for most documents.
    public var targets: [TargetSpan]

    public init(id: String, source: String = "", text: String, fields: DocumentFields = [:], targets: [TargetSpan] = [])
    {
        self.id = id
        self.source = source
        self.text = text
        self.fields = fields
        self.targets = targets
    }
}
