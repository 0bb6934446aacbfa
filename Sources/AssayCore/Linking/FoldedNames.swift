import Synchronization

/// The folded words (``NameKey/words(of:label:)``) of the names met in a run's documents, kept
/// across documents and shared by the threads that read them.
///
/// A corpus repeats its names (news.jsonl's 840 articles: 21,879 names per document, 7,196
/// distinct), and folding a name costs several times what finding it again does. The first pass
/// of `--link corpus` folds each name once here, and the second finds them here again. A lock is
/// taken twice per document (the names it knows, then the new ones); past ``capacity`` names,
/// new ones are folded each time instead of kept.
public final class FoldedNames: Sendable {
    /// Words kept under the hash of their name (``NameRefTable/hash(_:)``), with the name to
    /// tell it from another of the same hash.
    private struct Kept: Sendable {
        var ref: DocumentNames.NameRef
        var words: [String]
    }

    /// Names kept at most.
    static let capacity = 1 << 16

    private let kept = Mutex<[UInt64: Kept]>([:])

    public init() {}

    /// The words of each name of `table`, in the table's order.
    func words(of table: NameRefTable) -> [[String]] { words(Array(0..<table.count), of: table) }

    /// The words of the names numbered `numbers` in `table`, in that order.
    func words(_ numbers: [Int], of table: NameRefTable) -> [[String]] {
        var found = [[String]?](repeating: nil, count: numbers.count)
        kept.withLock { kept in
            for (i, n) in numbers.enumerated() {
                if let k = kept[table.hashes[n]], k.ref == table.refs[n] { found[i] = k.words }
            }
        }
        var new: [(UInt64, Kept)] = []
        for (i, n) in numbers.enumerated() where found[i] == nil {
            let ref = table.refs[n]
            let words = NameKey.words(of: ref.canonical, label: ref.label)
            found[i] = words
            new.append((table.hashes[n], Kept(ref: ref, words: words)))
        }
        if !new.isEmpty {
            kept.withLock { kept in
                for (h, k) in new where kept.count < Self.capacity && kept[h] == nil { kept[h] = k }
            }
        }
        return found.map { $0! }
    }
}
