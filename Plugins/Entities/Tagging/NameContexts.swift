import AssayCore

/// The words around the mentions of each capitalised word of one document.
///
/// One mention rarely says what a new name is: "Alchemy said" fits a person as well as a
/// firm. Across its mentions a document usually does ("firm Alchemy", "offer from Alchemy",
/// "Countrywide shares", "bid for Countrywide"), so every mention of a word gets the contexts of
/// all its mentions as features (the context aggregation of Ratinov and Roth, 2009). A word's
/// mentions are found by lower-case hash, so an all-caps headline shares them.
struct NameContexts {
    /// Contexts kept per word and side: the first ones the document gives.
    static let limit = 6

    /// Lower-case hash → the word's entry.
    private var entries: HashedTable<Int32>
    /// How many words have an entry.
    private(set) var count = 0
    /// Per entry, `limit` slots each: the lower-case hashes of the units just before and just
    /// after its mentions (0 for an empty slot; no unit hashes to 0 in practice). The arrays
    /// run past the last entry's slots (zeros, made in bulk rather than one entry at a time):
    /// ``slotCount`` is where the entries' slots end.
    private(set) var before: [UInt64]
    private(set) var after: [UInt64]
    /// The fine word clusters of those units (see ``WordClusters``), slot for slot: "firm
    /// Alchemy" and "company Alchemy" say the same.
    private(set) var beforeClusters: [UInt64]
    private(set) var afterClusters: [UInt64]

    /// `capacity`: the number of words expected; more may be added.
    init(capacity: Int) {
        entries = HashedTable(capacity: max(16, capacity), empty: -1)
        let slots = max(16, capacity) * Self.limit
        before = [UInt64](repeating: 0, count: slots)
        after = before
        beforeClusters = before
        afterClusters = before
    }

    /// The number of slots of all entries.
    var slotCount: Int { count * Self.limit }

    /// What is kept of a unit next to a mention: two words of its profile rather than the
    /// whole, which would be copied for every mention.
    struct Context {
        var lower: UInt64
        var fineCluster: UInt64

        @inline(__always) init(_ profile: UnitProfile) {
            lower = profile.lower
            fineCluster = profile.fineCluster
        }
    }

    /// Records a mention of the capitalised word `word` between the units `previous` and `next`.
    mutating func add(_ word: UInt64, previous: Context, next: Context) {
        var entry = Int(entries[word] ?? -1)
        if entry < 0 {
            entry = count
            count += 1
            entries.insert(Int32(entry), for: word)
            if slotCount > before.count {
                let more = before.count
                before += repeatElement(0, count: more)
                after += repeatElement(0, count: more)
                beforeClusters += repeatElement(0, count: more)
                afterClusters += repeatElement(0, count: more)
            }
        }
        Self.keep(previous, in: &before, &beforeClusters, entry)
        Self.keep(next, in: &after, &afterClusters, entry)
    }

    private static func keep(_ context: Context, in slots: inout [UInt64], _ clusters: inout [UInt64], _ entry: Int) {
        for k in (entry * limit)..<((entry + 1) * limit) {
            if slots[k] == context.lower { return }
            if slots[k] == 0 {
                slots[k] = context.lower
                clusters[k] = context.fineCluster
                return
            }
        }
    }

    /// The entry of `word` (for ``contexts(_:)``), if the document capitalises it.
    @inline(__always) func entry(_ word: UInt64) -> Int? { entries[word].map(Int.init) }

    /// The slots of `entry` on each side (skip the zeros).
    @inline(__always) func contexts(_ entry: Int) -> Range<Int> { (entry * Self.limit)..<((entry + 1) * Self.limit) }
}
