/// Writes JSON with keys in the order given: the batch contract's field order is part of what
/// users read, and Foundation's encoders do not keep it.
public struct JSONWriter: Sendable {
    public private(set) var output = ""

    public init() {}

    public mutating func raw(_ s: String) { output += s }

    public mutating func string(_ s: String) { JSONWriter.appendEscaped(s, to: &output) }

    public mutating func value(_ v: Value) {
        switch v {
        case .null: output += "null"
        case .bool(let b): output += b ? "true" : "false"
        case .int(let i): output += String(i)
        case .double(let d): output += d.isFinite ? Value.format(d) : "null"
        case .string(let s): string(s)
        case .list(let items):
            output += "["
            for (i, item) in items.enumerated() {
                if i > 0 { output += ", " }
                value(item)
            }
            output += "]"
        }
    }

    /// An object from ordered key-value pairs.
    public mutating func object(_ pairs: [(String, Value)]) {
        output += "{"
        for (i, (k, v)) in pairs.enumerated() {
            if i > 0 { output += ", " }
            string(k)
            output += ": "
            value(v)
        }
        output += "}"
    }

    public static func appendEscaped(_ s: String, to out: inout String) {
        out += "\""
        var needsEscape = false
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C { needsEscape = true; break }
        if !needsEscape {
            out += s
        } else {
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 {
                        let hex = String(u.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
        }
        out += "\""
    }
}

extension Annotation {
    /// The annotation's fields as the batch contract prints them: `extractor`, `start`, `end`
    /// (Unicode scalar offsets), `text`, then the extractor's own fields in order.
    public func contractFields(in document: AnalyzedDocument) -> [(String, Value)] {
        var pairs: [(String, Value)] = [
            ("extractor", .string(extractor)),
            ("start", .int(document.scalarOffset(ofByte: span.start))),
            ("end", .int(document.scalarOffset(ofByte: span.end))),
            ("text", .string(document.text(of: span))),
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
        w.raw("{\"id\": ")
        w.string(id)
        w.raw(", \"annotations\": [")
        for (i, a) in annotations.enumerated() {
            if i > 0 { w.raw(", ") }
            w.object(a.contractFields(in: self))
        }
        w.raw("]")
        if !document.fields.isEmpty {
            w.raw(", \"fields\": ")
            w.object(document.fields.pairs)
        }
        w.raw("}")
        return w.output
    }
}
