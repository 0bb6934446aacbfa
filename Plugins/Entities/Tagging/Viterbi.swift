/// Best-path decoding over BILOU tags with a first-order transition matrix.
///
/// Invalid transitions (`B-PER` then `O`, `I-ORG` after `B-LOC`) are excluded outright rather
/// than merely penalised, so every decoded sequence spells well-formed entities.
///
/// The BILOU rules give the search a fixed shape that the decoder exploits with SIMD lanes:
/// the tags that open something (`O`, `B-x`, `U-x`) may only follow a tag that closes
/// something (`O`, `L-x`, `U-x`), nine candidates each; `I-x` and `L-x` may only follow `B-x` or
/// `I-x` of the same label, two candidates each. So one step is the `O` tag on its own, eight
/// "open" lanes (`B`/`U`) that take the best of nine closing tags, and eight "continue" lanes
/// (`I`/`L`) that take the best of two. The forward pass keeps only the best scores; the back
/// pointers are found again while tracing the path back, one tag per unit instead of all 17.
/// Every score is the same float addition, compared with the same strict `>` in ascending
/// tag order, as in a plain loop over the allowed predecessors, so the decoded tags do not
/// depend on any of this.
struct Viterbi: Sendable {
    /// Transition scores `from * 17 + to`.
    let transitions: [Float]

    /// The opening tags in lane order: `B-PER U-PER B-ORG U-ORG B-LOC U-LOC B-MISC U-MISC`.
    static let openLanes: [Int] = (0..<8).map { k in 1 + (k >> 1) * 4 + (k & 1 == 0 ? 0 : 3) }
    /// The continuing tags in lane order: `I-PER L-PER I-ORG L-ORG ...`.
    static let continueLanes: [Int] = (0..<8).map { k in 2 + (k >> 1) * 4 + (k & 1) }
    /// The tags that close something, ascending: the predecessors of `O`, `B-x` and `U-x`, and
    /// the tags a sentence may end with.
    private static let closing: [Int] = (0..<BILOU.count).filter { BILOU.allowed(from: $0, to: nil) }

    /// A step's scores are stored as 24 floats: `O` at 0, the open lanes at 8, the continue lanes at 16.
    private static let stride = 24
    /// Where each tag's score lives in a stored step.
    private static let slot: [Int] = {
        var s = [Int](repeating: 0, count: BILOU.count)
        for (k, t) in openLanes.enumerated() { s[t] = 8 + k }
        for (k, t) in continueLanes.enumerated() { s[t] = 16 + k }
        return s
    }()

    /// Whether ``BILOU/allowed(from:to:)`` has exactly the shape the lanes are built for
    /// (checked once: the trainer makes a decoder per sentence).
    private static let lanesMatchTheRules: Bool = {
        guard closing == [0, 3, 4, 7, 8, 11, 12, 15, 16] else { return false }
        for f in 0..<BILOU.count {
            for t in 0..<BILOU.count {
                let inShape =
                    closing.contains(f)
                    ? (t == 0 || openLanes.contains(t))
                    : (continueLanes.contains(t) && BILOU.label(of: f) == BILOU.label(of: t))
                if BILOU.allowed(from: f, to: t) != inShape { return false }
            }
        }
        return true
    }()

    /// Per closing tag (in ``closing`` order): the transition to `O`, and to each open lane.
    private let closingToOutside: [Float]
    private let closingToOpen: [SIMD8<Float>]
    /// Per continue lane: the transition from the lane label's `B` and from its `I`.
    private let beginToContinue: SIMD8<Float>
    private let insideToContinue: SIMD8<Float>
    /// For the way back, per target: the transitions from the eight closing tags after `O`
    /// (``closing`` order) to `O`, and to each open lane (`closedToOpen[lane]`).
    private let closedToOutside: SIMD8<Float>
    private let closedToOpen: [SIMD8<Float>]

    init(transitions: [Float]) {
        precondition(transitions.count == BILOU.count * BILOU.count)
        precondition(Self.lanesMatchTheRules, "the decoder's lanes assume the BILOU order and transition rules")
        let T = BILOU.count
        self.transitions = transitions
        closingToOutside = Self.closing.map { transitions[$0 * T] }
        closingToOpen = Self.closing.map { f in SIMD8(Self.openLanes.map { transitions[f * T + $0] }) }
        beginToContinue = SIMD8(Self.continueLanes.map { t in transitions[(1 + 4 * ((t - 1) >> 2)) * T + t] })
        insideToContinue = SIMD8(Self.continueLanes.map { t in transitions[(2 + 4 * ((t - 1) >> 2)) * T + t] })
        closedToOutside = SIMD8(Self.closing.dropFirst().map { transitions[$0 * T] })
        closedToOpen = Self.openLanes.map { t in SIMD8(Self.closing.dropFirst().map { transitions[$0 * T + t] }) }
    }

    /// Emission scores in lane order, one entry per unit: `O`, the open lanes, the continue lanes.
    struct LaneEmissions {
        var outside: [Float] = []
        var open: [SIMD8<Float>] = []
        var `continue`: [SIMD8<Float>] = []

        mutating func removeAll() {
            outside.removeAll(keepingCapacity: true)
            open.removeAll(keepingCapacity: true)
            `continue`.removeAll(keepingCapacity: true)
        }
    }

    /// Decodes `n` units whose emission scores are `emissions[i * 17 + tag]`; writes the tags
    /// into `tags` (resized to `n`). `scratch` is reused between calls so that decoding
    /// allocates nothing once it has grown.
    func decode(_ emissions: UnsafeBufferPointer<Float>, count n: Int, tags: inout [Int], scratch: inout Scratch) {
        let T = BILOU.count
        scratch.lanes.removeAll()
        for i in 0..<n {
            let row = emissions.baseAddress! + i * T
            scratch.lanes.outside.append(row[0])
            scratch.lanes.open.append(SIMD8(row[1], row[4], row[5], row[8], row[9], row[12], row[13], row[16]))
            scratch.lanes.continue.append(SIMD8(row[2], row[3], row[6], row[7], row[10], row[11], row[14], row[15]))
        }
        decode(lanes: scratch.lanes, count: n, tags: &tags, steps: &scratch.steps)
    }

    /// What decoding reuses between sentences.
    struct Scratch {
        var lanes = LaneEmissions()
        var steps: [Float] = []
    }

    /// Decodes the `n` units of `e` from `start` (the first `n` by default); `steps` keeps
    /// every step's scores for the way back.
    func decode(lanes e: LaneEmissions, from start: Int = 0, count n: Int, tags: inout [Int], steps: inout [Float]) {
        tags.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        let S = Self.stride
        if steps.count < n * S { steps = [Float](repeating: 0, count: max(n * S, 64 * S)) }
        // (The emissions are read through pointers, from `start`: `n` units from there, as the
        // caller promises, checked once here instead of three times a unit.)
        precondition(
            start >= 0 && start + n <= e.outside.count && start + n <= e.open.count && start + n <= e.continue.count)
        let (outside, open, cont) = forward(lanes: e, from: start, count: n, steps: &steps)
        tags.append(contentsOf: repeatElement(0, count: n))
        tags[n - 1] = bestLastTag(outside: outside, open: open, cont: cont)
        backtrack(count: n, steps: steps, tags: &tags)
    }

    /// The forward pass: the best score of every tag at every unit, stored in `steps` (which
    /// holds `n * stride` floats), and the scores at the last unit (`O`, the open lanes, the
    /// continue lanes). Over pointers, with the step's scores as locals of the innermost
    /// closure: captured variables would be boxed and checked for exclusive access on every use.
    @inline(__always)
    private func forward(lanes e: LaneEmissions, from start: Int, count n: Int, steps: inout [Float]) -> (
        Float, SIMD8<Float>, SIMD8<Float>
    ) {
        let S = Self.stride
        return steps.withUnsafeMutableBufferPointer { stored in
            e.outside.withUnsafeBufferPointer { eOutside in
                e.open.withUnsafeBufferPointer { eOpen in
                    e.continue.withUnsafeBufferPointer { eContinue in
                        closingToOpen.withUnsafeBufferPointer { toOpen in
                            closingToOutside.withUnsafeBufferPointer {
                                toOutside -> (Float, SIMD8<Float>, SIMD8<Float>) in
                                let eOutside = eOutside.baseAddress! + start, eOpen = eOpen.baseAddress! + start
                                let eContinue = eContinue.baseAddress! + start
                                var outside = eOutside[0]
                                var open = eOpen[0]
                                var cont = SIMD8<Float>(repeating: -.infinity)  // nothing continues at the start
                                // Unchecked stores: `stored` holds `n * stride` floats, checked above.
                                let base = UnsafeMutableRawPointer(stored.baseAddress!)
                                stored[0] = outside
                                base.storeBytes(of: open, toByteOffset: 8 * 4, as: SIMD8<Float>.self)
                                base.storeBytes(of: cont, toByteOffset: 16 * 4, as: SIMD8<Float>.self)
                                for i in 1..<max(1, n) {
                                    // The scores of the closing tags after `O`, ascending: L-PER (continue
                                    // lane 1), U-PER (open lane 1), L-ORG, U-ORG, ...
                                    let closed = SIMD8<Float>(
                                        cont[1], open[1], cont[3], open[3], cont[5], open[5], cont[7], open[7])
                                    // O, B-x, U-x: the best of the nine closing tags, O first.
                                    var bestOutside = outside + toOutside[0]
                                    var bestOpen = SIMD8(repeating: outside) + toOpen[0]
                                    // Ascending order with strict `>`, as the plain loop (a first candidate
                                    // of -inf leaves -inf, as the plain loop's starting value would).
                                    for k in 0..<8 {
                                        let s = closed[k] + toOutside[k + 1]
                                        if s > bestOutside { bestOutside = s }
                                        let c = SIMD8(repeating: closed[k]) + toOpen[k + 1]
                                        bestOpen.replace(with: c, where: c .> bestOpen)
                                    }
                                    // I-x, L-x: B-x, then I-x of the same label.
                                    var bestContinue =
                                        SIMD8<Float>(
                                            open[0], open[0], open[2], open[2], open[4], open[4], open[6], open[6])
                                        + beginToContinue
                                    let fromInside =
                                        SIMD8<Float>(
                                            cont[0], cont[0], cont[2], cont[2], cont[4], cont[4], cont[6], cont[6])
                                        + insideToContinue
                                    bestContinue.replace(with: fromInside, where: fromInside .> bestContinue)

                                    outside = bestOutside + eOutside[i]
                                    open = bestOpen + eOpen[i]
                                    cont = bestContinue + eContinue[i]
                                    // (Wrapping arithmetic: `i * S + 24 <= n * S`, which fits, as `steps` holds it.)
                                    let at = i &* S
                                    stored[at] = outside
                                    base.storeBytes(of: open, toByteOffset: (at &+ 8) &* 4, as: SIMD8<Float>.self)
                                    base.storeBytes(of: cont, toByteOffset: (at &+ 16) &* 4, as: SIMD8<Float>.self)
                                }
                                return (outside, open, cont)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The best tag a sentence may end with, given the scores at its last unit: ascending tag
    /// order, strict `>`.
    @inline(__always)
    private func bestLastTag(outside: Float, open: SIMD8<Float>, cont: SIMD8<Float>) -> Int {
        var best = outside, bestTag = 0
        for (k, t) in Self.closing.dropFirst().enumerated() {
            let s = k & 1 == 0 ? cont[k | 1] : open[k]
            if s > best {
                best = s
                bestTag = t
            }
        }
        return bestTag
    }

    /// The way back from the last unit's tag (already in `tags[n - 1]`), filling `tags`.
    @inline(__always)
    private func backtrack(count n: Int, steps: [Float], tags: inout [Int]) {
        let S = Self.stride
        // The way back: the predecessor each tag was reached from, found as the forward pass
        // would have (allowed predecessors ascending, strict `>`, the first best kept): the same
        // sums of the same floats, the eight closing candidates after `O` added as one vector.
        let slot = Self.slot, closing = Self.closing, continueLanes = Self.continueLanes
        let outsideFirst = closingToOutside[0], openFirst = closingToOpen[0]
        slot.withUnsafeBufferPointer { slot in
            closing.withUnsafeBufferPointer { closing in
                continueLanes.withUnsafeBufferPointer { continueLanes in
                    closedToOpen.withUnsafeBufferPointer { closedToOpen in
                        tags.withUnsafeMutableBufferPointer { tags in
                            steps.withUnsafeBufferPointer { stored in
                                let base = UnsafeRawPointer(stored.baseAddress!)
                                var i = n - 1
                                while i > 0 {
                                    let t = tags[i]
                                    let at = (i - 1) * S
                                    let outside = stored[at]
                                    let open = base.loadUnaligned(fromByteOffset: (at + 8) * 4, as: SIMD8<Float>.self)
                                    let cont = base.loadUnaligned(fromByteOffset: (at + 16) * 4, as: SIMD8<Float>.self)
                                    let lane = slot[t] & 7
                                    var arg = 0
                                    if t == 0 || slot[t] < 16 {
                                        let closed = SIMD8<Float>(
                                            cont[1], open[1], cont[3], open[3], cont[5], open[5], cont[7], open[7])
                                        let first: Float, scores: SIMD8<Float>
                                        if t == 0 {
                                            first = outside + outsideFirst
                                            scores = closed + closedToOutside
                                        } else {
                                            first = outside + openFirst[lane]
                                            scores = closed + closedToOpen[lane]
                                        }
                                        var best = -Float.infinity
                                        if first > best { best = first }
                                        for k in 0..<8 where scores[k] > best {
                                            best = scores[k]
                                            arg = closing[k + 1]
                                        }
                                    } else {
                                        // The lane label's `B`: the tag before its `I` (continue lane `lane & ~1`).
                                        let begin = continueLanes[lane & ~1] - 1
                                        var best = -Float.infinity
                                        let fromBegin = open[lane & ~1] + beginToContinue[lane]
                                        if fromBegin > best {
                                            best = fromBegin
                                            arg = begin
                                        }
                                        let fromInside = cont[lane & ~1] + insideToContinue[lane]
                                        if fromInside > best {
                                            best = fromInside
                                            arg = begin + 1
                                        }
                                    }
                                    tags[i - 1] = arg
                                    i -= 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
