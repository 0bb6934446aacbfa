import AssayCore

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
        // (Hyphen parts add a few more; room for the tokens saves most of the growing.)
        let tokenCount = range.isEmpty ? 0 : max(0, sentenceList[range.upperBound - 1].tokens.upperBound - sentenceList[range.lowerBound].tokens.lowerBound)
        spans.reserveCapacity(tokenCount + tokenCount / 16 + 8)
        lineStart.reserveCapacity(tokenCount + tokenCount / 16 + 8)
        sentences.reserveCapacity(range.count)
        document.utf8.withUnsafeBufferPointer { bytes in
            document.tokens.withUnsafeBufferPointer { tokens in
                for s in range {
                    let first = spans.count
                    for t in sentenceList[s].tokens {
                        let token = tokens[t]
                        let before = spans.count
                        if token.kind == .word, token.span.length > 2, Self.mayHaveHyphen(token.span, bytes) { appendSplit(token.span, bytes) }
                        if spans.count == before { spans.append(token.span) }
                        lineStart.append(token.lineStart)
                        for _ in (before + 1)..<max(before + 1, spans.count) { lineStart.append(false) }
                    }
                    if spans.count > first { sentences.append(first..<spans.count) }
                }
            }
        }
    }

    /// Whether the bytes of `span` hold a `-` or the lead byte of a Unicode hyphen (0xE2):
    /// most words have neither, and are kept whole without a call to ``appendSplit(_:_:)``.
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

    /// Appends the parts of a hyphenated word if one of them is capitalised; appends nothing
    /// otherwise (the caller then keeps the token whole).
    private mutating func appendSplit(_ span: Span, _ b: UnsafeBufferPointer<UInt8>) {
        // Most words have no hyphen: find that out before allocating anything.
        var hyphenated = false
        for i in span.start..<span.end where b[i] == UInt8(ascii: "-") || b[i] == 0xE2 { hyphenated = true; break }
        guard hyphenated else { return }
        var cuts: [(Int, Int)] = []  // hyphen byte ranges
        var capitalised = false
        var partStart = span.start
        var i = span.start
        while i < span.end {
            let c = b[i]
            var hyphenLength = 0
            if c == UInt8(ascii: "-") { hyphenLength = 1 }
            else if c == 0xE2, i + 2 < span.end, b[i + 1] == 0x80, b[i + 2] == 0x90 || b[i + 2] == 0x91 { hyphenLength = 3 }
            if hyphenLength > 0 {
                cuts.append((i, i + hyphenLength))
                i += hyphenLength
                partStart = i
                continue
            }
            if i == partStart, c >= 65 && c <= 90 || c >= 0x80 && UnitProfile.scalar(b, i).properties.isUppercase {
                capitalised = true
            }
            i += 1
        }
        guard !cuts.isEmpty, capitalised else { return }
        var start = span.start
        for (hs, he) in cuts {
            if hs > start { spans.append(Span(start, hs)) }
            spans.append(Span(hs, he))
            start = he
        }
        if span.end > start { spans.append(Span(start, span.end)) }
    }
}
