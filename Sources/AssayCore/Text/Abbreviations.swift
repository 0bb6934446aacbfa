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

    static func keepsPeriod(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let len = end - start
        if len == 1 { return b[start] >= 65 && b[start] <= 90 }  // an initial: "J."
        guard len <= 5 else { return false }
        let word = String(decoding: (start..<end).map { b[$0] | 0x20 }, as: UTF8.self)
        if word == "no" { return false }  // "said no." is commoner in news than "No. 5"
        return titles.contains(word) || others.contains(word)
    }

    /// The abbreviation class of a token's text ending in a period.
    enum Role { case none, title, other }

    static func role(of token: Substring) -> Role {
        guard token.count >= 2, token.last == "." else { return .none }
        let body = token.dropLast()
        if body.contains(".") { return .other }  // U.S., e.g.
        if body.count == 1, body.first!.isUppercase { return .title }  // an initial
        let lower = body.lowercased()
        if titles.contains(lower) { return .title }
        if others.contains(lower) { return .other }
        return .none
    }
}
