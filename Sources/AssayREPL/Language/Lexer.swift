import AssayCore

/// A token of the command language, with its character offset in the command for carets.
struct LexToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case word  // names, bare words, paths without spaces
        case string  // "..." or '...'
        case number
        case regex(flags: String)  // /.../flags
        case symbol  // | , = == != < <= > >= ( )
        case end
    }
    var kind: Kind
    var text: String
    var offset: Int
}

/// An error in a command, with the character position to put a caret under.
public struct CommandSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Character offset in the command text.
    public var position: Int
    public var code: AssayError.Code = .syntax

    public init(_ message: String, at position: Int, code: AssayError.Code = .syntax) {
        self.message = message
        self.position = position
        self.code = code
    }

    public var description: String { "\(message) (at column \(position + 1)) [\(code.rawValue)]" }

    /// The command with a caret under the error position, for terminals.
    public func caret(under command: String) -> String {
        command + "\n" + String(repeating: " ", count: max(0, position)) + "^"
    }
}

/// Splits a command into tokens. A `/` starts a regular expression where a value is expected
/// (after `matches`, `pattern` or at the start of an argument), otherwise it is part of a word
/// (so paths like `seeds/a.txt` stay whole).
struct Lexer {
    let chars: [Character]
    var i = 0

    init(_ text: String) { chars = Array(text) }

    static func tokenize(_ text: String) throws(CommandSyntaxError) -> [LexToken] {
        var lexer = Lexer(text)
        var out: [LexToken] = []
        while true {
            let t = try lexer.next(previous: out.last)
            out.append(t)
            if t.kind == .end { return out }
        }
    }

    mutating func next(previous: LexToken?) throws(CommandSyntaxError) -> LexToken {
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        guard i < chars.count else { return LexToken(kind: .end, text: "", offset: chars.count) }
        let start = i
        let c = chars[i]
        switch c {
        case "\"", "'":
            i += 1
            var s = ""
            while i < chars.count, chars[i] != c {
                if chars[i] == "\\", i + 1 < chars.count {
                    i += 1
                    switch chars[i] {
                    case "n": s.append("\n")
                    case "t": s.append("\t")
                    default: s.append(chars[i])
                    }
                } else {
                    s.append(chars[i])
                }
                i += 1
            }
            guard i < chars.count else {
                throw CommandSyntaxError("unterminated string: missing closing \(c)", at: start)
            }
            i += 1
            return LexToken(kind: .string, text: s, offset: start)
        case "/" where Lexer.regexMayFollow(previous):
            i += 1
            var s = ""
            var inClass = false
            while i < chars.count, chars[i] != "/" || inClass {
                if chars[i] == "\\", i + 1 < chars.count {
                    s.append(chars[i])
                    i += 1
                } else if chars[i] == "[" {
                    inClass = true
                } else if chars[i] == "]" {
                    inClass = false
                }
                s.append(chars[i])
                i += 1
            }
            guard i < chars.count else {
                throw CommandSyntaxError("unterminated regular expression: missing closing /", at: start)
            }
            i += 1
            var flags = ""
            while i < chars.count, chars[i].isLetter {
                flags.append(chars[i])
                i += 1
            }
            return LexToken(kind: .regex(flags: flags), text: s, offset: start)
        case "|", ",", "(", ")":
            i += 1
            return LexToken(kind: .symbol, text: String(c), offset: start)
        case "=", "!", "<", ">":
            i += 1
            if i < chars.count, chars[i] == "=" {
                i += 1
                return LexToken(kind: .symbol, text: String(c) + "=", offset: start)
            }
            if c == "!" { throw CommandSyntaxError("unexpected '!' (did you mean '!='?)", at: start) }
            return LexToken(kind: .symbol, text: c == "=" ? "=" : String(c), offset: start)
        default:
            var s = ""
            while i < chars.count, !chars[i].isWhitespace, !"|,()=<>!\"".contains(chars[i]) {
                s.append(chars[i])
                i += 1
            }
            if s.isEmpty { throw CommandSyntaxError("unexpected character '\(c)'", at: start) }
            let isNumber = Double(s) != nil && s.first.map { $0.isNumber || $0 == "-" || $0 == "." } == true
            return LexToken(kind: isNumber ? .number : .word, text: s, offset: start)
        }
    }

    static func regexMayFollow(_ previous: LexToken?) -> Bool {
        guard let p = previous else { return true }
        if p.kind == .symbol { return true }
        if p.kind == .word { return ["matches", "pattern", "kwic"].contains(p.text.lowercased()) }
        return false
    }
}

/// Splits a line into commands at `;` outside strings and regular expressions, keeping each
/// command's offset in the line.
enum CommandSplitter {
    static func split(_ line: String) -> [(text: String, offset: Int)] {
        var out: [(String, Int)] = []
        var current = ""
        var start = 0
        var quote: Character?
        var inRegex = false
        var escaped = false
        var lastNonSpace: Character?
        for (i, c) in line.enumerated() {
            defer { if !c.isWhitespace { lastNonSpace = c } }
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            if c == "\\" && (quote != nil || inRegex) {
                current.append(c)
                escaped = true
                continue
            }
            if let q = quote {
                if c == q { quote = nil }
                current.append(c)
                continue
            }
            if inRegex {
                if c == "/" { inRegex = false }
                current.append(c)
                continue
            }
            switch c {
            case "\"", "'": quote = c
            case "/":
                // A slash after whitespace or an operator opens a regex; inside a word it is a path.
                if lastNonSpace == nil || current.last?.isWhitespace == true || "|=,(".contains(lastNonSpace!) {
                    let trimmed = current.trimmingCharacters(in: .whitespaces)
                    let lastWord = trimmed.split(separator: " ").last.map(String.init) ?? ""
                    if ["matches", "pattern", "kwic"].contains(lastWord.lowercased())
                        || "|=,(".contains(lastNonSpace ?? " ")
                    {
                        inRegex = true
                    }
                }
            case ";":
                out.append((current, start))
                current = ""
                start = i + 1
                continue
            default: break
            }
            current.append(c)
        }
        out.append((current, start))
        return out.filter { !$0.0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
