/// A word folded to lowercase ASCII and packed into two machine words, so that looking a token
/// up in the number vocabularies costs no `String` allocation and hashes in a few instructions.
///
/// Only ASCII letters, digits, `-`, `.`, `'` and `&` are allowed, and at most 16 bytes: longer or
/// non-ASCII tokens are never number words, so they simply have no key.
struct WordKey: Hashable, Sendable {
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    private(set) var count: UInt8 = 0

    func hash(into hasher: inout Hasher) {
        hasher.combine(low ^ (high &* 0x100_0000_01B3) ^ UInt64(count))
    }

    static let capacity = 16

    /// The key of `bytes[start..<end]`, or nil if the bytes cannot be a vocabulary word.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let n = end - start
        guard n > 0, n <= WordKey.capacity else { return nil }
        for k in 0..<n {
            var b = bytes[start + k]
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): b |= 0x20
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "&"):
                break
            default: return nil
            }
            if k < 8 { low |= UInt64(b) << (8 * UInt64(k)) } else { high |= UInt64(b) << (8 * UInt64(k - 8)) }
        }
        count = UInt8(n)
    }

    /// The key of a table word (tables are written in lowercase ASCII).
    init(_ word: String) {
        var copy = word
        let key = copy.withUTF8 { WordKey($0, 0, $0.count) }
        precondition(key != nil, "'\(word)' cannot be a vocabulary word")
        self = key!
    }

    /// The byte at position `k` (lowercased).
    @inline(__always)
    func byte(_ k: Int) -> UInt8 {
        k < 8
            ? UInt8(truncatingIfNeeded: low >> (8 * UInt64(k))) : UInt8(truncatingIfNeeded: high >> (8 * UInt64(k - 8)))
    }

    /// Whether the word ends with the ASCII `suffix`.
    func hasSuffix(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard n <= Int(count) else { return false }
        let p = suffix.utf8Start
        for k in 0..<n where byte(Int(count) - n + k) != p[k] { return false }
        return true
    }

    var string: String {
        String(decoding: (0..<Int(count)).map { byte($0) }, as: UTF8.self)
    }
}
