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
    /// The forms (by number) each entity holds, for its titles and neighbours.
    private var members: [[Int]] = []
    /// The entity of each form (by number), if it has one yet.
    private var entityOfForm: [Int?]

    init(_ statistics: CorpusNameStatistics) {
        self.statistics = statistics
        entityOfForm = Array(repeating: nil, count: statistics.forms.count)
    }

    /// Candidates keep at most this many neighbours (their commonest), to keep the table small.
    static let neighbourLimit = 100

    private func form(_ f: Int) -> CorpusNameStatistics.Form { statistics.forms[f] }

    func build() -> CorpusNames { buildWithEntities().table }

    /// The table, and the entity (a number in its `entities`) of each form of the statistics.
    ///
    /// - Parameter forLoneNamesCounted: whether the table is for linking the documents the
    ///   statistics counted, and not written out: then a bearer is kept only if one of its words
    ///   is a one-word person's name those documents have, as only such lone names ask for
    ///   bearers. (On news.jsonl three bearers in four are left out, and a fifth of building the
    ///   table with them.) A document changed since it was counted may name another person
    ///   alone, who then stays their own entity.
    func buildWithEntities(forLoneNamesCounted: Bool = false) -> (table: CorpusNames, entityOfForm: [Int]) {
        var b = self
        b.table.documentCount = statistics.documentCount
        let forms = statistics.forms
        let numbers = KeyOrder(forms.map(\.key)).sorted()
        b.table.forms.reserveCapacity(forms.count)
        b.linkPeople(numbers.filter { forms[$0].label == NameKey.personLabel && forms[$0].words.count > 1 })
        b.linkOrganisations(numbers.filter { forms[$0].label == NameKey.organisationLabel })
        for f in numbers where b.entityOfForm[f] == nil { b.addEntity([f]) }
        b.addBearersAndAcronyms(
            ofWords: forLoneNamesCounted
                ? Set(
                    forms.lazy.filter { CorpusNames.dependsOnDocument(label: $0.label, $0.words) }.map { $0.words[0] })
                : nil)
        // Every form has its entity by now.
        return (b.table, b.entityOfForm.map { $0! })
    }

    private mutating func linkPeople(_ numbers: [Int]) {
        let firstLasts = numbers.map { f in
            let w = statistics.forms[f].words
            return w[0] + " " + w[w.count - 1]
        }
        table.people.reserveCapacity(numbers.count)
        // The forms grouped by first and last name, the groups in the order of that, each in
        // the order the numbers come.
        let order = KeyOrder(firstLasts).sorted()
        var start = 0
        while start < order.count {
            let firstLast = firstLasts[order[start]]
            var end = start + 1
            while end < order.count && firstLasts[order[end]] == firstLast { end += 1 }
            let group = order[start..<end].sorted().map { numbers[$0] }
            start = end
            var plain: [Int] = []  // no middle names
            var clusters: [[Int]] = []
            for f in group.count == 1 ? group : group.sorted(by: moreDocuments) {
                let w = statistics.forms[f].words
                if w.count == 2 {
                    plain.append(f)
                    continue
                }
                if let c = clusters.firstIndex(where: {
                    NameKey.middlesAgree(statistics.forms[$0[0]].words.dropFirst().dropLast(), w.dropFirst().dropLast())
                }) {
                    clusters[c].append(f)
                } else {
                    clusters.append([f])
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

    private mutating func linkOrganisations(_ numbers: [Int]) {
        let long = numbers.filter { statistics.forms[$0].words.count > 1 }
        // A long name's first word may be abbreviated to any start of three characters or more
        // (short of the whole word): only the starts that are some one-word name are filed, each
        // found by walking on one character from the last.
        let short = Set(
            numbers.compactMap { f in statistics.forms[f].words.count == 1 ? statistics.forms[f].words[0][...] : nil })
        var byAcronym: [String: [Int]] = [:], byPrefix: [String: [Int]] = [:]
        for f in long {
            let w = statistics.forms[f].words
            if let a = statistics.forms[f].acronym { byAcronym[a, default: []].append(f) }
            let first = w[0]
            var end = first.startIndex, characters = 0
            while end < first.endIndex {
                first.formIndex(after: &end)
                characters += 1
                guard characters >= 3, end < first.endIndex, short.contains(first[..<end]) else { continue }
                byPrefix[String(first[..<end]), default: []].append(f)
            }
        }
        for f in numbers {
            let w = statistics.forms[f].words
            guard w.count == 1 else { continue }
            let acronymOf = byAcronym[w[0]] ?? []
            // In key order, as the numbers come.
            let candidates = Array(Set(acronymOf + (byPrefix[w[0]] ?? []))).sorted {
                statistics.forms[$0].key < statistics.forms[$1].key
            }
            guard !candidates.isEmpty else { continue }
            let shared = candidates.map {
                statistics.shortFormPairs[CorpusNameStatistics.pair(Int32(f), Int32($0))] ?? 0
            }
            var target: Int?
            if acronymOf.count == 1 && candidates.count == 1 {
                target = acronymOf[0]
            } else if let best = shared.indices.max(by: {
                shared[$0] < shared[$1] || (shared[$0] == shared[$1] && $0 > $1)
            }) {
                let runnerUp = shared.indices.filter { $0 != best }.map { shared[$0] }.max() ?? 0
                if shared[best] >= 2 && shared[best] >= 2 * runnerUp { target = candidates[best] }
            }
            guard let target else { continue }
            if entityOfForm[target] == nil { addEntity([target]) }
            setEntity(entityOfForm[target]!, of: f)
        }
    }

    /// Every person of several words as a bearer of its first and last names (only those with
    /// one of `words`, if given), and the organisations' unambiguous acronyms.
    private mutating func addBearersAndAcronyms(ofWords bearerWords: Set<String>?) {
        // The neighbours named in some bearer's context, once each.
        var named = [Bool](repeating: false, count: statistics.neighbours.count)
        var acronymTargets: [String: Set<Int>] = [:]
        var ranks: [Int32]?
        for (e, forms) in members.enumerated() {
            guard let head = forms.first, case let f = form(head), f.words.count > 1 else { continue }
            if f.label == NameKey.organisationLabel {
                for g in forms {
                    if let a = statistics.forms[g].acronym { acronymTargets[a, default: []].insert(e) }
                }
                continue
            }
            guard f.label == NameKey.personLabel else { continue }
            var words = [f.words[0]]
            func addWord(_ w: String) { if !words.contains(w) { words.append(w) } }
            addWord(f.words[f.words.count - 1])
            for g in forms.dropFirst() {
                let w = statistics.forms[g].words
                addWord(w[0])
                addWord(w[w.count - 1])
            }
            if let bearerWords, !words.contains(where: bearerWords.contains) { continue }
            let documents = forms.reduce(0) { $0 + statistics.forms[$1].documents }
            // Most entities have one form: its counts are taken as they are, not merged into
            // empty tables key by key. One document's company is an accident, not a profile.
            var titles = f.titles, context = documents < 2 ? NeighbourCounts() : f.neighbourCounts
            for g in forms.dropFirst().map({ form($0) }) {
                titles.merge(g.titles, uniquingKeysWith: +)
                if documents >= 2 { context.add(g.neighbourCounts) }
            }
            var kept = Array(zip(context.numbers, context.counts))
            // A profile keeps its commonest neighbours only.
            if kept.count > Self.neighbourLimit {
                if ranks == nil { ranks = Self.ranks(statistics.neighbours) }
                kept = Self.commonest(kept, Self.neighbourLimit, ranks: ranks!)
            }
            for (n, _) in kept { named[Int(n)] = true }
            var keys: [(NameCounts.Key, Int)] = []
            keys.reserveCapacity(kept.count)
            for (n, count) in kept { keys.append((statistics.neighbourKey(Int(n)), count)) }
            let b = table.bearers.count
            table.bearers.append(
                CorpusNames.Bearer(
                    entity: e, documents: documents, titles: NameCounts(titles), context: NameCounts(reading: keys)))
            for w in words.sorted() { table.bearersByWord[w, default: []].append(b) }
        }
        for (a, es) in acronymTargets where es.count == 1 { table.acronyms[a] = es.first! }
        table.contextFrequency.reserveCapacity(named.lazy.filter { $0 }.count)
        for (n, isNamed) in named.enumerated() where isNamed {
            table.contextFrequency[statistics.neighbours[n]] = statistics.contextFrequency[n]
        }
    }

    /// The rank of each neighbour (by number) in the order of their keys.
    static func ranks(_ keys: [String]) -> [Int32] {
        var ranks = [Int32](repeating: 0, count: keys.count)
        for (r, n) in KeyOrder(keys).sorted().enumerated() { ranks[n] = Int32(r) }
        return ranks
    }

    /// The `limit` entries of `counts` (neighbour number and count) with the highest counts,
    /// the smaller key (of lower rank in `ranks`) first among equal counts: those above the
    /// `limit`-th highest count, then as many as there is room for of those at it, by key. (A
    /// well-known name has thousands of neighbours, most of a count or two.)
    static func commonest(_ counts: [(Int32, Int)], _ limit: Int, ranks: [Int32]) -> [(Int32, Int)] {
        guard counts.count > limit else { return counts }
        // The limit-th highest count, from how many neighbours have each count.
        var histogram = [Int](repeating: 0, count: counts.lazy.map(\.1).max()! + 1)
        for (_, c) in counts { histogram[c] += 1 }
        var threshold = histogram.count - 1, above = 0
        while above + histogram[threshold] < limit {
            above += histogram[threshold]
            threshold -= 1
        }
        var kept: [(Int32, Int)] = []
        kept.reserveCapacity(limit)
        var ties: [Int32] = []
        for (n, c) in counts {
            if c > threshold { kept.append((n, c)) } else if c == threshold { ties.append(n) }
        }
        // The order of the kept entries does not matter (a profile finds its neighbours by
        // hash): ties are sorted only when some must be left out.
        let room = limit - kept.count
        if ties.count > room { ties = byRank(ties, ranks: ranks) }
        for n in ties.prefix(room) { kept.append((n, threshold)) }
        return kept
    }

    /// `numbers` in the order of their ranks (which are distinct): each packed with its rank
    /// into one integer, so that the sort compares integers rather than looking ranks up.
    static func byRank(_ numbers: [Int32], ranks: [Int32]) -> [Int32] {
        var packed = ranks.withUnsafeBufferPointer { ranks in
            numbers.map { UInt64(UInt32(bitPattern: ranks[Int($0)])) << 32 | UInt64(UInt32(bitPattern: $0)) }
        }
        packed.sort()
        return packed.map { Int32(bitPattern: UInt32(truncatingIfNeeded: $0)) }
    }

    /// A new entity of `forms` (the first spelling the name's id and display name come from the
    /// form in most documents). - Returns: its number.
    @discardableResult
    private mutating func addEntity(_ forms: [Int]) -> Int {
        let f = form(forms.min(by: moreDocuments)!)
        let e = table.entities.count
        table.entities.append(
            CorpusEntity(id: CorpusEntity.id(f.label, f.words), name: display(f), label: f.label))
        members.append(forms)
        for g in forms { setEntity(e, of: g) }
        return e
    }

    private mutating func setEntity(_ e: Int, of f: Int) {
        entityOfForm[f] = e
        table.forms[statistics.forms[f].key] = e
    }

    /// Whether form `a` names an entity better than `b`: more documents, then more words, then
    /// the smaller key (for a deterministic order).
    private func moreDocuments(_ a: Int, _ b: Int) -> Bool {
        statistics.forms.withUnsafeBufferPointer { forms in
            let x = forms[a], y = forms[b]
            if x.documents != y.documents { return x.documents > y.documents }
            if x.words.count != y.words.count { return x.words.count > y.words.count }
            return x.key < y.key
        }
    }

    /// The spelling a form is shown by: the commonest that is not all capitals (headlines).
    private func display(_ f: CorpusNameStatistics.Form) -> String {
        // Most forms are spelt one way: nothing to weigh.
        if f.spellings.count == 1 { return statistics.canonical(ofName: f.spellings[0].name) }
        let spellings = f.spellings.map { (key: statistics.canonical(ofName: $0.name), value: $0.count) }
        return spellings.max { a, b in
            let ca = Self.isShouting(a.key), cb = Self.isShouting(b.key)
            if ca != cb { return ca }
            if a.value != b.value { return a.value < b.value }
            return a.key > b.key
        }?.key ?? f.words.joined(separator: " ")
    }

    private static func isShouting(_ s: String) -> Bool {
        s.count > 3 && !s.unicodeScalars.contains { $0.properties.isLowercase }
    }
}
