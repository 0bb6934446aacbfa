import AssayCore

/// Which tokens of a document have the same text, made on first use: "does this word occur
/// elsewhere" is asked for many quotes, and a scan of the document for each would take time
/// quadratic in a document of thousands of quotes.
///
/// Texts compare as Strings do, by canonical equivalence, so two different byte sequences may
/// be the same text (a decomposed "é", a Kelvin sign for "K"). An ASCII token is found among
/// the tokens of its spelling (the same bytes) and, by its text, among the few non-ASCII
/// tokens; a non-ASCII token, rarely asked about, among all tokens by text.
final class TokenTextIndex {
    private let reader: TokenReader
    /// The tokens of each spelling (``TokenTypes/spelling(ofSpan:)``).
    private var tokensOfSpelling: [[Int]] = []
    /// The non-ASCII tokens by their text.
    private var otherTokens: [String: [Int]] = [:]
    /// Every token by its text, made when a non-ASCII token is first asked about.
    private var allTokens: [String: [Int]]?

    init(reader: TokenReader) { self.reader = reader }

    /// The tokens whose text is token `i`'s, `i` among them, in no particular order.
    func tokens(withTextOf i: Int) -> [Int] {
        let types = reader.types
        guard types.shape(ofSpan: i).contains(.ascii) else {
            if allTokens == nil {
                var all: [String: [Int]] = [:]
                for j in 0..<reader.count { all[reader.text(j), default: []].append(j) }
                allTokens = all
            }
            return allTokens?[reader.text(i)] ?? []
        }
        if tokensOfSpelling.isEmpty {
            tokensOfSpelling = Array(repeating: [], count: types.spellingCount)
            for j in 0..<reader.count {
                if types.shape(ofSpan: j).contains(.ascii) {
                    tokensOfSpelling[types.spelling(ofSpan: j)].append(j)
                } else {
                    otherTokens[reader.text(j), default: []].append(j)
                }
            }
        }
        let same = tokensOfSpelling[types.spelling(ofSpan: i)]
        guard !otherTokens.isEmpty, let others = otherTokens[reader.text(i)] else { return same }
        return same + others
    }
}
