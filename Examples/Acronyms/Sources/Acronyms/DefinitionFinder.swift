import AssayCore

/// An acronym spelled out in the text: "Shanghai Cooperation Organisation (SCO)" or
/// "SCO (Shanghai Cooperation Organisation)".
struct AcronymDefinition: Sendable, Hashable {
    /// The acronym as mentions are written, without a plural `s` ("NGOs" → "NGO").
    var acronym: String
    var expansion: String
    /// The whole definition, long form and parenthesis included.
    var span: Span
    /// The token holding the acronym, so it is not reported again as a mention.
    var acronymToken: Int
}

/// Finds acronym definitions in a whole document.
struct DefinitionFinder {
    /// How far back from the parenthesis a long form may start, in tokens.
    static let maxLongFormTokens = 14

    private let matcher = LongFormMatcher()

    func definitions(in document: AnalyzedDocument) -> [AcronymDefinition] {
        var found: [AcronymDefinition] = []
        for sentence in document.sentences {
            var i = sentence.tokens.lowerBound
            while i < sentence.tokens.upperBound {
                if document.text(ofToken: i) == "(", let close = closingParenthesis(after: i, in: sentence, document),
                    let definition = definition(open: i, close: close, sentence: sentence, document)
                {
                    found.append(definition)
                    i = close
                }
                i += 1
            }
        }
        return found
    }

    /// A definition around the parenthesis `open ..< close`, in either order.
    private func definition(open: Int, close: Int, sentence: Sentence, _ document: AnalyzedDocument)
        -> AcronymDefinition?
    {
        let inside = (open + 1)..<close
        // "Long Form (LF)": one acronym token inside, the long form before.
        if inside.count == 1, let acronym = Self.acronym(document.text(ofToken: inside.lowerBound)) {
            let earliest = max(sentence.tokens.lowerBound, open - Self.maxLongFormTokens)
            var first = open
            while first > earliest, !Self.isBoundary(document.text(ofToken: first - 1)) { first -= 1 }
            let words = Self.words(in: first..<open, document)
            guard let start = matcher.match(acronym: acronym, words: words) else { return nil }
            let longForm = Span(
                document.tokens[words[start].token].span.start, document.tokens[words[words.count - 1].token].span.end)
            return AcronymDefinition(
                acronym: acronym, expansion: document.text(of: longForm),
                span: Span(longForm.start, document.tokens[close].span.end),
                acronymToken: inside.lowerBound)
        }
        // "LF (Long Form)": the acronym just before, the long form inside.
        if inside.count >= 2, open > sentence.tokens.lowerBound,
            let acronym = Self.acronym(document.text(ofToken: open - 1))
        {
            var words = Self.words(in: inside, document)
            if words.first?.text == "the" { words.removeFirst() }
            guard matcher.match(acronym: acronym, words: words, wholeWords: true) == 0, let firstWord = words.first
            else { return nil }
            let longForm = Span(document.tokens[firstWord.token].span.start, document.tokens[close - 1].span.end)
            return AcronymDefinition(
                acronym: acronym, expansion: document.text(of: longForm),
                span: Span(document.tokens[open - 1].span.start, document.tokens[close].span.end),
                acronymToken: open - 1)
        }
        return nil
    }

    private func closingParenthesis(after open: Int, in sentence: Sentence, _ document: AnalyzedDocument) -> Int? {
        let limit = min(sentence.tokens.upperBound, open + Self.maxLongFormTokens + 2)
        for j in (open + 1)..<limit {
            let t = document.text(ofToken: j)
            if t == ")" { return j }
            if t == "(" { return nil }
        }
        return nil
    }

    /// The words of tokens `range`, for initials: hyphenated words are split, punctuation and
    /// possessive clitics (`'s`, which acronyms never spell) are dropped.
    static func words(in range: Range<Int>, _ document: AnalyzedDocument) -> [LongFormMatcher.Word] {
        var words: [LongFormMatcher.Word] = []
        for i in range {
            let token = document.tokens[i]
            let text = document.text(ofToken: i).lowercased()
            guard token.kind == .word || token.kind == .number || text == "&" else { continue }
            if text.hasPrefix("'") || text.hasPrefix("\u{2019}") { continue }
            for (k, part) in text.split(separator: "-").enumerated() {
                words.append(.init(text: String(part), token: i, optional: k > 0))
            }
        }
        return words
    }

    /// Punctuation a long form does not reach across.
    static func isBoundary(_ token: String) -> Bool {
        [";", ":", "(", ")", "[", "]", "\"", "\u{201C}", "\u{201D}", "\u{2014}", "\u{2013}", "--"].contains(token)
    }

    /// The acronym a token spells, if it looks like one: 2 to 10 characters, starting with a
    /// capital, at least two capitals, letters, digits, `&`, `.` or `-` only, at most a trailing
    /// lowercase `s` besides ("NGOs"). Returns it without the plural `s`.
    static func acronym(_ token: String) -> String? {
        var scalars = Array(token.unicodeScalars)
        if scalars.count > 2, scalars.last == "s", scalars[scalars.count - 2].properties.isUppercase {
            scalars.removeLast()
        }
        guard (2...10).contains(scalars.count), let first = scalars.first, first.properties.isUppercase else {
            return nil
        }
        var capitals = 0
        for s in scalars {
            if s.properties.isUppercase {
                capitals += 1
                continue
            }
            if s.properties.numericType != nil || "&.-".unicodeScalars.contains(s) { continue }
            return nil
        }
        guard capitals >= 2 else { return nil }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
