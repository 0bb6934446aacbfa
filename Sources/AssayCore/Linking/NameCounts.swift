/// Counts by name (a bearer's titles and neighbours in the names table), found by a hash of
/// the name (``NameRefTable/hash(_:)``) in a small open-addressing table.
///
/// A names table holds a few thousand of these, most with a handful of names and none with more
/// than ``CorpusNamesBuilder/neighbourLimit``. Resolving a lone first name ("John") asks each of
/// its dozens of bearers about each of the document's neighbours: looked up by String (hashed
/// with SipHash, or compared in a binary search by name) those questions were most of what
/// linking a document cost. A name whose hash the caller made once is found here by comparing
/// integers, and its bytes are compared only on a hash match. Reading a table fills these in
/// the order it lists the names, with no sorting and no Dictionary.
struct NameCounts: Sendable, Encodable {
    /// The names in the order they were added (the first time each was).
    private var names: [String] = []
    private var counts: [Int] = []
    /// Each name's number, by its ``NameRefTable/hash(_:)``.
    private var slots = HashSlots()

    /// A name with its hash made once, to ask several counts about it.
    struct Key {
        let name: String
        let hash: UInt64

        init(_ name: String) {
            self.name = name
            hash = NameRefTable.hash(name)
        }

        /// The key of `name` whose ``NameRefTable/hash(_:)`` is `hash`.
        init(name: String, hash: UInt64) {
            self.name = name
            self.hash = hash
        }
    }

    init(_ counts: [String: Int] = [:]) {
        self.init(reading: counts.map { ($0.key, $0.value) })
    }

    /// Counts read in the table's order (a repeated name keeps its last count, as JSON readers
    /// do).
    init(reading pairs: [(String, Int)]) { self.init(reading: pairs.lazy.map { (Key($0.0), $0.1) }) }

    /// Counts of names whose hashes are made.
    init<Pairs: Collection<(Key, Int)>>(reading pairs: Pairs) {
        guard !pairs.isEmpty else { return }
        slots = HashSlots(capacity: pairs.count)
        names.reserveCapacity(pairs.count)
        counts.reserveCapacity(pairs.count)
        for (key, count) in pairs {
            let name = key.name
            let (n, isNew) = slots.first(key.hash, in: names, orAdding: { $0 == name })
            if isNew {
                names.append(name)
                counts.append(count)
            } else {
                counts[n] = count
            }
        }
    }

    /// Whether no name has a count.
    var isEmpty: Bool { names.isEmpty }

    /// The count of `name`, nil when it has none.
    subscript(name: String) -> Int? { self[Key(name)] }

    /// The count of `key`, nil when it has none.
    subscript(key: Key) -> Int? {
        slots.first(key.hash, in: names, where: { $0 == key.name }).map { counts[$0] }
    }

    /// As the JSON object of its names and counts.
    func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: zip(names, counts)).encode(to: encoder)
    }
}
