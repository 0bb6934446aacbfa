import Foundation

/// Exact-span precision, recall and F1, overall and per label: an entity counts as found only
/// if both its boundaries and its label match.
struct SpanScorer {
    private var truePositives = [Int](repeating: 0, count: EntityLabel.allCases.count)
    private var predicted = [Int](repeating: 0, count: EntityLabel.allCases.count)
    private var expected = [Int](repeating: 0, count: EntityLabel.allCases.count)

    mutating func add(predicted found: [GoldEntity], gold: [GoldEntity]) {
        let goldSet = Set(gold)
        for f in found {
            predicted[f.label.rawValue] += 1
            if goldSet.contains(f) { truePositives[f.label.rawValue] += 1 }
        }
        for g in gold { expected[g.label.rawValue] += 1 }
    }

    struct Score {
        var precision: Double, recall: Double, f1: Double, support: Int
    }

    private static func score(_ tp: Int, _ p: Int, _ g: Int) -> Score {
        let precision = p == 0 ? 0 : Double(tp) / Double(p)
        let recall = g == 0 ? 0 : Double(tp) / Double(g)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return Score(precision: precision, recall: recall, f1: f1, support: g)
    }

    var overall: Score { Self.score(truePositives.reduce(0, +), predicted.reduce(0, +), expected.reduce(0, +)) }
    func score(_ l: EntityLabel) -> Score { Self.score(truePositives[l.rawValue], predicted[l.rawValue], expected[l.rawValue]) }

    /// A table: one row per label and one overall.
    var report: String {
        func row(_ name: String, _ s: Score) -> String {
            name.padding(toLength: 8, withPad: " ", startingAt: 0)
                + [s.precision, s.recall, s.f1].map { String(format: "%9.4f", $0) }.joined() + String(format: "%9d", s.support)
        }
        var lines = ["label   precision   recall       F1  support"]
        for l in EntityLabel.allCases { lines.append(row(l.name, score(l))) }
        lines.append(row("overall", overall))
        return lines.joined(separator: "\n")
    }
}
