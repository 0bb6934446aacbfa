import AssayCore

/// The sentiment lexicon's answer for every distinct word of one document, looked up once per
/// word type rather than once per token: an article uses each word about twice, and the rules
/// read every token of every sentence.
///
/// A word that may start a multi-word expression ("failed to", "in spite of") is still matched
/// token by token, since what follows it decides the match; so is a type without a packed key
/// (longer than ``PackedWord/maxLength`` bytes, or not ASCII), whose lowercasing the lexicon
/// does itself. Every other word's answer is its single-word entry or nothing.
struct DocumentWords: Sendable {
    /// What the rules find at a token of a given type.
    enum Lookup: Sendable {
        /// In no lexicon entry.
        case absent
        /// Exactly this single-word entry.
        case word(WordEntry)
        /// Ask the lexicon at the token (a phrase may start there).
        case atToken
    }

    /// The document's token types (``AnalyzedDocument/tokenTypes``).
    let types: TokenTypes
    /// Per type: what a token of that type finds.
    let lookups: [Lookup]

    init(_ document: AnalyzedDocument, lexicon: SentimentLexicon) {
        let types = document.tokenTypes
        self.types = types
        lookups = (0..<types.count).map { t in
            guard types.packedWord(ofType: t) != nil, lexicon.phraseStarts.payload(ofType: t, in: types) == nil
            else { return .atToken }
            return lexicon.words.payload(ofType: t, in: types).map(Lookup.word) ?? .absent
        }
    }

    /// What token `i` finds: its type's answer.
    @inline(__always)
    func lookup(atToken i: Int) -> Lookup { lookups[types.type(ofSpan: i)] }
}
