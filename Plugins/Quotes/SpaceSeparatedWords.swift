/// The words of a name split at spaces, exactly as `split(separator: " ")` gives them.
///
/// Resolving speakers splits the same few names (a mention's text, its canonical name, the
/// candidates for its fullest form) many times per document, and `split(separator:)` walks the
/// text Character by Character. An ASCII string (nearly every name) has one Character per
/// byte, so cutting it at its space bytes gives the same words with none of that work; other
/// text, where a space may carry a combining mark, still goes through `split`.
enum SpaceSeparatedWords {
    static func of(_ s: String) -> [Substring] {
        let utf8 = s.utf8
        var words: [Substring] = []
        var start: String.Index?
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            if b >= 0x80 { return s.split(separator: " ") }
            if b == 0x20 {
                if let from = start {
                    words.append(s[from..<i])
                    start = nil
                }
            } else if start == nil {
                start = i
            }
            i = utf8.index(after: i)
        }
        if let from = start { words.append(s[from..<utf8.endIndex]) }
        return words
    }

    /// The last word of `s`, as `of(s).last` gives it, found from the end without listing the
    /// others (asked of every person's and organisation's name in a document).
    static func last(of s: String) -> Substring? {
        let utf8 = s.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return s.split(separator: " ").last }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        guard end > utf8.startIndex else { return nil }
        var start = utf8.index(before: end)
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != 0x20 { start = utf8.index(before: start) }
        return s[start..<end]
    }
}
