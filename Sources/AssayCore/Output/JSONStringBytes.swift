/// The bytes a JSON string cannot hold as they are (a quote, a backslash, a control
/// character), found eight at a time: the writer escapes them, the reader stops at them.
enum JSONStringBytes {
    /// The offset of the first byte from `from` on that needs an escape, or `n`: eight bytes at
    /// a time, as one word.
    @inline(__always)
    static func firstNeedingEscape(_ text: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int {
        let raw = UnsafeRawPointer(text)
        var i = from
        while i &+ 8 <= n {
            // Little-endian, so that the text's first byte is the word's lowest.
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let mask = escapeMask(word)
            if mask != 0 { return i &+ (mask.trailingZeroBitCount >> 3) }
            i &+= 8
        }
        // The last bytes, as the word that ends the text when that starts at `from` or later:
        // the bytes it shares with the words before need no escape, so its lowest mark is
        // still the first.
        if i < n, n &- 8 >= from {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
            let mask = escapeMask(word)
            return mask == 0 ? n : n &- 8 &+ (mask.trailingZeroBitCount >> 3)
        }
        while i < n {
            let b = text[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return i }
            i &+= 1
        }
        return n
    }

    /// The high bit of each byte of `word` that is a control character, a
    /// quote or a backslash. A byte's borrow can also mark bytes above it, never below, so the
    /// lowest mark is exact: that is all ``firstNeedingEscape(_:from:to:)`` reads; the mask is
    /// zero exactly when no byte needs an escape.
    @inline(__always)
    static func escapeMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        // A byte below 0x20 borrows into its high bit, which it did not have.
        let control = (word &- ones &* 0x20) & ~word
        // A zero byte (the quote or backslash, after the XOR) borrows the same way.
        let matched = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        return (control | matched) & (ones &* 0x80)
    }
}
