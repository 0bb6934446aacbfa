/// The tagger's emission scores computed straight from the templates of ``FeatureExtractor``,
/// without listing each unit's feature indices.
///
/// A unit's score is the sum of one weight row per feature, and integer sums do not care about
/// order or grouping. So the rows of the features that depend on one spelling only are summed
/// once per distinct spelling of the document (``TokenSpellings``): the unit's own word features,
/// and what it contributes as the previous, next, second previous and second next word of
/// its neighbours. A unit then costs five cached vectors plus the features that really join
/// two units (word and shape pairs, and the shape trigram: seven rows) and those of its context
/// (sentence start, headline case, gazetteer). The sums are exactly those of ``FeatureExtractor/extract(_:profiles:casing:)``
/// (the trainer's path, which lists the indices); `FastPathTests` checks that they agree.
///
/// Reading rows, not arithmetic, is what costs: each is a load from a table larger than the
/// fastest caches, at an address no predictor can guess. So the work runs in passes over flat
/// arrays: first every feature's bucket, then every bucket's row number (``WeightRows``), then
/// the rows. Each pass is a short loop of independent loads, which the processor keeps many of
/// in flight at once; computed feature by feature, each load waited on the one before.
///
/// Keep this in step with `extract`: a template changed here must change there, and bump
/// ``FeatureExtractor/version``.
struct FeatureScorer {
    /// The weight table (see ``WeightRows``), read through pointers: the scorer lives only
    /// inside ``with(_:_:)``.
    let blocks: UnsafePointer<UInt64>
    let rows: UnsafeRawPointer
    let mask: UInt32

    /// Calls `body` with a scorer over `table`.
    static func with<R>(_ table: WeightRows, _ body: (FeatureScorer) -> R) -> R {
        table.blocks.withUnsafeBufferPointer { b in
            table.rows.withUnsafeBytes { r in
                body(
                    FeatureScorer(
                        blocks: b.baseAddress!, rows: r.baseAddress!, mask: UInt32((1 << table.bucketBits) - 1)))
            }
        }
    }

    /// A slot no feature fills: its row is the zero row.
    private static let unused = UInt32.max

    /// The bucket of one feature (`add` in ``FeatureExtractor``).
    @inline(__always) func bucket(_ template: UInt64, _ value: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: FeatureHash.mix(value, template &* 0x1000_0000_01B3)) & mask
    }
    @inline(__always) func bucket(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt32 {
        bucket(template, FeatureHash.mix(a, b))
    }

    /// The row of a bucket, widened so that sums of many rows cannot overflow.
    @inline(__always) func row(_ bucket: UInt32) -> SIMD16<Int16> {
        load(WeightRows.row(of: Int(bucket), blocks))
    }

    @inline(__always) func load(_ rowIndex: Int) -> SIMD16<Int16> {
        // Unaligned 16-byte load: rows are 16 bytes apart in an [Int8] with no alignment promise.
        let row = rows.loadUnaligned(fromByteOffset: rowIndex << 4, as: SIMD16<Int8>.self)
        // Widened half by half: the compiler inlines these two, while the 16-lane conversion
        // stays a call on every row read.
        return SIMD16(
            lowHalf: SIMD8<Int16>(truncatingIfNeeded: row.lowHalf),
            highHalf: SIMD8<Int16>(truncatingIfNeeded: row.highHalf))
    }

    /// Replaces each bucket of `slots` by its row number (the zero row for ``unused``).
    ///
    /// In two loops: first the block word of every bucket (``WeightRows/blocks``), then the
    /// row numbers from them. The loads wait on memory; in a loop of their own, a few
    /// instructions each, the processor has many more of them in flight than between the
    /// dozen instructions of each bit count.
    /// (A few thousand slots at a time, so that the words stay in the fastest cache and their
    /// room on the stack is small, whatever the document's length.)
    private func resolve(_ slots: UnsafeMutableBufferPointer<UInt32>) {
        let chunk = 4096
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: chunk) { words in
            var start = 0
            while start < slots.count {
                let end = min(start + chunk, slots.count)
                for k in start..<end {
                    let b = slots[k]
                    // (An unused slot reads block 0 and takes the zero row below.)
                    words[k &- start] = blocks[b == Self.unused ? 0 : Int(b &>> 5)]
                }
                for k in start..<end {
                    let b = slots[k]
                    let row = WeightRows.row(of: Int(b), block: words[k &- start])
                    slots[k] = b == Self.unused ? 0 : UInt32(truncatingIfNeeded: row)
                }
                start = end
            }
        }
    }

    /// The sum of the rows `slots[range]` (row numbers).
    @inline(__always) private func sum(_ slots: UnsafeMutableBufferPointer<UInt32>, _ range: Range<Int>) -> SIMD16<
        Int16
    > {
        var s = SIMD16<Int16>.zero
        for k in range { s &+= load(Int(slots[k])) }
        return s
    }

    /// Slots per spelling: 15 own features (bias, word, lower, shape, 4 prefixes, 4 suffixes,
    /// length, 2 clusters), 2 more for `plainBase`, 3 as previous, 1 as second previous, 3 as
    /// next, 1 as second next.
    private static let spellingSlots = 25

    /// The facts of each spelling of `profiles` (see ``SpellingFacts``).
    func facts(of profiles: [UnitProfile]) -> [SpellingFacts] {
        let n = profiles.count
        var slots = [UInt32](repeating: Self.unused, count: n * Self.spellingSlots)
        slots.withUnsafeMutableBufferPointer { slots in
            for (t, u) in profiles.enumerated() {
                let cc = UInt64(u.caseClass.rawValue)
                var k = t * Self.spellingSlots
                @inline(__always) func put(_ b: UInt32) {
                    slots[k] = b
                    k += 1
                }
                put(bucket(1, 0))  // bias
                put(bucket(2, u.word))
                put(bucket(3, u.lower))
                put(bucket(4, u.shape))
                for j in 0..<4 { if u.prefixes[j] != 0 { put(bucket(5, u.prefixes[j])) } else { k += 1 } }
                for j in 0..<4 { if u.suffixes[j] != 0 { put(bucket(6, u.suffixes[j])) } else { k += 1 } }
                put(bucket(23, UInt64(min(u.length, 12)), cc))
                put(bucket(29, u.fineCluster))
                put(bucket(30, u.coarseCluster))
                // Line case 0 (normal), not the first word: templates 19 and 20 of `extract`
                // (22 reads the document's casing: see `typeRows`).
                put(bucket(19, 0, u.shape))
                put(bucket(20, 0, cc))
                put(bucket(7, u.lower))
                put(bucket(11, u.shape))
                put(bucket(31, u.fineCluster))
                put(bucket(9, u.lower))
                put(bucket(8, u.lower))
                put(bucket(12, u.shape))
                put(bucket(32, u.fineCluster))
                put(bucket(10, u.lower))
            }
            resolve(slots)
        }
        var out: [SpellingFacts] = []
        out.reserveCapacity(n)
        slots.withUnsafeMutableBufferPointer { slots in
            for (t, u) in profiles.enumerated() {
                let k = t * Self.spellingSlots
                let own = sum(slots, k..<(k + 15))
                out.append(
                    SpellingFacts(
                        profile: u, own: own, plainBase: own &+ sum(slots, (k + 15)..<(k + 17)),
                        asPrevious: sum(slots, (k + 17)..<(k + 20)), asSecondPrevious: sum(slots, (k + 20)..<(k + 21)),
                        asNext: sum(slots, (k + 21)..<(k + 24)), asSecondNext: sum(slots, (k + 24)..<(k + 25))))
            }
        }
        return out
    }

    /// Per type of a document (markers included): the rows of the contexts of its mentions
    /// (templates 33 to 36, see ``NameContexts``), zero for a word not capitalised.
    func nameRows(_ facts: [UnsafePointer<SpellingFacts>], casing: DocumentCasing) -> [SIMD16<Int16>] {
        let names = casing.names
        // Once per word (an all-caps and a title-case spelling share one), in passes like the
        // facts: the buckets of the contexts a word has (most have a mention or two, not
        // ``NameContexts/limit``), their row numbers, then the rows.
        var perWord = [SIMD16<Int16>](repeating: .zero, count: names.count)
        var slots: [UInt32] = [], owners: [Int32] = []
        slots.reserveCapacity(4 * names.slotCount)
        owners.reserveCapacity(4 * names.slotCount)
        for k in 0..<names.slotCount {
            let word = Int32(truncatingIfNeeded: k / NameContexts.limit)
            if names.before[k] != 0 {
                slots.append(bucket(33, names.before[k]))
                slots.append(bucket(35, names.beforeClusters[k]))
                owners.append(word)
                owners.append(word)
            }
            if names.after[k] != 0 {
                slots.append(bucket(34, names.after[k]))
                slots.append(bucket(36, names.afterClusters[k]))
                owners.append(word)
                owners.append(word)
            }
        }
        slots.withUnsafeMutableBufferPointer { slots in
            resolve(slots)
            for k in slots.indices { perWord[Int(owners[k])] &+= load(Int(slots[k])) }
        }
        return facts.map { f in
            let u = f.pointee.profile
            guard u.caseClass.startsName, let e = names.entry(u.lower) else { return .zero }
            return perWord[e]
        }
    }

    /// Per type of a document (markers included): its facts' `plainBase`, its `names` row and
    /// template 22, the document's casing of a capitalised word — the sum for a unit in an
    /// ordinary position.
    func plainRows(_ facts: [UnsafePointer<SpellingFacts>], names: [SIMD16<Int16>], casing: DocumentCasing) -> [SIMD16<
        Int16
    >] {
        var plain: [SIMD16<Int16>] = []
        plain.reserveCapacity(facts.count)
        facts.withUnsafeBufferPointer { facts in
            for f in facts.indices {
                let u = facts[f].pointee.profile
                if u.caseClass != .none && u.caseClass != .lower {
                    plain.append(
                        facts[f].pointee.plainBase &+ names[f]
                            &+ row(
                                bucket(
                                    22, DocumentCasing.context(casing.seen[u.lower] ?? 0, first: 0, lineCase: 0),
                                    UInt64(u.caseClass.rawValue))))
                } else {
                    plain.append(facts[f].pointee.plainBase)
                }
            }
        }
        return plain
    }

    /// Slots per unit for the features that read its word with its neighbours': the pairs
    /// it makes with the unit before and after it of word and word, and of word and shape.
    /// Word pairs are mostly new in each article, so they are hashed and read here, in the
    /// same passes as the rest, rather than kept across documents: a cache of them missed one
    /// time in two on running news, and its look-ups, each a random read in megabytes of
    /// sums, cost more time than the rows they saved.
    private static let joinSlots = 4
    /// Row numbers per unit for the features that read only shapes: the shape pairs it makes
    /// with the unit before and after it, and the shape trigram ending at it. A document has
    /// few of these, found through a ``ShapeRowMemo``.
    private static let shapeSlots = 3

    /// The row number of bucket `b`.
    @inline(__always) private func rowNumber(_ b: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: WeightRows.row(of: Int(b), blocks))
    }

    /// The emission sums of every unit of `units` into `sums` (one 16-tag row per unit).
    /// `facts` point at those of the spellings of `profiles`, markers included (`boundary` and
    /// `end`, see ``FeatureExtractor/boundary``).
    func score(
        _ units: TaggingUnits, profiles types: TypedProfiles, facts: [UnsafePointer<SpellingFacts>],
        boundary: Int32, end: Int32,
        casing: DocumentCasing, gazetteer gaz: [(categories: UInt16, position: UInt8)?],
        into sums: inout [SIMD16<Int16>]
    ) {
        let names = nameRows(facts, casing: casing)
        let plain = plainRows(facts, names: names, casing: casing)
        // What each type adds to its neighbours, copied out of the facts (which lie scattered in
        // the spelling cache's megabytes) in one short loop of loads that run side by side,
        // rather than each waited on in the middle of a unit's work when the type first appears.
        // (Written once, without zeroing tens of kilobytes first.)
        let around = [SIMD16<Int16>](unsafeUninitializedCapacity: 4 * facts.count) { around, count in
            for (t, f) in facts.enumerated() {
                around.initializeElement(at: 4 &* t, to: f.pointee.asPrevious)
                around.initializeElement(at: 4 &* t &+ 1, to: f.pointee.asSecondPrevious)
                around.initializeElement(at: 4 &* t &+ 2, to: f.pointee.asNext)
                around.initializeElement(at: 4 &* t &+ 3, to: f.pointee.asSecondNext)
            }
            count = 4 * facts.count
        }
        let lineCases = casing.lineCases
        let seen = casing.seen
        // Per unit, the slots of the features that join it to its neighbours (see `joinSlots`),
        // then from `shapeBase` their row numbers of the shape features (see `shapeSlots`), and
        // apart from them the slots of the context features, which only a sentence's first
        // word and the units of headline lines have (up to 4 each, with the unit they add to):
        // most units need seven rows, not eleven.
        // Pass 1 writes every unit's slots (the sentences cover all units) and the first
        // `contextCount` context slots, and nothing else is read: so they are taken as
        // uninitialised room rather than arrays filled first: the fill, about 25 kB a document,
        // and the arrays' own overhead cost 50 M of 2,180 M instructions (entities on news.jsonl).
        let J = Self.joinSlots, S = Self.shapeSlots, shapeBase = units.count * J
        // Template 13 and 14 rows by the hash of a shape pair; template 24 rows by that of a trigram.
        let pairMemo = ShapeRowMemo(), trigramMemo = ShapeRowMemo()
        var contextRoom = 0
        for (si, s) in units.sentences.enumerated() { contextRoom += 4 * (lineCases[si] == .normal ? 1 : s.count) }
        sums.removeAll(keepingCapacity: true)
        sums.reserveCapacity(units.count)
        // Unchecked access below: every index is a type or unit index made by `TokenSpellings` and
        // `TaggingUnits` for these very arrays.
        facts.withUnsafeBufferPointer { facts in
            around.withUnsafeBufferPointer { around in
                types.ofUnit.withUnsafeBufferPointer { ofUnit in
                    types.profiles.withUnsafeBufferPointer { p in
                        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: units.count * (J + S)) { slots in
                            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: contextRoom) { contextSlots in
                                withUnsafeTemporaryAllocation(of: Int32.self, capacity: contextRoom) { contextUnits in
                                    var contextCount = 0
                                    // The shape and lower-case pair hashes of the unit and the next,
                                    // and the rows of that shape pair (templates 13 and 14).
                                    var shapesAhead: UInt64 = 0, lowersAhead: UInt64 = 0
                                    var pairAhead: (UInt32, UInt32) = (0, 0)
                                    @inline(__always) func pairRows(_ shapes: UInt64) -> (UInt32, UInt32) {
                                        pairMemo.rows(shapes) {
                                            (rowNumber(bucket(13, $0)), rowNumber(bucket(14, $0)))
                                        }
                                    }
                                    @inline(__always) func addContext(_ b: UInt32, _ unit: Int) {
                                        contextSlots[contextCount] = b
                                        contextUnits[contextCount] = Int32(unit)
                                        contextCount += 1
                                    }
                                    // Pass 1: the buckets of the features that join units, and the cached type sums.
                                    for (si, s) in units.sentences.enumerated() {
                                        let lc = lineCases[si].rawValue
                                        // The first word of the sentence, after any opening quote or bracket.
                                        let firstWord =
                                            s.first {
                                                p[Int(ofUnit[$0])].caseClass != .none || p[Int(ofUnit[$0])].hasDigit
                                            } ?? s.lowerBound
                                        for i in s {
                                            let ut = Int(ofUnit[i])
                                            let pt = i > s.lowerBound ? Int(ofUnit[i - 1]) : Int(boundary)
                                            let p2t = i - 1 > s.lowerBound ? Int(ofUnit[i - 2]) : Int(boundary)
                                            let nt = i + 1 < s.upperBound ? Int(ofUnit[i + 1]) : Int(end)
                                            let n2t = i + 2 < s.upperBound ? Int(ofUnit[i + 2]) : Int(end)
                                            let u = p[ut], prev = p[pt], prev2 = p[p2t]
                                            let cc = UInt64(u.caseClass.rawValue)
                                            let first: UInt64 = i == firstWord ? 1 : 0

                                            var sum: SIMD16<Int16>
                                            if lc == 0 && first == 0 {
                                                sum = plain[ut]
                                            } else {
                                                sum = facts[ut].pointee.own &+ names[ut]
                                                addContext(bucket(19, first &+ lc &* 4, u.shape), i)
                                                addContext(bucket(20, lc, cc), i)
                                                if lc != 0 { addContext(bucket(21, lc, u.lower), i) }
                                                if u.caseClass != .none && u.caseClass != .lower {
                                                    addContext(
                                                        bucket(
                                                            22,
                                                            DocumentCasing.context(
                                                                seen[u.lower] ?? 0, first: first, lineCase: lc), cc), i)
                                                }
                                            }
                                            sum &+= around[4 &* pt]
                                            sum &+= around[4 &* p2t &+ 1]
                                            sum &+= around[4 &* nt &+ 2]
                                            sum &+= around[4 &* n2t &+ 3]
                                            // The word and shape pairs with the previous unit (to
                                            // this one: templates 13, 15, 17) and with the next
                                            // (14, 16, 18), and the shape trigram (24).
                                            // A pair's two hashes (and a shape pair's rows) are
                                            // made once, at its first unit.
                                            let next = p[nt]
                                            if i == s.lowerBound {
                                                shapesAhead = FeatureHash.mix(prev.shape, u.shape)
                                                lowersAhead = FeatureHash.mix(prev.lower, u.lower)
                                                pairAhead = pairRows(shapesAhead)
                                            }
                                            let shapes = shapesAhead, lowers = lowersAhead, pair = pairAhead
                                            shapesAhead = FeatureHash.mix(u.shape, next.shape)
                                            lowersAhead = FeatureHash.mix(u.lower, next.lower)
                                            pairAhead = pairRows(shapesAhead)
                                            let trigram = trigramMemo.rows(FeatureHash.mix(prev2.shape &+ 7, shapes)) {
                                                (rowNumber(bucket(24, $0)), 0)
                                            }
                                            let k = i &* J, r = shapeBase &+ i &* S
                                            slots[k] = bucket(15, lowers)
                                            slots[k &+ 1] = bucket(17, prev.lower, u.shape)
                                            slots[k &+ 2] = bucket(16, lowersAhead)
                                            slots[k &+ 3] = bucket(18, u.shape, next.lower)
                                            slots[r] = pair.0
                                            slots[r &+ 1] = pairAhead.1
                                            slots[r &+ 2] = trigram.0
                                            // Gazetteer features: few units have any, so they are read directly.
                                            if let g = gaz[i] {
                                                var bits = g.categories
                                                while bits != 0 {
                                                    let c = UInt64(bits.trailingZeroBitCount)
                                                    bits &= bits - 1
                                                    sum &+= row(bucket(25, c &* 4 &+ UInt64(g.position)))
                                                    sum &+= row(bucket(26, c &* 4 &+ UInt64(g.position), cc))
                                                }
                                            }
                                            if i > s.lowerBound, let g = gaz[i - 1], g.position >= 2 {
                                                sum &+= row(bucket(27, UInt64(g.categories)))
                                            }
                                            if i + 1 < s.upperBound, let g = gaz[i + 1],
                                                g.position == 0 || g.position == 3
                                            {
                                                sum &+= row(bucket(28, UInt64(g.categories)))
                                            }
                                            sums.append(sum)
                                        }
                                    }
                                    // Every slot resolved below was written: a unit each, in order.
                                    precondition(sums.count == units.count, "the sentences must cover every unit")
                                    // Pass 2: row numbers. Pass 3: the rows (integer sums: the order of adding them
                                    // does not change them).
                                    resolve(UnsafeMutableBufferPointer(rebasing: slots[0..<shapeBase]))
                                    resolve(UnsafeMutableBufferPointer(rebasing: contextSlots[0..<contextCount]))
                                    sums.withUnsafeMutableBufferPointer { sums in
                                        for i in sums.indices {
                                            let k = i &* J, r = shapeBase &+ i &* S
                                            var s = load(Int(slots[k]))
                                            for j in 1..<J { s &+= load(Int(slots[k &+ j])) }
                                            for j in 0..<S { s &+= load(Int(slots[r &+ j])) }
                                            sums[i] &+= s
                                        }
                                        for k in 0..<contextCount {
                                            sums[Int(contextUnits[k])] &+= load(Int(contextSlots[k]))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
