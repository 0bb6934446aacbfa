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
}

extension Array: UnitProfileList where Element == UnitProfile {
    var typeCount: Int { count }
    func type(of unit: Int) -> Int { unit }
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
    /// Per type: the profile of its spelling, once ``profile(with:)`` or the caller has set them.
    var profiles: [UnitProfile] = []

    var count: Int { spellings.count }
    func spelling(_ type: Int) -> Span { spellings[type] }
    func hash(_ type: Int) -> UInt64 { hashes[type] }

    init(_ utf8: UnsafeBufferPointer<UInt8>, _ spans: [Span]) {
        ofUnit.reserveCapacity(spans.count)
        spellings.reserveCapacity(spans.count / 2 + 2)
        hashes.reserveCapacity(spans.count / 2 + 2)
        var table = HashedTable<Int32>(capacity: spans.count / 2 + 16, empty: -1)
        guard let start = utf8.baseAddress, !spans.isEmpty else { return }
        let base = UnsafeRawPointer(start)
        for span in spans {
            let h = Self.hash(base, span)
            var key = h
            while true {
                if let t = table[key] {
                    let first = spellings[Int(t)]
                    if first.length == span.length && memcmp(base + first.start, base + span.start, span.length) == 0 {
                        ofUnit.append(t)
                        break
                    }
                    key = FeatureHash.mix(key, 0x5EED)  // another spelling with this hash: probe the next key
                    continue
                }
                let t = Int32(spellings.count)
                table.insert(t, for: key)
                spellings.append(span)
                hashes.append(h)
                ofUnit.append(t)
                break
            }
        }
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
        return Int32(profiles.count - 1)
    }

    /// A hash of a unit's bytes, eight at a time (only for finding equal spellings: the
    /// features use ``FeatureHash``, which a model file depends on).
    @inline(__always) private static func hash(_ base: UnsafeRawPointer, _ span: Span) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: span.length) &* 0x9E37_79B9_7F4A_7C15
        var i = span.start
        while i + 8 <= span.end {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        while i < span.end { tail = tail << 8 | UInt64(base.load(fromByteOffset: i, as: UInt8.self)); i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 32)
    }
}
