import AssayCore

/// One row of a result: an annotation (with the fields of the annotations it was found inside),
/// a document, or a computed row such as a count.
public struct Record: Sendable {
    /// The document the row belongs to (nil for computed rows).
    public var document: AnalyzedDocument?
    /// Where the row is in its document (nil for computed rows).
    public var span: Span?
    /// Fields in display order.
    public var fields: [(key: String, value: Value)]

    public init(document: AnalyzedDocument?, span: Span?, fields: [(String, Value)]) {
        self.document = document
        self.span = span
        self.fields = fields.map { (key: $0.0, value: $0.1) }
    }

    /// A row for an annotation; `parent` is the row it was found inside, whose fields are kept
    /// under its extractor's name (`quotes.speaker`), so later stages can still filter on them.
    init(annotation a: Annotation, in document: AnalyzedDocument, parent: Record? = nil) {
        var f = [(String, Value)]()
        f.reserveCapacity(6 + a.fields.count)
        f.append(("doc", .string(document.id)))
        f.append(contentsOf: a.contractFields(in: document))
        if let parent, case .string(let parentExtractor)? = parent.value(of: "extractor") {
            for (k, v) in parent.fields where k != "doc" && k != "extractor" {
                f.append((k.contains(".") ? k : "\(parentExtractor).\(k)", v))
            }
        }
        self.init(document: document, span: a.span, fields: f)
    }

    /// A row for a whole document: its size, where it was read from, then its fields as
    /// `doc.NAME` columns (the names every pipeline reads them by).
    init(document: AnalyzedDocument) {
        self.init(
            document: document, span: document.fullSpan,
            fields: [
                ("doc", .string(document.id)),
                ("chars", .int(document.scalarOffset(ofByte: document.utf8.count))),
                ("tokens", .int(document.tokens.count)),
                ("sentences", .int(document.sentences.count)),
                ("paragraphs", .int(document.paragraphs.count)),
                ("source", .string(document.document.source))
            ] + document.document.fields.map { (FieldReference.documentPrefix + $0.name, $0.value) })
    }

    /// A field's value: an exact name first, then the document's fields and date keys
    /// (``FieldReference``: `doc.outlet`, `month(doc.date)`), then a qualified field ending in
    /// `.name` (so `speaker` finds `quotes.speaker` after `quotes | sentiment`).
    public func value(of field: String) -> Value? {
        if let v = fields.first(where: { $0.key == field })?.value { return v }
        if let v = FieldReference.value(of: field, in: self) { return v }
        let suffix = "." + field
        return fields.first { $0.key.hasSuffix(suffix) }?.value
    }

    /// Identity for set operations: the same span of the same document from the same extractor.
    var identity: String {
        guard let document, let span else {
            return fields.map { "\($0.key)=\($0.value.text)" }.joined(separator: "\u{1}")
        }
        return "\(document.id)\u{1}\(span.start)\u{1}\(span.end)\u{1}\(value(of: "extractor")?.text ?? "")"
    }
}

/// The rows a command produced, with their column names in first-seen order.
public struct ResultSet: Sendable {
    public var records: [Record]
    /// Set when a long run was interrupted and this holds only part of the result.
    public var partial = false
    /// The pipeline that made it (set by the session; nil for listings).
    public var origin: ResultOrigin?
    /// The columns of the pipeline's last `select`, when no stage after it reshaped the rows
    /// (KWIC lines show them instead of the document id).
    public var selectedColumns: [String]?

    public init(records: [Record], partial: Bool = false) {
        self.records = records
        self.partial = partial
    }

    public var columns: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for r in records {
            for (k, _) in r.fields where seen.insert(k).inserted { out.append(k) }
        }
        return out
    }
}
