/// Decides which words before (or inside) a parenthesis spell out an acronym.
///
/// Two strategies, the strict one first:
/// 1. **Initials**: every content word contributes its first letter (or its first few, as in
///    "Singapore International MOnetary EXchange" → SIMEX), in order, and small function words
///    may be skipped ("Organization of the Petroleum Exporting Countries" → OPEC). The long
///    form must not start with a function word.
/// 2. **Letters in order** (Schwartz & Hearst, 2003): each letter of the acronym occurs in the
///    long form in order, the first one at its start ("Kuomintang" → KMT). Much looser (it
///    would read "Bank of Romania" as BNR), so it is only tried on a single word.
struct LongFormMatcher {
    /// A word of the candidate long form, as the matcher sees it.
    struct Word {
        /// The lowercased word (a hyphenated word is split into its parts).
        var text: String
        /// The index of the token the word starts in, to map a match back to the document.
        var token: Int
        /// A part after a hyphen may be skipped ("Asia-Pacific" can give A and P, or just A).
        var optional: Bool

        var initial: Unicode.Scalar? { text.unicodeScalars.first }
        var isFunctionWord: Bool { LongFormMatcher.functionWords.contains(text) }
        var skippable: Bool { optional || isFunctionWord || LongFormMatcher.companySuffixes.contains(text) }
    }

    static let functionWords: Set<String> = [
        "a", "an", "the", "of", "for", "and", "in", "on", "to", "at", "by", "with", "de", "del", "du", "des", "la",
        "le", "der", "y", "et", "&"
    ]

    /// Legal-form words a company's acronym often leaves out ("Guinness Peat Group Plc (GPG)").
    static let companySuffixes: Set<String> = ["plc", "ltd", "inc", "corp", "co", "sa", "ag", "llc", "nv", "spa"]

    /// The index of the first word of the shortest long form that ends at the last word and
    /// spells `acronym`, or nil.
    /// - Parameter wholeWords: require the long form to use every word (when the long form is
    ///   the parenthesis, as in "SCO (Shanghai Cooperation Organisation)").
    func match(acronym: String, words: [Word], wholeWords: Bool = false) -> Int? {
        let letters = Array(
            acronym.lowercased().unicodeScalars.filter {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            })
        guard !letters.isEmpty, !words.isEmpty else { return nil }
        let starts = wholeWords ? [0] : Array((0..<words.count).reversed())
        for s in starts where !words[s].isFunctionWord && words[s].initial == letters[0] {
            if initialsMatch(words, from: s, letters, 0) { return s }
        }
        // Letters in order, inside the last word only.
        if let last = words.last, !last.isFunctionWord, !wholeWords || words.count == 1,
            lettersInOrder(letters, in: last.text)
        {
            return words.count - 1
        }
        return nil
    }

    /// Whether `words[w...]` spell `letters[l...]`: each word gives the first one to three
    /// letters of itself, and skippable words may give none.
    private func initialsMatch(_ words: [Word], from w: Int, _ letters: [Unicode.Scalar], _ l: Int) -> Bool {
        if w == words.count { return l == letters.count }
        let word = Array(words[w].text.unicodeScalars)
        var k = 0
        while k < min(3, word.count), l + k < letters.count, word[k] == letters[l + k] {
            k += 1
            if initialsMatch(words, from: w + 1, letters, l + k) { return true }
        }
        return words[w].skippable && initialsMatch(words, from: w + 1, letters, l)
    }

    /// Schwartz & Hearst's test on one word: it starts with the first letter and holds the
    /// others in order.
    private func lettersInOrder(_ letters: [Unicode.Scalar], in word: String) -> Bool {
        var rest = word.unicodeScalars[...]
        guard rest.first == letters.first, word.unicodeScalars.count > letters.count else { return false }
        rest = rest.dropFirst()
        for letter in letters.dropFirst() {
            guard let i = rest.firstIndex(of: letter) else { return false }
            rest = rest[rest.index(after: i)...]
        }
        return true
    }
}
