/// One fact found in a document: a span, the extractor that found it, and its fields.
///
/// Fields keep the order the extractor gave them, so JSON and tables read the way the
/// extractor's author laid them out (`kind` before `value` before `unit`).
public struct Annotation: Sendable, Hashable {
    /// The name of the extractor that produced it (the `extractor` field of the batch output).
    public var extractor: String
    /// Where it is, in UTF-8 bytes of the document text.
    public var span: Span
    /// Extra fields in order. `extractor`, `start`, `end` and `text` are implied and never stored.
    public private(set) var fields: [(key: String, value: Value)]

    public init(extractor: String, span: Span, fields: KeyValuePairs<String, Value> = [:]) {
        self.extractor = extractor
        self.span = span
        self.fields = fields.map { ($0.key, $0.value) }
    }

    public init(extractor: String, span: Span, orderedFields: [(String, Value)]) {
        self.extractor = extractor
        self.span = span
        self.fields = orderedFields.map { (key: $0.0, value: $0.1) }
    }

    /// Fields already in the stored form, kept as they are: for extractors that make many
    /// annotations, which then copy no fields into a new array.
    public init(extractor: String, span: Span, labeledFields: [(key: String, value: Value)]) {
        self.extractor = extractor
        self.span = span
        self.fields = labeledFields
    }

    /// Makes room for `count` more fields, so that adding that many copies the fields (shared
    /// with other copies of the annotation) and grows them once rather than once each.
    public mutating func reserveFields(_ count: Int) { fields.reserveCapacity(fields.count + count) }

    /// Reads or writes a field; writing `.null` keeps the key (the batch contract prints nulls).
    public subscript(key: String) -> Value? {
        get { fields.first { $0.key == key }?.value }
        set {
            if let i = fields.firstIndex(where: { $0.key == key }) {
                if let v = newValue { fields[i].value = v } else { fields.remove(at: i) }
            } else if let v = newValue {
                fields.append((key, v))
            }
        }
    }

    public static func == (a: Annotation, b: Annotation) -> Bool {
        a.extractor == b.extractor && a.span == b.span && a.fields.elementsEqual(b.fields) { $0 == $1 }
    }

    public func hash(into h: inout Hasher) {
        h.combine(extractor)
        h.combine(span)
        for (k, v) in fields {
            h.combine(k)
            h.combine(v)
        }
    }
}
