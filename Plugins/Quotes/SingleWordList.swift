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
    /// the top byte (so never 0 for a word: 0 marks an empty slot). Byte k of a word sits at bits
    /// 8k of its word of the key.
    private let keys: [UInt64]
    /// The word index of each slot.
    private let indices: [Int32]
    private let shift: UInt64
    /// For tokens with non-ASCII bytes.
    private let lexicon: Lexicon<Int>

    /// Builds the list; every word must be lower-case ASCII of 1 to 15 bytes (longer tokens are
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
            precondition(
                (1...Self.maxLength).contains(b.count) && b.allSatisfy { $0 < 0x80 && !(65...90).contains($0) },
                "not a lower-case ASCII word of at most \(Self.maxLength) bytes: \(word)")
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
            document.tokens.withUnsafeBufferPointer { tokens in
                index(of: i, bytes: bytes, tokens: tokens, document: document)
            }
        }
    }

    /// ``index(of:in:)`` over the document's bytes and tokens already in hand (for loops over
    /// every token).
    @inline(__always)
    func index(
        of i: Int, bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, document: AnalyzedDocument
    ) -> Int? {
        let span = tokens[i].span
        let length = span.end - span.start
        guard length > 0 else { return nil }
        // No word is longer: a longer ASCII token is none of them. (Lowercasing may shorten
        // other text, which the lexicon answers.)
        guard length <= Self.maxLength else {
            for k in span.start..<span.end where bytes[k] >= 0x80 {
                return lexicon.match(in: document, at: i, limit: i + 1)?.payload
            }
            return nil
        }
        var lo: UInt64 = 0, hi: UInt64 = 0
        if span.start + 16 <= bytes.count {
            // Sixteen bytes read as two words (eight at a time; byte k lands at bits 8k, as
            // packed below), masked to the token's.
            let base = UnsafeRawPointer(bytes.baseAddress! + span.start)
            lo = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
            if length < 8 {
                lo &= (1 << UInt64(8 * length)) - 1
            } else if length > 8 {
                hi =
                    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                    & ((1 << UInt64(8 * (length - 8))) - 1)
            }
        } else {
            for k in 0..<length {
                let c = UInt64(bytes[span.start + k])
                if k < 8 { lo |= c << UInt64(8 * k) } else { hi |= c << UInt64(8 * (k - 8)) }
            }
        }
        guard (lo | hi) & 0x8080_8080_8080_8080 == 0 else {
            return lexicon.match(in: document, at: i, limit: i + 1)?.payload
        }
        lo = Self.lowercased(lo)
        hi = Self.lowercased(hi) | UInt64(length) << 56
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

    /// The longest word: its length then fits in the top byte of the packed key, which no
    /// word's bytes reach.
    private static let maxLength = 15

    /// Eight ASCII bytes with "A"..."Z" lowercased, all at once: a byte plus 0x3F reaches 0x80
    /// from "A" on, plus 0x25 from the byte after "Z" on (no byte carries into the next, as
    /// every byte is below 0x80); the upper-case ones get 0x20.
    @inline(__always)
    private static func lowercased(_ x: UInt64) -> UInt64 {
        let fromA = x &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = x &+ 0x2525_2525_2525_2525
        let upper = fromA & ~pastZ & 0x8080_8080_8080_8080
        return x | (upper >> 2)
    }

    /// Whether token `i`, lowercased, is one of the words.
    func contains(_ i: Int, in document: AnalyzedDocument) -> Bool { index(of: i, in: document) != nil }
}
