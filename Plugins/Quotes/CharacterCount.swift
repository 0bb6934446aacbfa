/// How many Characters a name has, exactly as `String.count` says.
///
/// Finding a name's fullest form compares the lengths of every person's and organisation's
/// name forms in a document, and `count` finds grapheme breaks Character by Character. In ASCII
/// text every byte is a Character of its own except in "\r\n", which is one, so an ASCII string
/// is counted from its bytes; other text still goes through `count`.
enum CharacterCount {
    static func of(_ s: String) -> Int {
        let ascii = s.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var count = bytes.count
            var previous: UInt8 = 0
            for b in bytes {
                if b >= 0x80 { return nil }
                if b == 0x0A && previous == 0x0D { count -= 1 }
                previous = b
            }
            return count
        }
        return (ascii ?? nil) ?? s.count
    }
}
