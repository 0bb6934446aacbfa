/// Counts behind precision, recall and F1: how many items an extractor found, how many the gold
/// annotation expected, and how many of the found ones matched. Every evaluation tool scores
/// with this one type, whatever "match" means for it (exact span, overlap, same value).
public struct MatchCounts: Sendable, Hashable {
    public var matched: Int
    public var found: Int
    public var expected: Int

    public init(matched: Int = 0, found: Int = 0, expected: Int = 0) {
        self.matched = matched
        self.found = found
        self.expected = expected
    }

    /// Matched over found; with nothing found, 1 if nothing was expected either, else 0.
    public var precision: Double { found == 0 ? (expected == 0 ? 1 : 0) : Double(matched) / Double(found) }
    /// Matched over expected; 1 when nothing was expected.
    public var recall: Double { expected == 0 ? 1 : Double(matched) / Double(expected) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public static func + (a: MatchCounts, b: MatchCounts) -> MatchCounts {
        MatchCounts(matched: a.matched + b.matched, found: a.found + b.found, expected: a.expected + b.expected)
    }

    public static func += (a: inout MatchCounts, b: MatchCounts) { a = a + b }
}
