/// A half-open range of UTF-8 byte offsets into a document's text.
///
/// Extractors work in UTF-8 bytes because that is what the text machinery scans; everything a
/// user or a script sees is converted to Unicode scalar offsets at the edge
/// (``AnalyzedDocument/scalarOffset(ofByte:)``), the numbers Python's `text[start:end]` uses.
public struct Span: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "span start \(start) is after its end \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public func union(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }

    public static func < (a: Span, b: Span) -> Bool { a.start != b.start ? a.start < b.start : a.end < b.end }
    public var description: String { "\(start)..<\(end)" }
}
