/// Writes values as fields of comma-separated text (RFC 4180), the counterpart of
/// ``DelimitedTextReader``: what it writes reads back to the same fields.
public enum DelimitedTextWriter {
    /// `text` as one field: quoted, with quotes doubled, when it holds the delimiter, a quote or
    /// a line break; as it is otherwise.
    public static func field(_ text: String, delimiter: Character = ",") -> String {
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0.isNewline }
        guard needsQuotes else { return text }
        var out = "\""
        for c in text {
            if c == "\"" { out += "\"\"" } else { out.append(c) }
        }
        return out + "\""
    }

    /// One record: the fields joined by the delimiter, ending in a line break.
    public static func record(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\n"
    }
}
