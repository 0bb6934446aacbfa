import AssayCore

/// Word clusters learnt from unlabelled news (`Resources/word-clusters.txt`, derived by
/// `scripts/derive-word-clusters.py`): words used in the same contexts share a cluster, so a
/// word the labelled training news never had still reads like the words that share its
/// cluster ("Facebook" like "Twitter").
///
/// Each listed word has a fine cluster (1...255) and a coarse one (1...255), packed in a
/// ``UnitProfile/cluster`` as `coarse << 8 | fine`. A spelling not listed takes the clusters of
/// the commonest listed word with its letters in any case (an all-caps headline's "MILAN" those
/// of "Milan"; the file lists the commonest words first); a word not listed at all has 0.
struct WordClusters: Sendable {
    /// Exact-spelling hash (``UnitProfile/word``) → packed clusters.
    private var clusters = HashedTable<UInt16>(capacity: 16_384, empty: 0)
    /// Lower-case hash (``UnitProfile/lower``) → the packed clusters of its commonest spelling.
    private var anyCase = HashedTable<UInt16>(capacity: 16_384, empty: 0)

    init() {}

    /// Parses `word fine coarse` lines (`#` starts a comment line), read as bytes: the file
    /// is loaded with the model, and Strings would triple its load time.
    init(utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer { b in
            var start = 0
            while start < b.count {
                var end = start
                while end < b.count && b[end] != 10 { end += 1 }
                defer { start = end + 1 }
                guard end > start, b[start] != UInt8(ascii: "#") else { continue }
                // The word is everything before the second-to-last space (a word has none): a
                // line has exactly two spaces, found without a list of them.
                var spaces = 0, first = 0, second = 0
                for i in start..<end where b[i] == 32 {
                    spaces += 1
                    if spaces == 1 { first = i } else if spaces == 2 { second = i }
                }
                guard spaces == 2, let fine = Self.number(b, first + 1, second),
                    let coarse = Self.number(b, second + 1, end)
                else { continue }
                // Most listed words are ASCII: their two hashes without a whole profile each.
                var (word, lower) = UnitProfile.wordAndLower(ofASCII: b, start, first)
                if b[start..<first].contains(where: { $0 >= 0x80 }) {
                    let profile = UnitProfile(b, start, first)
                    (word, lower) = (profile.word, profile.lower)
                }
                clusters.update(word) { $0 = coarse << 8 | fine }
                anyCase.update(lower) { if $0 == 0 { $0 = coarse << 8 | fine } }
            }
        }
    }

    /// The number 1...255 written in `b[start..<end]`, if that is one.
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt16? {
        guard end > start, end - start <= 3 else { return nil }
        var v: UInt16 = 0
        for i in start..<end {
            guard b[i] >= 48 && b[i] <= 57 else { return nil }
            v = v * 10 + UInt16(b[i] - 48)
        }
        return (1...255).contains(v) ? v : nil
    }

    /// `profile` with its word's clusters set.
    @inline(__always) func labelled(_ profile: UnitProfile) -> UnitProfile {
        var p = profile
        p.cluster = clusters[p.word] ?? anyCase[p.lower] ?? 0
        return p
    }

    var count: Int { clusters.count }
}
