/// Best-path decoding over BILOU tags with a first-order transition matrix.
///
/// Invalid transitions (`B-PER` then `O`, `I-ORG` after `B-LOC`) are excluded outright rather
/// than merely penalised, so every decoded sequence spells well-formed entities.
///
/// The BILOU rules give the search a fixed shape that the decoder exploits with SIMD lanes:
/// the tags that open something (`O`, `B-x`, `U-x`) may only follow a tag that closes
/// something (`O`, `L-x`, `U-x`), nine candidates each; `I-x` and `L-x` may only follow `B-x` or
/// `I-x` of the same label, two candidates each. So one step is the `O` tag on its own, eight
/// `B`/`U` lanes that take the best of nine closing tags, and eight `I`/`L` lanes that take the
/// best of two. Each candidate is scored, compared and chosen exactly as a plain loop over the
/// allowed predecessors in ascending tag order would (same float additions, strict `>`, the
/// first best kept), so the decoded tags do not depend on the vectorisation.
struct Viterbi: Sendable {
    /// Transition scores `from * 17 + to`.
    let transitions: [Float]

    /// The opening tags in lane order: `B-PER U-PER B-ORG U-ORG B-LOC U-LOC B-MISC U-MISC`.
    private static let openLanes: [Int] = (0..<8).map { k in 1 + (k >> 1) * 4 + (k & 1 == 0 ? 0 : 3) }
    /// The continuing tags in lane order: `I-PER L-PER I-ORG L-ORG ...`.
    private static let continueLanes: [Int] = (0..<8).map { k in 2 + (k >> 1) * 4 + (k & 1) }
    /// The tags that close something, ascending: the predecessors of `O`, `B-x` and `U-x`, and
    /// the tags a sentence may end with.
    private static let closing: [Int] = (0..<BILOU.count).filter { BILOU.allowed(from: $0, to: nil) }
    /// Where each tag's score lives in a step's 17 slots: `O`, the 8 opening lanes, the 8
    /// continuing lanes.
    private static let slot: [Int] = {
        var s = [Int](repeating: 0, count: BILOU.count)
        for (k, t) in openLanes.enumerated() { s[t] = 1 + k }
        for (k, t) in continueLanes.enumerated() { s[t] = 9 + k }
        return s
    }()

    /// Per closing tag (in ``closing`` order): the transition to `O`, and to each opening lane.
    private let closingToOutside: [Float]
    private let closingToOpen: [SIMD8<Float>]
    /// Per continuing lane: the transition from the lane label's `B` and from its `I`.
    private let beginToContinue: SIMD8<Float>
    private let insideToContinue: SIMD8<Float>

    /// Whether ``BILOU/allowed(from:to:)`` has exactly the shape the lanes are built for
    /// (checked once: the trainer makes a decoder per sentence).
    private static let lanesMatchTheRules: Bool = {
        guard closing == [0, 3, 4, 7, 8, 11, 12, 15, 16] else { return false }
        for f in 0..<BILOU.count {
            for t in 0..<BILOU.count {
                let inShape = closing.contains(f) ? (t == 0 || openLanes.contains(t))
                    : (continueLanes.contains(t) && BILOU.label(of: f) == BILOU.label(of: t))
                if BILOU.allowed(from: f, to: t) != inShape { return false }
            }
        }
        return true
    }()

    init(transitions: [Float]) {
        precondition(transitions.count == BILOU.count * BILOU.count)
        precondition(Self.lanesMatchTheRules, "the decoder's lanes assume the BILOU order and transition rules")
        let T = BILOU.count
        self.transitions = transitions
        closingToOutside = Self.closing.map { transitions[$0 * T] }
        closingToOpen = Self.closing.map { f in SIMD8(Self.openLanes.map { transitions[f * T + $0] }) }
        beginToContinue = SIMD8(Self.continueLanes.map { t in transitions[(1 + 4 * ((t - 1) >> 2)) * T + t] })
        insideToContinue = SIMD8(Self.continueLanes.map { t in transitions[(2 + 4 * ((t - 1) >> 2)) * T + t] })
    }

    /// Decodes `n` units whose emission scores are `emissions[i * 17 + tag]`; writes the tags
    /// into `tags` (resized to `n`). `scratch` (back pointers) is reused between calls so that
    /// decoding allocates nothing once it has grown.
    func decode(_ emissions: UnsafeBufferPointer<Float>, count n: Int, tags: inout [Int], scratch: inout [UInt8]) {
        let T = BILOU.count
        tags.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        if scratch.count < n * T { scratch = [UInt8](repeating: 0, count: max(n * T, 64 * T)) }
        let e = emissions.baseAddress!
        @inline(__always) func gather(_ row: UnsafePointer<Float>, _ lanes: [Int]) -> SIMD8<Float> {
            SIMD8(row[lanes[0]], row[lanes[1]], row[lanes[2]], row[lanes[3]], row[lanes[4]], row[lanes[5]], row[lanes[6]], row[lanes[7]])
        }
        let openLanes = Self.openLanes, continueLanes = Self.continueLanes
        // The step's scores: `O`, the opening lanes, the continuing lanes (slot order).
        var outside = e[0]
        var open = gather(e, openLanes)
        var cont = SIMD8<Float>(repeating: -.infinity)  // nothing continues at the start
        let closingTags = SIMD8<Int32>(3, 4, 7, 8, 11, 12, 15, 16)
        let beginTags = SIMD8<Int32>(1, 1, 5, 5, 9, 9, 13, 13), insideTags = beginTags &+ 1
        scratch.withUnsafeMutableBufferPointer { back in
            closingToOpen.withUnsafeBufferPointer { toOpen in
                closingToOutside.withUnsafeBufferPointer { toOutside in
                    for i in 1..<max(1, n) {
                        // The scores of the closing tags, in ascending tag order after `O`:
                        // L-PER (continuing lane 1), U-PER (opening lane 1), L-ORG, U-ORG, ...
                        let closed = SIMD8<Float>(cont[1], open[1], cont[3], open[3], cont[5], open[5], cont[7], open[7])
                        // O, B-x, U-x: the best of the nine closing tags, O first.
                        var bestOutside = -Float.infinity, argOutside: Int32 = 0
                        var bestOpen = SIMD8<Float>(repeating: -.infinity), argOpen = SIMD8<Int32>.zero
                        do {
                            let s = outside + toOutside[0]
                            if s > bestOutside { bestOutside = s; argOutside = 0 }
                            let c = SIMD8(repeating: outside) + toOpen[0]
                            let better = c .> bestOpen
                            bestOpen.replace(with: c, where: better)
                            argOpen.replace(with: 0, where: better)
                        }
                        for k in 0..<8 {
                            let f = closingTags[k]
                            let s = closed[k] + toOutside[k + 1]
                            if s > bestOutside { bestOutside = s; argOutside = f }
                            let c = SIMD8(repeating: closed[k]) + toOpen[k + 1]
                            let better = c .> bestOpen
                            bestOpen.replace(with: c, where: better)
                            argOpen.replace(with: SIMD8(repeating: f), where: better)
                        }
                        // I-x, L-x: B-x, then I-x of the same label.
                        let fromBegin = SIMD8<Float>(open[0], open[0], open[2], open[2], open[4], open[4], open[6], open[6]) + beginToContinue
                        var bestContinue = SIMD8<Float>(repeating: -.infinity), argContinue = SIMD8<Int32>.zero
                        let afterBegin = fromBegin .> bestContinue
                        bestContinue.replace(with: fromBegin, where: afterBegin)
                        argContinue.replace(with: beginTags, where: afterBegin)
                        let fromInside = SIMD8<Float>(cont[0], cont[0], cont[2], cont[2], cont[4], cont[4], cont[6], cont[6]) + insideToContinue
                        let afterInside = fromInside .> bestContinue
                        bestContinue.replace(with: fromInside, where: afterInside)
                        argContinue.replace(with: insideTags, where: afterInside)

                        let row = e + i * T
                        outside = bestOutside + row[0]
                        open = bestOpen + gather(row, openLanes)
                        cont = bestContinue + gather(row, continueLanes)
                        let b = back.baseAddress! + i * T
                        b[0] = UInt8(truncatingIfNeeded: argOutside)
                        for k in 0..<8 {
                            b[1 + k] = UInt8(truncatingIfNeeded: argOpen[k])
                            b[9 + k] = UInt8(truncatingIfNeeded: argContinue[k])
                        }
                    }
                }
            }
        }
        // The best tag a sentence may end with, ascending tag order, strict `>`.
        var best = outside, bestTag = 0
        for (k, t) in Self.closing.dropFirst().enumerated() {
            let s = k & 1 == 0 ? cont[k | 1] : open[k]
            if s > best { best = s; bestTag = t }
        }
        tags.append(contentsOf: repeatElement(0, count: n))
        tags[n - 1] = bestTag
        let slot = Self.slot
        var i = n - 1
        while i > 0 {
            tags[i - 1] = Int(scratch[i * T + slot[tags[i]]])
            i -= 1
        }
    }
}
