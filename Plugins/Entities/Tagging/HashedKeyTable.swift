/// A map from 64-bit hash keys to small values, by open addressing with linear probing.
///
/// The tagger's keys are already well-mixed hashes (``FeatureHash``), so Swift's `Dictionary`
/// would hash them a second time with SipHash on every lookup; at a million tokens a second that
/// second hashing showed up in profiles. Key 0 marks an empty slot, so a key that hashes to 0 is
/// stored as 1 (a collision of one hash value in 2^64, harmless for features).
struct HashedKeyTable<Value> {
    private var keys: [UInt64]
    private var values: [Value]
    private var mask: Int
    private(set) var count = 0
    private let empty: Value

    /// A table sized for about `capacity` keys before it grows.
    init(capacity: Int, empty: Value) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: empty, count: size)
        mask = size - 1
        self.empty = empty
    }

    @inline(__always) private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The value for `key`, or nil when it was never stored.
    @inline(__always) subscript(key: UInt64) -> Value? {
        let k = Self.stored(key)
        var i = Int(truncatingIfNeeded: k) & mask
        while true {
            let found = keys[i]
            if found == k { return values[i] }
            if found == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Calls `update` on the value for `key`, inserting `empty` first when the key is new.
    @inline(__always) mutating func update(_ key: UInt64, _ update: (inout Value) -> Void) {
        let k = Self.stored(key)
        var i = Int(truncatingIfNeeded: k) & mask
        while true {
            let found = keys[i]
            if found == k { update(&values[i]); return }
            if found == 0 {
                if (count + 1) * 2 > keys.count {
                    grow()
                    self.update(key, update)
                    return
                }
                keys[i] = k
                values[i] = empty
                update(&values[i])
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value](repeating: empty, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (k, v) in zip(oldKeys, oldValues) where k != 0 {
            var i = Int(truncatingIfNeeded: k) & mask
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }
}

extension HashedKeyTable: Sendable where Value: Sendable {}
