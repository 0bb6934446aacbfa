import Synchronization

/// What corpus linking works out for a name regardless of the document it is in, kept across
/// the documents of a run: its folded words and, unless it is a lone person's name (whose
/// entity depends on the document's other names), its corpus entity.
///
/// A corpus repeats its names: news.jsonl's 840 articles name 21,879 entities per document but
/// only 7,196 distinct ones, and folding and resolving each again cost most of linking. Shared
/// by the documents resolved concurrently, behind a lock; bounded, past ``capacity`` names new
/// ones are worked out each time instead of kept.
final class KnownNames: Sendable {
    /// A name's document-independent reading.
    struct Reading: Sendable {
        /// ``NameKey/words(of:label:)`` of the name.
        var words: [String]
        /// The corpus entity, or nil when it depends on the document (a lone person's name)
        /// or the name has no words.
        var entity: CorpusEntity?
    }

    /// Names kept at most: some tens of megabytes for the longest names, far more names than
    /// a day's news holds.
    static let capacity = 1 << 16

    private let names: CorpusNames
    private let readings = Mutex<[DocumentNames.NameRef: Reading]>([:])

    init(_ names: CorpusNames) { self.names = names }

    /// The reading of the name `canonical` of label `label`.
    func reading(label: String, canonical: String) -> Reading {
        let ref = DocumentNames.NameRef(label: label, canonical: canonical)
        if let known = readings.withLock({ $0[ref] }) { return known }
        let entry = DocumentNames.Entry(label: label, canonical: canonical)
        let reading = Reading(words: entry.words, entity: entry.words.isEmpty ? nil : names.resolveAlone(entry))
        readings.withLock { table in
            if table.count < Self.capacity { table[ref] = reading }
        }
        return reading
    }
}
