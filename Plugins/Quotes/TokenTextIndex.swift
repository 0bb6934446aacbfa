import AssayCore

/// Which tokens of a document have the same text, made on first use: "does this word occur
/// elsewhere" is asked for many quotes, and a scan of the document for each would take time
/// quadratic in a document of thousands of quotes.
///
/// Tokens of one spelling (the same bytes, ``TokenTypes/spelling(ofSpan:)``) are chained in
/// document order. Texts compare as Strings do, by canonical equivalence, so two spellings may
/// be the same text (a decomposed "é", a Kelvin sign for "K"): an ASCII token's text is also
/// looked up among the non-ASCII spellings that may normalise to ASCII, and a non-ASCII token's
/// among all spellings (made when first asked, which is rare).
final class TokenTextIndex {
    private let reader: TokenReader
    /// The first token of each spelling, and the next token of the same spelling after each
    /// token (-1 for none).
    private var firstOfSpelling: [Int32] = []
    private var nextOfSpelling: [Int32] = []
    /// The non-ASCII spellings that may equal an ASCII text, by their text.
    private var otherSpellings: [String: [Int]] = [:]
    /// Every spelling by its text.
    private var allSpellings: [String: [Int]]?

    init(reader: TokenReader) { self.reader = reader }

    /// Whether a token other than `i` whose text is token `i`'s satisfies `predicate`.
    func containsOther(withTextOf i: Int, where predicate: (Int) -> Bool) -> Bool {
        let types = reader.types
        if firstOfSpelling.isEmpty { build(types) }
        let spellings: [Int]
        if types.shape(ofSpan: i).contains(.ascii) {
            let others = otherSpellings.isEmpty ? [] : otherSpellings[reader.text(i)] ?? []
            spellings = [types.spelling(ofSpan: i)] + others
        } else {
            if allSpellings == nil {
                var all: [String: [Int]] = [:]
                for s in 0..<types.spellingCount { all[text(ofSpelling: s, types), default: []].append(s) }
                allSpellings = all
            }
            spellings = allSpellings?[reader.text(i)] ?? []
        }
        for s in spellings {
            var j = Int(firstOfSpelling[s])
            while j >= 0 {
                if j != i, predicate(j) { return true }
                j = Int(nextOfSpelling[j])
            }
        }
        return false
    }

    private func build(_ types: TokenTypes) {
        // Filled in locals: through the class's properties each write would be checked for
        // exclusive access.
        // Through buffer pointers: written per token, the arrays' uniqueness and bounds checks
        // cost three times the chaining itself.
        var first = [Int32](repeating: -1, count: types.spellingCount)
        var next = [Int32](repeating: -1, count: reader.count)
        first.withUnsafeMutableBufferPointer { first in
            next.withUnsafeMutableBufferPointer { next in
                types.spellingOfSpan.withUnsafeBufferPointer { spellingOfSpan in
                    // Backwards, so that each spelling's chain runs forwards (a plain count down:
                    // a reversed range's iterator cost more than the loop's body).
                    var j = min(next.count, spellingOfSpan.count)
                    while j > 0 {
                        j -= 1
                        let s = Int(spellingOfSpan[j])
                        next[j] = first[s]
                        first[s] = Int32(j)
                    }
                }
            }
        }
        firstOfSpelling = first
        nextOfSpelling = next
        var others: [String: [Int]] = [:]
        for s in 0..<types.spellingCount where !types.shapes[s].contains(.ascii) && mayEqualASCII(spelling: s, types) {
            others[text(ofSpelling: s, types), default: []].append(s)
        }
        otherSpellings = others
    }

    /// Whether spelling `s` (not ASCII) holds one of the three characters whose canonical
    /// decomposition is ASCII: the Kelvin sign (U+212A, "K"), the Greek question mark (U+037E,
    /// ";") and the Greek varia (U+1FEF, "`"). Only such a text can normalise to ASCII, and so
    /// equal an ASCII token's text: any other non-ASCII character stays non-ASCII, alone or
    /// composed. Nearly every non-ASCII spelling (curly quotes, dashes, accented names) is
    /// ruled out by its bytes, and no String is made for it.
    private func mayEqualASCII(spelling s: Int, _ types: TokenTypes) -> Bool {
        let span = types.spellingSpans[s]
        let b = reader.document.utf8
        var k = span.start
        while k + 1 < span.end {
            switch (b[k], b[k + 1]) {
            case (0xCD, 0xBE): return true
            case (0xE2, 0x84), (0xE1, 0xBF):
                if k + 2 < span.end, b[k + 2] == (b[k] == 0xE2 ? 0xAA : 0xAF) { return true }
            default: break
            }
            k += 1
        }
        return false
    }

    private func text(ofSpelling s: Int, _ types: TokenTypes) -> String {
        reader.document.text(of: types.spellingSpans[s])
    }
}
