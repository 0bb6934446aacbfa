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
///
/// The types are used only when another extractor has made them (``AnalyzedDocument/
/// tokenTypesIfMade``): sentiment alone would pay more for making them than it saves. Without
/// them each token is packed in place and looked up in ``SentimentLexicon/packedWords`` the
/// same way. A class, so that passing it to each sentence's analysis retains one object.
final class DocumentWords: Sendable {
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

    let document: AnalyzedDocument
    let lexicon: Lexicon<WordEntry>
    /// ``SentimentLexicon/packedWords``.
    let packedWords: PackedWordTable<SentimentLexicon.PackedLookup>
    /// The document's token types, nil when no extractor made them.
    let types: TokenTypes?
    /// Per type: what a token of that type finds.
    let lookups: [Lookup]
    /// Per type: whether it may be the second word of a multi-word entry.
    let continuesPhrase: [Bool]

    init(_ document: AnalyzedDocument, lexicon: SentimentLexicon) {
        self.document = document
        self.lexicon = lexicon.words
        self.packedWords = lexicon.packedWords
        types = document.tokenTypesIfMade
        var lookups: [Lookup] = []
        var continuesPhrase: [Bool] = []
        guard let types else {
            self.lookups = lookups
            self.continuesPhrase = continuesPhrase
            return
        }
        lookups.reserveCapacity(types.count)
        continuesPhrase.reserveCapacity(types.count)
        for t in 0..<types.count {
            guard let key = types.packedWord(ofType: t) else {
                lookups.append(.atToken)
                continuesPhrase.append(true)
                continue
            }
            let found = packedWords[key]
            let parts = found?.parts ?? [], entry = found?.entry
            lookups.append(parts.contains(.first) ? .phraseStart(entry) : entry.map(Lookup.word) ?? .absent)
            continuesPhrase.append(parts.contains(.second))
        }
        self.lookups = lookups
        self.continuesPhrase = continuesPhrase
    }

    /// The longest lexicon entry starting at token `i` and ending before token `limit`: its
    /// token count and entry, as ``Lexicon/match(in:at:limit:)`` finds it.
    @inline(__always)
    func match(atToken i: Int, limit: Int) -> (length: Int, payload: WordEntry)? {
        guard let types else { return matchByBytes(atToken: i, limit: limit) }
        switch lookups[types.type(ofSpan: i)] {
        case .absent: return nil
        case .word(let entry): return (1, entry)
        case .phraseStart(let entry):
            guard i + 1 < limit, continuesPhrase[types.type(ofSpan: i + 1)] else { return entry.map { (1, $0) } }
            // The lexicon holds the phrases, not the word's own entry.
            return lexicon.match(in: document, at: i, limit: limit) ?? entry.map { (1, $0) }
        case .atToken: return lexicon.match(in: document, at: i, limit: limit)
        }
    }

    /// ``match(atToken:limit:)`` without the types: what the type's look-up would find, from
    /// the token's bytes packed in place.
    @inline(__always)
    private func matchByBytes(atToken i: Int, limit: Int) -> (length: Int, payload: WordEntry)? {
        enum Found {
            case entry(WordEntry?)
            /// A phrase may start here; the word's own entry otherwise.
            case phraseStart(WordEntry?)
            case atToken
        }
        let found = document.utf8.withUnsafeBufferPointer { bytes in
            document.tokens.withUnsafeBufferPointer { tokens -> Found in
                guard let key = PackedWord(lowercasing: bytes, tokens[i].span) else { return .atToken }
                guard let lookup = packedWords[key] else { return .entry(nil) }
                guard lookup.parts.contains(.first), i + 1 < limit else { return .entry(lookup.entry) }
                // A phrase can match only when the next token may be a phrase's second word.
                guard let next = PackedWord(lowercasing: bytes, tokens[i + 1].span) else {
                    return .phraseStart(lookup.entry)
                }
                return packedWords[next]?.parts.contains(.second) == true
                    ? .phraseStart(lookup.entry) : .entry(lookup.entry)
            }
        }
        switch found {
        case .entry(let entry): return entry.map { (1, $0) }
        case .phraseStart(let entry): return lexicon.match(in: document, at: i, limit: limit) ?? entry.map { (1, $0) }
        case .atToken: return lexicon.match(in: document, at: i, limit: limit)
        }
    }
}
