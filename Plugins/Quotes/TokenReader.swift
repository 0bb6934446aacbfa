import AssayCore

/// Token-level questions the quote extractor asks again and again, answered from the shared
/// analysis (no copy of the text machinery): text, case, sentence of a token, punctuation.
struct TokenReader {
    let document: AnalyzedDocument
    /// The sentence index of every token.
    let sentenceOfToken: [Int32]
    /// The document's token types, and the quote word classes of each token.
    let types: TokenTypes
    let words: WordClassFlags<QuoteWord>

    init(_ document: AnalyzedDocument) {
        self.document = document
        var map = [Int32](repeating: 0, count: document.tokens.count)
        // Filled a sentence's range at a time, without a bounds check per token.
        map.withUnsafeMutableBufferPointer { m in
            for (s, sentence) in document.sentences.enumerated() {
                let r = sentence.tokens.clamped(to: 0..<m.count)
                UnsafeMutableBufferPointer(rebasing: m[r]).update(repeating: Int32(s))
            }
        }
        sentenceOfToken = map
        types = document.tokenTypes
        words = QuoteWord.classes.flags(for: types)
    }

    var count: Int { document.tokens.count }

    func text(_ i: Int) -> String { document.text(ofToken: i) }

    /// The token lowercased, for the few questions no word class answers (a name's words
    /// compared with an entity's canonical name).
    func lowercased(_ i: Int) -> String { types.text(ofType: types.type(ofSpan: i)) }

    /// The number of Characters of the token lowercased.
    func characterCount(_ i: Int) -> Int {
        types.shape(ofSpan: i).contains(.ascii) ? document.tokens[i].span.length : lowercased(i).count
    }

    /// The token's first byte, for cheap punctuation tests.
    func firstByte(_ i: Int) -> UInt8 { document.utf8[document.tokens[i].span.start] }

    func isWord(_ i: Int) -> Bool { document.tokens[i].kind == .word }

    func isNumber(_ i: Int) -> Bool { document.tokens[i].kind == .number }

    /// Whether the token is a word or a number: what counts as a quote's or a sentence's words.
    func isWordOrNumber(_ i: Int) -> Bool {
        let kind = document.tokens[i].kind
        return kind == .word || kind == .number
    }

    /// Whether token `i`, lowercased, is a word of class `c`.
    func `is`(_ i: Int, _ c: QuoteWord) -> Bool { words.contains(c, token: i) }

    /// The pronoun token `i` is, lowercased, if it is one a speaker can be.
    func pronoun(_ i: Int) -> SpeechLexicon.Pronoun? { SpeechLexicon.pronoun(ofClasses: words.classes(token: i)) }

    /// Whether the token is a word that starts with an upper-case letter.
    func isCapitalized(_ i: Int) -> Bool { isWord(i) && types.shape(ofSpan: i).contains(.capitalized) }

    /// Whether the token is a word that starts with a lower-case letter.
    func isLowercaseWord(_ i: Int) -> Bool { isWord(i) && types.shape(ofSpan: i).contains(.startsLowercase) }

    /// Whether token `i` is exactly `s` (compared as bytes, without building a String).
    func `is`(_ i: Int, _ s: String) -> Bool {
        let span = document.tokens[i].span
        guard span.length == s.utf8.count else { return false }
        var k = span.start
        for b in s.utf8 {
            if document.utf8[k] != b { return false }
            k += 1
        }
        return true
    }

    /// Whether token `i` exists and is the possessive "’s" or "'s" the tokeniser splits off.
    func isPossessiveMarker(_ i: Int) -> Bool { i < count && words.contains(.possessiveMarker, token: i) }

    /// Whether token `i` ends with a possessive ("Trump’s", "Clinton's"), ignoring case.
    func endsWithPossessive(_ i: Int) -> Bool { lowercasedHasSuffix(i, "’s") || lowercasedHasSuffix(i, "'s") }

    /// Whether token `i`, lowercased, is `word` (lower-case): its type's key compared, no
    /// String built for a short ASCII token.
    func lowerIs(_ i: Int, _ word: String) -> Bool { lowerIs(i, LowercaseWord(word)) }

    /// Whether token `i`, lowercased, is `word`, whose key was packed once for the many tokens
    /// compared with it.
    func lowerIs(_ i: Int, _ word: LowercaseWord) -> Bool {
        let t = types.type(ofSpan: i)
        if let key = types.packedWord(ofType: t) { return word.key == key }
        return types.text(ofType: t) == word.text
    }

    /// Whether token `i`, lowercased, ends with `suffix` (lower-case), as `hasSuffix` says: an
    /// ASCII token by its bytes, other text by its Characters.
    func lowercasedHasSuffix(_ i: Int, _ suffix: String) -> Bool {
        guard types.shape(ofSpan: i).contains(.ascii) else { return lowercased(i).hasSuffix(suffix) }
        let span = document.tokens[i].span
        guard span.length >= suffix.utf8.count else { return false }
        var k = span.end - suffix.utf8.count
        for b in suffix.utf8 {
            if TextBytes.asciiLowercased(document.utf8[k]) != b { return false }
            k += 1
        }
        return true
    }

    /// Whether the token is "—", "–", "-", "--" or "―", told by its bytes (asked of many tokens).
    func isDash(_ i: Int) -> Bool {
        let span = document.tokens[i].span
        let b = document.utf8, s = span.start
        switch span.length {
        case 1: return b[s] == 0x2D
        case 2: return b[s] == 0x2D && b[s + 1] == 0x2D
        case 3: return b[s] == 0xE2 && b[s + 1] == 0x80 && (b[s + 2] == 0x94 || b[s + 2] == 0x93 || b[s + 2] == 0x95)
        default: return false
        }
    }

    /// Whether the token is ".", "!", "?" or "…", told by its bytes (asked of every quoted token).
    func isSentencePunctuation(_ i: Int) -> Bool {
        let span = document.tokens[i].span
        let b = document.utf8, s = span.start
        switch span.length {
        case 1: return b[s] == 0x2E || b[s] == 0x21 || b[s] == 0x3F
        case 3: return b[s] == 0xE2 && b[s + 1] == 0x80 && b[s + 2] == 0xA6
        default: return false
        }
    }

    /// Whether the token is the one ASCII character `c` (",", ";", "("): `is(i, ",")` without
    /// walking a String.
    func isChar(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        let span = document.tokens[i].span
        return span.length == 1 && UInt32(document.utf8[span.start]) == c.value
    }

    /// Whether the token's text starts with `prefix` (as `String.hasPrefix` says): the bytes rule
    /// out nearly every token before a String is built.
    func hasPrefix(_ i: Int, _ prefix: String) -> Bool {
        let span = document.tokens[i].span
        guard span.length >= prefix.utf8.count else { return false }
        // Byte by byte, leaving at the first difference (asked of every quoted token).
        var k = span.start
        for b in prefix.utf8 {
            if document.utf8[k] != b { return false }
            k += 1
        }
        return text(i).hasPrefix(prefix)
    }

    /// Whether the token is any quote mark: " ' “ ” ‘ ’ « » „ ‹ ›, told by their UTF-8 bytes.
    func isQuoteMark(_ i: Int) -> Bool {
        let t = document.tokens[i]
        guard t.kind == .punctuation else { return false }
        let b = document.utf8, s = t.span.start
        switch t.span.length {
        case 1: return b[s] == 0x22 || b[s] == 0x27
        case 2: return b[s] == 0xC2 && (b[s + 1] == 0xAB || b[s + 1] == 0xBB)
        case 3: return b[s] == 0xE2 && b[s + 1] == 0x80 && [0x9C, 0x9D, 0x98, 0x99, 0x9E, 0xB9, 0xBA].contains(b[s + 2])
        default: return false
        }
    }

    func sentence(of token: Int) -> Int { Int(sentenceOfToken[token]) }
    func sentenceTokens(of token: Int) -> Range<Int> { document.sentences[sentence(of: token)].tokens }
    func paragraph(of token: Int) -> Int { document.sentences[sentence(of: token)].paragraph }

    /// The span from the start of token `a` to the end of token `b - 1`.
    func span(_ r: Range<Int>) -> Span {
        Span(document.tokens[r.lowerBound].span.start, document.tokens[r.upperBound - 1].span.end)
    }

    /// The text of a token range, as written.
    func text(_ r: Range<Int>) -> String { r.isEmpty ? "" : document.text(of: span(r)) }
}

/// A lower-case word that many tokens are compared with (see `TokenReader.lowerIs`):
/// its key is packed once rather than per token.
struct LowercaseWord {
    let text: String
    let key: PackedWord?

    init(_ text: String) {
        self.text = text
        key = PackedWord(text)
    }
}
