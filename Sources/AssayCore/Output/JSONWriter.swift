/// Writes JSON with keys in the order given: the batch contract's field order is part of what
/// users read, and Foundation's encoders do not keep it.
///
/// The output is UTF-8 bytes appended to one buffer, without `String` appends: the batch output
/// is several times the size of its input (every annotation repeats its text).
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// The output written so far, as text.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func raw(_ s: String) {
        // Through the contiguous UTF-8 buffer: appending the UTF8View itself goes byte by byte
        // (100M instructions, as many as the escaping, for the news corpus's output).
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { appendEscaped($0) }
    }

    /// A JSON string of UTF-8 text that is already valid (a document's bytes, say).
    public mutating func string(utf8 text: UnsafeBufferPointer<UInt8>) { appendEscaped(text) }

    public mutating func value(_ v: Value) {
        switch v {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .int(let i): raw(String(i))
        case .double(let d): raw(d.isFinite ? Value.format(d) : "null")
        case .string(let s): string(s)
        case .list(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { raw(", ") }
                value(item)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }

    /// An object from ordered key-value pairs.
    public mutating func object(_ pairs: [(String, Value)]) {
        bytes.append(UInt8(ascii: "{"))
        for (i, (k, v)) in pairs.enumerated() {
            if i > 0 { raw(", ") }
            field(k, v)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// `"key": value`, without a separator.
    mutating func field(_ key: String, _ v: Value) {
        string(key)
        raw(": ")
        value(v)
    }

    /// Copies runs of bytes that need no escape in one go; quote, backslash and control
    /// characters are escaped. Bytes of multi-byte characters are all >= 0x80 and pass as they are.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for (i, b) in text.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            runStart = i + 1
            switch b {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            }
        }
        if runStart < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// One document of `assay extract` output: `{"id": ..., "annotations": [...], "fields": {...}}`
    /// without a line break; `fields` (the document's ``Document/fields``) is left out when there
    /// are none, so a plain `{"id", "text"}` input gives the original contract's line. Each annotation carries `extractor`, `start`, `end` (Unicode scalar offsets),
    /// `text` (unless ``Annotation/coversDocument``), then the extractor's fields in order.
    public mutating func contractLine(_ document: AnalyzedDocument, _ annotations: [Annotation]) {
        raw("{\"id\": ")
        string(document.id)
        raw(", \"annotations\": [")
        document.utf8.withUnsafeBufferPointer { text in
            for (i, a) in annotations.enumerated() {
                if i > 0 { raw(", ") }
                raw("{\"extractor\": ")
                string(a.extractor)
                raw(", \"start\": ")
                raw(String(document.scalarOffset(ofByte: a.span.start)))
                raw(", \"end\": ")
                raw(String(document.scalarOffset(ofByte: a.span.end)))
                if !a.coversDocument {
                    raw(", \"text\": ")
                    appendEscaped(UnsafeBufferPointer(rebasing: text[a.span.start..<a.span.end]))
                }
                for (k, v) in a.fields {
                    raw(", ")
                    field(k, v)
                }
                bytes.append(UInt8(ascii: "}"))
            }
        }
        bytes.append(UInt8(ascii: "]"))
        if !document.document.fields.isEmpty {
            raw(", \"fields\": ")
            object(document.document.fields.pairs)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}

extension Annotation {
    /// Whether the annotation is about its whole document (`scope` is `document`): the batch
    /// output gives it no `text`, which would repeat the document.
    public var coversDocument: Bool { self["scope"] == .string("document") }

    /// The annotation's fields as a result row shows them: `extractor`, `start`, `end` (Unicode
    /// scalar offsets), `text`, then the extractor's own fields in order.
    public func contractFields(in document: AnalyzedDocument) -> [(String, Value)] {
        var pairs: [(String, Value)] = [
            ("extractor", .string(extractor)),
            ("start", .int(document.scalarOffset(ofByte: span.start))),
            ("end", .int(document.scalarOffset(ofByte: span.end))),
            ("text", .string(document.text(of: span)))
        ]
        for (k, v) in fields { pairs.append((k, v)) }
        return pairs
    }
}

extension AnalyzedDocument {
    /// One line of `assay extract` output: `{"id": ..., "annotations": [...], "fields": {...}}`,
    /// where `fields` (the document's ``Document/fields``) is left out when there are none, so
    /// a plain `{"id", "text"}` input gives the original contract's line.
    public func contractJSONLine(_ annotations: [Annotation]) -> String {
        var w = JSONWriter()
        w.contractLine(self, annotations)
        return w.output
    }
}
