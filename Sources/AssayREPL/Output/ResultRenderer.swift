import AssayCore

/// Turns a ``ResultSet`` into text in one of the ``OutputMode``s.
public struct ResultRenderer: Sendable {
    public var mode: OutputMode = .table
    public var headers = true
    /// ANSI colour (terminal only): header in bold, KWIC matches highlighted.
    public var color = false
    /// The widest a table cell may be before it is cut with "…" (0: no limit).
    public var maxCellWidth = 60
    /// KWIC context on each side, in characters or words.
    public var contextWidth = 40
    public var contextInWords = false
    /// What a missing or null value shows as in table, markdown, CSV and TSV output: a `count by
    /// speaker` row of quotes with no speaker otherwise has an empty first cell.
    public var nullText = ""

    public init() {}

    public func render(_ result: ResultSet) -> String {
        let columns = result.columns
        switch mode {
        case .table: return table(result.records, columns)
        case .markdown: return markdown(result.records, columns)
        case .csv: return delimited(result.records, columns, separator: ",")
        case .tsv: return delimited(result.records, columns, separator: "\t")
        case .jsonl: return result.records.map { object($0) + "\n" }.joined()
        case .json:
            if result.records.isEmpty { return "[]\n" }
            return "[\n" + result.records.map { "  " + object($0) }.joined(separator: ",\n") + "\n]\n"
        case .kwic:
            return kwic(result.records, columns, labelColumns: (result.selectedColumns ?? []).filter { $0 != "text" })
        }
    }

    // MARK: - Formats

    /// A value as one line; with `prefix`, only its first `prefix` characters (a table shows no
    /// more, and a long text per row would otherwise be read whole for every row).
    private func cell(_ v: Value?, prefix: Int? = nil) -> String {
        guard let v, !v.isNull else { return nullText }
        var s = v.text
        if let prefix, s.utf8.count > prefix { s = String(s.prefix(prefix)) }
        if s.contains(where: \.isNewline) { s = s.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ") }
        return s
    }

    private func clip(_ s: String) -> String {
        guard maxCellWidth > 0, s.count > maxCellWidth else { return s }
        return String(s.prefix(maxCellWidth - 1)) + "…"
    }

    private func table(_ records: [Record], _ columns: [String]) -> String {
        if records.isEmpty { return "(no results)\n" }
        let rows = records.map { r in
            columns.map { clip(cell(r.value(ofExact: $0), prefix: maxCellWidth > 0 ? maxCellWidth + 1 : nil)) }
        }
        var widths = columns.map { headers ? $0.count : 0 }
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], TerminalWidth.of(c)) } }
        let numeric = columns.indices.map { i in
            records.allSatisfy { r in r.value(ofExact: columns[i]).map { $0.number != nil && !$0.isText } ?? true }
        }
        func line(_ cells: [String], bold: Bool = false) -> String {
            var out = ""
            for (i, c) in cells.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - TerminalWidth.of(c)))
                let isLast = i == cells.count - 1
                out += numeric[i] ? pad + c : c + (isLast ? "" : pad)
                if !isLast { out += "  " }
            }
            if bold && color { out = "\u{1B}[1m" + out + "\u{1B}[0m" }
            return out + "\n"
        }
        var out = ""
        if headers {
            out += line(columns, bold: true)
            out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        }
        for row in rows { out += line(row) }
        out += headers ? "(\(records.count) row\(records.count == 1 ? "" : "s"))\n" : ""
        return out
    }

    private func markdown(_ records: [Record], _ columns: [String]) -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = ""
        if headers {
            out += "| " + columns.map(esc).joined(separator: " | ") + " |\n"
            out += "|" + columns.map { _ in " --- |" }.joined() + "\n"
        }
        for r in records {
            out += "| " + columns.map { esc(cell(r.value(ofExact: $0))) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    private func delimited(_ records: [Record], _ columns: [String], separator: Character) -> String {
        func quote(_ s: String) -> String {
            if separator == "\t" {
                return s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            }
            return DelimitedTextWriter.field(s, delimiter: separator)
        }
        var out = ""
        if headers { out += columns.map(quote).joined(separator: String(separator)) + "\n" }
        for r in records {
            out +=
                columns.map { c in quote(r.value(ofExact: c).flatMap { $0.isNull ? nil : $0.text } ?? nullText) }
                .joined(separator: String(separator)) + "\n"
        }
        return out
    }

    func object(_ r: Record) -> String {
        var w = JSONWriter()
        w.object(r.fields.map { ($0.key, $0.value) })
        return w.output
    }

    /// The first byte offset at or after `offset` that starts a character.
    private static func boundary(_ utf8: [UInt8], _ offset: Int) -> Int {
        var i = offset
        while i < utf8.count, utf8[i] & 0xC0 == 0x80 { i += 1 }
        return i
    }

    /// KWIC lines end with the document id, or with the columns a `select` chose (other than
    /// the matched `text`): `quotes | select doc.outlet, speaker | kwic` labels each line with
    /// its outlet and speaker.
    private func kwic(_ records: [Record], _ columns: [String], labelColumns: [String]) -> String {
        let located = records.filter { $0.document != nil && $0.span != nil }
        if located.isEmpty { return records.isEmpty ? "(no results)\n" : table(records, columns) }
        var lines: [(String, String, String, String)] = []
        // Context is read from a window around the match, not from the document's ends, so
        // that thousands of rows in one long document stay linear. The window is generous
        // (whitespace runs collapse, a character can take four bytes) and is cut below.
        let window = (contextInWords ? 48 : 8) * max(contextWidth, 1) + 64
        for r in located {
            let d = r.document!, s = r.span!
            let left = flatten(d.text(of: Span(Self.boundary(d.utf8, max(0, s.start - window)), s.start)))
            let right = flatten(d.text(of: Span(s.end, Self.boundary(d.utf8, min(d.utf8.count, s.end + window)))))
            let match = flatten(d.text(of: s))
            let l: String, rr: String
            if contextInWords {
                l = left.split(separator: " ").suffix(contextWidth).joined(separator: " ")
                rr = right.split(separator: " ").prefix(contextWidth).joined(separator: " ")
            } else {
                l = String(left.suffix(contextWidth))
                rr = String(right.prefix(contextWidth))
            }
            let label =
                labelColumns.isEmpty ? d.id : labelColumns.map { cell(r.value(ofExact: $0)) }.joined(separator: "  ")
            lines.append((l, match, rr, label))
        }
        let leftWidth = lines.map { TerminalWidth.of($0.0) }.max() ?? 0
        let matchWidth = min(lines.map { TerminalWidth.of($0.1) }.max() ?? 0, max(maxCellWidth, 10))
        let rightWidth = lines.map { TerminalWidth.of($0.2) }.max() ?? 0
        var out = ""
        for (l, m, r, id) in lines {
            let shown = m.count > matchWidth ? String(m.prefix(matchWidth - 1)) + "…" : m
            let padL = String(repeating: " ", count: leftWidth - TerminalWidth.of(l))
            let padM = String(repeating: " ", count: max(0, matchWidth - TerminalWidth.of(shown)))
            let padR = String(repeating: " ", count: rightWidth - TerminalWidth.of(r))
            let mark = color ? "\u{1B}[1;33m\(shown)\u{1B}[0m" : "[\(shown)]"
            out += "\(padL)\(l) \(mark)\(padM) \(r)\(padR)  \(id)\n"
        }
        return out
    }

    private func flatten(_ s: String) -> String {
        var out = ""
        var lastSpace = false
        for c in s {
            if c.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(c)
                lastSpace = false
            }
        }
        return out
    }
}

extension Record {
    /// The value of a column by its exact name (columns are already qualified).
    func value(ofExact key: String) -> Value? { fields.first { $0.key == key }?.value }
}

/// Display width of text in a terminal: wide East Asian characters take two columns.
enum TerminalWidth {
    static func of(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
                w += 2
            case 0x0300...0x036F, 0x200B...0x200F: break
            default: w += 1
            }
        }
        return w
    }
}
