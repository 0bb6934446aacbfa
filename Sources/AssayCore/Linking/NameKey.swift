import Foundation

/// The comparable form of a name: its words folded for case and diacritics, without the marks
/// that vary between mentions of the same entity ("Angela Merkel's", "MERKEL", "Mr. Trump",
/// "U.N.", "the Fed").
///
/// Corpus linking compares names by these words only. Titles before a person's name are the
/// entities extractor's job (its `title` field); the honorifics and suffixes removed here are the
/// few that stay inside name spans.
public enum NameKey {
    /// The folded words of `name`, an entity of label `label` (`PERSON`, `ORG`, ...): lower case,
    /// diacritics and periods removed (`J.` → `j`, `U.N.` → `un`), a trailing possessive cut,
    /// a leading "the" dropped, and for people a leading honorific ("Mr.", "Dr.") and a trailing
    /// generational suffix ("Jr.", "III") dropped. Empty when nothing of a name is left.
    public static func words(of name: String, label: String) -> [String] {
        var words = asciiWords(of: name) ?? foldedWords(of: name)
        if words.count > 1 && words[0] == "the" { words.removeFirst() }
        if label == personLabel {
            while words.count > 1, isHonorific(words[0]) { words.removeFirst() }
            while words.count > 1, isSuffix(words[words.count - 1]) { words.removeLast() }
        }
        return words
    }

    /// The words of a name in plain ASCII, read from its bytes (most names in English news):
    /// the same words ``foldedWords(of:)`` gives, without Foundation's folding, which costs
    /// more than the rest of corpus linking together. Nil for any other name.
    static func asciiWords(of name: String) -> [String]? {
        var name = name
        return name.withUTF8 { bytes -> [String]? in
            // A word is folded into `scratch` as it is read, and made a String when it ends:
            // one pass over the bytes, and no array grown byte by byte.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { scratch in
                var words: [String] = []
                var start = 0, end = 0
                for b in bytes {
                    guard b < 0x80 else { return nil }
                    if b == UInt8(ascii: " ") || b == UInt8(ascii: ",") || (0x09...0x0D).contains(b) {
                        endWord(scratch, start, end, into: &words)
                        start = end
                    } else {
                        scratch[end] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) ? b + 32 : b
                        end += 1
                    }
                }
                endWord(scratch, start, end, into: &words)
                return words
            }
        }
    }

    /// Adds the lower-case ASCII word `scratch[start..<end]` read between two separators to
    /// `words`, without a possessive ending and marks, unless nothing alphanumeric is left.
    private static func endWord(
        _ scratch: UnsafeMutableBufferPointer<UInt8>, _ start: Int, _ end: Int, into words: inout [String]
    ) {
        let apostrophe = UInt8(ascii: "'"), s = UInt8(ascii: "s")
        let n = end - start
        guard n > 0 else { return }
        if (n == 2 && scratch[start] == apostrophe && scratch[start + 1] == s)
            || (n == 1 && scratch[start] == apostrophe)
        {
            return
        }
        var last = end
        if n >= 2, scratch[end - 1] == s, scratch[end - 2] == apostrophe {
            last -= 2
        } else if n >= 2, scratch[end - 1] == apostrophe, scratch[end - 2] == s {
            last -= 1
        }
        var kept = start
        var alphanumeric = false
        for i in start..<last {
            let b = scratch[i]
            switch b {
            case UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"):
                continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                alphanumeric = true
            default: break
            }
            scratch[kept] = b
            kept += 1
        }
        if alphanumeric {
            if words.isEmpty { words.reserveCapacity(4) }
            words.append(String(decoding: UnsafeBufferPointer(rebasing: scratch[start..<kept]), as: UTF8.self))
        }
    }

    /// The words of any name, folded by Foundation for case, diacritics and width.
    static func foldedWords(of name: String) -> [String] {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        for piece in folded.split(whereSeparator: { $0.isWhitespace || $0 == "," }) {
            // Foundation's replacing is asked only of a word that holds the apostrophe (no
            // other text is equivalent to it): it cost half of folding a name.
            var w = String(piece)
            if w.unicodeScalars.contains("\u{2019}") { w = w.replacingOccurrences(of: "\u{2019}", with: "'") }
            if w == "'s" || w == "'" { continue }  // a possessive tokenised apart ("Bitar 's")
            if w.hasSuffix("'s") { w.removeLast(2) } else if w.hasSuffix("s'") { w.removeLast() }
            w.removeAll { $0 == "." || $0 == "'" || $0 == "\"" || $0 == "(" || $0 == ")" }
            // (A dash or other mark standing alone is no word of the name.)
            if w.unicodeScalars.contains(where: { CharacterSet.alphanumerics.contains($0) }) { words.append(w) }
        }
        return words
    }

    /// The label the people-specific rules apply to.
    public static let personLabel = "PERSON"
    /// The label the short-form and acronym rules apply to.
    public static let organisationLabel = "ORG"

    /// Whether mentions of `label` get a corpus-level identity: people and organisations.
    /// Places and other names are only the company a name keeps (the evidence that resolves
    /// a lone surname); giving them corpus names too cost a third more linking for names that
    /// nobody counts by person.
    public static func isLinked(_ label: String) -> Bool { label == personLabel || label == organisationLabel }

    /// A title's comparable form ("Sen." and "sen" alike), or nil for none.
    public static func title(_ title: String?) -> String? {
        guard let title else { return nil }
        let w = words(of: title, label: "").joined(separator: " ")
        return w.isEmpty ? nil : w
    }

    /// The initials of a multi-word organisation name ("federal bureau of investigation" →
    /// "fbi"), skipping the small words acronyms leave out; nil for fewer than two letters.
    public static func acronym(of words: [String]) -> String? {
        var initials = ""
        var count = 0
        for w in words where !acronymSkips.contains(w) {
            let utf8 = w.utf8
            guard let b = utf8.first else { continue }
            // An ASCII letter followed by another (or by nothing) is a whole first character;
            // only other words need their first character found.
            if b < 0x80 && (utf8.count == 1 || utf8[utf8.index(after: utf8.startIndex)] < 0x80) {
                initials.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                initials.append(w.first!)
            }
            count += 1
        }
        return count >= 2 ? initials : nil
    }

    /// Whether one-word organisation name `short` may stand for `long`: its acronym ("fbi",
    /// "un" from "U.N.") or, from three letters, the start of its first word ("fed" for
    /// "federal reserve").
    public static func mayAbbreviate(_ short: String, _ long: [String]) -> Bool {
        long.count > 1 && mayAbbreviate(short, long, acronym: acronym(of: long))
    }

    /// ``mayAbbreviate(_:_:)`` of a `long` name of several words whose ``acronym(of:)`` was made
    /// before (it costs more than the rest).
    static func mayAbbreviate(_ short: String, _ long: [String], acronym: String?) -> Bool {
        if acronym == short { return true }
        // Counting Characters costs more than the rest, and most pairs fail on the prefix; a
        // word of fewer than three bytes has fewer than three Characters.
        return short.utf8.count >= 3 && long[0].hasPrefix(short) && short.count >= 3 && long[0].count > short.count
    }

    /// Whether `a` and `b` can be the same middle names: as many, each pair equal or one the
    /// initial of the other ("j" and "john").
    static func middlesAgree(_ a: ArraySlice<String>, _ b: ArraySlice<String>) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x == y || (x.count == 1 && y.first == x.first) || (y.count == 1 && x.first == y.first)
        }
    }

    /// Whether a folded word is an honorific before a person's name. Compared with each (short
    /// words, held inline and compared at once) rather than hashed into a Set: asked of every
    /// person's name folded.
    private static func isHonorific(_ w: String) -> Bool {
        switch w {
        case "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "rev", "messrs": return true
        default: return false
        }
    }

    /// Whether a folded word is a generational suffix after a person's name (as
    /// ``isHonorific(_:)``).
    private static func isSuffix(_ w: String) -> Bool {
        switch w {
        case "jr", "sr", "ii", "iii", "iv": return true
        default: return false
        }
    }
    private static let acronymSkips: Set<String> = ["of", "the", "and", "for", "&", "de", "la", "du", "des", "on", "in"]
}
