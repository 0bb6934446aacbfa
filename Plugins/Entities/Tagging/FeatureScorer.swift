/// The tagger's emission scores computed straight from the templates of ``FeatureExtractor``,
/// without listing each unit's feature indices.
///
/// A unit's score is the sum of one weight row per feature, and integer sums do not care about
/// order or grouping. So the rows of the features that depend on one spelling only are summed
/// once per distinct spelling of the document (``UnitTypes``): the unit's own word features,
/// and what it contributes as the previous, next, second previous and second next word of
/// its neighbours. A unit then costs five cached vectors plus the features that really join
/// two units (word and shape pairs) and those of its context (sentence start, headline case,
/// gazetteer). The sums are exactly those of ``FeatureExtractor/extract(_:profiles:casing:)``
/// (the trainer's path, which lists the indices); `FeatureScorerTests` checks that they agree.
///
/// Keep the two in step: a template changed here must change there, and bump
/// ``FeatureExtractor/version``.
struct FeatureScorer {
    /// The weight table: 16 Int8 per bucket (see ``TaggerModel``).
    let rows: UnsafeRawPointer
    let mask: UInt32

    /// The row of one feature, widened so that sums of many rows cannot overflow.
    @inline(__always) func row(_ template: UInt64, _ value: UInt64) -> SIMD16<Int16> {
        let index = UInt32(truncatingIfNeeded: FeatureHash.mix(value, template &* 0x1000_0000_01B3)) & mask
        // Unaligned 16-byte load: rows are 16 bytes apart in an [Int8] with no alignment promise.
        return SIMD16<Int16>(truncatingIfNeeded: rows.loadUnaligned(fromByteOffset: Int(index) << 4, as: SIMD16<Int8>.self))
    }
    @inline(__always) func row(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> SIMD16<Int16> { row(template, FeatureHash.mix(a, b)) }

    /// What each spelling contributes, at one index per type in each array.
    struct TypeRows {
        /// The unit's own features that read only its spelling.
        var own: [SIMD16<Int16>] = []
        /// `own` plus the context features of a unit in an ordinary line that is not its
        /// sentence's first word: nearly every unit.
        var plain: [SIMD16<Int16>] = []
        var asPrevious: [SIMD16<Int16>] = []
        var asSecondPrevious: [SIMD16<Int16>] = []
        var asNext: [SIMD16<Int16>] = []
        var asSecondNext: [SIMD16<Int16>] = []
    }

    /// Sums the rows of every type of `types` (markers included).
    func typeRows(_ types: UnitTypes, casing: DocumentCasing) -> TypeRows {
        var r = TypeRows()
        let n = types.count
        r.own.reserveCapacity(n); r.plain.reserveCapacity(n)
        r.asPrevious.reserveCapacity(n); r.asSecondPrevious.reserveCapacity(n)
        r.asNext.reserveCapacity(n); r.asSecondNext.reserveCapacity(n)
        for u in types.profiles {
            let cc = UInt64(u.caseClass.rawValue)
            var own = row(1, 0)  // bias
            own &+= row(2, u.word)
            own &+= row(3, u.lower)
            own &+= row(4, u.shape)
            for k in 0..<4 where u.prefixes[k] != 0 { own &+= row(5, u.prefixes[k]) }
            for k in 0..<4 where u.suffixes[k] != 0 { own &+= row(6, u.suffixes[k]) }
            own &+= row(23, UInt64(min(u.length, 12)), cc)
            r.own.append(own)
            // Line case 0 (normal), not the first word: templates 19, 20 and 22 of `extract`.
            var plain = own &+ row(19, 0, u.shape) &+ row(20, 0, cc)
            if u.caseClass != .none && u.caseClass != .lower {
                plain &+= row(22, UInt64(casing.seen[u.lower] ?? 0), cc)
            }
            r.plain.append(plain)
            r.asPrevious.append(row(7, u.lower) &+ row(11, u.shape))
            r.asSecondPrevious.append(row(9, u.lower))
            r.asNext.append(row(8, u.lower) &+ row(12, u.shape))
            r.asSecondNext.append(row(10, u.lower))
        }
        return r
    }

    /// The emission sums of every unit of `units` into `sums` (one 16-tag row per unit).
    func score(_ units: TaggingUnits, types: UnitTypes, boundary: Int32, end: Int32, casing: DocumentCasing,
               gazetteer gaz: [(categories: UInt16, position: UInt8)?], into sums: inout [SIMD16<Int16>]) {
        let t = typeRows(types, casing: casing)
        sums.removeAll(keepingCapacity: true)
        sums.reserveCapacity(units.count)
        let p = types.profiles
        let lineCases = casing.lineCases
        let seen = casing.seen
        // Unchecked access below: every index is a type or unit index made by `UnitTypes` and
        // `TaggingUnits` for these very arrays; bounds checks were a tenth of the loop's time.
        types.ofUnit.withUnsafeBufferPointer { ofUnit in
        p.withUnsafeBufferPointer { p in
        t.own.withUnsafeBufferPointer { own in
        t.plain.withUnsafeBufferPointer { plain in
        t.asPrevious.withUnsafeBufferPointer { asPrevious in
        t.asSecondPrevious.withUnsafeBufferPointer { asSecondPrevious in
        t.asNext.withUnsafeBufferPointer { asNext in
        t.asSecondNext.withUnsafeBufferPointer { asSecondNext in
            for (si, s) in units.sentences.enumerated() {
                let lc = lineCases[si].rawValue
                // The first word of the sentence, after any opening quote or bracket.
                let firstWord = s.first { p[Int(ofUnit[$0])].caseClass != .none || p[Int(ofUnit[$0])].hasDigit } ?? s.lowerBound
                for i in s {
                    let ut = Int(ofUnit[i])
                    let pt = i > s.lowerBound ? Int(ofUnit[i - 1]) : Int(boundary)
                    let p2t = i - 1 > s.lowerBound ? Int(ofUnit[i - 2]) : Int(boundary)
                    let nt = i + 1 < s.upperBound ? Int(ofUnit[i + 1]) : Int(end)
                    let n2t = i + 2 < s.upperBound ? Int(ofUnit[i + 2]) : Int(end)
                    let u = p[ut], prev = p[pt], prev2 = p[p2t], next = p[nt]
                    let cc = UInt64(u.caseClass.rawValue)
                    let first: UInt64 = i == firstWord ? 1 : 0

                    var sum: SIMD16<Int16>
                    if lc == 0 && first == 0 {
                        sum = plain[ut]
                    } else {
                        sum = own[ut] &+ row(19, first &+ lc &* 4, u.shape) &+ row(20, lc, cc)
                        if lc != 0 { sum &+= row(21, lc, u.lower) }
                        if u.caseClass != .none && u.caseClass != .lower {
                            sum &+= row(22, UInt64(seen[u.lower] ?? 0) &+ first &* 8 &+ lc &* 16, cc)
                        }
                    }
                    sum &+= asPrevious[pt]
                    sum &+= asSecondPrevious[p2t]
                    sum &+= asNext[nt]
                    sum &+= asSecondNext[n2t]
                    let prevShapeShape = FeatureHash.mix(prev.shape, u.shape)
                    sum &+= row(13, prevShapeShape)
                    sum &+= row(14, u.shape, next.shape)
                    sum &+= row(15, prev.lower, u.lower)
                    sum &+= row(16, u.lower, next.lower)
                    sum &+= row(17, prev.lower, u.shape)
                    sum &+= row(18, u.shape, next.lower)
                    sum &+= row(24, prev2.shape &+ 7, prevShapeShape)
                    if let g = gaz[i] {
                        var bits = g.categories
                        while bits != 0 {
                            let c = UInt64(bits.trailingZeroBitCount)
                            bits &= bits - 1
                            sum &+= row(25, c &* 4 &+ UInt64(g.position))
                            sum &+= row(26, c &* 4 &+ UInt64(g.position), cc)
                        }
                    }
                    if i > s.lowerBound, let g = gaz[i - 1], g.position >= 2 { sum &+= row(27, UInt64(g.categories)) }
                    if i + 1 < s.upperBound, let g = gaz[i + 1], g.position == 0 || g.position == 3 { sum &+= row(28, UInt64(g.categories)) }
                    sums.append(sum)
                }
            }
        }}}}}}}}
    }
}
