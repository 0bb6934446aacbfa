/// Writes JSON with keys in the order given: the batch contract's field order is part of what
/// users read, and Foundation's encoders do not keep it.
///
/// The output is UTF-8 bytes appended to one buffer, without `String` appends: the batch output
/// is several times the size of its input (every annotation repeats its text). Each call writes
/// through a ``JSONByteSink`` and appends what it wrote to ``bytes`` once.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// The output written so far, as text.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Writes through a sink with room for about `capacity` bytes, then appends them to ``bytes``.
    private mutating func write(capacity: Int, _ body: (inout JSONByteSink) -> Void) {
        if capacity <= Self.stackCapacity { writeSmall(body) } else { writeOnHeap(capacity: capacity, body) }
    }

    /// Writes through a sink with room for `capacity` bytes on the heap. When nothing is written
    /// yet (a batch line), the sink writes into the storage of ``bytes`` itself: appending what it
    /// wrote would copy the whole output once more.
    private mutating func writeOnHeap(capacity: Int, _ body: (inout JSONByteSink) -> Void) {
        guard bytes.isEmpty else {
            var sink = JSONByteSink(capacity: capacity)
            body(&sink)
            sink.append(to: &bytes)
            return
        }
        // Should the text outgrow `capacity`, the sink moves to memory of its own, and its bytes
        // are copied once at the end.
        var outgrown: [UInt8] = []
        bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            var sink = JSONByteSink(borrowing: buffer)
            body(&sink)
            if sink.isBorrowed {
                initialized = sink.count
            } else {
                sink.append(to: &outgrown)
                initialized = 0
            }
        }
        if !outgrown.isEmpty { bytes = outgrown }
    }

    /// Writes a small piece (a number, a key, a short value or object) through a sink on the
    /// stack, then appends it to ``bytes``: memory from the heap would cost more than its few
    /// bytes. (The sink moves to the heap if the piece turns out larger.)
    private mutating func writeSmall(_ body: (inout JSONByteSink) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.stackCapacity) { buffer in
            var sink = JSONByteSink(borrowing: buffer)
            body(&sink)
            sink.append(to: &bytes)
        }
    }

    private static let stackCapacity = 256

    public mutating func raw(_ s: String) {
        // Through the contiguous UTF-8 buffer: appending the UTF8View itself goes byte by byte.
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// An integer's decimal digits, written without making a String.
    public mutating func integer(_ value: Int) { writeSmall { $0.integer(value) } }

    public mutating func string(_ s: String) { write(capacity: s.utf8.count + 2) { $0.string(s) } }

    /// A JSON string of UTF-8 text that is already valid (a document's bytes, say).
    public mutating func string(utf8 text: UnsafeBufferPointer<UInt8>) {
        write(capacity: text.count + 2) { $0.string(utf8: text) }
    }

    public mutating func value(_ v: Value) { writeSmall { $0.value(v) } }

    /// An object from ordered key-value pairs.
    public mutating func object(_ pairs: [(String, Value)]) { writeSmall { Self.object(pairs, into: &$0) } }

    private static func object(_ pairs: [(String, Value)], into sink: inout JSONByteSink) {
        sink.byte(UInt8(ascii: "{"))
        for (i, (k, v)) in pairs.enumerated() {
            if i > 0 { sink.literal(", ") }
            sink.string(k)
            sink.literal(": ")
            sink.value(v)
        }
        sink.byte(UInt8(ascii: "}"))
    }

    /// One document of `assay extract` output: `{"id": ..., "annotations": [...], "fields": {...}}`
    /// without a line break; `fields` (the document's ``Document/fields``) is left out when there
    /// are none, so a plain `{"id", "text"}` input gives the original contract's line. Each
    /// annotation carries `extractor`, `start`, `end` (Unicode scalar offsets), `text` (unless
    /// ``Annotation/coversDocument``), then the extractor's fields in order.
    public mutating func contractLine(_ document: AnalyzedDocument, _ annotations: [Annotation]) {
        // Room for the whole line at once: it is several times the document's size (each
        // annotation repeats its text), and growing by doubling would copy it again and again.
        // (The room left over takes a line break, as `assay extract` adds, without a copy.)
        var estimate = document.id.utf8.count + 64
        for a in annotations { estimate += 128 + a.span.length }
        writeOnHeap(capacity: estimate) { sink in
            sink.literal("{\"id\": ")
            sink.string(document.id)
            sink.literal(", \"annotations\": [")
            document.utf8.withUnsafeBufferPointer { text in
                // Each annotation and field read in place through a buffer: through the arrays
                // (or bound to loop variables) they are copied, a retain and release for every
                // string and value.
                annotations.withUnsafeBufferPointer { annotations in
                    for i in annotations.indices {
                        if i > 0 { sink.literal(", ") }
                        sink.literal("{\"extractor\": ")
                        sink.string(annotations[i].extractor)
                        let span = annotations[i].span
                        sink.literal(", \"start\": ")
                        sink.integer(document.scalarOffset(ofByte: span.start))
                        sink.literal(", \"end\": ")
                        sink.integer(document.scalarOffset(ofByte: span.end))
                        annotations[i].fields.withUnsafeBufferPointer { fields in
                            if !Annotation.coverDocument(fields) {
                                sink.literal(", \"text\": ")
                                sink.string(utf8: UnsafeBufferPointer(rebasing: text[span.start..<span.end]))
                            }
                            for f in fields.indices {
                                sink.literal(", ")
                                sink.string(fields[f].key)
                                sink.literal(": ")
                                sink.value(fields[f].value)
                            }
                        }
                        sink.byte(UInt8(ascii: "}"))
                    }
                }
            }
            sink.byte(UInt8(ascii: "]"))
            if !document.document.fields.isEmpty {
                sink.literal(", \"fields\": ")
                Self.object(document.document.fields.pairs, into: &sink)
            }
            sink.byte(UInt8(ascii: "}"))
        }
    }
}

extension Annotation {
    /// Whether the annotation is about its whole document (`scope` is `document`): the batch
    /// output gives it no `text`, which would repeat the document.
    public var coversDocument: Bool { fields.withUnsafeBufferPointer { Annotation.coverDocument($0) } }

    /// Whether `fields` say their annotation is about its whole document: the first `scope`
    /// field decides, as the subscript reads it. Without making a `Value` to compare (this runs
    /// for every annotation written), and reading each field in place: a copy of it would cost
    /// a retain and release for each string.
    static func coverDocument(_ fields: UnsafeBufferPointer<(key: String, value: Value)>) -> Bool {
        for i in fields.indices where fields[i].key == "scope" {
            if case .string(let scope) = fields[i].value { return scope == "document" }
            return false
        }
        return false
    }

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
