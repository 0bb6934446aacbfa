import AssayCore

/// Token-level questions the quote extractor asks again and again, answered from the shared
/// analysis (no copy of the text machinery): text, case, sentence of a token, punctuation.
struct TokenReader {
    let document: AnalyzedDocument
    /// The sentence index of every token.
    let sentenceOfToken: [Int32]

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
    }

    var count: Int { document.tokens.count }

    func text(_ i: Int) -> String { document.text(ofToken: i) }
    /// The token lowercased. An ASCII token (nearly every one) is lowercased straight from its
    /// bytes into one String, where `text(i).lowercased()` builds two; other text goes through
    /// `lowercased()`, which knows Unicode. Both give the same String for ASCII.
    func lower(_ i: Int) -> String {
        let span = document.tokens[i].span
        return document.utf8.withUnsafeBufferPointer { bytes in
            let token = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
            guard !token.contains(where: { $0 >= 0x80 }) else { return text(i).lowercased() }
            return String(unsafeUninitializedCapacity: token.count) { out in
                for k in 0..<token.count {
                    let b = token[k]
                    out[k] = b &- 65 < 26 ? b | 0x20 : b
                }
                return token.count
            }
        }
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

    /// Whether the token is a word that starts with an upper-case letter.
    func isCapitalized(_ i: Int) -> Bool {
        guard document.tokens[i].kind == .word else { return false }
        let b = firstByte(i)
        if b < 0x80 { return b >= 65 && b <= 90 }
        return text(i).unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// Whether the token is a word that starts with a lower-case letter.
    func isLowercaseWord(_ i: Int) -> Bool {
        guard document.tokens[i].kind == .word else { return false }
        let b = firstByte(i)
        if b < 0x80 { return b >= 97 && b <= 122 }
        return text(i).unicodeScalars.first?.properties.isLowercase ?? false
    }

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

    func isAny(_ i: Int, _ set: Set<String>) -> Bool { set.contains(text(i)) }

    /// Whether token `i` exists and is the possessive "’s" or "'s" the tokeniser splits off.
    func isPossessiveMarker(_ i: Int) -> Bool {
        i < count && (lowerIs(i, "’s") || lowerIs(i, "'s"))
    }

    /// Whether token `i`, lowercased, is `word`: the same answer as `lower(i) == word`, from the
    /// bytes when both are ASCII (nearly always), so no String is built.
    func lowerIs(_ i: Int, _ word: String) -> Bool {
        let span = document.tokens[i].span
        // The word's bytes read in place (a literal has contiguous storage) settle nearly every call.
        if let answer = word.utf8.withContiguousStorageIfAvailable({ asciiLowerIs(span, $0) }), let known = answer {
            return known
        }
        return lowerIsByViews(i, span, word)
    }

    /// `lowerIs` from the word's bytes `w`: nil when the word or the token is not all ASCII
    /// (and their first characters do not already differ), for the general path to answer.
    private func asciiLowerIs(_ span: Span, _ w: UnsafeBufferPointer<UInt8>) -> Bool? {
        document.utf8.withUnsafeBufferPointer { bytes -> Bool? in
            // Different ASCII first characters settle it, as in `lowerIsByViews`.
            if let first = w.first, first < 0x80, span.length > 0 {
                let b = bytes[span.start]
                if b < 0x80, (b &- 65 < 26 ? b | 0x20 : b) != first { return false }
            }
            for c in w where c >= 0x80 { return nil }
            for k in span.start..<span.end where bytes[k] >= 0x80 { return nil }
            guard span.length == w.count else { return false }
            for k in 0..<w.count {
                let b = bytes[span.start + k]
                if (b &- 65 < 26 ? b | 0x20 : b) != w[k] { return false }
            }
            return true
        }
    }

    /// `lowerIs` for any text: by bytes when both are ASCII, else by comparing `lower(i)`.
    private func lowerIsByViews(_ i: Int, _ span: Span, _ word: String) -> Bool {
        let bytes = document.utf8
        // Different ASCII first characters settle it (nearly every call): each string then
        // starts with that character in any normal form, so they cannot be equivalent.
        if let w = word.utf8.first, w < 0x80, span.length > 0 {
            let b = bytes[span.start]
            if b < 0x80, (b >= 65 && b <= 90 ? b | 0x20 : b) != w { return false }
        }
        guard word.utf8.allSatisfy({ $0 < 0x80 }), !bytes[span.start..<span.end].contains(where: { $0 >= 0x80 }) else {
            return lower(i) == word
        }
        guard span.length == word.utf8.count else { return false }
        var k = span.start
        for w in word.utf8 {
            let b = bytes[k]
            if (b >= 65 && b <= 90 ? b | 0x20 : b) != w { return false }
            k += 1
        }
        return true
    }

    /// Whether token `i`, lowercased, is one of the single words of `words`: the same answer as
    /// `set.contains(lower(i))` for a set of those words, without building a String per token.
    func isLowered<P>(_ i: Int, in words: Lexicon<P>) -> Bool { words.match(in: document, at: i, limit: i + 1) != nil }

    /// Whether token `i`, lowercased, is one of `words`.
    func isLowered(_ i: Int, in words: SingleWordList) -> Bool { words.contains(i, in: document) }

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
