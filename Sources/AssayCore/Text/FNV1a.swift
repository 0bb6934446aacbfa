/// FNV-1a, the byte hash that Assay's word tables and trained models are keyed by.
///
/// It is fixed, unlike Swift's `Hasher`, which is seeded per process: a trained model stores its
/// weights by these values, and training has to write the same file in every process. It also
/// hashes bytes as they are read, so a hot loop hashes a word without building a String.
public enum FNV1a {
    /// The state before any byte.
    @inlinable public static var offsetBasis: UInt64 { 0xCBF2_9CE4_8422_2325 }

    /// The multiplier of each step.
    @inlinable public static var prime: UInt64 { 0x0000_0100_0000_01B3 }

    /// `h` after one more byte.
    @inlinable @inline(__always)
    public static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* prime }

    /// The hash of `bytes`, continuing from `state` (by default, from the start).
    @inlinable
    public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes, from state: UInt64 = offsetBasis) -> UInt64 {
        var h = state
        for b in bytes { h = step(h, b) }
        return h
    }
}
