import AssayCore

/// A read-only map from ``WordKey`` to a value, for the tables consulted on every candidate word:
/// a look-up is a few instructions in the core's ``HashedTable``, where `Dictionary` would run
/// SipHash over the key.
///
/// `HashedTable` knows keys only by a 64-bit hash, and a ``WordKey`` holds up to 16 bytes, so
/// each entry keeps its key and a look-up compares it: a word outside the table whose hash
/// happens to equal a table word's is still not found.
struct WordTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        let key: WordKey
        let value: Value
    }

    private var entries: HashedTable<Entry?>

    init(_ pairs: [WordKey: Value]) {
        // Room for four slots per word, as before, so that look-ups rarely probe.
        entries = HashedTable(capacity: pairs.count * 2, empty: nil)
        for (k, v) in pairs {
            // Words of up to 8 bytes never share a hash; longer ones could, in principle, and
            // a table built from fixed word lists should fail loudly rather than lose a word.
            precondition(entries[Self.hash(k)] == nil, "'\(k.string)' shares its hash with another table word")
            entries.insert(Entry(key: k, value: v), for: Self.hash(k))
        }
    }

    /// Folds the key's two words and length into one and mixes it, since the table takes its
    /// slot from the low bits: the multiplication carries every byte into the high half and the
    /// shift brings that half down. Both steps are invertible, so only the fold can collide.
    @inline(__always)
    private static func hash(_ key: WordKey) -> UInt64 {
        let mixed = (key.low ^ (key.high &* 0x100_0000_01B3) ^ UInt64(key.count)) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 32)
    }

    @inline(__always)
    subscript(key: WordKey) -> Value? {
        guard let entry = entries[Self.hash(key)] ?? nil, entry.key == key else { return nil }
        return entry.value
    }

    var count: Int { entries.count }
}
