import AssayCore

/// Copies of training documents whose names are swapped for other names of the same label
/// (mention replacement), so that the tagger learns what the words around a name say about
/// it, not only which names the 1996 training news happened to mention.
///
/// Today's news is full of names the training news never had (new companies, apps, agencies,
/// teams); the tagger can only read those from their shape, their word clusters and their
/// contexts. In the plain training data the name's own word is nearly always known, so the
/// weights lean on it. In a copy whose "Fiat" reads "Wilmar International" and whose "Lens"
/// reads "Abeokuta", the context and cluster features must carry the label.
///
/// - Organisations and places are replaced by a name of the same label from the training data
///   or, as often, from the gazetteer's lists (companies, cities, regions, countries), which
///   are modern and mostly unseen in the training news.
/// - Other names by one of the same label from the training data.
/// - A person's names word by word (first names by first names, other words by surnames), so
///   that "Bill Clinton" and "Clinton" in one document stay one person under new names.
///
/// Within a document every mention of a spelling gets the same replacement, so the document
/// features (contexts of all mentions, label consistency) read as they would. Deterministic
/// for a given generator.
struct MentionReplacer {
    /// Whole-name replacements per label (``EntityLabel/tagIndex``), sorted and distinct.
    private let names: [[String]]
    /// Listed names (gazetteer) per label, empty for persons and MISC.
    private let listed: [[String]]
    /// Words of persons' names: first words of names of two or more words, and the others.
    private let firstNames: [String]
    private let surnames: [String]

    /// The share of a document's distinct names that are replaced.
    let share: Double
    /// Of the organisations and places replaced, the share replaced by a listed name.
    let listedShare: Double

    init(_ corpus: AnnotatedCorpus, sections: [String: [String]], share: Double = 0.5, listedShare: Double = 0.5) {
        self.share = share
        self.listedShare = listedShare
        var names = [Set<String>](repeating: [], count: EntityLabel.allCases.count)
        var firstNames = Set<String>(), surnames = Set<String>()
        for (doc, gold) in corpus.documents {
            for g in gold {
                let text = doc.text(of: g.span)
                guard !text.contains("\n") else { continue }
                names[g.label.tagIndex].insert(text)
                guard g.label == .person else { continue }
                let words = text.split(separator: " ").map(String.init)
                for (k, w) in words.enumerated() where Self.isCapitalised(w) {
                    if k == 0 && words.count > 1 { firstNames.insert(w) } else { surnames.insert(w) }
                }
            }
        }
        self.names = names.map { $0.sorted() }
        // Not the listed names with an apostrophe: the training news splits "Domino 's" where
        // the lists write "Domino's", and a copy with the list's spelling would teach the
        // tagger that a name with its possessive is an organisation ("Putin’s invitation").
        func usable(_ names: [String]) -> [String] {
            Array(Set(names.filter { !$0.contains("'") && !$0.contains("’") })).sorted()
        }
        let places = (sections["country"] ?? []) + (sections["city"] ?? []) + (sections["region"] ?? [])
        var listed = [[String]](repeating: [], count: EntityLabel.allCases.count)
        listed[EntityLabel.loc.tagIndex] = usable(places)
        listed[EntityLabel.org.tagIndex] = usable(sections["organization"] ?? [])
        self.listed = listed
        self.firstNames = firstNames.sorted()
        self.surnames = surnames.sorted()
    }

    private static func isCapitalised(_ word: String) -> Bool {
        word.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
    }

    /// A copy of `document` with some of its names replaced, and the gold spans in the copy.
    func replaced<R: RandomNumberGenerator>(
        _ document: AnalyzedDocument, gold: [GoldEntity], using rng: inout R
    ) -> (document: AnalyzedDocument, gold: [GoldEntity]) {
        @inline(__always) func chance(_ p: Double) -> Bool { Double(rng.next() % 10_000) / 10_000 < p }
        @inline(__always) func pick(_ list: [String]) -> String { list[Int(rng.next() % UInt64(list.count))] }
        // Decisions per spelling, in order of first mention (deterministic).
        var wholeNames: [String: String] = [:]
        var personWords: [String: String] = [:]
        let utf8 = document.utf8
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 4)
        var newGold: [GoldEntity] = []
        var at = 0
        for g in gold.sorted(by: { $0.span.start < $1.span.start }) where g.span.start >= at {
            out += utf8[at..<g.span.start]
            at = g.span.end
            let text = document.text(of: g.span)
            let start = out.count
            let replacement: String
            if g.label == .person {
                let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                replacement = words.enumerated().map { k, w in
                    guard Self.isCapitalised(w) else { return w }
                    if let r = personWords[w] { return r }
                    let first = k == 0 && words.count > 1
                    let pool = first ? firstNames : surnames
                    let r = chance(share) && !pool.isEmpty ? pick(pool) : w
                    personWords[w] = r
                    return r
                }.joined(separator: " ")
            } else if let r = wholeNames[text] {
                replacement = r
            } else {
                let l = g.label.tagIndex
                var r = text
                if chance(share) {
                    if !listed[l].isEmpty, chance(listedShare) {
                        r = pick(listed[l])
                    } else if !names[l].isEmpty {
                        r = pick(names[l])
                    }
                }
                wholeNames[text] = r
                replacement = r
            }
            // A name in an all-caps line (a dateline, a headline) is replaced in capitals too.
            let capitals = text.contains { $0.isLetter } && !text.contains { $0.isLowercase }
            out += Array((capitals ? replacement.uppercased() : replacement).utf8)
            newGold.append(GoldEntity(span: Span(start, out.count), label: g.label))
        }
        out += utf8[at...]
        let copy = AnalyzedDocument(Document(id: document.id + "-replaced", text: String(decoding: out, as: UTF8.self)))
        return (copy, newGold)
    }
}
