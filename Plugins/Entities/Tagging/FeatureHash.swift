import AssayCore

/// The hashing the tagger's features are built from: bytes go straight into 64-bit hashes, so no
/// feature ever allocates a String. The functions are fixed (not Swift's seeded `Hasher`)
/// because a trained model file stores weights by these hash values.
enum FeatureHash {
    static var offset: UInt64 { FNV1a.offsetBasis }

    /// One FNV-1a step.
    @inline(__always) static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 { FNV1a.step(h, byte) }

    /// Combines two hashes (order matters); a multiply-xorshift finaliser spreads the bits.
    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a ^ (b &+ 0x9E37_79B9_7F4A_7C15 &+ (a << 6) &+ (a >> 2))
        x ^= x >> 31
        x &*= 0xD6E8_FEB8_6659_FD93
        x ^= x >> 32
        return x
    }

    /// The hash of a whole byte string.
    static func bytes<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = offset
        for b in bytes { h = step(h, b) }
        return mix(h, UInt64(bytes.count))
    }
}
