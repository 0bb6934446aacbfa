/// A read-only map from ``WordKey`` to a value with open addressing and a multiplicative hash:
/// a look-up is a few instructions, where `Dictionary` would run SipHash over the key. Used for
/// the tables consulted on every candidate word.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [WordKey?]
    private var values: [Value?]
    private let shift: UInt64
    private let mask: Int

    init(_ pairs: [WordKey: Value]) {
        var bits = 4
        while (1 << bits) < pairs.count * 4 { bits += 1 }
        let capacity = 1 << bits
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        shift = UInt64(64 - bits)
        mask = capacity - 1
        for (k, v) in pairs {
            var slot = slot(of: k)
            while keys[slot] != nil { slot = (slot + 1) & mask }
            keys[slot] = k
            values[slot] = v
        }
    }

    @inline(__always)
    private func slot(of key: WordKey) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ (key.high &* 0x100_0000_01B3) ^ UInt64(key.count)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    subscript(key: WordKey) -> Value? {
        var slot = slot(of: key)
        while let k = keys[slot] {
            if k == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    var count: Int { keys.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Every key, in no particular order.
    var allKeys: [WordKey] { keys.compactMap { $0 } }
}
