/// Reads a bundled line-based resource (the VADER lexicon, the target model, the speaker model)
/// line by line over its contiguous UTF-8 bytes, with each line's fields between tabs: these
/// load at startup, and splitting a 400 KB file into Characters or collections of slices cost
/// several times the rest of loading it.
public enum TabSeparatedLines {
    /// Calls `body` with each line that is not blank (a trailing `\r` dropped) and its fields
    /// between tabs, in order.
    public static func forEach(
        _ text: String,
        _ body: (_ line: UnsafeBufferPointer<UInt8>, _ fields: [UnsafeBufferPointer<UInt8>]) throws -> Void
    ) throws {
        var text = text
        try text.withUTF8 { try forEach($0, body) }
    }

    /// ``forEach(_:_:)-(String,_)`` over UTF-8 bytes.
    public static func forEach(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ line: UnsafeBufferPointer<UInt8>, _ fields: [UnsafeBufferPointer<UInt8>]) throws -> Void
    ) throws {
        func next(_ b: UInt8, from: Int, end: Int) -> Int {
            TextBytes.firstIndex(of: b, in: bytes, from: from, to: end) ?? end
        }
        var fields: [UnsafeBufferPointer<UInt8>] = []
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = next(UInt8(ascii: "\n"), from: lineStart, end: bytes.count)
            defer { lineStart = lineEnd + 1 }
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            guard end > lineStart else { continue }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            while true {
                let tab = next(UInt8(ascii: "\t"), from: fieldStart, end: end)
                fields.append(UnsafeBufferPointer(rebasing: bytes[fieldStart..<tab]))
                if tab == end { break }
                fieldStart = tab + 1
            }
            try body(line, fields)
        }
    }
}
