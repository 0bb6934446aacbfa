/// A map from 64-bit hash keys to values, by open addressing with linear probing.
///
/// Extractors look words and features up by hashes they have already computed, often once per
/// token at a million tokens a second. `Dictionary` would hash those keys a second time with
/// SipHash on every look-up; this table uses the key's low bits as its slot directly. Keys must
/// therefore be well mixed (the output of a hash function, not raw counters or packed bytes):
/// keys that agree in their low bits pile up in one run of slots.
///
/// The table compares keys only as 64-bit numbers: two different things with the same hash are
/// the same key. A caller that needs exact keys stores the key in the value and compares it after
/// the look-up. Entries cannot be removed. The table grows by doubling whenever it would become
/// more than half full, so a look-up probes few slots.
///
/// ```swift
/// var counts = HashedTable<Int>(capacity: 100, empty: 0)
/// counts.update(wordHash) { $0 += 1 }
/// let n = counts[wordHash] ?? 0
/// ```
///
/// The members are inlinable so that clients specialise the table for their value type.
public struct HashedTable<Value> {
    /// The key of each slot; ``emptyKey`` marks a free slot.
    @usableFromInline var keys: [UInt64]
    /// The value of each slot (``empty`` in free slots).
    @usableFromInline var values: [Value]
    /// The slot count − 1 (a power of two − 1): a key's low bits give its home slot.
    @usableFromInline var mask: Int
    /// The value of key 0, which cannot live in a slot because 0 marks free slots.
    @usableFromInline var zeroKeyValue: Value?
    /// The number of keys stored, including key 0.
    @usableFromInline var storedCount: Int
    /// The value a new key starts from in ``update(_:_:)``; also fills free slots.
    @usableFromInline let empty: Value

    @usableFromInline static var emptyKey: UInt64 { 0 }

    /// An empty table with room for about `capacity` keys before it first grows.
    ///
    /// - Parameters:
    ///   - capacity: The number of keys expected; the table grows past it when needed.
    ///   - empty: The value a new key starts from in ``update(_:_:)``, such as 0 for a counter
    ///     or an empty bit set. It is also what free slots hold, so it is never returned for a
    ///     key that was not stored.
    @inlinable
    public init(capacity: Int = 0, empty: Value) {
        var bits = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: Self.emptyKey, count: 1 << bits)
        values = [Value](repeating: empty, count: 1 << bits)
        mask = (1 << bits) - 1
        zeroKeyValue = nil
        storedCount = 0
        self.empty = empty
    }

    /// The number of keys stored.
    @inlinable
    public var count: Int { storedCount }

    /// Whether no key is stored.
    @inlinable
    public var isEmpty: Bool { storedCount == 0 }

    /// The home slot of a nonzero key.
    @inlinable @inline(__always)
    func homeSlot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: key) & mask
    }

    /// The value stored for `key`, or nil when the key was never stored.
    @inlinable
    public subscript(key: UInt64) -> Value? {
        if key == Self.emptyKey { return zeroKeyValue }
        var i = homeSlot(of: key)
        while true {
            let found = keys[i]
            if found == key { return values[i] }
            if found == Self.emptyKey { return nil }
            i = (i + 1) & mask
        }
    }

    /// The key to try next when `key` holds another thing with the same hash: a caller that
    /// stores exact keys in its values (see above) walks `key`, `nextKey(after: key)`, … until
    /// it finds its own or a free key. Well mixed, so the walk does not pile up in one run.
    @inlinable
    public static func nextKey(after key: UInt64) -> UInt64 {
        var x = (key ^ 0x5EED) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return x &* 0xBF58_476D_1CE4_E5B9
    }

    /// Stores `value` for `key`, replacing any value the key had.
    @inlinable
    public mutating func insert(_ value: Value, for key: UInt64) {
        update(key) { $0 = value }
    }

    /// Calls `body` on the value for `key` so that it can change it in place, first storing
    /// the table's `empty` value when the key is new.
    @inlinable
    public mutating func update(_ key: UInt64, _ body: (inout Value) -> Void) {
        if key == Self.emptyKey {
            if zeroKeyValue == nil {
                zeroKeyValue = empty
                storedCount += 1
            }
            body(&zeroKeyValue!)
            return
        }
        var i = homeSlot(of: key)
        while true {
            let found = keys[i]
            if found == key {
                body(&values[i])
                return
            }
            if found == Self.emptyKey { break }
            i = (i + 1) & mask
        }
        // A new key: keep the table at most half full so that probe runs stay short.
        if (storedCount + 1) * 2 > keys.count {
            grow()
            i = homeSlot(of: key)
            while keys[i] != Self.emptyKey { i = (i + 1) & mask }
        }
        keys[i] = key
        values[i] = empty
        body(&values[i])
        storedCount += 1
    }

    /// Doubles the slot count and places every key again.
    @inlinable
    mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = oldKeys.count * 2
        keys = [UInt64](repeating: Self.emptyKey, count: size)
        values = [Value](repeating: empty, count: size)
        mask = size - 1
        for (k, v) in zip(oldKeys, oldValues) where k != Self.emptyKey {
            var i = homeSlot(of: k)
            while keys[i] != Self.emptyKey { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }
}

extension HashedTable: Sendable where Value: Sendable {}
