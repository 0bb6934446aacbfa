import AssayCore
import Foundation

/// The units the tagger labels: the core tokeniser's tokens, except that a hyphenated word with
/// a capitalised part is split at its hyphens (`China-Russia` → `China`, `-`, `Russia`), so that
/// each name inside it can be tagged on its own.
///
/// The split happens here rather than in the core because only the tagger wants it: every other
/// extractor reads `China-Russia` as one word.
struct TaggingUnits {
    /// Byte spans of the units, in document order.
    var spans: [Span] = []
    /// Per unit: whether it begins a line (headlines and lists are line-shaped).
    var lineStart: [Bool] = []
    /// Unit ranges of the sentences, in order.
    var sentences: [Range<Int>] = []

    var count: Int { spans.count }

    init() {}

    /// The units of the sentences that overlap `span` (whole sentences, for context).
    init(_ document: AnalyzedDocument, sentences range: Range<Int>) {
        let sentenceList = document.sentences
        let tokenCount =
            range.isEmpty
            ? 0
            : max(
                0,
                sentenceList[range.upperBound - 1].tokens.upperBound - sentenceList[range.lowerBound].tokens.lowerBound)
        // Hyphen parts add a few units to the tokens; room for a sixteenth more nearly always
        // suffices, and otherwise the units are made again with twice the room.
        var room = tokenCount + tokenCount / 16 + 8
        while !fill(document, range, room: room) { room *= 2 }
    }

    /// Makes the units with room for `room` of them, written through pointers (no check per
    /// append); false, with nothing kept, when they need more room.
    private mutating func fill(_ document: AnalyzedDocument, _ range: Range<Int>, room: Int) -> Bool {
        var sentences: [Range<Int>] = []
        sentences.reserveCapacity(range.count)
        var n = 0, fits = true
        let sentenceList = document.sentences
        // Room without filling it first: the first `n` units are written below, and the arrays
        // keep those (none when they did not fit).
        var lineStart: [Bool] = []
        let spans = [Span](unsafeUninitializedCapacity: room) { spans, spanCount in
            lineStart = [Bool](unsafeUninitializedCapacity: room) { lineStart, lineStartCount in
                fits = document.utf8.withUnsafeBufferPointer { bytes in
                    document.tokens.withUnsafeBufferPointer { tokens -> Bool in
                        for s in range {
                            let first = n
                            let sentenceTokens = sentenceList[s].tokens
                            // Most sentences hold no hyphen at all: their words are not looked at one by one.
                            let hyphens =
                                !sentenceTokens.isEmpty
                                && Self.holdsHyphen(
                                    bytes, tokens[sentenceTokens.lowerBound].span.start,
                                    tokens[sentenceTokens.upperBound - 1].span.end)
                            for t in sentenceTokens {
                                let token = tokens[t]
                                var parts = 0
                                if hyphens, token.kind == .word, token.span.length > 2,
                                    Self.mayHaveHyphen(token.span, bytes)
                                {
                                    guard let written = Self.split(token.span, bytes, into: spans, at: n) else {
                                        return false
                                    }
                                    parts = written
                                }
                                if parts == 0 {
                                    guard n < spans.count else { return false }
                                    spans.initializeElement(at: n, to: token.span)
                                    parts = 1
                                }
                                // The first part begins a line where the token does.
                                lineStart.initializeElement(at: n, to: token.lineStart)
                                for k in 1..<max(1, parts) { lineStart.initializeElement(at: n + k, to: false) }
                                n += parts
                            }
                            if n > first { sentences.append(first..<n) }
                        }
                        return true
                    }
                }
                lineStartCount = fits ? n : 0
            }
            spanCount = fits ? n : 0
        }
        guard fits else { return false }
        self.spans = spans
        self.lineStart = lineStart
        self.sentences = sentences
        return true
    }

    /// Whether bytes `start..<end` hold a `-` or a Unicode hyphen (U+2010, U+2011), the only
    /// places ``split(_:_:into:at:)`` cuts a word: found with `memchr`, which reads many bytes
    /// at a time. (0xE2 alone also leads curly quotes, common in news: the two bytes after it
    /// tell.)
    private static func holdsHyphen(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end, let base = b.baseAddress else { return false }
        if memchr(base + start, Int32(UInt8(ascii: "-")), end - start) != nil { return true }
        var i = start
        while i < end, let found = memchr(base + i, 0xE2, end - i) {
            let k = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if k + 2 < end, b[k + 1] == 0x80, b[k + 2] == 0x90 || b[k + 2] == 0x91 { return true }
            i = k + 1
        }
        return false
    }

    /// Whether the bytes of `span` hold a `-` or the lead byte of a Unicode hyphen (0xE2):
    /// most words have neither, and are kept whole without a call to ``split(_:_:into:at:)``.
    ///
    /// Eight bytes are tested at once while eight can be read inside the buffer (a word is
    /// then usually one test instead of a loop over its bytes): a byte equal to the one sought
    /// becomes a zero byte of `word ^ pattern`, which the has-zero-byte test finds. Bytes past
    /// the span are cleared to 0, which is neither. (Little-endian: the first byte is lowest.)
    @inline(__always) private static func mayHaveHyphen(_ span: Span, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let base = UnsafeRawPointer(b.baseAddress!)
        var i = span.start
        while i < span.end && i + 8 <= b.count {
            var word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let left = span.end - i
            if left < 8 { word &= UInt64.max &>> (64 - 8 * left) }
            if hasZeroByte(word ^ 0x2D2D_2D2D_2D2D_2D2D) || hasZeroByte(word ^ 0xE2E2_E2E2_E2E2_E2E2) { return true }
            i += 8
        }
        while i < span.end {
            let c = b[i]
            if c == UInt8(ascii: "-") || c == 0xE2 { return true }
            i += 1
        }
        return false
    }

    /// Whether some byte of `x` is zero (exact as a yes or no).
    @inline(__always) private static func hasZeroByte(_ x: UInt64) -> Bool {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// Writes the parts of a hyphenated word into `out` from `at` if one of them is
    /// capitalised, and returns how many; 0 (nothing written) otherwise, when the caller keeps
    /// the token whole; nil when the parts do not fit in `out`.
    private static func split(
        _ span: Span, _ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Span>, at: Int
    ) -> Int? {
        // Most words have no hyphen: find that out before allocating anything.
        var hyphenated = false
        for i in span.start..<span.end where b[i] == UInt8(ascii: "-") || b[i] == 0xE2 {
            hyphenated = true
            break
        }
        guard hyphenated else { return 0 }
        var cuts: [(Int, Int)] = []  // hyphen byte ranges
        var capitalised = false
        var partStart = span.start
        var i = span.start
        while i < span.end {
            let c = b[i]
            var hyphenLength = 0
            if c == UInt8(ascii: "-") {
                hyphenLength = 1
            } else if c == 0xE2, i + 2 < span.end, b[i + 1] == 0x80, b[i + 2] == 0x90 || b[i + 2] == 0x91 {
                hyphenLength = 3
            }
            if hyphenLength > 0 {
                cuts.append((i, i + hyphenLength))
                i += hyphenLength
                partStart = i
                continue
            }
            if i == partStart, TextBytes.isCapitalized(b, Span(i, span.end)) {
                capitalised = true
            }
            i += 1
        }
        guard !cuts.isEmpty, capitalised else { return 0 }
        var n = at
        func put(_ part: Span) -> Bool {
            guard n < out.count else { return false }
            out.initializeElement(at: n, to: part)
            n += 1
            return true
        }
        var start = span.start
        for (hs, he) in cuts {
            if hs > start { guard put(Span(start, hs)) else { return nil } }
            guard put(Span(hs, he)) else { return nil }
            start = he
        }
        if span.end > start { guard put(Span(start, span.end)) else { return nil } }
        return n - at
    }
}
