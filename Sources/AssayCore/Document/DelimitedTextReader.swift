/// Reads the records of comma- or tab-separated text (RFC 4180), one at a time, with the line
/// each record starts on.
///
/// A field may be quoted with `"`; inside quotes the delimiter, line breaks and doubled quotes
/// (`""`, one `"`) are data. Records end at `\n` or `\r\n` outside quotes. Two departures from
/// the RFC, both for exports met in practice: a `"` inside an unquoted field is kept as a
/// character, and blank lines between records are skipped.
///
/// A record that cannot be read is reported as ``Record/malformed(line:reason:)`` and reading
/// goes on after it: with the next line for text after a closing quote, and with the line after
/// the record's first for a quote that is never closed (which would otherwise swallow the rest
/// of the file).
public struct DelimitedTextReader: Sendable {
    public enum Record: Sendable, Equatable {
        /// The fields of a record that starts on line `line` (counted from 1).
        case fields([String], line: Int)
        case malformed(line: Int, reason: String)
    }

    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var position = 0
    private var line = 1

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// - Parameters:
    ///   - text: the whole text (a byte-order mark already removed).
    ///   - delimiter: `,` for CSV, a tab for TSV.
    public init(_ text: String, delimiter: Character) {
        bytes = Array(text.utf8)
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
    }

    /// The next record, or nil at the end of the text.
    public mutating func next() -> Record? {
        skipBlankLines()
        guard position < bytes.count else { return nil }
        let startLine = line, start = position
        var fields: [String] = []
        while true {
            let field: String
            if bytes[position] == Self.quote {
                guard let quoted = readQuotedField() else {
                    resume(afterLineOf: start, line: startLine)
                    return .malformed(line: startLine, reason: "a quoted field is never closed")
                }
                field = quoted
                if position < bytes.count, bytes[position] != delimiter, !atLineEnd() {
                    let badLine = line
                    skipRestOfLine()
                    return .malformed(
                        line: startLine,
                        reason: "text after a closing quote" + (badLine == startLine ? "" : " on line \(badLine)"))
                }
            } else {
                field = readPlainField()
            }
            fields.append(field)
            if position < bytes.count, bytes[position] == delimiter {
                position += 1
                // A delimiter at the end of the record leaves one more, empty, field.
                if position == bytes.count || atLineEnd() {
                    fields.append("")
                    consumeLineEnd()
                    return .fields(fields, line: startLine)
                }
                continue
            }
            consumeLineEnd()
            return .fields(fields, line: startLine)
        }
    }

    /// A quoted field from its opening quote, the position left after its closing quote; nil if
    /// the text ends first.
    private mutating func readQuotedField() -> String? {
        var i = position + 1
        var out: [UInt8] = []
        var lines = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == Self.quote {
                if i + 1 < bytes.count, bytes[i + 1] == Self.quote {
                    out.append(Self.quote)
                    i += 2
                    continue
                }
                position = i + 1
                line += lines
                return String(decoding: out, as: UTF8.self)
            }
            if b == Self.newline { lines += 1 }
            out.append(b)
            i += 1
        }
        return nil
    }

    private mutating func readPlainField() -> String {
        let start = position
        while position < bytes.count, bytes[position] != delimiter, bytes[position] != Self.newline { position += 1 }
        var end = position
        if end > start, bytes[end - 1] == Self.carriageReturn, end == bytes.count || bytes[end] == Self.newline {
            end -= 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether the position is at `\n` or `\r\n`.
    private func atLineEnd() -> Bool {
        guard position < bytes.count else { return false }
        if bytes[position] == Self.newline { return true }
        return bytes[position] == Self.carriageReturn && position + 1 < bytes.count
            && bytes[position + 1] == Self.newline
    }

    private mutating func consumeLineEnd() {
        if position < bytes.count, bytes[position] == Self.carriageReturn { position += 1 }
        if position < bytes.count, bytes[position] == Self.newline {
            position += 1
            line += 1
        }
    }

    private mutating func skipRestOfLine() {
        while position < bytes.count, bytes[position] != Self.newline { position += 1 }
        consumeLineEnd()
    }

    private mutating func resume(afterLineOf start: Int, line startLine: Int) {
        position = start
        line = startLine
        skipRestOfLine()
    }

    private mutating func skipBlankLines() {
        while position < bytes.count {
            if bytes[position] == Self.newline {
                position += 1
                line += 1
            } else if bytes[position] == Self.carriageReturn, position + 1 < bytes.count,
                bytes[position + 1] == Self.newline
            {
                position += 2
                line += 1
            } else {
                return
            }
        }
    }
}
