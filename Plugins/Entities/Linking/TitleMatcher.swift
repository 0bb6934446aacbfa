import AssayCore

/// Finds the title in front of a person's name ("President", "Foreign Minister", "Chinese
/// Chair") and cuts it from the name when the tagger included it.
///
/// Titles come from the gazetteer's `[title]` section; a nationality or country just before the
/// title joins it ("Chinese President"), as in how news introduces foreign leaders.
struct TitleMatcher: Sendable {
    /// The titles, matched at a token ignoring case, longest first.
    private let titles: Lexicon<Bool>
    /// Nationalities and countries that may qualify a title (asked of one token).
    private let qualifiers: Lexicon<Bool>
    /// The word count of the longest title.
    private let longest: Int
    /// The last word of every title as the lexicon stores it (lowercased), for those that pack:
    /// a title ends at a short ASCII token only if the token is one of them, so most names
    /// are known to have no title before them without asking the lexicon at each length.
    private let lastWords: PackedWordTable<Bool>

    init(titles: [String], qualifiers: [String]) {
        self.titles = Lexicon(titles.map { ($0, true) })
        self.qualifiers = Lexicon(qualifiers.map { ($0, true) })
        longest = titles.map { $0.split(separator: " ").count }.max() ?? 1
        var lastWords = PackedWordTable<Bool>(capacity: titles.count)
        for words in self.titles.wordsOfEntries {
            if let word = words.last, let key = PackedWord(word) { lastWords.set(true, for: key) }
        }
        self.lastWords = lastWords
    }

    /// Whether a title may end at token `t`: a token that packs (ASCII of at most
    /// ``PackedWord/maxLength`` bytes) must be some title's last word, since a title's tokens
    /// lowercased are its stored words; any other token is left to the lexicon.
    private func mayEndTitle(_ d: AnalyzedDocument, at t: Int) -> Bool {
        let key = d.utf8.withUnsafeBufferPointer { PackedWord(lowercasing: $0, d.tokens[t].span) }
        guard let key else { return true }
        return lastWords[key] != nil
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
        if titleStart == nil, range.lowerBound > 0, mayEndTitle(d, at: range.lowerBound - 1) {
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
        if start > 0, qualifiers.payload(ofWordAt: start - 1, in: d) != nil, sameLine(d, start - 1, start),
            d.utf8.withUnsafeBufferPointer({ TextBytes.isCapitalized($0, d.tokens[start - 1].span) })
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
        return titles.match(in: d, at: i, limit: limit)?.length
    }

    private func sameLine(_ d: AnalyzedDocument, _ a: Int, _ b: Int) -> Bool {
        !(a + 1...b).contains { d.tokens[$0].lineStart }
    }
}
