import AssayCore

/// A document's bytes and tokens seen through unsafe buffers for one extraction call, with the
/// small questions the number scanner asks over and over (a token's first byte, whether it is a
/// given word or in a word class, whether it is glued to its neighbour). Only valid inside
/// `withTokenView`.
struct TokenView {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    /// The tokens the extractor may look at (those inside the requested span).
    let lower: Int
    let upper: Int
    /// The document the buffers belong to, for the core's look-ups; like them, valid only inside
    /// `withTokenView` (which holds the document).
    unowned(unsafe) let document: AnalyzedDocument

    @inline(__always) func start(_ i: Int) -> Int { tokens[i].span.start }
    @inline(__always) func end(_ i: Int) -> Int { tokens[i].span.end }
    @inline(__always) func kind(_ i: Int) -> Token.Kind { tokens[i].kind }
    @inline(__always) func firstByte(_ i: Int) -> UInt8 { bytes[tokens[i].span.start] }
    @inline(__always) func length(_ i: Int) -> Int { tokens[i].span.end - tokens[i].span.start }
    @inline(__always) func contains(_ i: Int) -> Bool { i >= lower && i < upper }

    /// Whether token `i` touches the token before it (no white space between them).
    @inline(__always) func isGlued(_ i: Int) -> Bool { i > lower && !tokens[i].spaceBefore }

    /// Whether token `i` is `word` (lowercase ASCII), in any case.
    @inline(__always) func isWord(_ i: Int, _ word: StaticString) -> Bool {
        contains(i) && isWord(start(i), end(i), word)
    }

    /// Whether `bytes[from..<to]` are `word` (lowercase ASCII), in any case.
    func isWord(_ from: Int, _ to: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard to - from == n else { return false }
        let w = word.utf8Start
        for k in 0..<n where TextBytes.asciiLowercased(bytes[from + k]) != w[k] { return false }
        return true
    }

    /// The payload `lexicon` has for token `i` as a single word, ignoring case.
    @inline(__always) func lookUp<Payload>(_ lexicon: Lexicon<Payload>, _ i: Int) -> Payload? {
        guard contains(i),
            let index = lexicon.payloadIndex(ofWordAt: i, bytes: bytes, tokens: tokens, document: document)
        else { return nil }
        return lexicon.payload(at: index)
    }

    /// The payload `lexicon` has for the part `bytes[from..<to]` of a word (`bn` of `1.2bn`),
    /// ignoring case; nil unless the part can be a vocabulary word.
    func lookUp<Payload>(_ lexicon: Lexicon<Payload>, _ from: Int, _ to: Int) -> Payload? {
        guard let word = vocabularyText(from, to) else { return nil }
        return lexicon[word]
    }

    /// The classes of ``NumberVocabulary`` listing token `i`.
    @inline(__always) func classes(_ i: Int) -> UInt64 { lookUp(NumberVocabulary.byToken, i) ?? 0 }

    /// The number word token `i` is (`twenty`, `million`, `third`).
    @inline(__always) func numberWord(_ i: Int) -> NumberWord? { lookUp(NumberWords.table, i) }

    /// Whether `wordClass` lists token `i`.
    @inline(__always) func isIn(_ wordClass: NumberWordClass, _ i: Int) -> Bool {
        classes(i) & WordClasses<NumberWordClass>.bit(wordClass) != 0
    }

    /// Whether `wordClass` lists the part `bytes[from..<to]` of a word.
    func isIn(_ wordClass: NumberWordClass, _ from: Int, _ to: Int) -> Bool {
        guard let word = vocabularyText(from, to), let classes = NumberVocabulary.byToken[word] else { return false }
        return classes & WordClasses<NumberWordClass>.bit(wordClass) != 0
    }

    /// Whether token `i` can be a vocabulary word: 1 to 16 ASCII letters, digits, `-`, `.`, `'`
    /// and `&`. Other tokens (`café`, `a_b`, long compounds) end a search for a counted noun.
    func isVocabularyWord(_ i: Int) -> Bool { contains(i) && isVocabularyWord(start(i), end(i)) }

    func isVocabularyWord(_ from: Int, _ to: Int) -> Bool {
        guard to > from, to - from <= 16 else { return false }
        for p in from..<to {
            let b = bytes[p]
            guard
                TextBytes.isASCIIDigit(b) || TextBytes.isASCIILowercase(TextBytes.asciiLowercased(b))
                    || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "'")
                    || b == UInt8(ascii: "&")
            else { return false }
        }
        return true
    }

    /// The lowercased text of `bytes[from..<to]` when it can be a vocabulary word.
    func vocabularyText(_ from: Int, _ to: Int) -> String? {
        guard isVocabularyWord(from, to) else { return nil }
        return String(
            unsafeUninitializedCapacity: to - from,
            initializingUTF8With: { out in
                for k in 0..<(to - from) { out[k] = TextBytes.asciiLowercased(bytes[from + k]) }
                return to - from
            })
    }

    /// The lowercased text of token `i` when it can be a vocabulary word.
    func vocabularyText(_ i: Int) -> String? { contains(i) ? vocabularyText(start(i), end(i)) : nil }

    /// Whether token `i` ends with `suffix` (lowercase ASCII), in any case.
    func hasSuffix(_ i: Int, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        return length(i) >= n && isWord(end(i) - n, end(i), suffix)
    }

    /// Whether token `i` is exactly the ASCII character `c`.
    @inline(__always) func isChar(_ i: Int, _ c: UInt8) -> Bool {
        contains(i) && length(i) == 1 && bytes[tokens[i].span.start] == c
    }

    /// Whether token `i` starts with a capital letter (ASCII).
    func isCapitalized(_ i: Int) -> Bool { TextBytes.isASCIIUppercase(firstByte(i)) }

    /// Whether token `i` is written in capitals only (ASCII letters).
    func isAllCaps(_ i: Int) -> Bool {
        for p in start(i)..<end(i) {
            if !TextBytes.isASCIIUppercase(bytes[p]) { return false }
        }
        return true
    }

    /// The single Unicode scalar of a one-scalar token (symbols such as `€`), else nil.
    func scalar(_ i: Int) -> Unicode.Scalar? {
        guard contains(i) else { return nil }
        let (s, n) = TextBytes.scalar(in: bytes, at: start(i))
        return n == length(i) && (n > 1 || s.isASCII) ? s : nil
    }
}

extension AnalyzedDocument {
    /// Runs `body` with a ``TokenView`` over the tokens of `range`.
    func withTokenView<R>(_ range: Range<Int>, _ body: (TokenView) throws -> R) rethrows -> R {
        try utf8.withUnsafeBufferPointer { b in
            try tokens.withUnsafeBufferPointer { t in
                try body(
                    TokenView(bytes: b, tokens: t, lower: range.lowerBound, upper: range.upperBound, document: self))
            }
        }
    }
}
