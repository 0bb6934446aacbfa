/// How one document's `entities` mentions name their entities: the distinct names (label and
/// canonical name) in order of first mention, the first title each is given, the name of each
/// mention and, when read with a ``FoldedNames``, each name's folded words.
///
/// The first pass of `--link corpus` reads a document's names to count them; kept with the
/// document, they spare the second pass reading the same mentions again to link them.
public struct MentionNames: Sendable {
    /// The distinct names, numbered in order of first mention.
    let table: NameRefTable
    /// Per name: the first title a mention gives it.
    let titles: [String?]
    /// Per mention: the number of its name in `table` (-1 for a mention without a label).
    let nameOfMention: [Int32]
    /// Per name: ``NameKey/words(of:label:)``, when known.
    let words: [[String]]?
    /// Per name: its number in the ``CorpusNameStatistics`` that counted this document
    /// (``CorpusNameStatistics/add(numbering:)``), -1 for a name without words; nil when not
    /// counted so. A linking made from those statistics reads each name's entity by it.
    public internal(set) var corpusNumbers: [Int32]?

    /// The names of the `entities` extractor's annotations (`label`, `canonical`, `title`
    /// fields; the mention's text when `canonical` is missing).
    init(entities annotations: [Annotation], in document: AnalyzedDocument) {
        (table, titles, nameOfMention) = DocumentNames.names(annotations, in: document)
        words = nil
    }

    /// The names of `annotations` with their words from `folded` (which folds and keeps those
    /// it has not seen).
    public init(entities annotations: [Annotation], in document: AnalyzedDocument, folded: FoldedNames) {
        (table, titles, nameOfMention) = DocumentNames.names(annotations, in: document)
        words = folded.words(of: table)
    }

    /// The number of distinct names.
    public var count: Int { table.count }
}
