/// Rewrites some lines of training text the way headlines are written, so the tagger learns
/// that capitals mean little there: title case ("Putin Hold Talks In Moscow") or all capitals.
///
/// Only ASCII letters change, so every byte offset (and gold span) stays where it was.
enum HeadlineCaser {
    /// Words headline style leaves in lower case.
    private static let small: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to",
        "for", "by", "with", "as", "from", "'s", "n't"
    ]

    static func recase<R: RandomNumberGenerator>(
        _ text: String, using rng: inout R, titleShare: Double = 0.3, capsShare: Double = 0.1
    ) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let r = Double(rng.next() % 10_000) / 10_000
            if r < titleShare {
                let words = line.split(separator: " ", omittingEmptySubsequences: false).enumerated().map {
                    k, w -> String in
                    guard let f = w.utf8.first, f >= 97, f <= 122, k == 0 || !small.contains(String(w)) else {
                        return String(w)
                    }
                    return String(UnicodeScalar(f - 32)) + w.dropFirst()
                }
                lines.append(words.joined(separator: " "))
            } else if r < titleShare + capsShare {
                lines.append(
                    String(
                        String.UnicodeScalarView(
                            line.unicodeScalars.map {
                                $0.value >= 97 && $0.value <= 122 ? UnicodeScalar($0.value - 32)! : $0
                            })))
            } else {
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }
}
