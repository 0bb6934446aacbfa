/// A map from ``PackedWord``s to values, by open addressing with linear probing: the look-up
/// behind ``TokenTypes``, ``Lexicon``'s single-word fast path and ``WordClasses``, for a plugin
/// that keeps its own table of short words.
///
/// A look-up is a hash of two integers, a slot read and a comparison of two integers: a few
/// dozen instructions, against the hundreds a byte-by-byte hash and comparison cost. The table
/// is at most half full and doubles when it would be fuller.
public struct PackedWordTable<Value: Sendable>: Sendable {
    /// The keys, two integers per slot (``PackedWord/low``, then ``PackedWord/high``; a `high`
    /// of 0 marks a free slot).
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Value?]
    /// 64 − log2(slot count): a key's home slot is the top bits of its hash.
    @usableFromInline var shift: UInt64
    @usableFromInline var storedCount = 0

    /// The number of words stored.
    @inlinable public var count: Int { storedCount }

    /// An empty table with room for about `capacity` words before it first grows.
    @inlinable
    public init(capacity: Int = 0) {
        var bits = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 2 << bits)
        values = [Value?](repeating: nil, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// The value of `word`, or nil.
    @inlinable @inline(__always)
    public subscript(word: PackedWord) -> Value? {
        keys.withUnsafeBufferPointer { keys -> Value? in
            let mask = values.count - 1
            var slot = Int(truncatingIfNeeded: word.hash >> shift)
            while true {
                let storedHigh = keys[2 * slot + 1]
                if storedHigh == 0 { return nil }
                if storedHigh == word.high && keys[2 * slot] == word.low { return values[slot] }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Sets the value of `word`, replacing any there.
    @inlinable
    public mutating func set(_ value: Value, for word: PackedWord) {
        if (count + 1) * 2 > values.count { grow() }
        let mask = values.count - 1
        var slot = Int(truncatingIfNeeded: word.hash >> shift)
        while keys[2 * slot + 1] != 0 {
            if keys[2 * slot + 1] == word.high && keys[2 * slot] == word.low {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
        keys[2 * slot] = word.low
        keys[2 * slot + 1] = word.high
        values[slot] = value
        storedCount += 1
    }

    /// The value of `word`; when it has none, `value` stored for it first. One probe where a
    /// look-up followed by ``set(_:for:)`` would make two.
    @inlinable
    public mutating func value(of word: PackedWord, storingIfAbsent value: Value) -> Value {
        if (count + 1) * 2 > values.count { grow() }
        let mask = values.count - 1
        var slot = Int(truncatingIfNeeded: word.hash >> shift)
        while keys[2 * slot + 1] != 0 {
            if keys[2 * slot + 1] == word.high && keys[2 * slot] == word.low { return values[slot]! }
            slot = (slot + 1) & mask
        }
        keys[2 * slot] = word.low
        keys[2 * slot + 1] = word.high
        values[slot] = value
        storedCount += 1
        return value
    }

    /// Doubles the slot count and places every key again.
    @inlinable
    mutating func grow() {
        let old = self
        var bigger = Self(capacity: values.count)
        for slot in 0..<old.values.count where old.keys[2 * slot + 1] != 0 {
            bigger.set(
                old.values[slot]!, for: PackedWord(low: old.keys[2 * slot], high: old.keys[2 * slot + 1]))
        }
        self = bigger
    }
}
