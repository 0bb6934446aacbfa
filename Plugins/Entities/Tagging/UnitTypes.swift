import AssayCore
import Foundation

/// Per-unit profiles, however they are stored: an array with one per unit (the trainer's), or
/// ``TypedProfiles`` (the extractor's, one per spelling).
protocol UnitProfileList {
    subscript(_ unit: Int) -> UnitProfile { get }
    /// How many distinct profiles there may be, and which one a unit has: units of one type
    /// have equal profiles (an array says every unit is its own type).
    var typeCount: Int { get }
    func type(of unit: Int) -> Int
    /// The profile of the units of type `type`.
    func profile(ofType type: Int) -> UnitProfile
}

extension Array: UnitProfileList where Element == UnitProfile {
    var typeCount: Int { count }
    func type(of unit: Int) -> Int { unit }
    func profile(ofType type: Int) -> UnitProfile { self[type] }
}

/// The profile of each unit read through its type: no copy of 112 bytes per unit.
struct TypedProfiles: UnitProfileList {
    let ofUnit: [Int32]
    let profiles: [UnitProfile]

    init(_ types: UnitTypes) {
        ofUnit = types.ofUnit
        profiles = types.profiles
    }

    @inline(__always) subscript(_ unit: Int) -> UnitProfile { profiles[Int(ofUnit[unit])] }
    var typeCount: Int { profiles.count }
    @inline(__always) func type(of unit: Int) -> Int { Int(ofUnit[unit]) }
    @inline(__always) func profile(ofType type: Int) -> UnitProfile { profiles[type] }
}

/// The distinct spellings ("types") among a document's units.
///
/// A news article of 700 units has about half as many distinct spellings ("the", ",", "Putin"
/// recur), and every fact the tagger reads about a unit alone — its ``UnitProfile`` and the
/// weights of its word-only features — is a function of its bytes. Grouping the units by
/// spelling lets both be computed once per spelling instead of once per unit.
///
/// Spellings are found by a fast hash of the bytes and then compared byte for byte, so two
/// spellings never share a type, whatever the hash does.
struct UnitTypes {
    /// Per unit: its type.
    var ofUnit: [Int32] = []
    /// Per type: the span of its first unit (the spelling's bytes, for comparing).
    private var spellings: [Span] = []
    /// Per type: the hash of its bytes.
    private var hashes: [UInt64] = []
    /// Per type: its bytes packed in a number, first byte lowest, when it has fewer than eight
    /// (most words): two such spellings have equal bytes exactly when they have equal lengths
    /// and numbers, compared without a call to `memcmp`. (For longer ones, the last
    /// `length % 8` bytes, which say nothing alone.)
    private var packed: [UInt64] = []
    /// Per type: the profile of its spelling, once ``profile(with:)`` or the caller has set them.
    var profiles: [UnitProfile] = []

    var count: Int { spellings.count }
    func spelling(_ type: Int) -> Span { spellings[type] }
    func hash(_ type: Int) -> UInt64 { hashes[type] }
    func packedBytes(_ type: Int) -> UInt64 { packed[type] }

    init(_ utf8: UnsafeBufferPointer<UInt8>, _ spans: [Span]) {
        let n = spans.count
        guard let start = utf8.baseAddress, n > 0 else { return }
        let base = UnsafeRawPointer(start)
        // Open addressing over type numbers (-1: free), at most half full: a type's home slot
        // is given by its hash's low bits, and a full slot is followed by the next one.
        var bits = 4
        while (1 << bits) < 2 * n { bits += 1 }
        let mask = (1 << bits) - 1
        var table = [Int32](repeating: -1, count: 1 << bits)
        // The arrays are written through pointers, with room for the most types there can be
        // (one per unit) and no filling first: appending cost more than finding the types.
        var typeCount = 0
        var spellings: [Span] = [], hashes: [UInt64] = [], packed: [UInt64] = []
        ofUnit = [Int32](unsafeUninitializedCapacity: n) { ofUnit, ofUnitCount in
            spellings = [Span](unsafeUninitializedCapacity: n) { spellings, spellingCount in
                hashes = [UInt64](unsafeUninitializedCapacity: n) { hashes, hashCount in
                    packed = [UInt64](unsafeUninitializedCapacity: n) { packed, packedCount in
                        spans.withUnsafeBufferPointer { spans in
                            table.withUnsafeMutableBufferPointer { table in
                                for u in 0..<n {
                                    let span = spans[u]
                                    let (h, tail) = Self.hash(base, utf8.count, span)
                                    var slot = Int(truncatingIfNeeded: h) & mask
                                    while true {
                                        let t = Int(table[slot])
                                        if t < 0 {
                                            // A new spelling.
                                            table[slot] = Int32(typeCount)
                                            spellings.initializeElement(at: typeCount, to: span)
                                            hashes.initializeElement(at: typeCount, to: h)
                                            packed.initializeElement(at: typeCount, to: tail)
                                            ofUnit.initializeElement(at: u, to: Int32(typeCount))
                                            typeCount += 1
                                            break
                                        }
                                        let first = spellings[t]
                                        if hashes[t] == h && first.length == span.length
                                            && (span.length < 8
                                                ? packed[t] == tail
                                                : memcmp(base + first.start, base + span.start, span.length) == 0)
                                        {
                                            ofUnit.initializeElement(at: u, to: Int32(t))
                                            break
                                        }
                                        slot = (slot + 1) & mask
                                    }
                                }
                            }
                        }
                        packedCount = typeCount
                    }
                    hashCount = typeCount
                }
                spellingCount = typeCount
            }
            ofUnitCount = n
        }
        self.spellings = spellings
        self.hashes = hashes
        self.packed = packed
    }

    /// Profiles every type from its bytes.
    mutating func profile(with utf8: UnsafeBufferPointer<UInt8>) {
        profiles = spellings.map { UnitProfile(utf8, $0.start, $0.end) }
    }

    /// Adds a type that no unit has (the sentence boundary markers of the features) and returns
    /// it. Only after the profiles are set: a marker has no bytes to profile.
    mutating func appendMarker(_ profile: UnitProfile) -> Int32 {
        precondition(profiles.count == spellings.count)
        profiles.append(profile)
        spellings.append(Span(0, 0))
        hashes.append(0)
        packed.append(0)
        return Int32(profiles.count - 1)
    }

    /// A hash of a unit's bytes, eight at a time (only for finding equal spellings, here and
    /// in ``SpellingCache``: the features use ``FeatureHash``, which a model file depends on),
    /// and the last `length % 8` bytes packed in a number, first byte lowest: for a spelling
    /// of fewer than eight bytes, all of them. `count` is the byte count of the buffer at
    /// `base`: the tail is read as one eight-byte load where that stays inside it.
    @inline(__always) private static func hash(_ base: UnsafeRawPointer, _ count: Int, _ span: Span) -> (
        hash: UInt64, tail: UInt64
    ) {
        var h = UInt64(truncatingIfNeeded: span.length) &* 0x9E37_79B9_7F4A_7C15
        var i = span.start
        while i + 8 <= span.end {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        let left = span.end - i
        if left > 0 {
            if i + 8 <= count {
                // (Little-endian: the low bytes of the load are the first ones.)
                tail = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & (UInt64.max &>> (64 - 8 * left))
            } else {
                for k in 0..<left { tail |= UInt64(base.load(fromByteOffset: i + k, as: UInt8.self)) &<< (8 * k) }
            }
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return (h ^ (h >> 32), tail)
    }
}
