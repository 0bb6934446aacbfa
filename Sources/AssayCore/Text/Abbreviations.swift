/// Abbreviations that keep their period, and which of them never end a sentence.
public enum Abbreviations {
    /// Titles and other abbreviations that a name or number always follows: no sentence ends
    /// after them.
    public static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr",
        "adm", "maj", "st", "rev", "hon", "pres", "supt", "det", "insp", "messrs", "mt", "ft", "no", "nos",
        "vol", "fig", "approx", "ca", "cf", "vs", "v"
    ]
    /// Abbreviations that may end a sentence ("... of Apple Inc. The company ...").
    public static let others: Set<String> = [
        "inc", "ltd", "co", "corp", "bros", "jr", "sr", "etc", "plc", "llc", "dept", "univ", "est", "ave", "blvd",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
        "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "assn", "govt", "intl", "natl", "mln", "bln", "pct"
    ]
    /// Words that start sentences; after an abbreviation that may end one, such a word says it
    /// did ("... in the U.S. The talks ...").
    public static let sentenceStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "but",
        "and", "in", "on", "at", "for", "as", "if", "when", "while", "there", "his", "her", "its", "their",
        "our", "after", "before", "however", "meanwhile", "also", "some", "many", "most", "one", "two"
    ]

    /// The lists above as word classes, asked of a token's bytes without building a String.
    enum WordClass: Int { case title, other, sentenceStarter }
    static let classes = try! WordClasses<WordClass>([
        .title: Array(titles), .other: Array(others), .sentenceStarter: Array(sentenceStarters)
    ])
    private static let no = PackedWord("no")!

    /// Whether the word of bytes `start..<end`, before a period, keeps the period.
    static func keepsPeriod(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let len = end - start
        if len == 1 { return TextBytes.isASCIIUppercase(b[start]) }  // an initial: "J."
        guard len <= 5, let word = PackedWord(lowercasing: b, Span(start, end)) else { return false }
        if word == no { return false }  // "said no." is commoner in news than "No. 5"
        return classes.classes(of: word) & (WordClasses<WordClass>.bit(.title) | WordClasses<WordClass>.bit(.other))
            != 0
    }

    /// The abbreviation class of a token's text ending in a period.
    enum Role { case none, title, other }

    /// The abbreviation class of the token `span` of `bytes`, a word ending in a period: read
    /// from the bytes when they are ASCII (nearly always), through ``role(of:)`` otherwise.
    static func role(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> Role {
        let body = Span(span.start, span.end - 1)
        guard span.length >= 2, bytes[body.end] == UInt8(ascii: ".") else { return .none }
        var ascii = true
        for k in body.start..<body.end {
            let b = bytes[k]
            if b >= 0x80 { ascii = false } else if b == UInt8(ascii: ".") { return .other }  // U.S., e.g.
        }
        guard ascii else {
            return role(
                of: Substring(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self))
        }
        if body.length == 1, TextBytes.isASCIIUppercase(bytes[body.start]) { return .title }  // an initial
        guard let word = PackedWord(lowercasing: bytes, body) else { return .none }
        let found = classes.classes(of: word)
        if found & WordClasses<WordClass>.bit(.title) != 0 { return .title }
        if found & WordClasses<WordClass>.bit(.other) != 0 { return .other }
        return .none
    }

    static func role(of token: Substring) -> Role {
        guard token.count >= 2, token.last == "." else { return .none }
        let body = token.dropLast()
        if body.contains(".") { return .other }  // U.S., e.g.
        if body.count == 1, body.first!.isUppercase { return .title }  // an initial
        let found = classes.classes(of: String(body))
        if found & WordClasses<WordClass>.bit(.title) != 0 { return .title }
        if found & WordClasses<WordClass>.bit(.other) != 0 { return .other }
        return .none
    }
}
