import AssayCore

/// Finds the title in front of a person's name ("President", "Foreign Minister", "Chinese
/// Chair") and cuts it from the name when the tagger included it.
///
/// Titles come from the gazetteer's `[title]` section; a nationality or country just before the
/// title joins it ("Chinese President"), as in how news introduces foreign leaders.
struct TitleMatcher: Sendable {
    /// Lower-cased titles, as word arrays (`["foreign", "minister"]`).
    private let titles: Set<[String]>
    /// Nationalities and countries that may qualify a title.
    private let qualifiers: Set<String>
    private let longest: Int
    /// Per byte length: whether some title's first word has it. A token of another length
    /// starts no title, and is rejected without building a String. (A table by length, as
    /// this is asked for several tokens before every person's name: hashing an `Int` for a
    /// `Set` cost more than the rest of the test.)
    private let isFirstWordLength: [Bool]
    /// Hashes of the titles' first words: an ASCII token whose lower-case bytes hash to none of
    /// them starts no title, and is rejected without building a String. (Keyed by the hash
    /// itself: a `Set` would hash it again.)
    private let firstWordHashes: HashedTable<Bool>

    init(titles: [String], qualifiers: [String]) {
        self.titles = Set(titles.map { $0.lowercased().split(separator: " ").map(String.init) })
        self.qualifiers = Set(qualifiers.map { $0.lowercased() })
        longest = self.titles.map(\.count).max() ?? 1
        var lengths = [Bool](repeating: false, count: 64)
        for n in self.titles.compactMap({ $0.first?.utf8.count }) {
            if n >= lengths.count { lengths += repeatElement(false, count: n + 1 - lengths.count) }
            lengths[n] = true
        }
        isFirstWordLength = lengths
        var hashes = HashedTable<Bool>(capacity: self.titles.count, empty: false)
        for h in self.titles.compactMap({ $0.first.map { FeatureHash.bytes(Array($0.utf8)) } }) {
            hashes.insert(true, for: h)
        }
        firstWordHashes = hashes
    }

    /// Splits a person mention into the name and the title before it (inside or outside the span).
    func split(_ span: Span, in d: AnalyzedDocument) -> (Span, String?) {
        split(span, tokens: d.tokenRange(in: span), in: d)
    }

    /// ``split(_:in:)`` given the span's token range (`d.tokenRange(in: span)`).
    func split(_ span: Span, tokens range: Range<Int>, in d: AnalyzedDocument) -> (Span, String?) {
        guard !range.isEmpty else { return (span, nil) }
        // A title the tagger put inside the span: keep at least one word of name.
        var first = range.lowerBound
        var titleStart: Int?
        while first < range.upperBound - 1, let n = titleLength(d, startingAt: first, limit: range.upperBound - 1) {
            if titleStart == nil { titleStart = first }
            first += n
        }
        // A title just before the span.
        if titleStart == nil {
            for n in stride(from: min(longest, range.lowerBound), through: 1, by: -1) {
                let s = range.lowerBound - n
                if titleLength(d, startingAt: s, limit: range.lowerBound) == n, sameLine(d, s, range.lowerBound) {
                    titleStart = s
                    break
                }
            }
        }
        guard let t = titleStart else { return (span, nil) }
        var start = t
        if start > 0, qualifiers.contains(d.text(ofToken: start - 1).lowercased()), sameLine(d, start - 1, start),
            isCapitalised(d.text(ofToken: start - 1))
        {
            start -= 1
        }
        let titleEnd = first > range.lowerBound ? first : range.lowerBound
        let title = d.text(of: Span(d.tokens[start].span.start, d.tokens[titleEnd - 1].span.end))
        return (Span(d.tokens[first].span.start, span.end), Self.singleSpaced(title))
    }

    /// Runs of white space as one space. A title is nearly always ASCII words with single
    /// spaces between them, which comes back as it is without splitting into Characters.
    private static func singleSpaced(_ s: String) -> String {
        var plain = true, previousSpace = true  // a leading space is not plain either
        for c in s.utf8 {
            if c >= 0x80 || (c >= 9 && c <= 13) || (c == 32 && previousSpace) {
                plain = false
                break
            }
            previousSpace = c == 32
        }
        if plain && !previousSpace { return s }
        return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The number of tokens of a title starting at token `i` (whole title before `limit`).
    private func titleLength(_ d: AnalyzedDocument, startingAt i: Int, limit: Int) -> Int? {
        guard i < limit else { return nil }
        let length = d.tokens[i].span.length
        guard length < isFirstWordLength.count && isFirstWordLength[length] || d.utf8[d.tokens[i].span.start] >= 0x80
        else { return nil }
        if let h = Self.asciiLowercaseHash(d, d.tokens[i].span), firstWordHashes[h] == nil { return nil }
        var words: [String] = []
        var best: Int?
        var k = i
        while k < limit, words.count < longest {
            words.append(d.text(ofToken: k).lowercased())
            k += 1
            if titles.contains(words) { best = words.count }
        }
        return best
    }

    /// The hash of an ASCII token's lower-case bytes (what `lowercased()` makes of it), or nil
    /// when the token is not ASCII.
    private static func asciiLowercaseHash(_ d: AnalyzedDocument, _ span: Span) -> UInt64? {
        var h = FeatureHash.offset
        for i in span.start..<span.end {
            let c = d.utf8[i]
            if c >= 0x80 { return nil }
            h = FeatureHash.step(h, c >= 65 && c <= 90 ? c | 0x20 : c)
        }
        return FeatureHash.mix(h, UInt64(span.length))
    }

    private func sameLine(_ d: AnalyzedDocument, _ a: Int, _ b: Int) -> Bool {
        !(a + 1...b).contains { d.tokens[$0].lineStart }
    }

    private func isCapitalised(_ s: String) -> Bool { s.unicodeScalars.first?.properties.isUppercase ?? false }
}
