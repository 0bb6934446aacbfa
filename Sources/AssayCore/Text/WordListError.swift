/// A mistake in a declared word list, found when the list is built (so a test that builds it
/// fails): ``WordClasses`` rejects these rather than silently keeping an entry that can never
/// match or that is listed twice.
public struct WordListError: Error, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The word is listed twice in one class (after lowercasing).
        case duplicate
        /// The entry is empty or holds white space: a single-word class is asked about one
        /// token, which never holds a space, so a phrase there can never match. Phrases
        /// belong in a ``Lexicon``.
        case notASingleWord
        /// The class's raw value is outside 0..<64, the bits of one set.
        case classOutOfRange
    }

    public let reason: Reason
    /// The entry as written.
    public let word: String
    /// The name of the class it was listed in.
    public let wordClass: String

    public init(_ reason: Reason, word: String, wordClass: String) {
        self.reason = reason
        self.word = word
        self.wordClass = wordClass
    }

    public var description: String {
        switch reason {
        case .duplicate: "word list \(wordClass): \"\(word)\" is listed twice"
        case .notASingleWord: "word list \(wordClass): \"\(word)\" is not a single word"
        case .classOutOfRange: "word list \(wordClass): raw value outside 0..<64"
        }
    }
}
