import AssayCore
import Foundation

/// Exact-span precision, recall and F1, overall and per label: an entity counts as found only
/// if both its boundaries and its label match.
struct SpanScorer {
    private var counts = [MatchCounts](repeating: MatchCounts(), count: EntityLabel.allCases.count)

    mutating func add(predicted found: [GoldEntity], gold: [GoldEntity]) {
        let goldSet = Set(gold)
        for f in found {
            counts[f.label.tagIndex].found += 1
            if goldSet.contains(f) { counts[f.label.tagIndex].matched += 1 }
        }
        for g in gold { counts[g.label.tagIndex].expected += 1 }
    }

    /// Adds the counts of another scorer (folds pooled into one figure).
    mutating func add(_ other: SpanScorer) {
        for k in counts.indices { counts[k] += other.counts[k] }
    }

    struct Score {
        var precision: Double, recall: Double, f1: Double, support: Int
        init(_ c: MatchCounts) {
            precision = c.precision
            recall = c.recall
            f1 = c.f1
            support = c.expected
        }
    }

    var overall: Score { Score(counts.reduce(MatchCounts(), +)) }
    func score(_ l: EntityLabel) -> Score { Score(counts[l.tagIndex]) }

    /// A table: one row per label and one overall.
    var report: String {
        func row(_ name: String, _ s: Score) -> String {
            name.padding(toLength: 8, withPad: " ", startingAt: 0)
                + [s.precision, s.recall, s.f1].map { String(format: "%9.4f", $0) }.joined()
                + String(format: "%9d", s.support)
        }
        var lines = ["label   precision   recall       F1  support"]
        for l in EntityLabel.allCases { lines.append(row(l.rawValue, score(l))) }
        lines.append(row("overall", overall))
        return lines.joined(separator: "\n")
    }
}
