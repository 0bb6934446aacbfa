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

    /// Punctuation and keys known at compile time: their bytes are appended straight from the
    /// binary, with no String to look into (the batch output writes several per annotation).
    private mutating func literal(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// An integer's decimal digits, written without making a String (two per annotation).
    public mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // 20 digits hold any UInt64.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<20]))
        }
    }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { appendEscaped($0) }
    }

    /// A JSON string of UTF-8 text that is already valid (a document's bytes, say).
    public mutating func string(utf8 text: UnsafeBufferPointer<UInt8>) { appendEscaped(text) }

    public mutating func value(_ v: Value) {
        switch v {
        case .null: literal("null")
        case .bool(let b): b ? literal("true") : literal("false")
        case .int(let i): integer(i)
        case .double(let d): raw(d.isFinite ? Value.format(d) : "null")
        case .string(let s): string(s)
        case .list(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { literal(", ") }
                value(item)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }

    /// An object from ordered key-value pairs.
    public mutating func object(_ pairs: [(String, Value)]) {
        bytes.append(UInt8(ascii: "{"))
        for (i, (k, v)) in pairs.enumerated() {
            if i > 0 { literal(", ") }
            field(k, v)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// `"key": value`, without a separator.
    mutating func field(_ key: String, _ v: Value) {
        string(key)
        literal(": ")
        value(v)
    }

    /// Copies runs of bytes that need no escape in one go; quote, backslash and control
    /// characters are escaped. Bytes of multi-byte characters are all >= 0x80 and pass as they are.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        while i < text.count {
            let b = text[i]
            guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else {
                i += 1
                continue
            }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            i += 1
            runStart = i
            switch b {
            case UInt8(ascii: "\""): literal("\\\"")
            case UInt8(ascii: "\\"): literal("\\\\")
            case UInt8(ascii: "\n"): literal("\\n")
            case UInt8(ascii: "\r"): literal("\\r")
            case UInt8(ascii: "\t"): literal("\\t")
            default:
                let hex: StaticString = "0123456789abcdef"
                literal("\\u00")
                bytes.append(hex.utf8Start[Int(b >> 4)])
                bytes.append(hex.utf8Start[Int(b & 0xF)])
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
        // Room for the whole line at once: it is several times the document's size (each
        // annotation repeats its text), and growing by doubling would copy it again and again.
        var estimate = document.id.utf8.count + 64
        for a in annotations { estimate += 128 + a.span.length }
        bytes.reserveCapacity(bytes.count + estimate)
        literal("{\"id\": ")
        string(document.id)
        literal(", \"annotations\": [")
        document.utf8.withUnsafeBufferPointer { text in
            for (i, a) in annotations.enumerated() {
                if i > 0 { literal(", ") }
                literal("{\"extractor\": ")
                string(a.extractor)
                literal(", \"start\": ")
                integer(document.scalarOffset(ofByte: a.span.start))
                literal(", \"end\": ")
                integer(document.scalarOffset(ofByte: a.span.end))
                if !a.coversDocument {
                    literal(", \"text\": ")
                    appendEscaped(UnsafeBufferPointer(rebasing: text[a.span.start..<a.span.end]))
                }
                for (k, v) in a.fields {
                    literal(", ")
                    field(k, v)
                }
                bytes.append(UInt8(ascii: "}"))
            }
        }
        bytes.append(UInt8(ascii: "]"))
        if !document.document.fields.isEmpty {
            literal(", \"fields\": ")
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
