/// One token of a document, as the core's tokeniser cut it.
///
/// The tokens follow the conventions of news corpora (CoNLL, Penn Treebank): punctuation stands
/// alone, `'s` and `n't` are split from their word, abbreviations such as `U.S.` and `Mr.` keep
/// their period, numbers keep their separators (`1,000`, `244.9`, `5:30`) and hyphenated words
/// stay whole (`China-Russia`).
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// Letters, possibly with digits, hyphens, apostrophes or abbreviation periods.
        case word
        /// Digits with their separators (`1,000`, `-3`, `244.9`); `80th` and `10k` are words.
        case number
        /// Punctuation marks, including quote marks and brackets.
        case punctuation
        /// Symbols such as `$`, `€`, `%`, `#`, `@`, `+`.
        case symbol
    }

    public var span: Span
    public var kind: Kind
    /// Whether white space separates this token from the previous one.
    public var spaceBefore: Bool
    /// Whether this token is the first of its line.
    public var lineStart: Bool

    public init(span: Span, kind: Kind, spaceBefore: Bool, lineStart: Bool) {
        self.span = span
        self.kind = kind
        self.spaceBefore = spaceBefore
        self.lineStart = lineStart
    }
}

/// A sentence: its span, the tokens it holds and the paragraph it belongs to.
public struct Sentence: Sendable, Hashable {
    public var span: Span
    public var tokens: Range<Int>
    public var paragraph: Int

    public init(span: Span, tokens: Range<Int>, paragraph: Int) {
        self.span = span
        self.tokens = tokens
        self.paragraph = paragraph
    }
}
