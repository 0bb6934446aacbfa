import AssayCore

/// Which tokens of a document have the same text, made on first use: "does this word occur
/// elsewhere" is asked for many quotes, and a scan of the document for each would take time
/// quadratic in a document of thousands of quotes.
///
/// Tokens of one spelling (the same bytes, ``TokenTypes/spelling(ofSpan:)``) are chained in
/// document order. Texts compare as Strings do, by canonical equivalence, so two spellings may
/// be the same text (a decomposed "é", a Kelvin sign for "K"): an ASCII token's text is also
/// looked up among the non-ASCII spellings, and a non-ASCII token's among all spellings (made
/// when first asked, which is rare).
final class TokenTextIndex {
    private let reader: TokenReader
    /// The first token of each spelling, and the next token of the same spelling after each
    /// token (-1 for none).
    private var firstOfSpelling: [Int32] = []
    private var nextOfSpelling: [Int32] = []
    /// The non-ASCII spellings by their text.
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
        var first = [Int32](repeating: -1, count: types.spellingCount)
        var next = [Int32](repeating: -1, count: reader.count)
        let spellingOfSpan = types.spellingOfSpan
        for j in (0..<next.count).reversed() {
            let s = Int(spellingOfSpan[j])
            next[j] = first[s]
            first[s] = Int32(j)
        }
        firstOfSpelling = first
        nextOfSpelling = next
        var others: [String: [Int]] = [:]
        for s in 0..<types.spellingCount where !types.shapes[s].contains(.ascii) {
            others[text(ofSpelling: s, types), default: []].append(s)
        }
        otherSpellings = others
    }

    private func text(ofSpelling s: Int, _ types: TokenTypes) -> String {
        reader.document.text(of: types.spellingSpans[s])
    }
}
