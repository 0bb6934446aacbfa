/// Turns ``CorpusNameStatistics`` into a ``CorpusNames`` table.
///
/// - People of several words are one entity when first and last names agree and the middle
///   names do ("Donald J. Trump" and "Donald Trump"; "Hillary Rodham Clinton" and "Hillary
///   Clinton"); a form without middle names between two disagreeing ones ("George Bush" between
///   "George W. Bush" and "George H. W. Bush") stays apart.
/// - A one-word organisation name joins the longer name it abbreviates ("U.N." → "United
///   Nations", "the Fed" → "Federal Reserve") when that is the only acronym match, or when it
///   shares documents with that name clearly more than with any other.
/// - Every person of several words is a bearer of its first and last names, with its titles and
///   neighbours; which bearer (if any) a lone name means is decided per document
///   (``CorpusNames/resolve(_:)``).
struct CorpusNamesBuilder {
    let statistics: CorpusNameStatistics
    private var table = CorpusNames()
    /// The forms each entity holds, for its titles and neighbours.
    private var members: [[String]] = []

    init(_ statistics: CorpusNameStatistics) { self.statistics = statistics }

    /// Candidates keep at most this many neighbours (their commonest), to keep the table small.
    static let neighbourLimit = 100

    func build() -> CorpusNames {
        var b = self
        b.table.documentCount = statistics.documentCount
        let keys = statistics.forms.keys.sorted()
        b.linkPeople(
            keys.filter { statistics.forms[$0]!.label == NameKey.personLabel && statistics.forms[$0]!.words.count > 1 })
        b.linkOrganisations(keys.filter { statistics.forms[$0]!.label == NameKey.organisationLabel })
        for k in keys where b.table.forms[k] == nil { b.addEntity([k]) }
        b.addBearersAndAcronyms()
        return b.table
    }

    private mutating func linkPeople(_ keys: [String]) {
        var byFirstLast: [String: [String]] = [:]
        for k in keys {
            let w = statistics.forms[k]!.words
            byFirstLast[w[0] + " " + w[w.count - 1], default: []].append(k)
        }
        for firstLast in byFirstLast.keys.sorted() {
            let group = byFirstLast[firstLast]!
            var plain: [String] = []  // no middle names
            var clusters: [[String]] = []
            for k in group.sorted(by: moreDocuments) {
                let w = statistics.forms[k]!.words
                if w.count == 2 {
                    plain.append(k)
                    continue
                }
                if let c = clusters.firstIndex(where: {
                    NameKey.middlesAgree(
                        statistics.forms[$0[0]]!.words.dropFirst().dropLast(), w.dropFirst().dropLast())
                }) {
                    clusters[c].append(k)
                } else {
                    clusters.append([k])
                }
            }
            if clusters.count <= 1 {
                let e = addEntity(plain + (clusters.first ?? []))
                table.people[firstLast] = e
            } else {
                for c in clusters { addEntity(c) }
                if !plain.isEmpty { addEntity(plain) }
            }
        }
    }

    private mutating func linkOrganisations(_ keys: [String]) {
        let long = keys.filter { statistics.forms[$0]!.words.count > 1 }
        var byAcronym: [String: [String]] = [:], byPrefix: [String: [String]] = [:]
        for k in long {
            let w = statistics.forms[k]!.words
            if let a = NameKey.acronym(of: w) { byAcronym[a, default: []].append(k) }
            let first = w[0]
            if first.count > 3 {
                for n in 3..<first.count { byPrefix[String(first.prefix(n)), default: []].append(k) }
            }
        }
        for k in keys {
            let w = statistics.forms[k]!.words
            guard w.count == 1 else { continue }
            let acronymOf = byAcronym[w[0]] ?? []
            let candidates = Array(Set(acronymOf + (byPrefix[w[0]] ?? []))).sorted()
            guard !candidates.isEmpty else { continue }
            let shared = candidates.map {
                statistics.shortFormPairs[w[0] + "|" + statistics.forms[$0]!.words.joined(separator: " ")] ?? 0
            }
            var target: String?
            if acronymOf.count == 1 && candidates.count == 1 {
                target = acronymOf[0]
            } else if let best = shared.indices.max(by: {
                shared[$0] < shared[$1] || (shared[$0] == shared[$1] && $0 > $1)
            }) {
                let runnerUp = shared.indices.filter { $0 != best }.map { shared[$0] }.max() ?? 0
                if shared[best] >= 2 && shared[best] >= 2 * runnerUp { target = candidates[best] }
            }
            guard let target else { continue }
            if table.forms[target] == nil { addEntity([target]) }
            table.forms[k] = table.forms[target]!
        }
    }

    /// Every person of several words as a bearer of its first and last names, and the
    /// organisations' unambiguous acronyms.
    private mutating func addBearersAndAcronyms() {
        var neighbours = Set<CorpusNameStatistics.Neighbour>()
        var acronymTargets: [String: Set<Int>] = [:]
        for (e, forms) in members.enumerated() {
            let fs = forms.map { statistics.forms[$0]! }
            guard let f = fs.first, f.words.count > 1 else { continue }
            if f.label == NameKey.organisationLabel {
                for g in fs { if let a = NameKey.acronym(of: g.words) { acronymTargets[a, default: []].insert(e) } }
                continue
            }
            guard f.label == NameKey.personLabel else { continue }
            let documents = fs.reduce(0) { $0 + $1.documents }
            // Most entities have one form: its counts are taken as they are, not merged into
            // empty tables key by key. One document's company is an accident, not a profile.
            var titles = f.titles, context = documents < 2 ? [:] : f.neighbourCounts
            var words: Set = [f.words[0], f.words[f.words.count - 1]]
            for g in fs.dropFirst() {
                titles.merge(g.titles, uniquingKeysWith: +)
                if documents >= 2 { context.merge(g.neighbourCounts, uniquingKeysWith: +) }
                words.insert(g.words[0])
                words.insert(g.words[g.words.count - 1])
            }
            // A profile keeps its commonest neighbours only.
            if context.count > Self.neighbourLimit { context = Self.commonest(context, Self.neighbourLimit) }
            neighbours.formUnion(context.keys)
            var byKey: [String: Int] = [:]
            byKey.reserveCapacity(context.count)
            for (n, count) in context { byKey[n.key] = count }
            let b = table.bearers.count
            table.bearers.append(
                CorpusNames.Bearer(
                    entity: e, documents: documents, titles: NameCounts(titles), context: NameCounts(byKey)))
            for w in words.sorted() { table.bearersByWord[w, default: []].append(b) }
        }
        for (a, es) in acronymTargets where es.count == 1 { table.acronyms[a] = es.first! }
        for n in neighbours { table.contextFrequency[n.key] = statistics.contextFrequency[n] ?? 1 }
    }

    /// The `limit` entries of `counts` with the highest counts, the smaller key first among
    /// equal counts: those above the `limit`-th highest count, then as many as there is room
    /// for of those at it, by key. (Sorting every entry by count and key cost more than the
    /// rest of making the table: a well-known name has thousands of neighbours.)
    static func commonest(_ counts: [CorpusNameStatistics.Neighbour: Int], _ limit: Int)
        -> [CorpusNameStatistics.Neighbour: Int]
    {
        guard counts.count > limit else { return counts }
        let threshold = counts.values.sorted(by: >)[limit - 1]
        var kept: [CorpusNameStatistics.Neighbour: Int] = [:]
        kept.reserveCapacity(limit)
        var ties: [CorpusNameStatistics.Neighbour] = []
        for (k, v) in counts {
            if v > threshold { kept[k] = v } else if v == threshold { ties.append(k) }
        }
        for k in ties.sorted(by: { $0.key < $1.key }).prefix(limit - kept.count) { kept[k] = threshold }
        return kept
    }

    /// A new entity of `forms` (the first spelling the name's id and display name come from the
    /// form in most documents). - Returns: its number.
    @discardableResult
    private mutating func addEntity(_ forms: [String]) -> Int {
        let head = forms.min(by: moreDocuments)!
        let f = statistics.forms[head]!
        let e = table.entities.count
        table.entities.append(
            CorpusEntity(id: CorpusEntity.id(f.label, f.words), name: Self.display(f), label: f.label))
        members.append(forms)
        for k in forms { table.forms[k] = e }
        return e
    }

    /// Whether form `a` names an entity better than `b`: more documents, then more words, then
    /// the smaller key (for a deterministic order).
    private func moreDocuments(_ a: String, _ b: String) -> Bool {
        let x = statistics.forms[a]!, y = statistics.forms[b]!
        if x.documents != y.documents { return x.documents > y.documents }
        if x.words.count != y.words.count { return x.words.count > y.words.count }
        return a < b
    }

    /// The spelling a form is shown by: the commonest that is not all capitals (headlines).
    static func display(_ f: CorpusNameStatistics.Form) -> String {
        f.spellings.max { a, b in
            let ca = isShouting(a.key), cb = isShouting(b.key)
            if ca != cb { return ca }
            if a.value != b.value { return a.value < b.value }
            return a.key > b.key
        }?.key ?? f.words.joined(separator: " ")
    }

    private static func isShouting(_ s: String) -> Bool {
        s.count > 3 && !s.unicodeScalars.contains { $0.properties.isLowercase }
    }
}
