/// The distinct spellings (exact bytes) among spans of a text, each numbered once: the first
/// half of ``TokenTypes``, for a plugin that needs only to group equal spellings.
///
/// Spellings are found by a hash of their bytes and then compared exactly (a spelling under
/// eight bytes, most words, as two numbers), so two different spellings never share a number,
/// whatever the hash does. Numbers count from 0 in order of first appearance.
///
/// The entity tagger groups its units so, and works out what it knows about a spelling once
/// per spelling; ``TokenTypes`` adds shapes and lowercased types on top.
public struct TokenSpellings: Sendable {
    /// Per span: its spelling.
    public let spellingOfSpan: [Int32]
    /// Per spelling: the span of its first occurrence.
    public let spans: [Span]
    /// Per spelling: a well-mixed hash of its bytes (``TokenTypes/spellingHash(bytes:_:)``).
    public let hashes: [UInt64]

    /// The number of spellings.
    @inlinable public var count: Int { spans.count }

    /// The spellings of `spans` of the text `utf8`.
    public init(utf8: UnsafeBufferPointer<UInt8>, spans: [Span]) {
        self = spans.withUnsafeBufferPointer { spans in
            TokenSpellings(bytes: utf8, count: spans.count) { spans[$0] }
        }
    }

    /// Groups `count` spans (given by `span`) by their bytes.
    @inline(__always)
    init(bytes: UnsafeBufferPointer<UInt8>, count n: Int, span: (Int) -> Span) {
        var found = Builder(room: n)
        // Open addressing over spelling numbers (-1: free), at most half full: a spelling's home
        // slot is given by its hash's low bits, and a full slot is followed by the next one.
        var bits = 4
        while (1 << bits) < 2 * n { bits += 1 }
        var table = [Int32](repeating: -1, count: 1 << bits)
        // Every element is written below, so the array is not filled first.
        let spellingOfSpan = table.withUnsafeMutableBufferPointer { table in
            [Int32](unsafeUninitializedCapacity: n) { spellingOfSpan, count in
                for u in 0..<n {
                    spellingOfSpan.initializeElement(
                        at: u, to: found.spelling(of: span(u), in: bytes, table: table))
                }
                count = n
            }
        }
        self.spellingOfSpan = spellingOfSpan
        self.spans = found.entries.map(\.span)
        self.hashes = found.entries.map(\.hash)
    }

    /// The spellings found so far, each in one entry, so that a probe reads one place and a new
    /// spelling is one append. Room for the most there can be (one per span) is reserved first,
    /// so that adding one never reallocates.
    private struct Builder {
        struct Entry {
            var span: Span
            var hash: UInt64
            /// The last `length % 8` bytes packed in a number, first byte lowest: for a spelling
            /// of fewer than eight bytes (most words), all of them, so that two such spellings
            /// are compared as two numbers and two lengths.
            var tail: UInt64
        }
        var entries: [Entry] = []

        init(room: Int) { entries.reserveCapacity(room) }

        /// The spelling of the bytes of `span`, added when new.
        @inline(__always)
        mutating func spelling(
            of span: Span, in bytes: UnsafeBufferPointer<UInt8>, table: UnsafeMutableBufferPointer<Int32>
        ) -> Int32 {
            let (h, tail) = TokenTypes.hashAndTail(bytes: bytes, span)
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            let length = span.end - span.start
            while true {
                let t = Int(table[slot])
                if t < 0 { break }
                let other = entries[t]
                if other.hash == h && other.span.end - other.span.start == length && other.tail == tail
                    && (length < 8 || Self.equal(bytes, other.span, span))
                {
                    return Int32(t)
                }
                slot = (slot + 1) & mask
            }
            table[slot] = Int32(entries.count)
            entries.append(Entry(span: span, hash: h, tail: tail))
            return Int32(entries.count - 1)
        }

        /// Whether the bytes of `a` and `b` (of equal lengths) are equal.
        @inline(__always)
        static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Span, _ b: Span) -> Bool {
            for k in 0..<(a.end - a.start) where bytes[a.start + k] != bytes[b.start + k] { return false }
            return true
        }
    }
}
