/// What corpus linking learns from a corpus: how often each name form occurs, how it is
/// written, with which titles, next to which other names, and which organisation short forms
/// share documents with which long names. Built one document at a time (and merged across
/// threads), then turned into the ``CorpusNames`` table.
///
/// Names only: a document contributes its ``DocumentNames``, never its text.
///
/// Forms and neighbours are numbered in order of first appearance and counted in arrays by
/// number. A corpus repeats its names, so each name (label and canonical name) is looked up
/// once per document by a hash of its bytes (``NameRefTable``), which gives its form and
/// neighbour numbers: building each entry's form and context keys and hashing them as Strings
/// was most of what counting a corpus's names cost.
public struct CorpusNameStatistics: Sendable {
    /// One name form (label and folded words).
    struct Form: Sendable {
        var label: String
        var words: [String]
        /// ``DocumentNames/Entry/formKey``: where the table files it.
        var key: String
        var documents = 0
        /// How the documents spell it ("Donald Trump", "DONALD TRUMP"), by name number (each
        /// name belongs to one form, so its canonical name is the spelling): the display name.
        var spellings: [(name: Int32, count: Int)] = []
        var titles: [String: Int] = [:]
        /// ``NameKey/acronym(of:)`` of an organisation of several words (asked of it often).
        let acronym: String?
        /// Documents it shares with each neighbour (by number); kept for people of more than
        /// one word, the bearers a lone surname may be resolved to. Read through
        /// ``neighbourCounts``: the first document's are in `firstContext`.
        fileprivate var context = NeighbourCounts()
        /// The neighbours of the form's only document so far, counted into `context` when a
        /// second document comes. Most forms are seen in one document, whose company the table
        /// does not keep (``CorpusNamesBuilder``), so counting it at once would be work lost.
        fileprivate var firstContext: [Int32]?
        /// The form itself as a neighbour, which is not counted in its own company.
        fileprivate let own: Int32

        fileprivate init(label: String, words: [String], key: String, own: Int32) {
            self.label = label
            self.words = words
            self.key = key
            self.own = own
            acronym = label == NameKey.organisationLabel && words.count > 1 ? NameKey.acronym(of: words) : nil
        }

        /// Documents it shares with each neighbour.
        var neighbourCounts: NeighbourCounts {
            guard let first = firstContext else { return context }
            var counts = context
            counts.add(first, except: own)
            return counts
        }

        /// Counts a document's mention of the form as name number `name`, `context` being the
        /// document's neighbours.
        fileprivate mutating func count(name: Int32, title: String?, context: [Int32]) {
            documents += 1
            addSpelling(name, count: 1)
            if let title { titles[title, default: 0] += 1 }
            guard label == NameKey.personLabel && words.count > 1 else { return }
            if documents == 1 {
                firstContext = context
            } else {
                settle()
                self.context.add(context, except: own)
            }
        }

        /// Counts `count` documents spelling the form as name number `name`.
        fileprivate mutating func addSpelling(_ name: Int32, count: Int) {
            if let i = spellings.firstIndex(where: { $0.name == name }) {
                spellings[i].count += count
            } else {
                spellings.append((name, count))
            }
        }

        /// Counts `firstContext` into `context`.
        fileprivate mutating func settle() {
            guard let first = firstContext else { return }
            firstContext = nil
            context.add(first, except: own)
        }
    }

    /// What is known of a name (label and canonical name) met before.
    private struct Name: Sendable {
        /// ``NameKey/words(of:label:)`` of the name, to tell an entry whose words were set
        /// otherwise.
        var words: [String]
        /// Its form, or -1 for a label that is not linked.
        var form: Int32
        var neighbour: Int32
    }

    public private(set) var documentCount = 0
    /// The forms by number.
    var forms: [Form] = []
    /// The forms' numbers, found by the ``NameRefTable/hash(_:)`` of their
    /// ``DocumentNames/Entry/formKey``.
    private var formSlots = HashSlots()
    /// The neighbours (``DocumentNames/Entry/contextKey``) by number.
    var neighbours: [String] = []
    /// The neighbours' numbers, found by the ``NameRefTable/hash(_:)`` of their keys.
    private var neighbourSlots = HashSlots()
    /// Documents each neighbour occurs in (for weighing neighbours: rare ones say more).
    var contextFrequency: [Int] = []
    /// The names met, numbered; `names` by number.
    private var nameTable = NameRefTable(capacity: 1024)
    private var names: [Name] = []
    /// The document each neighbour was last counted in (to count it once per document).
    private var lastDocument: [Int] = []
    /// Documents holding both an organisation's one-word short form and a longer name it may
    /// stand for, by ``pair(_:_:)`` of their form numbers.
    var shortFormPairs: [Int: Int] = [:]
    /// Folded titles by the title as written.
    private var foldedTitles: [String: String?] = [:]

    public init() {}

    /// The key of a pair of form numbers.
    static func pair(_ short: Int32, _ long: Int32) -> Int { Int(short) << 32 | Int(long) }

    /// The canonical name of name number `n` (a spelling).
    func canonical(ofName n: Int32) -> String { nameTable.refs[Int(n)].canonical }

    /// One name of a document to count.
    private struct Met {
        var ref: DocumentNames.NameRef
        var title: String?
        var words: [String]
        /// ``NameRefTable/hash(_:)`` of `ref`.
        var hash: UInt64
    }

    /// Counts one document's names.
    public mutating func add(_ document: DocumentNames) {
        add(
            document.entries.map { e in
                let ref = DocumentNames.NameRef(label: e.label, canonical: e.canonical)
                return Met(ref: ref, title: e.title, words: e.words, hash: NameRefTable.hash(ref))
            })
    }

    /// Counts one document's names as its mentions name them: the names the document's table
    /// has hashed are not hashed again, nor made into ``DocumentNames/Entry``s.
    public mutating func add(_ document: MentionNames) {
        var document = document
        add(numbering: &document)
    }

    /// Counts one document's names as adding it does, and notes in `document`
    /// the number each of its names has here (``MentionNames/corpusNumbers``), by which the
    /// linking made from these statistics (`CorpusLinking(statistics)`)
    /// finds the names' entities without looking them up again.
    public mutating func add(numbering document: inout MentionNames) {
        guard let words = document.words else { return add(DocumentNames(document)) }
        let table = document.table
        var met: [Met] = []
        met.reserveCapacity(table.count)
        var metNames: [Int] = []
        metNames.reserveCapacity(table.count)
        for n in 0..<table.count where !words[n].isEmpty {
            met.append(Met(ref: table.refs[n], title: document.titles[n], words: words[n], hash: table.hashes[n]))
            metNames.append(n)
        }
        var numbers = [Int32](repeating: -1, count: table.count)
        for (n, number) in zip(metNames, add(met)) { numbers[n] = number }
        document.corpusNumbers = numbers
    }

    /// Counts one document's names, one per label and canonical name, each with words.
    /// - Returns: the number of each name here, -1 for one whose words differ from those the
    ///   name was first counted with (which only a caller's own words can do).
    @discardableResult
    private mutating func add(_ document: [Met]) -> [Int32] {
        documentCount += 1
        var context: [Int32] = []
        context.reserveCapacity(document.count)
        var numbers: [(number: Int32, form: Int32)] = []
        numbers.reserveCapacity(document.count)
        var found: [Int32] = []
        found.reserveCapacity(document.count)
        var shortOrgs: [Int32] = [], longOrgs: [Int32] = []
        // The names are read in place: a copy of each (as `for e in document` makes) retained
        // and released its four Strings and arrays, twice per name.
        document.withUnsafeBufferPointer { document in
            for e in document.indices {
                let (number, form, neighbour, isKept) = self.name(of: document[e])
                numbers.append((number, form))
                found.append(isKept ? number : -1)
                let n = Int(neighbour)
                if lastDocument[n] != documentCount {
                    lastDocument[n] = documentCount
                    context.append(neighbour)
                    contextFrequency[n] += 1
                }
            }
            // Every name is company for the others, but only people and organisations get an
            // entity of their own (``NameKey/isLinked(_:)``).
            for e in document.indices where numbers[e].form >= 0 {
                let (number, form) = numbers[e]
                forms[Int(form)].count(name: number, title: foldedTitle(document[e].title), context: context)
                if document[e].ref.label == NameKey.organisationLabel {
                    if document[e].words.count == 1 { shortOrgs.append(form) } else { longOrgs.append(form) }
                }
            }
        }
        for s in shortOrgs {
            for l in longOrgs where mayAbbreviate(s, l) { shortFormPairs[Self.pair(s, l), default: 0] += 1 }
        }
        return found
    }

    /// The names counted, by number: each with its folded words, its form (-1 for a label that
    /// is not linked) and its context key (``DocumentNames/Entry/contextKey``).
    var countedNames:
        some RandomAccessCollection<
            (ref: DocumentNames.NameRef, words: [String], form: Int32, contextKey: NameCounts.Key)
        >
    {
        zip(nameTable.refs, names).lazy.map { ($0, $1.words, $1.form, neighbourKey(Int($1.neighbour))) }
    }

    /// The key of neighbour `n`, with the hash it is filed by (not made again).
    func neighbourKey(_ n: Int) -> NameCounts.Key {
        NameCounts.Key(name: neighbours[n], hash: neighbourSlots.hashes[n])
    }

    /// The number of a name, and its form and neighbour (found by the name when it was met
    /// before); `isKept` tells whether `names` holds that very reading (not when the name was
    /// first met with other words).
    private mutating func name(of e: Met) -> (Int32, form: Int32, neighbour: Int32, isKept: Bool) {
        let (n, isNew) = nameTable.insert(e.ref, hash: e.hash)
        if !isNew && names[n].words == e.words { return (Int32(n), names[n].form, names[n].neighbour, true) }
        let label = e.ref.label
        // The name's context key is its form's too: made and looked up once.
        let neighbour = self.neighbour(DocumentNames.Entry.contextKey(label: label, words: e.words))
        let name = Name(
            words: e.words, form: NameKey.isLinked(label) ? form(label: label, words: e.words, own: neighbour) : -1,
            neighbour: neighbour)
        if isNew { names.append(name) }
        return (Int32(n), name.form, name.neighbour, isNew)
    }

    /// The number of the form of `label` and `words`, adding it if new; `own` is the
    /// neighbour number of its context key, if known.
    private mutating func form(label: String, words: [String], own: Int32? = nil) -> Int32 {
        let key = DocumentNames.Entry.formKey(label: label, words: words)
        let (number, isNew) = formSlots.first(NameRefTable.hash(key), in: forms, orAdding: { $0.key == key })
        guard isNew else { return Int32(number) }
        let f = Int32(forms.count)
        let own = own ?? neighbour(DocumentNames.Entry.contextKey(label: label, words: words))
        forms.append(Form(label: label, words: words, key: key, own: own))
        return f
    }

    /// The number of neighbour `key`, adding it if new.
    private mutating func neighbour(_ key: String) -> Int32 {
        let (number, isNew) = neighbourSlots.first(NameRefTable.hash(key), in: neighbours, orAdding: { $0 == key })
        guard isNew else { return Int32(number) }
        let n = Int32(neighbours.count)
        neighbours.append(key)
        contextFrequency.append(0)
        lastDocument.append(0)
        return n
    }

    private mutating func foldedTitle(_ title: String?) -> String? {
        guard let title else { return nil }
        if let folded = foldedTitles[title] { return folded }
        let folded = NameKey.title(title)
        foldedTitles[title] = folded
        return folded
    }

    /// Whether one-word organisation form `short` may stand for `long`, of several words.
    private func mayAbbreviate(_ short: Int32, _ long: Int32) -> Bool {
        // The two fields read in place: a copy of the whole form retains all its arrays.
        forms.withUnsafeBufferPointer { forms in
            NameKey.mayAbbreviate(forms[Int(short)].words[0], forms[Int(long)].words, acronym: forms[Int(long)].acronym)
        }
    }

    /// Adds another part of the corpus (counted by another thread).
    public mutating func merge(_ other: CorpusNameStatistics) {
        documentCount += other.documentCount
        var neighbourMap: [Int32] = []
        for key in other.neighbours { neighbourMap.append(neighbour(key)) }
        for (n, count) in other.contextFrequency.enumerated() { contextFrequency[Int(neighbourMap[n])] += count }
        var formMap: [Int32] = []
        for o in other.forms {
            let f = form(label: o.label, words: o.words)
            formMap.append(f)
            var mine = forms[Int(f)]
            mine.documents += o.documents
            for s in o.spellings {
                let ref = other.nameTable.refs[Int(s.name)]
                let (n, isNew) = nameTable.insert(ref)
                if isNew { names.append(Name(words: o.words, form: f, neighbour: neighbour(ref.contextKey(o.words)))) }
                mine.addSpelling(Int32(n), count: s.count)
            }
            mine.titles.merge(o.titles, uniquingKeysWith: +)
            mine.settle()
            let theirs = o.neighbourCounts
            for (n, count) in zip(theirs.numbers, theirs.counts) {
                mine.context.add(neighbourMap[Int(n)], count: count)
            }
            forms[Int(f)] = mine
        }
        for (p, count) in other.shortFormPairs {
            shortFormPairs[Self.pair(formMap[p >> 32], formMap[p & 0xFFFF_FFFF]), default: 0] += count
        }
    }

    /// The table that links this corpus's names (deterministic: the same statistics give the
    /// same table, whatever order documents were added in).
    public func table() -> CorpusNames { CorpusNamesBuilder(self).build() }
}

extension DocumentNames.NameRef {
    /// The context key of this name, of folded words `words`.
    fileprivate func contextKey(_ words: [String]) -> String {
        DocumentNames.Entry.contextKey(label: label, words: words)
    }
}

/// Counts by neighbour number, in a small open-addressing table: a well-known name shares
/// documents with thousands of neighbours, each counted once per document.
struct NeighbourCounts: Sendable {
    /// The neighbours in order of first count, and their counts.
    private(set) var numbers: [Int32] = []
    private(set) var counts: [Int] = []
    /// 1 + the place in `numbers` of the neighbour filed in each slot, 0 for a free slot. A
    /// neighbour number is its own key, so no hashes are kept beside it.
    private var slots: [Int32] = []

    var count: Int { numbers.count }

    /// Adds `count` to neighbour `n`.
    mutating func add(_ n: Int32, count: Int = 1) {
        reserve(0)  // under half full before this one is filed, as the batches below keep them
        addReserved(n, count: count)
    }

    /// Counts one document's neighbours once each, but `own`.
    mutating func add(_ neighbours: [Int32], except own: Int32) {
        reserve(neighbours.count)
        neighbours.withUnsafeBufferPointer { neighbours in
            for n in neighbours where n != own { addReserved(n, count: 1) }
        }
    }

    /// Adds all of `other`'s counts.
    mutating func add(_ other: NeighbourCounts) {
        reserve(other.count)
        other.numbers.withUnsafeBufferPointer { numbers in
            other.counts.withUnsafeBufferPointer { counts in
                for i in numbers.indices { addReserved(numbers[i], count: counts[i]) }
            }
        }
    }

    /// Grows the slots now for `more` neighbours to come, as adding them one by one would.
    /// (Where a neighbour's slot is does not change the order of `numbers`, only how fast it
    /// is found.)
    private mutating func reserve(_ more: Int) {
        guard (numbers.count + more) * 2 >= slots.count else { return }
        // Doubled at once as often as filing them one by one would (a new table of 25
        // neighbours grows to 64 slots once rather than through 16 and 32).
        var size = max(16, slots.count * 2)
        while (numbers.count + more) * 2 >= size { size *= 2 }
        grow(to: size)
    }

    /// ``add(_:count:)`` with the slots grown already: a neighbour counted in every document
    /// of a name is counted here many thousand times, so the arrays are written through
    /// pointers once sure to be unique.
    private mutating func addReserved(_ n: Int32, count: Int) {
        let mask = slots.count - 1
        var i = Self.slot(n) & mask
        let found: Int? = slots.withUnsafeMutableBufferPointer { slots in
            numbers.withUnsafeBufferPointer { numbers in
                while true {
                    let k = Int(slots[i])
                    if k == 0 {
                        slots[i] = Int32(numbers.count + 1)
                        return nil
                    }
                    if numbers[k - 1] == n { return k - 1 }
                    i = (i + 1) & mask
                }
            }
        }
        if let found {
            counts.withUnsafeMutableBufferPointer { $0[found] += count }
        } else {
            numbers.append(n)
            counts.append(count)
        }
    }

    /// Makes `size` slots (a power of two) and files every neighbour again.
    private mutating func grow(to size: Int) {
        slots = [Int32](repeating: 0, count: size)
        let mask = slots.count - 1
        for (k, n) in numbers.enumerated() {
            var i = Self.slot(n) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(k + 1)
        }
    }

    /// A neighbour number's bits spread so that the low ones, which pick a slot, vary.
    private static func slot(_ n: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: n)) &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
