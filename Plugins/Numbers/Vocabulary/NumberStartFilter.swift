import AssayCore

/// The test every word of a text passes before it is looked up: whether its first two letters
/// and length are those of a word a number can start with (``NumberWordClass/numberStart``, or
/// a web-address prefix), or whether it has a hyphen early on after a letter some number word
/// starts with (`twenty-five`, `four-year`).
///
/// The scanner reads only the words around numbers, so it does not build the document's
/// ``TokenTypes``; a look-up in a core ``Lexicon`` costs about ten times this test, and most
/// words of running text fail it.
struct NumberStartFilter: Sendable {
    /// For each first letter and second letter (26 for none or a non-letter), a bit per word
    /// length 1...31 for which some start word exists.
    private let shapes: [UInt32]
    /// The first letters of the number words, which head hyphenated compounds.
    private let headLetters: UInt32

    static let shared = NumberStartFilter(
        starts: NumberVocabulary.lists[.numberStart, default: []] + NumberVocabulary.lists[.webPrefix, default: []],
        heads: NumberWords.words)

    init(starts: [String], heads: [String]) {
        var shapes = [UInt32](repeating: 0, count: 26 * 27)
        for word in starts {
            let b = Array(word.utf8)
            guard b.count < 32, NumberBytes.isLetter(b[0]) else { continue }
            let second = b.count > 1 && NumberBytes.isLetter(b[1]) ? NumberStartFilter.letter(b[1]) : 26
            shapes[NumberStartFilter.letter(b[0]) * 27 + second] |= 1 << UInt32(b.count)
        }
        self.shapes = shapes
        var letters: UInt32 = 0
        for word in heads where !word.isEmpty { letters |= 1 << UInt32(NumberStartFilter.letter(word.utf8.first!)) }
        self.headLetters = letters
    }

    /// A letter's place in the alphabet, from 0 for `a` or `A`.
    @inline(__always)
    private static func letter(_ b: UInt8) -> Int { Int(TextBytes.asciiLowercased(b) &- UInt8(ascii: "a")) }

    /// Whether the word at `bytes[start..<start + length]`, which starts with an ASCII letter,
    /// may start a number.
    @inline(__always)
    func mayStartNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        let first = NumberStartFilter.letter(bytes[start])
        var second = 26
        if length > 1 {
            guard NumberBytes.isLetter(bytes[start + 1]) else { return false }
            second = NumberStartFilter.letter(bytes[start + 1])
        }
        if length < 32, shapes[first * 27 + second] & (1 << UInt32(length)) != 0 { return true }
        guard length > 4, headLetters & (1 << UInt32(first)) != 0 else { return false }
        for p in (start + 3)..<min(start + 12, start + length - 1) where bytes[p] == UInt8(ascii: "-") { return true }
        return false
    }
}
