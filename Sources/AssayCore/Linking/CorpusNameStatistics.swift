/// What corpus linking learns from a corpus: how often each name form occurs, how it is
/// written, with which titles, next to which other names, and which organisation short forms
/// share documents with which long names. Built one document at a time (and merged across
/// threads), then turned into the ``CorpusNames`` table.
///
/// Names only: a document contributes its ``DocumentNames``, never its text.
public struct CorpusNameStatistics: Sendable {
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
        /// through ``neighbours``: the first document's are in `firstContext`.
        private var context: [String: Int] = [:]
        /// The neighbours of the form's only document so far, counted into `context` when a
        /// second document comes. Most forms are seen in one document, whose company the table
        /// does not keep (``CorpusNamesBuilder``), so counting it at once would be work lost.
        private var firstContext: Set<String>?

        init(label: String, words: [String]) {
            self.label = label
            self.words = words
        }

        /// Documents it shares with each neighbour.
        var neighbours: [String: Int] {
            var settled = self
            settled.settle()
            return settled.context
        }

        /// Counts a document's mention of the form, `context` being the document's context keys.
        mutating func count(_ e: DocumentNames.Entry, context: Set<String>) {
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
            context.merge(o.neighbours, uniquingKeysWith: +)
        }

        /// Counts `firstContext` into `context`.
        private mutating func settle() {
            guard let first = firstContext else { return }
            firstContext = nil
            add(first)
        }

        /// Counts one document's neighbours (but the form itself).
        private mutating func add(_ neighbours: Set<String>) {
            let own = DocumentNames.Entry.contextKey(label: label, words: words)
            for k in neighbours where k != own { context[k, default: 0] += 1 }
        }
    }

    public private(set) var documentCount = 0
    var forms: [String: Form] = [:]
    /// Documents each context key occurs in (for weighing neighbours: rare ones say more).
    var contextFrequency: [String: Int] = [:]
    /// Documents holding both an organisation's one-word short form and a longer name it may
    /// stand for, by "short|long".
    var shortFormPairs: [String: Int] = [:]

    public init() {}

    public mutating func add(_ document: DocumentNames) {
        documentCount += 1
        let context = document.contextKeys
        for k in context { contextFrequency[k, default: 0] += 1 }
        var shortOrgs: [String] = [], longOrgs: [[String]] = []
        for e in document.entries {
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
