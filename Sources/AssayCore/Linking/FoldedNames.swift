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
    /// Names kept at most.
    static let capacity = 1 << 16

    private let kept = Mutex(KeptNames<[String]>(capacity: capacity))

    public init() {}

    /// The words of each name of `table`, in the table's order.
    func words(of table: NameRefTable) -> [[String]] { words(Array(0..<table.count), of: table) }

    /// The words of the names numbered `numbers` in `table`, in that order.
    func words(_ numbers: [Int], of table: NameRefTable) -> [[String]] {
        var found: [[String]] = []
        found.reserveCapacity(numbers.count)
        // The places in `found` of the names to fold (not kept yet).
        var new: [Int] = []
        kept.withLock { kept in
            for n in numbers {
                if let words = kept.value(of: table.refs[n], hash: table.hashes[n]) {
                    found.append(words)
                } else {
                    new.append(found.count)
                    found.append([])
                }
            }
        }
        guard !new.isEmpty else { return found }
        for i in new {
            let ref = table.refs[numbers[i]]
            found[i] = NameKey.words(of: ref.canonical, label: ref.label)
        }
        kept.withLock { kept in
            for i in new { kept.keep(found[i], for: table.refs[numbers[i]], hash: table.hashes[numbers[i]]) }
        }
        return found
    }
}
