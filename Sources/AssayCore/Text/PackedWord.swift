/// A short lower-case ASCII word packed into two integers: the key ``TokenTypes``, ``Lexicon``
/// and ``WordClasses`` use for the words nearly every text is made of.
///
/// Byte `k` of the word sits at bits `8 k` of ``low`` (bytes 0...7) or ``high`` (bytes 8...14),
/// and the length in the top byte of ``high``, which no ASCII byte reaches there. Two words are
/// equal exactly when their packed forms are, compared as two integers without a call to
/// `memcmp`; ``high`` is never 0 for a word, so 0 can mark a free slot in a table.
///
/// Only lower-case ASCII of 1...15 bytes packs: lowercasing ASCII is all the case folding it
/// needs, so a token's key is built from its bytes without a String. Longer or non-ASCII words
/// are kept as Strings, lowercased by Unicode's rules.
public struct PackedWord: Hashable, Sendable {
    /// Bytes 0...7, first byte lowest.
    public let low: UInt64
    /// Bytes 8...14, and the length in the top byte.
    public let high: UInt64

    /// The longest word that packs.
    public static let maxLength = 15

    @inlinable
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The word `text` lowercased, when that is ASCII of 1...15 bytes.
    @inlinable
    public init?(_ text: String) {
        // Through the contiguous UTF-8 (no copy for a native String): iterating `utf8` of a String
        // handed across a module boundary costs some hundred instructions a call.
        var text = text
        guard let word = text.withUTF8({ PackedWord(lowercasing: $0, Span(0, $0.count)) }) else { return nil }
        self = word
    }

    /// The bytes of `span` lowercased, when they are ASCII of 1...15 bytes; nil otherwise.
    ///
    /// Reads sixteen bytes as two words where they lie inside `bytes` and lowercases eight at
    /// a time; near the end of the text, byte by byte.
    @inlinable @inline(__always)
    public init?(lowercasing bytes: UnsafeBufferPointer<UInt8>, _ span: Span) {
        let length = span.end - span.start
        guard length > 0, length <= Self.maxLength else { return nil }
        var lo: UInt64 = 0, hi: UInt64 = 0
        if span.start + 16 <= bytes.count {
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
        guard (lo | hi) & 0x8080_8080_8080_8080 == 0 else { return nil }
        self.init(
            low: TextBytes.asciiLowercased(eightBytes: lo),
            high: TextBytes.asciiLowercased(eightBytes: hi) | UInt64(length) << 56)
    }

    /// The word's length in bytes.
    @inlinable
    public var length: Int { Int(high >> 56) }

    /// A well-mixed hash of the word: its top bits pick a slot in a table of a power-of-two size.
    @inlinable @inline(__always)
    public var hash: UInt64 { (low ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15 }

    /// The word as a String.
    public var text: String {
        let n = length
        return String(unsafeUninitializedCapacity: n) { out in
            for k in 0..<n {
                out[k] = UInt8(truncatingIfNeeded: k < 8 ? low >> UInt64(8 * k) : high >> UInt64(8 * (k - 8)))
            }
            return n
        }
    }
}
