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

/// The distinct ASCII Strings met so far, each numbered in the order it was first met and found
/// again by ``ASCIIHash`` (open addressing): the grouping of a document's names without
/// `Hasher`'s work on each String.
struct ASCIIStrings {
    /// Per slot, the number of a String in `listed`, or -1 for a free slot.
    private var slots: [Int32]
    private var listed: [String] = []

    /// Room for `capacity` Strings without a slot chain growing long (the slots never grow).
    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        listed.reserveCapacity(capacity)
    }

    /// The number of the String equal to `text` met before, or of `text` itself when it is new
    /// (then `isNew`); nil when `text` is not ASCII, which is not listed.
    mutating func insert(_ text: String) -> (number: Int, isNew: Bool)? {
        guard let h = ASCIIHash.of(text) else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 {
            let n = Int(slots[slot])
            if listed[n] == text { return (n, false) }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(listed.count)
        listed.append(text)
        return (listed.count - 1, true)
    }
}
