import AssayCore
import Foundation

/// Lists of known names (countries, cities, nationalities, organisations, first names, person
/// titles) that the tagger reads as features: "this phrase is a known country" helps with names
/// the training news never mentioned.
///
/// The core ``Lexicon`` matches over the core's tokens; the tagger needs matches over its own
/// units (hyphen parts), keyed as the trained model reads them, so this keeps phrases as hashes
/// of the units' lower-case hashes (``UnitProfile/lower``) instead.
struct Gazetteer: Sendable {
    /// The list categories, in the order of the resource file's sections.
    static let categories = [
        "country", "city", "region", "nationality", "organization", "org-word",
        "first-name", "title", "person-word"
    ]
    static func category(named name: String) -> Int? { categories.firstIndex(of: name) }

    /// Phrase hash → categories (bit set).
    private var phrases = HashedTable<UInt16>(capacity: 1024, empty: 0)
    /// First-unit hash → the longest phrase length starting with it.
    private var longest = HashedTable<Int>(capacity: 1024, empty: 0)

    init() {}

    /// Builds the gazetteer from the sections of a parsed list file.
    init(sections: [String: [String]]) {
        // Room for every phrase at once: the tables are not grown and refilled while loading.
        let count = sections.values.reduce(0) { $0 + $1.count }
        phrases = HashedTable(capacity: count, empty: 0)
        longest = HashedTable(capacity: count, empty: 0)
        // The phrases that are not plain (see ``plainWordHashes(_:)``) are analysed together.
        var others: [String] = [], otherCategories: [Int] = []
        for (name, phrases) in sections {
            guard let c = Gazetteer.category(named: name) else { continue }
            for p in phrases {
                if let (key, first, count) = Self.plainPhraseKey(p) {
                    insert(key: key, first: first, count: count, category: c)
                } else {
                    others.append(p)
                    otherCategories.append(c)
                }
            }
        }
        for (hashes, c) in zip(Self.unitHashes(of: others), otherCategories) { insert(hashes, category: c) }
    }

    /// Parses `[category]` sections of one phrase per line (`#` starts a comment; spaces and
    /// tabs around a phrase do not count). Read as bytes: the lists are read with the model on
    /// every process's first use, and splitting and trimming Strings made that read cost more
    /// than tagging a few hundred articles.
    static func sections(of text: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        var category = ""
        // The current section's phrases, filed under its name when the next begins: not one
        // dictionary look-up (hashing the name) per phrase.
        var phrases: [String] = []
        func file() {
            if !phrases.isEmpty { out[category, default: []].append(contentsOf: phrases) }
            phrases.removeAll(keepingCapacity: true)
        }
        var text = text
        text.withUTF8 { b in
            func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 }
            var start = 0
            while start < b.count {
                var end = start
                while end < b.count && b[end] != 10 && b[end] != 13 { end += 1 }
                defer { start = end + 1 }
                var hi = start
                while hi < end && b[hi] != UInt8(ascii: "#") { hi += 1 }
                var lo = start
                while lo < hi && isBlank(b[lo]) { lo += 1 }
                while hi > lo && isBlank(b[hi - 1]) { hi -= 1 }
                guard hi > lo else { continue }
                if b[lo] == UInt8(ascii: "[") {
                    // "[name]": the name between the brackets.
                    file()
                    category = hi - lo >= 2 ? String(decoding: b[(lo + 1)..<(hi - 1)], as: UTF8.self) : ""
                    continue
                }
                phrases.append(String(decoding: b[lo..<hi], as: UTF8.self))
            }
        }
        file()
        return out
    }

    mutating func insert(_ phrase: String, category: Int) {
        // Most listed names are plain words: keyed as they are read, without a list of hashes.
        if let (key, first, count) = Self.plainPhraseKey(phrase) {
            insert(key: key, first: first, count: count, category: category)
        } else {
            insert(Self.unitHashes(phrase), category: category)
        }
    }

    /// Adds the phrase whose units have the lower-case hashes `hashes`.
    private mutating func insert(_ hashes: [UInt64], category: Int) {
        guard !hashes.isEmpty else { return }
        var h = hashes[0]
        for k in 1..<hashes.count { h = FeatureHash.mix(h, hashes[k]) }
        insert(key: h, first: hashes[0], count: hashes.count, category: category)
    }

    /// Adds the phrase filed under `key` (its unit hashes mixed in order), whose first unit
    /// hashes to `first` and which has `count` units.
    private mutating func insert(key: UInt64, first: UInt64, count: Int, category: Int) {
        phrases.update(key) { $0 |= 1 << UInt16(category) }
        longest.update(first) { $0 = max($0, count) }
    }

    var isEmpty: Bool { phrases.count == 0 }

    /// The lower-case hashes of the units the tagger makes of `phrase` as a text of its own.
    static func unitHashes(_ phrase: String) -> [UInt64] {
        if let plain = plainWordHashes(phrase) { return plain }
        let doc = AnalyzedDocument(phrase)
        let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
        // A unit's lower hash is made alone, as its whole profile would make it.
        return doc.utf8.withUnsafeBufferPointer { b in units.spans.map { s in UnitProfile.lower(b, s.start, s.end) } }
    }

    /// The ``unitHashes(_:)`` of each of `phrases`, read from one document that holds them
    /// all, a paragraph each: a document per phrase cost more than all the rest of loading the
    /// lists. (`GazetteerSectionsTests` checks that the shipped lists' phrases read the same
    /// way either way.)
    static func unitHashes(of phrases: [String]) -> [[UInt64]] {
        var text = ""
        var starts: [Int] = []
        for p in phrases {
            starts.append(text.utf8.count)
            text += p
            text += "\n\n"
        }
        let doc = AnalyzedDocument(text)
        let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
        var out = [[UInt64]](repeating: [], count: phrases.count)
        doc.utf8.withUnsafeBufferPointer { b in
            var k = 0
            for s in units.spans {
                while k + 1 < starts.count && s.start >= starts[k + 1] { k += 1 }
                out[k].append(UnitProfile.lower(b, s.start, s.end))
            }
        }
        return out
    }

    /// The hashes of a phrase of letters in words joined by single spaces, as most listed
    /// names are, whose units are its words: read without analysing the phrase as a document,
    /// which cost more than all the rest of loading the lists. Letters are ASCII and those of
    /// Latin-1 and Latin Extended (U+00C0–U+024F but × and ÷: "São Paulo", "Zürich"), which the
    /// tokeniser keeps inside a word like ASCII ones. Nil for any other phrase.
    static func plainWordHashes(_ phrase: String) -> [UInt64]? {
        var hashes: [UInt64] = []
        return forEachPlainWord(of: phrase) { hashes.append($0) } ? hashes : nil
    }

    /// For a phrase ``plainWordHashes(_:)`` reads: the key ``insert(_:category:)`` files it
    /// under (its word hashes mixed in order), the hash of its first word and its word count,
    /// made in one pass over the bytes without a list of the hashes. Nil for any other phrase.
    static func plainPhraseKey(_ phrase: String) -> (key: UInt64, first: UInt64, count: Int)? {
        var key: UInt64 = 0, first: UInt64 = 0, count = 0
        let isPlain = forEachPlainWord(of: phrase) { h in
            if count == 0 {
                first = h
                key = h
            } else {
                key = FeatureHash.mix(key, h)
            }
            count += 1
        }
        return isPlain ? (key, first, count) : nil
    }

    /// Calls `body` with the lower-case hash of each word of `phrase`, in order, while it is a
    /// plain phrase (see ``plainWordHashes(_:)``); whether it is one. For any other phrase it
    /// returns false, having perhaps been called for its first words.
    private static func forEachPlainWord(of phrase: String, _ body: (UInt64) -> Void) -> Bool {
        var phrase = phrase
        return phrase.withUTF8 { b in
            var start = 0, ascii = true, i = 0
            while i <= b.count {
                if i == b.count || b[i] == 32 {
                    guard i > start else { return false }
                    body(ascii ? UnitProfile.lower(ofASCII: b, start, i) : UnitProfile.lower(b, start, i))
                    start = i + 1
                    ascii = true
                    i += 1
                } else if TextBytes.isASCIIUppercase(b[i]) || TextBytes.isASCIILowercase(b[i]) {
                    i += 1
                } else if i + 1 < b.count, (0xC3...0xC9).contains(b[i]), b[i + 1] & 0xC0 == 0x80 {
                    // Two bytes: U+00C0 (C3 80) to U+024F (C9 8F).
                    let v = UInt32(b[i] & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                    guard v <= 0x24F, v != 0xD7, v != 0xF7 else { return false }
                    ascii = false
                    i += 2
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// The categories of the phrase made of exactly the units `range` (0 if it is not listed).
    func categories<P: UnitProfileList>(of profiles: P, _ range: ClosedRange<Int>) -> UInt16 {
        var h = profiles[range.lowerBound].lower
        for i in (range.lowerBound + 1)..<(range.upperBound + 1) { h = FeatureHash.mix(h, profiles[i].lower) }
        return phrases[h] ?? 0
    }

    /// The entity label a listed name implies, if its categories say one.
    func label<P: UnitProfileList>(of profiles: P, _ range: ClosedRange<Int>) -> EntityLabel? {
        let c = categories(of: profiles, range)
        func has(_ name: String) -> Bool { c & (1 << UInt16(Gazetteer.category(named: name)!)) != 0 }
        if has("country") || has("city") || has("region") { return .loc }
        if has("organization") { return .org }
        if has("nationality") { return .misc }
        return nil
    }

    /// For each unit in `range`, the categories of the longest match covering it and the unit's
    /// position in that match (BILOU position 0...3), packed as `category << 2 | position` per
    /// set bit; `nil` where no phrase covers the unit. A phrase must start and end with a
    /// capitalised unit, or "china" the porcelain and "will" the verb would match.
    func matches<P: UnitProfileList>(
        _ profiles: P, in range: Range<Int>, into out: inout [(categories: UInt16, position: UInt8)?]
    ) {
        var i = range.lowerBound
        while i < range.upperBound {
            let p = profiles[i]
            guard p.caseClass.isCapitalised, let maxLength = longest[p.lower] else {
                i += 1
                continue
            }
            var h = p.lower
            var best: (Int, UInt16)?
            if let c = phrases[h] { best = (1, c) }
            var n = 1
            while n < maxLength, i + n < range.upperBound {
                h = FeatureHash.mix(h, profiles[i + n].lower)
                n += 1
                if let c = phrases[h],
                    profiles[i + n - 1].caseClass.isCapitalised || profiles[i + n - 1].caseClass == .none
                {
                    best = (n, c)
                }
            }
            guard let (length, cats) = best else {
                i += 1
                continue
            }
            for k in 0..<length {
                let position: UInt8 = length == 1 ? 3 : k == 0 ? 0 : k == length - 1 ? 2 : 1
                out[i + k] = (cats, position)
            }
            i += length
        }
    }
}
