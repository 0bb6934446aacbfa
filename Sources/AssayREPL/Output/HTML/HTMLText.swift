import AssayCore

/// Escaping for the HTML and SVG Assay writes. The output is also well-formed XML (polyglot
/// markup), so tests can parse it with an XML parser and browsers read it as HTML.
enum HTMLText {
    /// Text content: `&`, `<`, `>` escaped; a carriage return as a reference (an HTML parser
    /// would fold CR LF into LF and shift every offset after it); characters XML forbids as U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// JSON for an inline `<script type="application/json">`: no `<`, `>` or `&` that could end
    /// the script element or break XML parsing (they only occur inside JSON strings).
    static func embeddedJSON(_ json: String) -> String {
        json.replacingOccurrences(of: "&", with: "\\u0026")
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
    }

    /// A JSON object of fields.
    static func json(_ pairs: [(String, Value)]) -> String {
        var w = JSONWriter()
        w.object(pairs)
        return w.output
    }

    /// A name safe in an id or a file name: letters, digits, `-`, `_` and `.` kept.
    static func slug(_ s: String) -> String {
        String(s.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
    }
}
