/// Best-path decoding over BILOU tags with a first-order transition matrix.
///
/// Invalid transitions (`B-PER` then `O`, `I-ORG` after `B-LOC`) are excluded outright rather
/// than merely penalised, so every decoded sequence spells well-formed entities.
struct Viterbi: Sendable {
    /// Transition scores `from * 17 + to`.
    var transitions: [Float]

    /// For each tag, the tags that may precede it.
    private static let predecessors: [[Int]] = (0..<BILOU.count).map { t in
        (0..<BILOU.count).filter { BILOU.allowed(from: $0, to: t) }
    }
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
        if scratch.count < n * T { scratch = [Int32](repeating: 0, count: n * T) }
        var score = [Float](repeating: 0, count: T)
        var nextScore = [Float](repeating: 0, count: T)
        for t in 0..<T { score[t] = Self.canStart[t] ? emissions[t] : -.infinity }
        transitions.withUnsafeBufferPointer { tr in
            for i in 1..<n {
                for t in 0..<T {
                    var best = -Float.infinity
                    var arg: Int32 = 0
                    for f in Self.predecessors[t] {
                        let s = score[f] + tr[f * T + t]
                        if s > best { best = s; arg = Int32(f) }
                    }
                    nextScore[t] = best + emissions[i * T + t]
                    scratch[i * T + t] = arg
                }
                swap(&score, &nextScore)
            }
        }
        var bestTag = 0
        var best = -Float.infinity
        for t in 0..<T where Self.canEnd[t] && score[t] > best { best = score[t]; bestTag = t }
        tags = [Int](repeating: 0, count: n)
        tags[n - 1] = bestTag
        var i = n - 1
        while i > 0 {
            tags[i - 1] = Int(scratch[i * T + tags[i]])
            i -= 1
        }
    }
}
