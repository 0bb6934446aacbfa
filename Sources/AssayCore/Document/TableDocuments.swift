import Foundation

/// Turns a CSV or TSV export into documents: one per row after the header row.
///
/// - The text is the column named with the load option `text=COLUMN` (`--text-column`), else the
///   first of `text`, `body`, `content` (any case).
/// - The id is the `id` column (any case), else `FILE:LINE` with the line the row starts on, as
///   for a JSON Lines line without an id and in error messages (the row number a spreadsheet
///   shows, unless a cell above holds line breaks).
/// - Every other column is a field, in the header's order. A cell that is a plain number (no
///   leading zeros, signs only `-`, no thousands separators) is a number, an empty cell is null,
///   anything else a string: an identifier like `007` or a postcode stays as written.
///
/// A malformed row (bad quoting, a different number of fields than the header) is one error
/// naming its line; a row with no text is a warning; the other rows load.
enum TableDocuments {
    static let textColumnNames = ["text", "body", "content"]

    static func load(
        _ text: String, delimiter: Character, path: String, textColumn: String?,
        into result: inout DocumentLoader.Result
    ) {
        var reader = DelimitedTextReader(text, delimiter: delimiter)
        guard let first = reader.next() else { return }
        guard case .fields(let names, _) = first else {
            if case .malformed(let line, let reason) = first {
                result.errors.append(
                    AssayError(.invalidTableRow, "\(path):\(line): header row: \(reason); file not loaded"))
            }
            return
        }
        let header = uniqueNames(names)
        let textIndex: Int
        if let textColumn {
            guard let i = column(textColumn, in: header) else {
                result.errors.append(
                    AssayError(
                        .invalidTableRow,
                        "\(path): no column named '\(textColumn)' (columns: \(header.joined(separator: ", ")))"))
                return
            }
            textIndex = i
        } else {
            guard let i = textColumnNames.lazy.compactMap({ column($0, in: header) }).first else {
                result.errors.append(
                    AssayError(
                        .invalidTableRow,
                        "\(path): no text column (text, body or content); name one with text=COLUMN in the REPL or --text-column (columns: \(header.joined(separator: ", ")))"
                    ))
                return
            }
            textIndex = i
        }
        let idIndex = column("id", in: header).flatMap { $0 == textIndex ? nil : $0 }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        while let record = reader.next() {
            switch record {
            case .malformed(let line, let reason):
                result.errors.append(AssayError(.invalidTableRow, "\(path):\(line): \(reason); row skipped"))
            case .fields(let cells, let line):
                guard cells.count == header.count else {
                    result.errors.append(
                        AssayError(
                            .invalidTableRow,
                            "\(path):\(line): \(cells.count) field\(cells.count == 1 ? "" : "s") where the header has \(header.count); row skipped"
                        ))
                    continue
                }
                let body = cells[textIndex]
                if body.allSatisfy(\.isWhitespace) {
                    result.warnings.append("\(path):\(line): empty text in column '\(header[textIndex])', row skipped")
                    continue
                }
                var fields = DocumentFields()
                for (i, name) in header.enumerated() where i != textIndex && i != idIndex {
                    fields[name] = cellValue(cells[i])
                }
                let id = idIndex.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? "\(fileName):\(line)"
                result.documents.append(Document(id: id, source: "\(path):\(line)", text: body, fields: fields))
            }
        }
    }

    /// The index of the column called `name`: written exactly so first, else in any case.
    static func column(_ name: String, in header: [String]) -> Int? {
        header.firstIndex(of: name) ?? header.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// Header names trimmed, an empty one named `columnN`, a repeated one suffixed `_2`, `_3`, ...
    /// so that every column stays a field of its own.
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.enumerated().map { i, raw in
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            let base = trimmed.isEmpty ? "column\(i + 1)" : trimmed
            var name = base, n = 1
            while seen.contains(name) {
                n += 1
                name = "\(base)_\(n)"
            }
            seen.insert(name)
            return name
        }
    }

    static func cellValue(_ cell: String) -> Value {
        if cell.isEmpty { return .null }
        if isPlainNumber(cell) {
            if !cell.contains("."), let n = Int(cell) { return .int(n) }
            if let d = Double(cell) { return .double(d) }
        }
        return .string(cell)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`: numbers as a machine writes them, nothing that could be
    /// an identifier with meaningful leading zeros.
    private static func isPlainNumber(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        let digits = u.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count == 1 || digits.first != 0x30 else { return false }
        let rest = u.dropFirst(digits.count)
        if rest.isEmpty { return true }
        guard rest.first == UInt8(ascii: "."), rest.count > 1 else { return false }
        return rest.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
