/// Best-path decoding over BILOU tags with a first-order transition matrix.
///
/// Invalid transitions (`B-PER` then `O`, `I-ORG` after `B-LOC`) are excluded outright rather
/// than merely penalised, so every decoded sequence spells well-formed entities.
struct Viterbi: Sendable {
    /// Transition scores `from * 17 + to`.
    var transitions: [Float]

    /// For each tag `t`, the tags that may precede it: `predecessorList[predecessorStart[t]..<predecessorStart[t + 1]]`.
    /// Flat so the inner loop reads two small arrays, not an array of arrays.
    private static let predecessorLists: [[Int]] = (0..<BILOU.count).map { t in
        (0..<BILOU.count).filter { BILOU.allowed(from: $0, to: t) }
    }
    private static let predecessorList: [Int32] = predecessorLists.flatMap { $0.map(Int32.init) }
    private static let predecessorStart: [Int32] = predecessorLists.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }
    private static let canStart: [Bool] = (0..<BILOU.count).map { BILOU.allowed(from: nil, to: $0) }
    private static let canEnd: [Bool] = (0..<BILOU.count).map { BILOU.allowed(from: $0, to: nil) }

    init(transitions: [Float]) {
        precondition(transitions.count == BILOU.count * BILOU.count)
        self.transitions = transitions
    }

    /// Decodes `n` units whose emission scores are `emissions[i * 17 + tag]`; writes the tags
    /// into `tags` (resized to `n`). `scratch` is reused between calls to avoid allocations.
    func decode(_ emissions: UnsafeBufferPointer<Float>, count n: Int, tags: inout [Int], scratch: inout [Int32]) {
        let T = BILOU.count
        tags.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        if scratch.count < n * T { scratch = [Int32](repeating: 0, count: max(n * T, 64 * T)) }
        // Two score rows on the stack-like temporary buffer: no heap allocation per sentence.
        var bestTag = 0
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * T) { rows in
            var score = rows.baseAddress!, next = score + T
            for t in 0..<T { score[t] = Self.canStart[t] ? emissions[t] : -.infinity }
            transitions.withUnsafeBufferPointer { tr in
                Self.predecessorList.withUnsafeBufferPointer { list in
                    Self.predecessorStart.withUnsafeBufferPointer { start in
                        scratch.withUnsafeMutableBufferPointer { back in
                            for i in 1..<n {
                                let e = emissions.baseAddress! + i * T
                                let b = back.baseAddress! + i * T
                                for t in 0..<T {
                                    var best = -Float.infinity
                                    var arg: Int32 = 0
                                    for k in Int(start[t])..<Int(start[t + 1]) {
                                        let f = Int(list[k])
                                        let s = score[f] + tr[f * T + t]
                                        if s > best { best = s; arg = Int32(f) }
                                    }
                                    next[t] = best + e[t]
                                    b[t] = arg
                                }
                                swap(&score, &next)
                            }
                        }
                    }
                }
            }
            var best = -Float.infinity
            for t in 0..<T where Self.canEnd[t] && score[t] > best { best = score[t]; bestTag = t }
        }
        tags.append(contentsOf: repeatElement(0, count: n))
        tags[n - 1] = bestTag
        var i = n - 1
        while i > 0 {
            tags[i - 1] = Int(scratch[i * T + tags[i]])
            i -= 1
        }
    }
}
