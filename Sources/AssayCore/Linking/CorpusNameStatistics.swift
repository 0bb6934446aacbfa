/// What corpus linking learns from a corpus: how often each name form occurs, how it is
/// written, with which titles, next to which other names, and which organisation short forms
/// share documents with which long names. Built one document at a time (and merged across
/// threads), then turned into the ``CorpusNames`` table.
///
/// Names only: a document contributes its ``DocumentNames``, never its text.
public struct CorpusNameStatistics: Sendable {
    /// A neighbour (``DocumentNames/Entry/contextKey``) with a hash of its bytes made once per
    /// document, so that counting it in a form's company hashes a number rather than the
    /// String: those counts were most of what counting a corpus's names cost.
    struct Neighbour: Hashable, Sendable {
        let key: String
        private let hash: UInt64

        init(_ key: String) {
            self.key = key
            hash = NameRefTable.hash(key)
        }

        static func == (a: Neighbour, b: Neighbour) -> Bool { a.hash == b.hash && a.key == b.key }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    /// One name form (label and folded words).
    struct Form: Sendable {
        var label: String
        var words: [String]
        var documents = 0
        /// How the documents spell it ("Donald Trump", "DONALD TRUMP"): the display name.
        var spellings: [String: Int] = [:]
        var titles: [String: Int] = [:]
        /// Documents it shares with each neighbour (``DocumentNames/Entry/contextKey``); kept for
        /// people of more than one word, the bearers a lone surname may be resolved to. Read
        /// through ``neighbourCounts``: the first document's are in `firstContext`.
        private var context: [Neighbour: Int] = [:]
        /// The neighbours of the form's only document so far, counted into `context` when a
        /// second document comes. Most forms are seen in one document, whose company the table
        /// does not keep (``CorpusNamesBuilder``), so counting it at once would be work lost.
        private var firstContext: Set<Neighbour>?
        /// The form itself as a neighbour, which is not counted in its own company.
        private let own: Neighbour

        init(label: String, words: [String]) {
            self.label = label
            self.words = words
            own = Neighbour(DocumentNames.Entry.contextKey(label: label, words: words))
        }

        /// Documents it shares with each neighbour.
        var neighbourCounts: [Neighbour: Int] {
            var settled = self
            settled.settle()
            return settled.context
        }

        /// Counts a document's mention of the form, `context` being the document's context keys.
        mutating func count(_ e: DocumentNames.Entry, context: Set<Neighbour>) {
            documents += 1
            spellings[e.canonical, default: 0] += 1
            if let t = NameKey.title(e.title) { titles[t, default: 0] += 1 }
            guard e.label == NameKey.personLabel && e.words.count > 1 else { return }
            if documents == 1 {
                firstContext = context
            } else {
                settle()
                add(context)
            }
        }

        mutating func merge(_ o: Form) {
            documents += o.documents
            spellings.merge(o.spellings, uniquingKeysWith: +)
            titles.merge(o.titles, uniquingKeysWith: +)
            settle()
            context.merge(o.neighbourCounts, uniquingKeysWith: +)
        }

        /// Counts `firstContext` into `context`.
        private mutating func settle() {
            guard let first = firstContext else { return }
            firstContext = nil
            add(first)
        }

        /// Counts one document's neighbours (but the form itself).
        private mutating func add(_ neighbours: Set<Neighbour>) {
            for k in neighbours where k != own { context[k, default: 0] += 1 }
        }
    }

    public private(set) var documentCount = 0
    var forms: [String: Form] = [:]
    /// Documents each context key occurs in (for weighing neighbours: rare ones say more).
    var contextFrequency: [Neighbour: Int] = [:]
    /// Documents holding both an organisation's one-word short form and a longer name it may
    /// stand for, by "short|long".
    var shortFormPairs: [String: Int] = [:]

    public init() {}

    public mutating func add(_ document: DocumentNames) {
        documentCount += 1
        let context = Set(document.entries.map { Neighbour($0.contextKey) })
        for k in context { contextFrequency[k, default: 0] += 1 }
        var shortOrgs: [String] = [], longOrgs: [[String]] = []
        // Every name is company for the others, but only people and organisations get an
        // entity of their own (``NameKey/isLinked(_:)``).
        for e in document.entries where NameKey.isLinked(e.label) {
            // Counted in place: a copy of the form out of the table and back would copy its
            // counts each time (they are shared with the table's copy meanwhile).
            forms[e.formKey, default: Form(label: e.label, words: e.words)].count(e, context: context)
            if e.label == NameKey.organisationLabel {
                if e.words.count == 1 { shortOrgs.append(e.words[0]) } else { longOrgs.append(e.words) }
            }
        }
        for s in shortOrgs {
            for l in longOrgs where NameKey.mayAbbreviate(s, l) {
                shortFormPairs[s + "|" + l.joined(separator: " "), default: 0] += 1
            }
        }
    }

    /// Adds another part of the corpus (counted by another thread).
    public mutating func merge(_ other: CorpusNameStatistics) {
        documentCount += other.documentCount
        for (k, f) in other.forms {
            if forms[k] == nil { forms[k] = f } else { forms[k]!.merge(f) }
        }
        contextFrequency.merge(other.contextFrequency, uniquingKeysWith: +)
        shortFormPairs.merge(other.shortFormPairs, uniquingKeysWith: +)
    }

    /// The table that links this corpus's names (deterministic: the same statistics give the
    /// same table, whatever order documents were added in).
    public func table() -> CorpusNames { CorpusNamesBuilder(self).build() }
}
