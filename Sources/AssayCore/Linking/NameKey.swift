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
            while words.count > 1, honorifics.contains(words[0]) { words.removeFirst() }
            while words.count > 1, suffixes.contains(words[words.count - 1]) { words.removeLast() }
        }
        return words
    }

    /// The words of a name in plain ASCII, read from its bytes (most names in English news):
    /// the same words ``foldedWords(of:)`` gives, without Foundation's folding, which costs
    /// more than the rest of corpus linking together. Nil for any other name.
    static func asciiWords(of name: String) -> [String]? {
        var words: [String] = []
        var piece: [UInt8] = []
        piece.reserveCapacity(32)
        for b in name.utf8 {
            guard b < 0x80 else { return nil }
            if b == UInt8(ascii: " ") || b == UInt8(ascii: ",") || (0x09...0x0D).contains(b) {
                endWord(&piece, into: &words)
            } else {
                piece.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) ? b + 32 : b)
            }
        }
        endWord(&piece, into: &words)
        return words
    }

    /// Adds the lower-case ASCII `piece` between two separators to `words` (without a
    /// possessive ending and marks, unless nothing alphanumeric is left), and empties it.
    private static func endWord(_ piece: inout [UInt8], into words: inout [String]) {
        defer { piece.removeAll(keepingCapacity: true) }
        let apostrophe = UInt8(ascii: "'"), s = UInt8(ascii: "s")
        var n = piece.count
        if (n == 2 && piece[0] == apostrophe && piece[1] == s) || (n == 1 && piece[0] == apostrophe) { return }
        if n >= 2, piece[n - 1] == s, piece[n - 2] == apostrophe {
            n -= 2
        } else if n >= 2, piece[n - 1] == apostrophe, piece[n - 2] == s {
            n -= 1
        }
        var kept = 0
        var alphanumeric = false
        for i in 0..<n {
            let b = piece[i]
            // The marks a name word drops (a switch: `contains` on a String's bytes cost some 200
            // instructions a byte).
            switch b {
            case UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"):
                continue
            default: break
            }
            alphanumeric =
                alphanumeric || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            piece[kept] = b
            kept += 1
        }
        if alphanumeric {
            // Decoded from the buffer: from an array slice, String(decoding:) goes byte by byte.
            words.append(
                piece.withUnsafeBufferPointer {
                    String(decoding: UnsafeBufferPointer(rebasing: $0[..<kept]), as: UTF8.self)
                })
        }
    }

    /// The words of any name, folded by Foundation for case, diacritics and width.
    static func foldedWords(of name: String) -> [String] {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        for piece in folded.split(whereSeparator: { $0.isWhitespace || $0 == "," }) {
            var w = String(piece).replacingOccurrences(of: "\u{2019}", with: "'")
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
        let initials = words.filter { !acronymSkips.contains($0) }.compactMap(\.first)
        return initials.count >= 2 ? String(initials) : nil
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
        return short.count >= 3 && long[0].count > short.count && long[0].hasPrefix(short)
    }

    /// Whether `a` and `b` can be the same middle names: as many, each pair equal or one the
    /// initial of the other ("j" and "john").
    static func middlesAgree(_ a: ArraySlice<String>, _ b: ArraySlice<String>) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x == y || (x.count == 1 && y.first == x.first) || (y.count == 1 && x.first == y.first)
        }
    }

    private static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "rev", "messrs"
    ]
    private static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]
    private static let acronymSkips: Set<String> = ["of", "the", "and", "for", "&", "de", "la", "du", "des", "on", "in"]
}
