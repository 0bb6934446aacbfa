/// Trains the speaker ranker: averaged perceptrons over candidate lists, which on each mistake
/// move the weights toward the best-scoring annotated candidate and away from the one chosen,
/// one per fixed shuffle of the quotes, and their mean. Integer weights and fixed shuffles make
/// it give the same model on every run.
struct SpeakerTrainer {
    /// One quote to learn from: its candidates' features and which candidates are right.
    struct Instance {
        var candidates: [[Int32]]
        var isRight: [Bool]
        /// Which candidate the hand rules chose, for ties (as ``SpeakerModel/best(of:)`` breaks them).
        var rule: Int?
    }

    var epochs = 12
    var seed: UInt64 = 15
    /// How many perceptrons, each over its own shuffle of the quotes, are trained and averaged:
    /// one perceptron's weights depend on the order it saw the quotes in, and their mean less so.
    var orders = 8

    /// Weights are kept ×1000 in the file; the perceptron's steps are 1, so its averaged
    /// weights are scaled by 1000 and rounded there.
    func train(_ instances: [Instance], log: (String) -> Void) -> SpeakerModel {
        if orders <= 1 { return trainOnce(instances, seed: seed, log: log) }
        var sum = [Int](repeating: 0, count: SpeakerFeatures.count)
        for r in 0..<orders {
            var last = ""
            let m = trainOnce(instances, seed: seed &+ UInt64(r) &* 7919) { last = $0 }
            log("shuffle \(r + 1)/\(orders), \(last)")
            for i in sum.indices { sum[i] += Int(m.weights[i]) }
        }
        // Rounded half away from zero, in integers.
        return SpeakerModel(weights: sum.map { Int32(($0 + ($0 >= 0 ? orders / 2 : -orders / 2)) / orders) })
    }

    /// One averaged perceptron over the quotes in the order `seed` shuffles them into.
    private func trainOnce(_ instances: [Instance], seed: UInt64, log: (String) -> Void) -> SpeakerModel {
        let n = SpeakerFeatures.count
        var w = [Int](repeating: 0, count: n)
        // Sum over time of each weight, kept with the last time it changed (the usual lazy average).
        var total = [Int](repeating: 0, count: n)
        var stamp = [Int](repeating: 0, count: n)
        var time = 0
        var order = Array(instances.indices)
        var rng = seed
        func bump(_ f: Int32, _ by: Int) {
            let i = Int(f)
            total[i] += w[i] * (time - stamp[i])
            stamp[i] = time
            w[i] += by
        }
        for epoch in 1...epochs {
            // Fisher–Yates with a fixed linear congruential generator.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                let j = Int((rng >> 33) % UInt64(i + 1))
                order.swapAt(i, j)
            }
            var mistakes = 0
            for index in order {
                let x = instances[index]
                time += 1
                let scores = x.candidates.map { $0.reduce(0) { $0 + w[Int($1)] } }
                let chosen = Self.best(scores, rule: x.rule)
                guard !x.isRight[chosen] else { continue }
                mistakes += 1
                var target = -1
                for k in x.candidates.indices where x.isRight[k] && (target < 0 || scores[k] > scores[target]) {
                    target = k
                }
                for f in x.candidates[target] { bump(f, 1) }
                for f in x.candidates[chosen] { bump(f, -1) }
            }
            log("epoch \(epoch): \(mistakes) mistakes in \(instances.count) quotes")
        }
        var averaged = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let sum = total[i] + w[i] * (time - stamp[i])
            // Rounded half away from zero, in integers.
            let scaled = sum * 1000
            averaged[i] = Int32((scaled + (scaled >= 0 ? time / 2 : -time / 2)) / time)
        }
        return SpeakerModel(weights: averaged)
    }

    /// The index of the highest score, the rule's candidate on a tie, else the first.
    static func best(_ scores: [Int], rule: Int?) -> Int {
        var best = 0
        for k in scores.indices.dropFirst() where scores[k] > scores[best] { best = k }
        if let rule, scores[rule] == scores[best] { return rule }
        return best
    }
}
