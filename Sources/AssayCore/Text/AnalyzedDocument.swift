import Synchronization

/// A document with its text machinery computed once: UTF-8 bytes, tokens, sentences and
/// paragraphs. Every extractor that runs over the document shares this one analysis.
///
/// Immutable and therefore safe to share between threads.
public final class AnalyzedDocument: Sendable {
    public let document: Document
    /// The text as UTF-8 bytes; ``Span``s index into this.
    public let utf8: [UInt8]
    public let tokens: [Token]
    public let sentences: [Sentence]
    public let paragraphs: [Span]
    /// For non-ASCII text, the Unicode scalar offset at every 64th byte (nil for ASCII text, where
    /// byte and scalar offsets are the same). Sparse, so a long document costs 1/16 of its size
    /// rather than four times it; a look-up counts at most 63 bytes from the nearest checkpoint.
    private let scalarCheckpoints: [Int32]?
    private static let checkpointShift = 6
    /// The token types, made on first use: extractors that never ask (numbers alone, a regular
    /// expression) pay nothing for them.
    private let types = Mutex<TokenTypes?>(nil)

    public convenience init(_ text: String, id: String = "doc") {
        self.init(Document(id: id, text: text))
    }

    public init(
        _ document: Document, tokenizer: Tokenizer = Tokenizer(), splitter: SentenceSplitter = SentenceSplitter()
    ) {
        self.document = document
        let bytes = Array(document.text.utf8)
        self.utf8 = bytes
        let (tokens, sentences, paragraphs) = bytes.withUnsafeBufferPointer { buffer in
            let tokens = tokenizer.tokenize(utf8: buffer)
            let (s, p) = splitter.split(tokens, bytes: buffer)
            return (tokens, s, p)
        }
        self.tokens = tokens
        self.sentences = sentences
        self.paragraphs = paragraphs
        // The scalars before every 64th byte, from the text's start to its end.
        let shift = AnalyzedDocument.checkpointShift
        var map = [Int32](repeating: 0, count: (bytes.count >> shift) + 1)
        var scalars = 0
        bytes.withUnsafeBufferPointer { b in
            for k in map.indices {
                map[k] = Int32(truncatingIfNeeded: scalars)
                scalars += AnalyzedDocument.scalarCount(b, from: k << shift, to: min((k + 1) << shift, b.count))
            }
        }
        // Without continuation bytes the text is ASCII.
        scalarCheckpoints = scalars == bytes.count ? nil : map
    }

    /// The distinct words among the tokens, with their lowercased keys and shapes: one
    /// ``TokenTypes`` over ``tokens``, made on first use and then shared by every extractor.
    ///
    /// Read it once per document and keep it: each read takes a lock.
    public var tokenTypes: TokenTypes {
        types.withLock { types in
            if let made = types { return made }
            let made = TokenTypes(self)
            types = made
            return made
        }
    }

    /// ``tokenTypes`` if an extractor has made them already, nil if none has: for a plugin whose
    /// shortcut through the types saves less than making them would cost.
    public var tokenTypesIfMade: TokenTypes? { types.withLock { $0 } }

    public var id: String { document.id }
    public var text: String { document.text }
    /// The whole document as a span.
    public var fullSpan: Span { Span(0, utf8.count) }

    /// The text a span covers.
    public func text(of span: Span) -> String {
        String(decoding: utf8[span.start..<span.end], as: UTF8.self)
    }

    /// The text of token `i`.
    public func text(ofToken i: Int) -> String { text(of: tokens[i].span) }

    /// Unicode scalar offset of a UTF-8 byte offset (what users and the batch output see).
    public func scalarOffset(ofByte byte: Int) -> Int {
        guard let map = scalarCheckpoints else { return byte }
        let shift = AnalyzedDocument.checkpointShift
        let block = byte >> shift
        return Int(map[block])
            + utf8.withUnsafeBufferPointer { AnalyzedDocument.scalarCount($0, from: block << shift, to: byte) }
    }

    /// The number of scalars that start in bytes `from..<to` of UTF-8 text: every byte but the
    /// continuation bytes (`10xxxxxx`), counted eight at a time.
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var i = from
        var count = 0
        while i + 8 <= to {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            // The top bit of each continuation byte (bit 7 set, bit 6 clear), moved down to the
            // byte's lowest; multiplying by 0x01 in every byte sums them into the top byte.
            let continuation = (word & ~(word << 1) & 0x8080_8080_8080_8080) >> 7
            count += 8 - Int(truncatingIfNeeded: (continuation &* 0x0101_0101_0101_0101) >> 56)
            i += 8
        }
        while i < to {
            if base[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// UTF-8 byte offset of a Unicode scalar offset; the inverse of ``scalarOffset(ofByte:)``.
    public func byteOffset(ofScalar scalar: Int) -> Int {
        guard let map = scalarCheckpoints else { return scalar }
        // The last checkpoint at or before the scalar, then walk forward.
        var lo = 0, hi = map.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(map[mid]) <= scalar { lo = mid } else { hi = mid - 1 }
        }
        var byte = lo << AnalyzedDocument.checkpointShift
        var count = Int(map[lo])
        while byte < utf8.count {
            if utf8[byte] & 0xC0 != 0x80 {
                if count == scalar { return byte }
                count += 1
            }
            byte += 1
        }
        return utf8.count
    }

    /// The span of a range of the document's `text`.
    public func span(of range: Range<String.Index>) -> Span {
        let t = document.text.utf8
        return Span(
            t.distance(from: t.startIndex, to: range.lowerBound), t.distance(from: t.startIndex, to: range.upperBound))
    }

    /// Indices of the tokens that lie inside `span`.
    public func tokenRange(in span: Span) -> Range<Int> {
        let lower = firstIndex(in: tokens.count) { tokens[$0].span.start >= span.start }
        let upper = firstIndex(in: tokens.count) { tokens[$0].span.end > span.end }
        return lower..<max(lower, upper)
    }

    /// Indices of the sentences that overlap `span`.
    public func sentenceRange(overlapping span: Span) -> Range<Int> {
        let lower = firstIndex(in: sentences.count) { sentences[$0].span.end > span.start }
        let upper = firstIndex(in: sentences.count) { sentences[$0].span.start >= span.end }
        return lower..<max(lower, upper)
    }

    /// The index of the sentence holding byte offset `offset`, if any.
    public func sentenceIndex(containing offset: Int) -> Int? {
        let i = firstIndex(in: sentences.count) { sentences[$0].span.end > offset }
        return i < sentences.count && sentences[i].span.start <= offset ? i : nil
    }

    /// Binary search for the first index where `predicate` holds (it must be monotonic).
    private func firstIndex(in count: Int, where predicate: (Int) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if predicate(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
