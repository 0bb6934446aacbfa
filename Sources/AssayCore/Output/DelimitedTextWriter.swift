/// Writes values as fields of comma-separated text (RFC 4180), the counterpart of
/// ``DelimitedTextReader``: what it writes reads back to the same fields.
public enum DelimitedTextWriter {
    /// `text` as one field: quoted, with quotes doubled, when it holds the delimiter, a quote or
    /// a line break; as it is otherwise.
    public static func field(_ text: String, delimiter: Character = ",") -> String {
        // By scalars, not Characters: a long text is written for every row that carries it, and
        // the quote, the delimiter and the line breaks are single scalars (a CR LF pair holds one).
        let separator = delimiter.unicodeScalars.first!
        let needsQuotes = text.unicodeScalars.contains { c in
            c == "\"" || c == separator || (c.value >= 0x0A && c.value <= 0x0D) || c.value == 0x85 || c.value == 0x2028
                || c.value == 0x2029
        }
        guard needsQuotes else { return text }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// One record: the fields joined by the delimiter, ending in a line break.
    public static func record(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\n"
    }
}
