/// The slots of an open-addressing hash table whose entries live elsewhere: a table keeps its
/// entries in arrays of its own, numbered in the order they were added, and finds them through
/// these slots by a 64-bit hash, comparing its own keys only on a hash match.
///
/// Unlike ``HashedTable``, which takes two keys of one hash for one key, a table built on these
/// slots stays exact: the names corpus linking counts are told apart by their bytes however
/// their hashes fall. Hashes must be well mixed, as their low bits pick the slot.
struct HashSlots: Sendable {
    /// 1 + the number of an entry, or 0 for a free slot; empty until the first entry.
    private var slots: [Int32] = []
    /// The hash of each entry, by number.
    private(set) var hashes: [UInt64] = []

    /// Room for `capacity` entries before the slots grow.
    init(capacity: Int = 0) {
        guard capacity > 0 else { return }
        var size = 4
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        hashes.reserveCapacity(capacity)
    }

    /// The number of entries.
    var count: Int { hashes.count }

    /// The number of the entry of `hash` among `entries` (the table's, by number) that
    /// `isEntry` accepts, nil when there is none.
    @inline(__always)
    func first<Entry>(_ hash: UInt64, in entries: [Entry], where isEntry: (Entry) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            let n = Int(slots[i]) - 1
            if hashes[n] == hash && isEntry(entries[n]) { return n }
            i = (i + 1) & mask
        }
        return nil
    }

    /// The number of the entry of `hash` among `entries` that `isEntry` accepts or, when there is
    /// none, the number (``count`` before the call) of a new entry filed under `hash`, which the
    /// caller then appends to its own arrays; `isNew` tells which.
    @inline(__always)
    mutating func first<Entry>(_ hash: UInt64, in entries: [Entry], orAdding isEntry: (Entry) -> Bool) -> (
        number: Int, isNew: Bool
    ) {
        if slots.isEmpty { slots = [Int32](repeating: 0, count: 16) }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            let n = Int(slots[i]) - 1
            if hashes[n] == hash && isEntry(entries[n]) { return (n, false) }
            i = (i + 1) & mask
        }
        hashes.append(hash)
        slots[i] = Int32(hashes.count)
        if hashes.count * 2 > slots.count { grow() }
        return (hashes.count - 1, true)
    }

    /// Doubles the slots and files every entry again.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (n, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(n + 1)
        }
    }
}
