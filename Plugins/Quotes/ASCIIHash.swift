import AssayCore

/// A hash of an ASCII String's bytes, for grouping the names of a document.
///
/// Equal ASCII Strings have equal bytes, so names that hash apart differ, and hashing the bytes
/// costs a fraction of `Hasher`'s work on a String. Other text gets no hash: a non-ASCII String
/// may equal one of other bytes ("\u{212A}" is "K"), so it is grouped by String hashing.
enum ASCIIHash {
    /// FNV-1a of the bytes with its high bits folded into the low ones, or nil when `s` is not ASCII.
    static func of(_ s: String) -> UInt64? {
        func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
            var h = FNV1a.offsetBasis
            for c in bytes {
                if c >= 0x80 { return nil }
                h = FNV1a.step(h, c)
            }
            return h ^ (h >> 29)
        }
        return s.utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(s.utf8)
    }
}
