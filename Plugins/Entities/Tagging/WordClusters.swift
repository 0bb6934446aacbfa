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

    /// Parses `word fine coarse` lines (`#` starts a comment line).
    init(text: String) {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let fine = UInt16(fields[1]), let coarse = UInt16(fields[2]),
                  (1...255).contains(fine), (1...255).contains(coarse) else { continue }
            let bytes = Array(fields[0].utf8)
            let profile = bytes.withUnsafeBufferPointer { UnitProfile($0, 0, $0.count) }
            clusters.update(profile.word) { $0 = coarse << 8 | fine }
            anyCase.update(profile.lower) { if $0 == 0 { $0 = coarse << 8 | fine } }
        }
    }

    /// `profile` with its word's clusters set.
    @inline(__always) func labelled(_ profile: UnitProfile) -> UnitProfile {
        var p = profile
        p.cluster = clusters[p.word] ?? anyCase[p.lower] ?? 0
        return p
    }

    var count: Int { clusters.count }
}
