import AssayCore

/// The lower-cased words of one document's names, each distinct word numbered once, so that the
/// linker compares names by word numbers instead of building and hashing a String per word.
///
/// Two words get the same number exactly when their Strings are equal (Swift's `==`, canonical
/// equivalence). ASCII words (nearly all) are found by their bytes: for ASCII, equal bytes and
/// equal Strings are the same thing. So are non-ASCII words made only of scalars that
/// ``isSoleSpelling(_:)`` accepts ("josé", "erdoğan", "путин"): such a word is in NFC and no
/// other spelling in NFC is canonically equal to it. The first other non-ASCII word (a
/// decomposed "jose\u{301}", a Kelvin sign for a "K") switches on a String dictionary that
/// holds every word, so that it still gets the number of the word it equals; from then on
/// ``hasNonASCII`` tells the linker to group by Strings as it always did.
struct NameWords {
    /// Lower-case bytes of the ASCII spellings in ``entries``.
    private var bytes: [UInt8] = []
    /// Per ASCII spelling: its bytes in ``bytes`` and its word number.
    private var entries: [(start: Int, length: Int, id: Int32)] = []
    /// The entry of every spelling that packs (ASCII of at most 15 bytes: nearly every word).
    private var index: PackedWordTable<Int32>
    /// The entry of every other spelling (long, or a sole spelling), by its bytes as a String:
    /// for these, equal bytes are equal Strings.
    private var longIndex: [String: Int32] = [:]
    /// Per word number: its String, once made.
    private var strings: [String?] = []
    /// Per word number: the byte length of its first String.
    private var utf8Counts: [Int] = []
    /// Per word number: whether acronyms leave the word out ("of", "the").
    private(set) var isAcronymSkip: [Bool] = []
    /// Every word by String, once a non-ASCII word was seen (nil before).
    private var byString: [String: Int32]?

    /// Whether some word is neither ASCII nor a sole spelling (see ``isSoleSpelling(_:)``): the
    /// linker then compares Strings where their equality is not the equality of word numbers
    /// (joined names, acronyms). While it is false, equal bytes are equal Strings.
    var hasNonASCII: Bool { byString != nil }

    var count: Int { utf8Counts.count }

    /// Whether some (non-ASCII) word holds a space ("\u{20}\u{301}" is one Character, which
    /// splitting at spaces leaves inside a word): then equal joined names may have unequal words.
    private(set) var hasSpacedWord = false
    /// Per word number: the entry of its ASCII (or sole) spelling, or -1 (a word has at most one).
    private var asciiEntry: [Int32] = []

    /// Room for about `capacity` words before anything grows.
    init(capacity: Int) {
        index = PackedWordTable(capacity: capacity)
        bytes.reserveCapacity(capacity * 8)
        entries.reserveCapacity(capacity)
        strings.reserveCapacity(capacity)
        utf8Counts.reserveCapacity(capacity)
        isAcronymSkip.reserveCapacity(capacity)
        asciiEntry.reserveCapacity(capacity)
    }

    /// The small words acronyms leave out.
    static let acronymSkips: Set<String> = ["of", "the", "and", "for", "&", "de", "on", "in"]

    /// The number of the ASCII word with these lower-case bytes, adding it if new.
    mutating func intern(ascii word: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(bytes: word, sole: nil)
    }

    /// The number of the word with these bytes (ASCII, or the `sole` spelling, a String whose
    /// bytes they are, while there is no String dictionary), adding it if new.
    private mutating func intern(bytes word: UnsafeBufferPointer<UInt8>, sole: String?) -> Int32 {
        // (The packed key is made once, for the look-up and for filing a new word.)
        let key = PackedWord(lowercasing: word, Span(0, word.count))
        if let key {
            if let e = index[key] { return entries[Int(e)].id }
        } else if !longIndex.isEmpty, let e = longIndex[String(decoding: word, as: UTF8.self)] {
            return entries[Int(e)].id
        }
        var id: Int32
        if byString != nil {
            let s = String(decoding: word, as: UTF8.self)
            if let known = byString![s] {
                id = known
            } else {
                id = newWord(s)
                byString![s] = id
            }
        } else if let sole {
            // (Not an acronym skip: those are ASCII, and no ASCII String equals a sole spelling.)
            id = newWord(sole)
        } else {
            id = newWord(nil, utf8Count: word.count)
            isAcronymSkip[Int(id)] = Self.isSkip(word)
        }
        if let key {
            index.set(Int32(entries.count), for: key)
        } else {
            longIndex[String(decoding: word, as: UTF8.self)] = Int32(entries.count)
        }
        asciiEntry[Int(id)] = Int32(entries.count)
        entries.append((bytes.count, word.count, id))
        bytes.append(contentsOf: word)
        return id
    }

    /// The number of a lower-cased word given as a String, adding it if new.
    mutating func intern(_ word: String) -> Int32 {
        var w = word
        if w.withUTF8({ b in b.allSatisfy { $0 < 0x80 } }) { return w.withUTF8 { intern(ascii: $0) } }
        // Before any other non-ASCII word, a sole spelling is numbered by its bytes like ASCII.
        if byString == nil && w.withUTF8(Self.isSoleSpelling) { return w.withUTF8 { intern(bytes: $0, sole: word) } }
        switchToStrings()
        if let known = byString![word] { return known }
        let id = newWord(word)
        byString![word] = id
        if word.utf8.contains(32) { hasSpacedWord = true }
        return id
    }

    /// The number of the ASCII word with these lower-case bytes, if some name has it.
    mutating func lookUp(ascii word: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let e = entry(of: word) { return entries[Int(e)].id }
        return byString?[String(decoding: word, as: UTF8.self)]
    }

    /// The entry of the spelling with these (lower-case) bytes, if there is one.
    private func entry(of word: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let key = PackedWord(lowercasing: word, Span(0, word.count)) { return index[key] }
        guard !longIndex.isEmpty else { return nil }
        return longIndex[String(decoding: word, as: UTF8.self)]
    }

    /// The number of a lower-cased word given as a String, if some name has it.
    mutating func lookUp(_ word: String) -> Int32? {
        var w = word
        if w.withUTF8({ b in b.allSatisfy { $0 < 0x80 } }) { return w.withUTF8 { lookUp(ascii: $0) } }
        // Every word so far is ASCII or a sole spelling: a sole spelling equals one of them
        // exactly when it has the same bytes.
        if byString == nil && w.withUTF8(Self.isSoleSpelling) { return w.withUTF8 { lookUp(ascii: $0) } }
        switchToStrings()
        return byString![word]
    }

    /// Whether the UTF-8 `word` is a sole spelling: every scalar is a printable ASCII character
    /// other than the space, or a letter (or sign) of Latin-1, Latin Extended-A/B, Greek or
    /// Cyrillic that has no canonical decomposition to a single other scalar, combining class 0
    /// and no canonical composition with a scalar before it (Unicode's NFC_Quick_Check = Yes;
    /// the few scalars of these blocks for which it is No or Maybe, such as U+0387, and the soft
    /// hyphen U+00AD, are left out). Such a word is in NFC, so a String canonically equal to it
    /// either has the same bytes or is not in NFC, and each of its scalars is a Character of its
    /// own (none extends a grapheme cluster): its first Character is its first scalar.
    static func isSoleSpelling(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < word.count {
            let b = word[i]
            if b < 0x80 {
                guard b > 0x20 && b != 0x7F else { return false }
                i += 1
                continue
            }
            // Only two-byte scalars (U+0080–U+07FF) can be in the accepted blocks.
            guard b & 0xE0 == 0xC0, i + 1 < word.count else { return false }
            let v = (UInt32(b & 0x1F) << 6) | UInt32(word[i + 1] & 0x3F)
            guard isSoleScalar(v) else { return false }
            i += 2
        }
        return true
    }

    /// The scalars ``isSoleSpelling(_:)`` accepts above ASCII.
    static func isSoleScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0...0x24F: return v != 0xAD  // Latin-1 Supplement, Latin Extended-A and -B
        case 0x388...0x3FF: return true  // Greek letters (not U+0374, U+037E, U+0387)
        case 0x400...0x482, 0x48A...0x4FF: return true  // Cyrillic without its combining marks
        default: return false
        }
    }

    /// The String of word `id`.
    mutating func text(_ id: Int32) -> String {
        if let s = strings[Int(id)] { return s }
        // A word without a String is ASCII and from before the switch to Strings, when each
        // word had exactly one entry, of its own number.
        let s = String(decoding: asciiBytes(id), as: UTF8.self)
        strings[Int(id)] = s
        return s
    }

    /// The lower-case bytes of word `id` (only while ``hasNonASCII`` is false, when every word
    /// is ASCII or a sole spelling and has exactly one entry, the entry of the same number).
    func asciiBytes(_ id: Int32) -> ArraySlice<UInt8> {
        let e = entries[Int(id)]
        return bytes[e.start..<(e.start + e.length)]
    }

    /// The String of the ASCII (or sole) spelling of word `id` (which must have one).
    func asciiSpelling(_ id: Int32) -> String {
        let e = entries[Int(asciiEntry[Int(id)])]
        return String(decoding: bytes[e.start..<(e.start + e.length)], as: UTF8.self)
    }

    private mutating func newWord(_ s: String?, utf8Count: Int? = nil) -> Int32 {
        let id = Int32(utf8Counts.count)
        strings.append(s)
        utf8Counts.append(utf8Count ?? s!.utf8.count)
        isAcronymSkip.append(s.map { Self.acronymSkips.contains($0) } ?? false)
        asciiEntry.append(-1)
        return id
    }

    private static let acronymSkipBytes = acronymSkips.map { Array($0.utf8) }

    private static func isSkip(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count <= 3 && acronymSkipBytes.contains { $0.elementsEqual(word) }
    }

    /// Starts the String dictionary with every word so far (all ASCII).
    private mutating func switchToStrings() {
        guard byString == nil else { return }
        var d: [String: Int32] = [:]
        for id in 0..<Int32(count) { d[text(id)] = id }
        byString = d
    }
}
