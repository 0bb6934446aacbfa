import Synchronization

/// What corpus linking works out for a name regardless of the document it is in, kept across
/// the documents of a run: its folded words and, unless it is a lone person's name (whose
/// entity depends on the document's other names), its corpus entity.
///
/// A corpus repeats its names: news.jsonl's 840 articles name 21,879 entities per document but
/// only 7,196 distinct ones, and folding and resolving each again cost most of linking. Shared
/// by the documents resolved concurrently, behind a lock taken twice per document (once for the
/// names it knows, once to keep the new ones); bounded, past ``capacity`` names new ones are
/// worked out each time instead of kept.
final class KnownNames: Sendable {
    /// A name's document-independent reading.
    struct Reading: Sendable {
        /// ``NameKey/words(of:label:)`` of the name.
        var words: [String]
        /// The corpus entity, or nil when it depends on the document (a lone person's name),
        /// the name has no words or its label is not linked (``NameKey/isLinked(_:)``).
        var linked: LinkedEntity?
        /// The name as a neighbour of a document's lone names (``DocumentNames/Entry/contextKey``);
        /// nil for a name without words.
        var contextKey: NameCounts.Key?
    }

    /// Names kept at most: some tens of megabytes for the longest names, far more names than
    /// a day's news holds.
    static let capacity = 1 << 16

    private let names: CorpusNames
    /// The words of names not read yet (perhaps folded by a first pass).
    private let folded: FoldedNames
    private let readings = Mutex(KeptNames<Reading>(capacity: capacity))
    /// The reading of each name the statistics `names` was built from counted, by its number
    /// there (``MentionNames/corpusNumbers``); nil for a table read from elsewhere.
    private let counted: [Reading]?

    init(_ names: CorpusNames, folded: FoldedNames = FoldedNames()) {
        self.names = names
        self.folded = folded
        counted = nil
    }

    /// What is known of the names `statistics` counted, `names` being its table and
    /// `entityOfForm` the entity there of each form of the statistics: all of them are read
    /// here, once, and the documents it numbered find theirs by number.
    ///
    /// A counted name's entity is its form's, which the table files under the form's key
    /// (what ``CorpusNames/resolveAlone(_:)`` would find), so it is taken by number. The
    /// names of one entity share its fields.
    init(_ names: CorpusNames, of statistics: CorpusNameStatistics, entityOfForm: [Int], folded: FoldedNames) {
        self.names = names
        self.folded = folded
        var linked = [LinkedEntity?](repeating: nil, count: names.entities.count)
        counted = statistics.countedNames.map { ref, words, form, contextKey in
            guard !words.isEmpty else { return Reading(words: [], linked: nil) }
            var entity: LinkedEntity?
            if form >= 0 && !CorpusNames.dependsOnDocument(label: ref.label, words) {
                let e = entityOfForm[Int(form)]
                if linked[e] == nil { linked[e] = LinkedEntity(names.entities[e]) }
                entity = linked[e]
            }
            return Reading(words: words, linked: entity, contextKey: contextKey)
        }
    }

    /// The document-independent reading of `entry` in `names`.
    private static func reading(_ entry: DocumentNames.Entry, in names: CorpusNames) -> Reading {
        guard !entry.words.isEmpty else { return Reading(words: [], linked: nil) }
        return Reading(
            words: entry.words, linked: names.resolveAlone(entry).map(LinkedEntity.init),
            contextKey: NameCounts.Key(entry.contextKey))
    }

    /// The readings of a document's names, in their table's order: by number when the
    /// statistics of these names numbered them, else as ``readings(of:words:)`` finds them.
    func readings(of document: MentionNames) -> [Reading] {
        guard let counted, let numbers = document.corpusNumbers, numbers.count == document.count,
            let words = document.words, !zip(numbers, words).contains(where: { $0 < 0 && !$1.isEmpty })
        else { return readings(of: document.table, words: document.words) }
        return numbers.map { $0 < 0 ? Reading(words: [], linked: nil) : counted[Int($0)] }
    }

    /// The readings of a document's names, in the table's order; `words`, if given, are the
    /// names' folded words.
    func readings(of table: NameRefTable, words known: [[String]]? = nil) -> [Reading] {
        var found = [Reading?](repeating: nil, count: table.count)
        readings.withLock { kept in
            for n in 0..<table.count { found[n] = kept.value(of: table.refs[n], hash: table.hashes[n]) }
        }
        let unread = (0..<table.count).filter { found[$0] == nil }
        guard !unread.isEmpty else { return found.map { $0! } }
        let unreadWords = known.map { k in unread.map { k[$0] } } ?? folded.words(unread, of: table)
        for (n, words) in zip(unread, unreadWords) {
            let ref = table.refs[n]
            found[n] = Self.reading(
                DocumentNames.Entry(label: ref.label, canonical: ref.canonical, title: nil, words: words), in: names)
        }
        readings.withLock { kept in
            for n in unread { kept.keep(found[n]!, for: table.refs[n], hash: table.hashes[n]) }
        }
        return found.map { $0! }
    }
}
