import AssayCore

/// The sentiment lexicon's answer for every distinct word of one document, looked up once per
/// word type rather than once per token: an article uses each word about twice, and the rules
/// read every token of every sentence.
///
/// A word that starts a multi-word expression ("failed to", "in spite of") is matched at the
/// token when the next token may continue one, since what follows decides the match; so is a
/// type without a packed key (longer than ``PackedWord/maxLength`` bytes, or not ASCII), whose
/// lowercasing the lexicon does itself. Every other word's answer is its single-word entry or
/// nothing.
struct DocumentWords: Sendable {
    /// What the rules find at a token of a given type.
    enum Lookup: Sendable {
        /// In no lexicon entry.
        case absent
        /// Exactly this single-word entry.
        case word(WordEntry)
        /// The first word of a multi-word entry, with its own single-word entry if any: a
        /// phrase can match only when the next token may be a phrase's second word.
        case phraseStart(WordEntry?)
        /// Ask the lexicon at the token.
        case atToken
    }

    /// The document's token types (``AnalyzedDocument/tokenTypes``).
    let types: TokenTypes
    /// Per type: what a token of that type finds.
    let lookups: [Lookup]
    /// Per type: whether it may be the second word of a multi-word entry.
    let continuesPhrase: [Bool]

    init(_ document: AnalyzedDocument, lexicon: SentimentLexicon) {
        let types = document.tokenTypes
        self.types = types
        var lookups: [Lookup] = []
        var continuesPhrase: [Bool] = []
        lookups.reserveCapacity(types.count)
        continuesPhrase.reserveCapacity(types.count)
        for t in 0..<types.count {
            guard types.packedWord(ofType: t) != nil else {
                lookups.append(.atToken)
                continuesPhrase.append(true)
                continue
            }
            let parts = lexicon.phraseWords.payload(ofType: t, in: types) ?? []
            let entry = lexicon.words.payload(ofType: t, in: types)
            lookups.append(parts.contains(.first) ? .phraseStart(entry) : entry.map(Lookup.word) ?? .absent)
            continuesPhrase.append(parts.contains(.second))
        }
        self.lookups = lookups
        self.continuesPhrase = continuesPhrase
    }

    /// What token `i` finds: its type's answer.
    @inline(__always)
    func lookup(atToken i: Int) -> Lookup { lookups[types.type(ofSpan: i)] }

    /// Whether token `i` may be the second word of a multi-word entry.
    @inline(__always)
    func mayContinuePhrase(atToken i: Int) -> Bool { continuesPhrase[types.type(ofSpan: i)] }
}
