/// Row numbers of the tagger's features that read only word shapes (the shape pairs and the
/// shape trigram, see ``FeatureScorer``), kept for one document by the hash of the shapes.
///
/// A document's thousand units make only a hundred or two shape pairs and trigrams ("Xx Xx",
/// "x ,", "Xx . Xx"), so most units find their rows here instead of hashing their buckets and
/// looking up each bucket's row again. Direct-mapped: a slot keeps the last key that fell in
/// it. A row number is the same whichever way it is found, so what is kept never changes a
/// score, only how soon it is ready.
final class ShapeRowMemo {
    /// Slots (a power of two): room for a document's shape pairs with few collisions.
    static let size = 512

    private struct Entry {
        var key: UInt64 = 0
        /// `UInt32.max`: an empty slot (no row has that number).
        var first = UInt32.max
        var second = UInt32.max
    }

    private let entries: UnsafeMutableBufferPointer<Entry>

    init() {
        entries = .allocate(capacity: Self.size)
        entries.initialize(repeating: Entry())
    }

    deinit { entries.deallocate() }

    /// The two row numbers kept for `key`, or those `make` finds for it, then kept.
    @inline(__always) func rows(_ key: UInt64, make: (UInt64) -> (UInt32, UInt32)) -> (UInt32, UInt32) {
        let slot = Int(truncatingIfNeeded: key) & (Self.size - 1)
        let e = entries[slot]
        if e.key == key && e.first != .max { return (e.first, e.second) }
        let made = make(key)
        entries[slot] = Entry(key: key, first: made.0, second: made.1)
        return made
    }
}
