import Foundation

/// One entity of a corpus: a stable id and the name it goes by across the corpus.
public struct CorpusEntity: Sendable, Hashable, Codable {
    /// `LABEL/folded-words` of the name ("PERSON/donald-trump"): the same for the same table.
    public var id: String
    /// The fullest common form ("Donald Trump" for "Donald J. Trump", "Trump" and "Mr. Trump").
    public var name: String
    public var label: String

    public init(id: String, name: String, label: String) {
        self.id = id
        self.name = name
        self.label = label
    }

    /// The entity a name stands for when the table knows nothing better: itself.
    init(own entry: DocumentNames.Entry) {
        self.init(id: Self.id(entry.label, entry.words), name: entry.canonical, label: entry.label)
    }

    static func id(_ label: String, _ words: [String]) -> String {
        NameText.joined(words, separator: UInt8(ascii: "-"), after: label, mark: UInt8(ascii: "/"))
    }
}

/// The corpus-level identity of names: which name forms (folded words and label) are one
/// entity, and how a lone surname or first name is resolved from the other names of its
/// document. Built by ``CorpusNameStatistics/table()``; written and read as a small JSON table
/// (`assay names`, `--names FILE`) so a cluster job computes it once and ships it.
///
/// Resolution is conservative: a one-word person's name joins a fuller bearer only when the
/// document gives evidence (a title that bearer carries elsewhere, names that keep it company
/// elsewhere) and no rival bearer of the name is likelier or in the document; otherwise it
/// stays its own entity. Ambiguous full forms ("George Bush" next to "George W. Bush" and
/// "George H. W. Bush") stay apart too.
public struct CorpusNames: Sendable, Encodable {
    /// A person of several words, as a bearer a one-word name may stand for, with the
    /// evidence for it.
    struct Bearer: Sendable, Encodable {
        var entity: Int
        var documents: Int
        /// Titles it is given (folded), and in how many documents.
        var titles: NameCounts
        /// Documents it shares with each neighbour (none kept for a bearer of one document).
        var context: NameCounts
    }

    var format = "assay-names"
    var version = 1
    var entities: [CorpusEntity] = []
    /// Form key ("PERSON|donald j trump") → entity.
    var forms: [String: Int] = [:]
    /// "first last" of people whose middle names all agree → entity, for full forms the table
    /// has not seen ("Donald John Trump").
    var people: [String: Int] = [:]
    /// The people of several words that may be meant by one of their words alone.
    var bearers: [Bearer] = []
    /// A first or last name ("clinton", "bernie") → the bearers (in `bearers`) it may stand for.
    var bearersByWord: [String: [Int]] = [:]
    /// The acronym of exactly one organisation of several words → that organisation, for
    /// acronyms the corpus itself did not use alone.
    var acronyms: [String: Int] = [:]
    var documentCount = 0
    /// Documents of each neighbour named in some candidate's context.
    var contextFrequency: [String: Int] = [:]

    /// The table that links nothing: every name is its own entity.
    public init() {}

    /// How many entities the table knows.
    public var entityCount: Int { entities.count }

    /// The corpus entity of each of `document`'s entries, in entry order; nil for an entry of
    /// a label that is not linked (``NameKey/isLinked(_:)``).
    public func resolve(_ document: DocumentNames) -> [CorpusEntity?] {
        resolve(document, alone: document.entries.map(resolveAlone))
    }

    /// The corpus entity of each of `document`'s entries, `alone` being ``resolveAlone(_:)``
    /// of each (worked out before, perhaps for another document).
    func resolve(_ document: DocumentNames, alone: [CorpusEntity?]) -> [CorpusEntity?] {
        var context: [NameCounts.Key]?  // the document's context keys, made when a lone name first needs them
        return zip(document.entries, alone).map { e, entity in
            guard entity == nil, Self.dependsOnDocument(label: e.label, e.words) else { return entity }
            return resolveOneWord(e, in: document, context: &context)
        }
    }

    /// Whether the entity of `e` depends on the other names of its document: a lone person's
    /// name ("Clinton").
    static func dependsOnDocument(label: String, _ words: [String]) -> Bool {
        label == NameKey.personLabel && words.count == 1
    }

    /// The corpus entity of `e` whatever document it is in; nil for a lone person's name,
    /// which the document's other names resolve, and for a label that is not linked.
    func resolveAlone(_ e: DocumentNames.Entry) -> CorpusEntity? {
        if Self.dependsOnDocument(label: e.label, e.words) || !NameKey.isLinked(e.label) { return nil }
        if let i = forms[e.formKey] { return entities[i] }
        if e.label == NameKey.personLabel, let i = people[e.words[0] + " " + e.words[e.words.count - 1]] {
            return entities[i]
        }
        if e.label == NameKey.organisationLabel && e.words.count == 1, let i = acronyms[e.words[0]] {
            return entities[i]
        }
        return CorpusEntity(own: e)
    }

    /// A lone name ("Clinton", "Bernie") of `document`: a bearer when the evidence clearly
    /// favours one. `context` keeps the document's context keys for its other lone names.
    func resolveOneWord(
        _ e: DocumentNames.Entry, in document: DocumentNames, context: inout [NameCounts.Key]?
    )
        -> CorpusEntity
    {
        let own = forms[e.formKey].map { entities[$0] } ?? CorpusEntity(own: e)
        let word = e.words[0]
        guard let indices = bearersByWord[word], !indices.isEmpty else { return own }
        // The candidates are read by number, in place: a copy of each bearer retained and
        // released its two tables.
        let candidates = indices
        // A fuller bearer of the name in the document itself, which the document did not link
        // it to, is a rival: keep the document's own reading.
        if document.entries.contains(where: {
            $0.label == e.label && $0.words.count > 1 && ($0.words.last == word || $0.words.first == word)
        }) {
            return own
        }
        if context == nil { context = document.contextKeys }
        let ownKey = e.contextKey
        let keys = context!.filter { $0.name != ownKey }
        // What each candidate shares with the document, by key: most share little or nothing,
        // so each asks about each key once and keeps only the counts it has.
        var shared: [[(key: Int, count: Int)]] = candidates.map { c in
            bearers[c].context.isEmpty
                ? [] : keys.indices.compactMap { k in bearers[c].context[keys[k]].map { (k, $0) } }
        }
        // Only neighbours some candidate shares tell the candidates apart. Their evidence is
        // summed in the order of their names (the order of a sum fixes its last bits): only
        // these few are sorted, not every key of the document.
        var isNeighbour = [Bool](repeating: false, count: keys.count)
        for list in shared { for (k, _) in list { isNeighbour[k] = true } }
        let neighbours = keys.indices.filter { isNeighbour[$0] }.sorted { keys[$0].name < keys[$1].name }
        var place = [Int](repeating: 0, count: keys.count)
        for (i, k) in neighbours.enumerated() { place[k] = i }
        for c in shared.indices where shared[c].count > 1 { shared[c].sort { place[$0.key] < place[$1.key] } }
        let title = NameKey.title(e.title)
        let titleKnown = title.map { t in candidates.contains { bearers[$0].titles[t] != nil } } ?? false
        let n = Double(max(documentCount, 1))
        var background = [Double](repeating: 0, count: keys.count), rarity = background
        for k in neighbours {
            let documents = contextFrequency[keys[k].name]
            background[k] = Double(documents ?? 1) / n
            rarity[k] = log(n / Double(max(documents ?? 1, 1)))
        }
        // Each neighbour's rate among a candidate's documents, shrunk towards its rate in the
        // whole corpus (an m-estimate): a bearer seen in one document must not win on the
        // accidents of that document. A neighbour the candidate does not share scores
        // log(shrinkage × background / d); one it shares, log((shared + shrinkage × background) / d).
        let unshared = neighbours.reduce(0.0) { $0 + log(Self.shrinkage * background[$1]) }
        var scores: [Double] = [], evidence: [Double] = []
        for (c, counts) in zip(candidates, shared) {
            let d = Double(bearers[c].documents) + Self.shrinkage
            var score = log(Double(bearers[c].documents)) + unshared - Double(neighbours.count) * log(d)
            var support = 0.0
            for (k, count) in counts where count > 0 {
                let prior = Self.shrinkage * background[k]
                score += log(Double(count) + prior) - log(prior)
                support += rarity[k]
            }
            if titleKnown, let t = title {
                let shared = Double(bearers[c].titles[t] ?? 0)
                score += log((shared + Self.shrinkage * Self.titleBackground) / d)
                if shared > 0 { support += Self.titleSupport }
            }
            scores.append(score)
            evidence.append(support)
        }
        let best = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }!
        let top = scores[best]
        let posterior = 1 / scores.reduce(0) { $0 + exp($1 - top) }
        guard posterior >= Self.minimumPosterior, evidence[best] >= Self.minimumSupport else { return own }
        return entities[bearers[candidates[best]].entity]
    }

    /// How sure the choice between bearers must be.
    static let minimumPosterior = 0.9
    /// How much evidence a lone name needs to join a bearer: about one rare shared neighbour,
    /// or a shared title.
    static let minimumSupport = 1.5
    static let titleSupport = 2.0
    /// How many documents' worth of the corpus-wide rate a bearer's own rates are mixed with.
    static let shrinkage = 2.0
    /// The rate a title is assumed to have where nothing is known.
    static let titleBackground = 0.1

    // MARK: - The JSON table

    /// The table as JSON (sorted keys: the same table gives the same bytes).
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        // Slashes as they are: every entity id holds one, and "\/" is two bytes to write and
        // an escape to read.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// A table read from ``encoded()`` JSON.
    /// - Throws: `E304` when the data is not such a table.
    public init(json data: Data, name: String) throws {
        do { self = try CorpusNamesReader.read([UInt8](data)) } catch {
            throw AssayError(.invalidJSONLine, "\(name): not a names table written by 'assay names' (\(error.message))")
        }
        guard format == "assay-names", version == 1 else {
            throw AssayError(.invalidJSONLine, "\(name): not a names table of version 1 written by 'assay names'")
        }
        let valid = 0..<entities.count
        guard forms.values.allSatisfy(valid.contains), people.values.allSatisfy(valid.contains),
            acronyms.values.allSatisfy(valid.contains),
            bearers.allSatisfy({ valid.contains($0.entity) }),
            bearersByWord.values.allSatisfy({ $0.allSatisfy(bearers.indices.contains) })
        else {
            throw AssayError(.invalidJSONLine, "\(name): the names table refers to entities it does not hold")
        }
    }

    /// A table read from a file.
    /// - Throws: `E301` when it cannot be read, `E304` when it is not a table.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AssayError(.fileNotFound, "cannot read names table '\(path)'")
        }
        try self.init(json: data, name: path)
    }

    enum CodingKeys: String, CodingKey {
        case format, version, entities, forms, people, bearers, bearersByWord = "bearers_by_word", acronyms
        case documentCount = "documents"
        case contextFrequency = "context_documents"
    }
}
