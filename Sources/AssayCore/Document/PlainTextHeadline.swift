import Foundation

/// The headline of a plain-text article: a first line that reads as one.
///
/// Saved articles usually start with their headline on a line of its own. A first line counts
/// as one when it is short (at most ``maximumWords`` words and ``maximumCharacters``
/// characters, at least two words), does not end like a sentence or a clause (`.`, `,`, `;`,
/// `:`, also before a closing quote or bracket; `?` and `!` are allowed, as headlines ask and
/// exclaim), and is followed by more text: after a blank line or straight away. A first
/// paragraph that is a sentence of the body is therefore not taken, nor a file of one line.
///
/// Only a field is derived; the text is left as it is, so offsets do not move.
public enum PlainTextHeadline {
    public static let maximumWords = 20
    public static let maximumCharacters = 200

    /// The headline of `text`, trimmed, or nil if its first line does not read as one.
    public static func headline(of text: String) -> String? {
        guard let end = text.firstIndex(where: \.isNewline) else { return nil }
        let line = text[..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty, line.count <= maximumCharacters else { return nil }
        guard text[text.index(after: end)...].contains(where: { !$0.isWhitespace }) else { return nil }
        let words = line.split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, words.count <= maximumWords, line.contains(where: \.isLetter) else { return nil }
        var last = line.last!
        var trimmed = Substring(line)
        while let c = trimmed.last, "\"'”’»)]".contains(c) {
            trimmed = trimmed.dropLast()
            last = trimmed.last ?? c
        }
        guard !".,;:".contains(last) else { return nil }
        return line
    }
}
