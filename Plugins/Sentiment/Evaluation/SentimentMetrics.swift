/// Agreement between predicted and human scores and labels: the figures the evaluation and the
/// training report print.
enum SentimentMetrics {
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count > 1 else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }

    /// Spearman's rho: Pearson over ranks, ties sharing their mean rank.
    static func spearman(_ x: [Double], _ y: [Double]) -> Double { pearson(ranks(x), ranks(y)) }

    static func ranks(_ v: [Double]) -> [Double] {
        let order = v.indices.sorted { v[$0] < v[$1] }
        var r = [Double](repeating: 0, count: v.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, v[order[j + 1]] == v[order[i]] { j += 1 }
            let mean = Double(i + j) / 2 + 1
            for k in i...j { r[order[k]] = mean }
            i = j + 1
        }
        return r
    }

    static func accuracy(_ predicted: [String], _ gold: [String]) -> Double {
        guard !gold.isEmpty else { return 0 }
        return Double(zip(predicted, gold).filter { $0 == $1 }.count) / Double(gold.count)
    }

    /// The mean over the three labels of each label's F1.
    static func macroF1(_ predicted: [String], _ gold: [String]) -> Double {
        let labels = [SentimentLabel.positive, SentimentLabel.negative, SentimentLabel.neutral]
        var sum = 0.0
        for c in labels {
            var tp = 0.0, fp = 0.0, fn = 0.0
            for (p, g) in zip(predicted, gold) {
                if p == c && g == c { tp += 1 } else if p == c { fp += 1 } else if g == c { fn += 1 }
            }
            let precision = tp + fp > 0 ? tp / (tp + fp) : 0
            let recall = tp + fn > 0 ? tp / (tp + fn) : 0
            sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
        return sum / Double(labels.count)
    }

    static func figures(scores: [Double], labels: [String], goldScores: [Double], goldLabels: [String])
        -> SentimentModelFile.Figures
    {
        .init(
            pearson: pearson(scores, goldScores), spearman: spearman(scores, goldScores),
            accuracy: accuracy(labels, goldLabels), macroF1: macroF1(labels, goldLabels))
    }

    /// The label thresholds that maximise macro-F1 of `scores` against `gold` (searched over
    /// quantiles of the scores; ties broken towards the symmetric pair closest to zero).
    static func bestThresholds(scores: [Double], gold: [String]) -> SentimentModelFile.Thresholds {
        let sorted = scores.sorted()
        let candidates = stride(from: 0.02, through: 0.98, by: 0.02).map { sorted[Int($0 * Double(sorted.count - 1))] }
        var best = (f1: -1.0, t: SentimentModelFile.Thresholds(negative: -0.125, positive: 0.125))
        for lo in candidates where lo < 0.5 {
            for hi in candidates where hi > lo {
                let labels = scores.map { SentimentLabel.of($0, negative: lo, positive: hi) }
                let f1 = macroF1(labels, gold)
                if f1 > best.f1 + 1e-12 { best = (f1, .init(negative: lo, positive: hi)) }
            }
        }
        return best.t
    }
}
