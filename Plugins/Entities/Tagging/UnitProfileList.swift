import AssayCore

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

/// The profile of each unit read through its spelling (``TokenSpellings`` over the units): no copy
/// of 112 bytes per unit, and one profile per distinct spelling.
struct TypedProfiles: UnitProfileList {
    /// Per unit: its spelling.
    let ofUnit: [Int32]
    /// Per spelling: its profile; then the sentence markers, once appended.
    private(set) var profiles: [UnitProfile]

    /// `profiles` holds one per spelling of `types`, then any markers.
    init(_ types: TokenSpellings, profiles: [UnitProfile]) {
        precondition(profiles.count >= types.count)
        ofUnit = types.spellingOfSpan
        self.profiles = profiles
    }

    /// Every spelling of `types` profiled from its bytes (word clusters are the caller's).
    init(_ types: TokenSpellings, in utf8: UnsafeBufferPointer<UInt8>) {
        self.init(types, profiles: types.spans.map { UnitProfile(utf8, $0.start, $0.end) })
    }

    /// Adds a spelling that no unit has (the sentence boundary markers of the features) and
    /// returns it: a marker has no bytes to profile.
    mutating func appendMarker(_ profile: UnitProfile) -> Int32 {
        profiles.append(profile)
        return Int32(profiles.count - 1)
    }

    @inline(__always) subscript(_ unit: Int) -> UnitProfile { profiles[Int(ofUnit[unit])] }
    var typeCount: Int { profiles.count }
    @inline(__always) func type(of unit: Int) -> Int { Int(ofUnit[unit]) }
    @inline(__always) func profile(ofType type: Int) -> UnitProfile { profiles[type] }
}
