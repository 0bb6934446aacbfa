/// The usual measure of article extraction: both texts as runs of four consecutive words
/// (shingles; a text of fewer than four words is one shingle), compared as multisets.
public struct ShingleOverlap: Sendable, Hashable {
    /// Predicted shingles that are also in the truth (counting repeats at most as often as
    /// the truth has them), predicted shingles, true shingles.
    public var counts: MatchCounts

    /// Compares `predicted` with `truth`, words being what whitespace separates.
    public init(predicted: String, truth: String) {
        let found = ShingleOverlap.shingles(predicted)
        let expected = ShingleOverlap.shingles(truth)
        var matched = 0
        for (shingle, n) in found { matched += min(n, expected[shingle] ?? 0) }
        counts = MatchCounts(matched: matched, found: found.values.reduce(0, +), expected: expected.values.reduce(0, +))
    }

    /// The text's shingles with how often each occurs.
    public static func shingles(_ text: String) -> [[Substring]: Int] {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard !words.isEmpty else { return [:] }
        guard words.count >= 4 else { return [Array(words): 1] }
        var counts: [[Substring]: Int] = [:]
        counts.reserveCapacity(words.count)
        for i in 0...(words.count - 4) { counts[Array(words[i..<(i + 4)]), default: 0] += 1 }
        return counts
    }
}
