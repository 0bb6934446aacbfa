import AssayCore

/// Turns a document's units into hashed feature indices, one list per unit.
///
/// The templates are the ones that made linear taggers strong on news: the word, its lower
/// case, shape, prefixes and suffixes; neighbouring words and shapes; sentence position; how the
/// line is written (all-caps and title-case headlines); how the same word is written elsewhere in
/// the document (capitalisation in context: "Will" at a sentence start is a verb if the document
/// also has "will"); and gazetteer membership. Every feature is a hash of a template number and
/// precomputed unit hashes, reduced to a bucket of the model's table.
///
/// The trainer reads the feature lists this makes; the extractor scores the same templates
/// through ``FeatureScorer``, which sums them without listing them. The two must stay in step
/// (`FastPathTests` checks that their sums agree).
struct FeatureExtractor: Sendable {
    /// Bump when templates change: a model trained with other templates is refused.
    static let version: UInt32 = 8

    let gazetteer: Gazetteer
    let clusters: WordClusters
    let bucketMask: UInt32

    init(gazetteer: Gazetteer, clusters: WordClusters = WordClusters(), bucketBits: Int) {
        self.gazetteer = gazetteer
        self.clusters = clusters
        self.bucketMask = UInt32((1 << bucketBits) - 1)
    }

    /// Feature indices for every unit: unit `i` has `indices[offsets[i]..<offsets[i + 1]]`.
    struct Features {
        var indices: [UInt32] = []
        var offsets: [Int32] = [0]
        func of(_ unit: Int) -> Range<Int> { Int(offsets[unit])..<Int(offsets[unit + 1]) }
    }

    /// How a line is written: capital letters mean less in an all-caps or title-case headline.
    enum LineCase: UInt64 { case normal = 0, allCaps, titleCase }

    /// The profiles of the marker units before a sentence's first unit and after its last.
    static let boundary: UnitProfile = {
        var p = UnitProfile()
        p.word = 0x5151
        p.lower = 0x5152
        p.shape = 0x5153
        return p
    }()
    static let end: UnitProfile = {
        var p = UnitProfile()
        p.word = 0x6161
        p.lower = 0x6162
        p.shape = 0x6163
        return p
    }()

    /// Profiles every unit of `units` in `document`.
    func profiles(_ document: AnalyzedDocument, _ units: TaggingUnits) -> [UnitProfile] {
        document.utf8.withUnsafeBufferPointer { b in units.spans.map { profile(b, $0.start, $0.end) } }
    }

    /// The profile of the bytes `start..<end` of `utf8`, word clusters included.
    @inline(__always) func profile(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UnitProfile {
        clusters.labelled(UnitProfile(utf8, start, end))
    }

    /// The profile of the bytes of `span`, whose shape is `shape`, word clusters included.
    @inline(__always) func profile(_ utf8: UnsafeBufferPointer<UInt8>, _ span: Span, shape: TokenShape) -> UnitProfile {
        clusters.labelled(UnitProfile(utf8, span, shape: shape))
    }

    /// How the document writes each word and line (see ``DocumentCasing``).
    func casing<P: UnitProfileList>(_ units: TaggingUnits, profiles p: P) -> DocumentCasing {
        // Filled in locals and moved into the result at the end: the closures below would
        // otherwise reach every table through the result, with a uniqueness check per write.
        var seen = DocumentCasing.seenTable(unitCount: units.count)
        var lineCases: [LineCase] = [], headlines: [Bool] = []
        lineCases.reserveCapacity(units.sentences.count)
        headlines.reserveCapacity(units.sentences.count)
        // What the rules read of a unit is its type's: the case class and whether it has four
        // or more bytes, one byte per type (``LineShape``), read once per type instead of
        // through a whole profile per unit and rule.
        let typeCount = p.typeCount
        var shapes = [LineShape](repeating: LineShape(), count: typeCount)
        // A capitalised spelling makes at most one word of `names`: room for exactly that many,
        // so the tables are neither grown nor zeroed far past what the document uses.
        var capitalised = 0
        for t in 0..<typeCount {
            shapes[t] = LineShape(p.profile(ofType: t))
            if shapes[t].caseClass.startsName { capitalised += 1 }
        }
        var names = NameContexts(capacity: capitalised)
        // The bits each type has already set: a word's later units set nothing new, and skip
        // the table (bits are only ever added, so what the table holds is the same).
        var set = [UInt8](repeating: 0, count: typeCount)
        shapes.withUnsafeBufferPointer { shapes in
            set.withUnsafeMutableBufferPointer { set in
                units.lineStart.withUnsafeBufferPointer { lineStart in
                    for s in units.sentences {
                        let (lc, headline) = lineCase(shapes, p, s)
                        lineCases.append(lc)
                        headlines.append(headline)
                        for i in s {
                            let t = p.type(of: i)
                            switch shapes[t].caseClass {
                            case .lower:
                                if set[t] & DocumentCasing.writtenLower == 0 {
                                    set[t] |= DocumentCasing.writtenLower
                                    seen.update(p[i].lower) { $0 |= DocumentCasing.writtenLower }
                                }
                            case .title, .upper, .mixed:
                                names.add(
                                    p[i].lower,
                                    previous: NameContexts.Context(i > s.lowerBound ? p[i - 1] : Self.boundary),
                                    next: NameContexts.Context(i + 1 < s.upperBound ? p[i + 1] : Self.end))
                                guard lc == .normal else { break }
                                var bits: UInt8 = 0
                                if i > s.lowerBound, !lineStart[i] { bits |= DocumentCasing.capitalisedInText }
                                if i > s.lowerBound, shapes[p.type(of: i - 1)].caseClass.startsName {
                                    bits |= DocumentCasing.afterName
                                }
                                if i + 1 < s.upperBound, shapes[p.type(of: i + 1)].caseClass.startsName {
                                    bits |= DocumentCasing.beforeName
                                }
                                if bits & ~set[t] != 0 {
                                    set[t] |= bits
                                    seen.update(p[i].lower) { $0 |= bits }
                                }
                            case .none: break
                            }
                        }
                    }
                }
            }
        }
        return DocumentCasing(seen: seen, names: names, lineCases: lineCases, headlines: headlines)
    }

    /// What ``lineCase(_:_:_:)`` and ``casing(_:profiles:)`` read of a unit's profile.
    private struct LineShape {
        var caseClass: CaseClass = .none
        /// Four or more bytes.
        var isLong = false

        init() {}
        init(_ u: UnitProfile) {
            caseClass = u.caseClass
            isLong = u.length >= 4
        }
    }

    func extract(_ units: TaggingUnits, profiles p: [UnitProfile]) -> Features {
        extract(units, profiles: p, casing: casing(units, profiles: p))
    }

    func extract(_ units: TaggingUnits, profiles p: [UnitProfile], casing: DocumentCasing) -> Features {
        var out: [UInt32] = []
        out.reserveCapacity(units.count * 40)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(units.count + 1)
        let lineCases = casing.lineCases
        let seen = casing.seen
        let names = casing.names
        let gaz = gazetteerMatches(units, profiles: p)

        let mask = bucketMask
        @inline(__always) func add(_ template: UInt64, _ value: UInt64) {
            out.append(UInt32(truncatingIfNeeded: FeatureHash.mix(value, template &* 0x1000_0000_01B3)) & mask)
        }
        @inline(__always) func add2(_ template: UInt64, _ a: UInt64, _ b: UInt64) {
            add(template, FeatureHash.mix(a, b))
        }

        for (si, s) in units.sentences.enumerated() {
            let lc = lineCases[si].rawValue
            // The first word of the sentence, after any opening quote or bracket.
            let firstWord = s.first { p[$0].caseClass != .none || p[$0].hasDigit } ?? s.lowerBound
            for i in s {
                let u = p[i]
                let prev = i > s.lowerBound ? p[i - 1] : Self.boundary
                let prev2 = i - 1 > s.lowerBound ? p[i - 2] : Self.boundary
                let next = i + 1 < s.upperBound ? p[i + 1] : Self.end
                let next2 = i + 2 < s.upperBound ? p[i + 2] : Self.end
                let cc = UInt64(u.caseClass.rawValue)
                let first: UInt64 = i == firstWord ? 1 : 0

                add(1, 0)  // bias
                add(2, u.word)
                add(3, u.lower)
                add(4, u.shape)
                for k in 0..<4 where u.prefixes[k] != 0 { add(5, u.prefixes[k]) }
                for k in 0..<4 where u.suffixes[k] != 0 { add(6, u.suffixes[k]) }
                add(7, prev.lower)
                add(8, next.lower)
                add(9, prev2.lower)
                add(10, next2.lower)
                add(11, prev.shape)
                add(12, next.shape)
                add2(13, prev.shape, u.shape)
                add2(14, u.shape, next.shape)
                add2(15, prev.lower, u.lower)
                add2(16, u.lower, next.lower)
                add2(17, prev.lower, u.shape)
                add2(18, u.shape, next.lower)
                add2(19, first &+ lc &* 4, u.shape)
                add2(20, lc, cc)
                if lc != 0 { add2(21, lc, u.lower) }
                if u.caseClass != .none && u.caseClass != .lower {
                    add2(22, DocumentCasing.context(seen[u.lower] ?? 0, first: first, lineCase: lc), cc)
                }
                add2(23, UInt64(min(u.length, 12)), cc)
                add2(24, prev2.shape &+ 7, FeatureHash.mix(prev.shape, u.shape))
                if let g = gaz[i] {
                    var bits = g.categories
                    while bits != 0 {
                        let c = UInt64(bits.trailingZeroBitCount)
                        bits &= bits - 1
                        add(25, c &* 4 &+ UInt64(g.position))
                        add2(26, c &* 4 &+ UInt64(g.position), cc)
                    }
                }
                if i > s.lowerBound, let g = gaz[i - 1], g.position >= 2 { add(27, UInt64(g.categories)) }
                if i + 1 < s.upperBound, let g = gaz[i + 1], g.position == 0 || g.position == 3 {
                    add(28, UInt64(g.categories))
                }
                add(29, u.fineCluster)
                add(30, u.coarseCluster)
                add(31, prev.fineCluster)
                add(32, next.fineCluster)
                if u.caseClass.startsName, let e = names.entry(u.lower) {
                    for k in names.contexts(e) where names.before[k] != 0 {
                        add(33, names.before[k])
                        add(35, names.beforeClusters[k])
                    }
                    for k in names.contexts(e) where names.after[k] != 0 {
                        add(34, names.after[k])
                        add(36, names.afterClusters[k])
                    }
                }
                offsets.append(Int32(out.count))
            }
        }
        return Features(indices: out, offsets: offsets)
    }

    /// The gazetteer match of every unit (see ``Gazetteer/matches(_:in:into:)``).
    func gazetteerMatches<P: UnitProfileList>(_ units: TaggingUnits, profiles p: P) -> [(
        categories: UInt16, position: UInt8
    )?] {
        var gaz = [(categories: UInt16, position: UInt8)?](repeating: nil, count: units.count)
        for s in units.sentences { gazetteer.matches(p, in: s, into: &gaz) }
        return gaz
    }

    /// All-caps when no unit has a lower-case letter (and some have letters); title-case when
    /// nearly every word of four or more letters is capitalised. Also whether the line reads as a
    /// headline or list item at all: no long word starts in lower case (title case, all capitals,
    /// or a short line like "TikTok Video", with at most one short lower-case word).
    private func lineCase<P: UnitProfileList>(_ shapes: UnsafeBufferPointer<LineShape>, _ p: P, _ s: Range<Int>) -> (
        LineCase, Bool
    ) {
        var letters = 0, lowerFirst = 0, capitalised = 0, long = 0, withLower = 0, lowerWords = 0
        for i in s {
            let shape = shapes[p.type(of: i)]
            let c = shape.caseClass
            if c == .none { continue }
            letters += 1
            if c == .lower { lowerWords += 1 }
            if c == .title || c == .mixed || c == .lower { withLower += 1 }
            if shape.isLong {
                long += 1
                if c == .lower || c == .mixed { lowerFirst += 1 } else { capitalised += 1 }
            }
        }
        if letters >= 2, withLower == 0 { return (.allCaps, true) }
        if long >= 3, lowerFirst == 0 { return (.titleCase, true) }
        return (.normal, long >= 2 && lowerFirst == 0 && lowerWords <= 1)
    }
}

/// How one document writes its words and lines, read once per document and shared by the
/// tagger's features and the span rules that run after it.
struct DocumentCasing {
    /// Bits of ``seen``: the word occurs in lower case somewhere.
    static let writtenLower: UInt8 = 1
    /// The word is capitalised inside a sentence of a normal (not headline) line: a name.
    static let capitalisedInText: UInt8 = 2

    /// The word is capitalised right after another capitalised word in a normal line ("Doria"
    /// in "Joao Doria"): part of a longer name somewhere in the document.
    static let afterName: UInt8 = 4
    /// The word is capitalised right before another capitalised word in a normal line.
    static let beforeName: UInt8 = 8

    /// The value of the feature that reads a capitalised word's ``seen`` bits, with whether it
    /// is its sentence's first word and how its line is written. A company or product named
    /// alone in every mention ("Alchemy said", "bid for Countrywide") reads differently from
    /// a surname whose full name the document gives elsewhere ("Doria", "Joao Doria").
    @inline(__always) static func context(_ bits: UInt8, first: UInt64, lineCase: UInt64) -> UInt64 {
        UInt64(bits) &+ first << 4 &+ lineCase << 5
    }

    /// Per sentence: how its line is written.
    var lineCases: [FeatureExtractor.LineCase] = []
    /// Per sentence: whether it reads as a headline or list item (no long lower-case word).
    var headlines: [Bool] = []
    /// Lower-case hash of a word → the bits above.
    var seen: HashedTable<UInt8>
    /// The contexts of the mentions of each capitalised word.
    var names: NameContexts

    init(seen: HashedTable<UInt8>, names: NameContexts, lineCases: [FeatureExtractor.LineCase], headlines: [Bool]) {
        self.seen = seen
        self.names = names
        self.lineCases = lineCases
        self.headlines = headlines
    }

    /// An empty ``seen`` table with room for the words of a document of `unitCount` units.
    static func seenTable(unitCount: Int) -> HashedTable<UInt8> {
        HashedTable(capacity: max(64, unitCount / 2), empty: 0)
    }

    /// Whether the document uses the word (by lower-case hash) as an ordinary lower-case word
    /// and never capitalises it inside running text.
    func isCommonWord(_ lower: UInt64) -> Bool {
        (seen[lower] ?? 0) & (Self.writtenLower | Self.capitalisedInText) == Self.writtenLower
    }
}
