/// A plugin's named lists of single words, declared once: "is this token a title, a
/// determiner, a speech verb?" becomes one array read and one bit test per token.
///
/// The classes are a plugin's own enum with `Int` raw values in 0..<64 (spaCy's lexeme flags).
/// Each word maps to the set of classes listing it, as one `UInt64` bit set:
///
/// ```swift
/// enum QuoteWord: Int, CaseIterable { case title, determiner, speechVerb }
///
/// static let words = try! WordClasses<QuoteWord>([
///     .title: ["president", "minister", "mr."],
///     .determiner: ["the", "a", "an"],
///     .speechVerb: ["said", "told", "added"],
/// ])
///
/// // Per document: one look-up per distinct word, then bit tests per token.
/// let flags = Self.words.flags(for: document.tokenTypes)
/// if flags.contains(.title, token: i) { … }
/// ```
///
/// Words are matched ignoring case, as ``Lexicon`` matches them. Building a declaration
/// rejects a word listed twice in one class and an entry that is not a single word (see
/// ``WordListError``), so a mistake in a list fails the test that builds it. Phrases belong in
/// a ``Lexicon``.
public struct WordClasses<Class: RawRepresentable & Hashable & Sendable>: Sendable where Class.RawValue == Int {
    /// The classes of every word that packs (short ASCII: nearly all).
    @usableFromInline let packed: PackedWordTable<UInt64>
    /// The classes of the other words, by lowercased text.
    @usableFromInline let long: [String: UInt64]

    /// Builds the classes from their word lists.
    ///
    /// - Throws: ``WordListError`` for a word listed twice in one class, an entry that is empty
    ///   or holds white space, or a class whose raw value is outside 0..<64.
    public init(_ lists: [Class: [String]]) throws(WordListError) {
        var packed = PackedWordTable<UInt64>(capacity: lists.values.reduce(0) { $0 + $1.count })
        var long: [String: UInt64] = [:]
        // In raw-value order, so that the first error found does not depend on hashing.
        for (wordClass, words) in lists.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let name = String(describing: wordClass)
            guard (0..<64).contains(wordClass.rawValue) else {
                throw WordListError(.classOutOfRange, word: "", wordClass: name)
            }
            let bit: UInt64 = 1 << UInt64(wordClass.rawValue)
            for word in words {
                guard !word.isEmpty, !word.unicodeScalars.contains(where: \.properties.isWhitespace) else {
                    throw WordListError(.notASingleWord, word: word, wordClass: name)
                }
                let lower = word.lowercased()
                let old: UInt64
                if let key = PackedWord(lower) {
                    old = packed[key] ?? 0
                    packed.set(old | bit, for: key)
                } else {
                    old = long[lower] ?? 0
                    long[lower] = old | bit
                }
                guard old & bit == 0 else { throw WordListError(.duplicate, word: word, wordClass: name) }
            }
        }
        self.packed = packed
        self.long = long
    }

    /// The bit of a class in a set.
    @inlinable @inline(__always)
    public static func bit(_ c: Class) -> UInt64 { 1 << UInt64(c.rawValue) }

    /// The classes listing `word` (ignoring case), as a bit set (bit `c.rawValue` for class `c`).
    @inlinable
    public func classes(of word: String) -> UInt64 {
        if let key = PackedWord(word) { return packed[key] ?? 0 }
        let lower = word.lowercased()
        if let key = PackedWord(lower) { return packed[key] ?? 0 }
        return long[lower] ?? 0
    }

    /// The classes listing the packed word `key`, as a bit set.
    @inlinable
    public func classes(of key: PackedWord) -> UInt64 { packed[key] ?? 0 }

    /// Whether class `c` lists `word` (ignoring case): for code that holds a String, not a token.
    @inlinable
    public func contains(_ c: Class, word: String) -> Bool { classes(of: word) & Self.bit(c) != 0 }

    /// The classes listing type `t` of `types`, as a bit set.
    @inlinable
    public func classes(ofType t: Int, in types: TokenTypes) -> UInt64 {
        if let key = types.packedWord(ofType: t) { return packed[key] ?? 0 }
        return long[types.text(ofType: t)] ?? 0
    }

    /// The classes of every span of `types`: one look-up per type, done here once.
    public func flags(for types: TokenTypes) -> WordClassFlags<Class> {
        WordClassFlags(
            typeOfSpan: types.typeOfSpan, bitsOfType: (0..<types.count).map { classes(ofType: $0, in: types) })
    }
}
