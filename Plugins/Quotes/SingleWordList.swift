import AssayCore

/// A list of single words matched against one token, ignoring case: for the lists the quote
/// extractor asks about nearly every token (speech-verb forms, stop words, determiners).
///
/// The same answers as a `Lexicon` of those words asked at one token, faster for the tokens
/// nearly every text is made of: an ASCII token is lowercased and packed into two integers and
/// looked up in an open-addressing table (a few dozen instructions, where the lexicon's hash,
/// chain walk and byte comparison cost hundreds), as ASCII lowercasing is all the case folding
/// ASCII needs. A token with a non-ASCII byte is asked of the lexicon, which knows how Unicode
/// lowercases.
struct SingleWordList: Sendable {
    /// The words, lower-case; answers are indices into it.
    let words: [String]
    /// The packed keys, two per slot: the low 8 bytes, then the higher bytes with the length in
    /// the top byte (so never 0 for a word: 0 marks an empty slot).
    private let keys: [UInt64]
    /// The word index of each slot.
    private let indices: [Int32]
    private let shift: UInt64
    /// For tokens with non-ASCII bytes.
    private let lexicon: Lexicon<Int>

    /// Builds the list; every word must be lower-case ASCII of 1 to 16 bytes (longer tokens are
    /// then ruled out by their length), and distinct.
    init(_ words: [String]) {
        self.words = words
        lexicon = Lexicon(words.enumerated().map { ($1, $0) })
        var bits = 4
        while (1 << bits) < words.count * 4 { bits += 1 }
        let size = 1 << bits
        var keys = [UInt64](repeating: 0, count: size * 2)
        var indices = [Int32](repeating: -1, count: size)
        shift = UInt64(64 - bits)
        for (index, word) in words.enumerated() {
            let b = Array(word.utf8)
            precondition((1...16).contains(b.count) && b.allSatisfy { $0 < 0x80 && !(65...90).contains($0) },
                         "not a lower-case ASCII word of at most 16 bytes: \(word)")
            var lo: UInt64 = 0, hi = UInt64(b.count) << 56
            for (k, c) in b.enumerated() {
                if k < 8 { lo |= UInt64(c) << UInt64(8 * k) } else { hi |= UInt64(c) << UInt64(8 * (k - 8)) }
            }
            var slot = Int(Self.hash(lo, hi) >> shift)
            while keys[2 * slot + 1] != 0 {
                precondition(keys[2 * slot] != lo || keys[2 * slot + 1] != hi, "duplicate word \(word)")
                slot = (slot + 1) & (size - 1)
            }
            keys[2 * slot] = lo
            keys[2 * slot + 1] = hi
            indices[slot] = Int32(index)
        }
        self.keys = keys
        self.indices = indices
    }

    @inline(__always)
    private static func hash(_ lo: UInt64, _ hi: UInt64) -> UInt64 {
        (lo ^ (hi &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The index of the word token `i` is, lowercased, or nil.
    func index(of i: Int, in document: AnalyzedDocument) -> Int? {
        document.utf8.withUnsafeBufferPointer { bytes in
            document.tokens.withUnsafeBufferPointer { tokens in index(of: i, bytes: bytes, tokens: tokens, document: document) }
        }
    }

    /// ``index(of:in:)`` over the document's bytes and tokens already in hand (for loops over
    /// every token).
    @inline(__always)
    func index(of i: Int, bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, document: AnalyzedDocument) -> Int? {
        let span = tokens[i].span
        let length = span.end - span.start
        guard length > 0 else { return nil }
        // No word is longer: a longer ASCII token is none of them. (Lowercasing may shorten
        // other text, which the lexicon answers.)
        guard length <= 16 else {
            for k in span.start..<span.end where bytes[k] >= 0x80 { return lexicon.match(in: document, at: i, limit: i + 1)?.payload }
            return nil
        }
        var lo: UInt64 = 0, hi = UInt64(length) << 56
        var seen: UInt8 = 0
        for k in 0..<length {
            let c = bytes[span.start + k]
            seen |= c
            let lower = UInt64(c &- 65 < 26 ? c | 0x20 : c)
            if k < 8 { lo |= lower << UInt64(8 * k) } else { hi |= lower << UInt64(8 * (k - 8)) }
        }
        guard seen < 0x80 else { return lexicon.match(in: document, at: i, limit: i + 1)?.payload }
        return keys.withUnsafeBufferPointer { keys -> Int? in
            let mask = indices.count - 1
            var slot = Int(Self.hash(lo, hi) >> shift)
            while true {
                let storedHi = keys[2 * slot + 1]
                if storedHi == 0 { return nil }
                if storedHi == hi && keys[2 * slot] == lo { return Int(indices[slot]) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether token `i`, lowercased, is one of the words.
    func contains(_ i: Int, in document: AnalyzedDocument) -> Bool { index(of: i, in: document) != nil }
}
