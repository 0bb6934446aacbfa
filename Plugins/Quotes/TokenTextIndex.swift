import AssayCore

/// Which tokens of a document have the same text, made on first use: "does this word occur
/// elsewhere" is asked for many quotes, and a scan of the document for each would take time
/// quadratic in a document of thousands of quotes.
///
/// Texts compare as Strings do, by canonical equivalence, so two different byte sequences may
/// be the same text (a decomposed "é", a Kelvin sign for "K"). An ASCII token is found by its
/// bytes, among the ASCII tokens, and by its text among the few others; a token with other
/// bytes, rarely asked about, is looked up among all tokens by text.
final class TokenTextIndex {
    private let document: AnalyzedDocument
    /// The ASCII tokens by their bytes.
    private var asciiTokens: [ArraySlice<UInt8>: [Int]] = [:]
    /// The other tokens by their text.
    private var otherTokens: [String: [Int]] = [:]
    /// Every token by its text, made when a non-ASCII token is first asked about.
    private var allTokens: [String: [Int]]?
    private var isBuilt = false

    init(document: AnalyzedDocument) { self.document = document }

    /// The tokens whose text is token `i`'s, `i` among them, in no particular order.
    func tokens(withTextOf i: Int) -> [Int] {
        if !isBuilt { build() }
        guard let bytes = asciiBytes(of: i) else {
            if allTokens == nil {
                var all: [String: [Int]] = [:]
                for j in document.tokens.indices { all[document.text(ofToken: j), default: []].append(j) }
                allTokens = all
            }
            return allTokens?[document.text(ofToken: i)] ?? []
        }
        let same = asciiTokens[bytes] ?? []
        guard !otherTokens.isEmpty, let others = otherTokens[document.text(ofToken: i)] else { return same }
        return same + others
    }

    private func build() {
        isBuilt = true
        for j in document.tokens.indices {
            if let bytes = asciiBytes(of: j) {
                asciiTokens[bytes, default: []].append(j)
            } else {
                otherTokens[document.text(ofToken: j), default: []].append(j)
            }
        }
    }

    /// The token's bytes when they are all ASCII.
    private func asciiBytes(of i: Int) -> ArraySlice<UInt8>? {
        let span = document.tokens[i].span
        let bytes = document.utf8[span.start..<span.end]
        return bytes.allSatisfy { $0 < 0x80 } ? bytes : nil
    }
}
