import AssayCore
import Foundation

/// Parses one command (already split at `;`) into a ``Command``.
public struct Parser {
    private var tokens: [LexToken]
    private var i = 0
    private let text: String

    /// The words that start commands; a `define` may not take one of them as a name.
    public static let commandWords: Set<String> = [
        "let", "explain", "kwic", "load", "docs", "show", "drop", "extractors", "describe", "define", "undefine",
        "save", "results", "plugin", "plugins", "help", "quit", "exit", "view", "chart"
    ]
    /// Stage keywords of the pipeline language.
    public static let stageWords: Set<String> = [
        "where", "sort", "limit", "count", "select", "group", "union", "intersect", "except", "stats"
    ]

    public static func parse(_ text: String) throws(CommandSyntaxError) -> Command {
        var p = Parser(tokens: try Lexer.tokenize(text), text: text)
        return try p.command()
    }

    private init(tokens: [LexToken], text: String) {
        self.tokens = tokens
        self.text = text
    }

    // MARK: - Token helpers

    private var current: LexToken { tokens[i] }
    private var atEnd: Bool { current.kind == .end }
    private mutating func advance() -> LexToken {
        defer { i += 1 }
        return tokens[i]
    }
    private func isWord(_ w: String) -> Bool { current.kind == .word && current.text.lowercased() == w }
    private func isSymbol(_ s: String) -> Bool { current.kind == .symbol && current.text == s }

    private mutating func expectEnd() throws(CommandSyntaxError) {
        if !atEnd { throw CommandSyntaxError("unexpected '\(current.text)'", at: current.offset) }
    }

    private mutating func name(_ what: String) throws(CommandSyntaxError) -> String {
        guard current.kind == .word else {
            throw CommandSyntaxError(
                atEnd ? "expected \(what)" : "expected \(what), found '\(current.text)'", at: current.offset)
        }
        return advance().text
    }

    /// Everything after the current token as raw text (paths keep their spaces as typed).
    private func rest() -> String {
        let chars = Array(text)
        let from = min(current.offset, chars.count)
        return String(chars[from...]).trimmingCharacters(in: .whitespaces)
    }

    /// Remaining arguments, shell-like: words and quoted strings.
    private mutating func arguments() -> [String] {
        var out: [String] = []
        while !atEnd {
            let t = advance()
            if case .regex(let flags) = t.kind { out.append("/" + t.text + "/" + flags) } else { out.append(t.text) }
        }
        return out
    }

    /// Path-like arguments: split on white space outside quotes, so `seeds/*.txt` stays whole.
    private func pathArguments() throws(CommandSyntaxError) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character?
        for c in rest() {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c.isWhitespace {
                if !current.isEmpty {
                    out.append(current)
                    current = ""
                }
            } else {
                current.append(c)
            }
        }
        if quote != nil { throw CommandSyntaxError("unterminated string: missing closing \(quote!)", at: text.count) }
        if !current.isEmpty { out.append(current) }
        return out
    }

    // MARK: - Commands

    private mutating func command() throws(CommandSyntaxError) -> Command {
        guard !atEnd else { throw CommandSyntaxError("empty command", at: 0) }
        let first = current
        if first.kind == .word, first.text.hasPrefix(".") {
            i += 1
            let name = String(first.text.dropFirst()).lowercased()
            let args = try pathArguments()
            switch name {
            case "help": return .help(args.first)
            case "quit", "exit": return .quit
            default: return .setting(name: name, arguments: args)
            }
        }
        guard first.kind == .word else { return .pipeline(try pipeline()) }
        switch first.text.lowercased() {
        case "let":
            i += 1
            let n = try name("a result name after 'let'")
            guard isSymbol("=") else { throw CommandSyntaxError("expected '=' after 'let \(n)'", at: current.offset) }
            i += 1
            return .assign(name: n, try pipeline())
        case "explain":
            i += 1
            return .explain(try pipeline())
        case "kwic":
            i += 1
            return .kwic(try pipeline(allowSearch: true))
        case "load":
            i += 1
            var paths: [String] = []
            var options = LoadOptions()
            for argument in try pathArguments() {
                // `text=COLUMN` names the text column of CSV/TSV files; anything else is a path.
                if argument.lowercased().hasPrefix("text=") {
                    let column = String(argument.dropFirst(5))
                    if column.isEmpty {
                        throw CommandSyntaxError("expected a column name after 'text='", at: current.offset)
                    }
                    options.textColumn = column
                } else {
                    paths.append(argument)
                }
            }
            if paths.isEmpty {
                throw CommandSyntaxError("expected a file, folder or pattern after 'load'", at: current.offset)
            }
            return .load(paths, options)
        case "docs" where tokens.count <= 2 || !tokens.contains(where: { $0.kind == .symbol && $0.text == "|" }):
            i += 1
            let patterns = arguments()
            return patterns.isEmpty
                ? .listDocuments : .pipeline(Pipeline(source: .documents(patterns), stages: [], text: text))
        case "show":
            i += 1
            let id = try name("a document id after 'show'")
            var sentence: Int?
            var marks: [String] = []
            while !atEnd {
                if isWord("sentence") {
                    i += 1
                    guard current.kind == .number, let n = Int(current.text), n >= 1 else {
                        throw CommandSyntaxError(
                            "expected a sentence number (1, 2, ...) after 'sentence'", at: current.offset)
                    }
                    sentence = n
                    i += 1
                } else if isWord("with") {
                    i += 1
                    marks.append(try name("an extractor name after 'with'"))
                    while isSymbol(",") {
                        i += 1
                        marks.append(try name("an extractor name"))
                    }
                } else {
                    throw CommandSyntaxError(
                        "unexpected '\(current.text)' (expected 'sentence N' or 'with EXTRACTOR,...')",
                        at: current.offset)
                }
            }
            return .showDocument(id: id, sentence: sentence, marks: marks)
        case "drop":
            i += 1
            if isWord("result") {
                i += 1
                let n = try name("a result name")
                try expectEnd()
                return .dropResult(n)
            }
            let ids = arguments()
            if ids.isEmpty {
                throw CommandSyntaxError("expected document ids, a pattern, or 'all' after 'drop'", at: current.offset)
            }
            return .dropDocuments(ids)
        case "extractors":
            i += 1
            try expectEnd()
            return .listExtractors
        case "describe":
            i += 1
            let n = try name("an extractor name after 'describe'")
            try expectEnd()
            return .describe(n)
        case "define": return try define()
        case "undefine":
            i += 1
            let n = try name("an extractor name after 'undefine'")
            try expectEnd()
            return .undefine(n)
        case "view", "chart":
            return .visual(try visual(file: nil))
        case "save" where tokens.count > 2 && ["view", "chart", "report"].contains(tokens[1].text.lowercased()):
            i += 1
            if let v = try savedVisual() { return .visual(v) }
            i = 1
            let args = try pathArguments()
            guard args.count == 2 else { throw CommandSyntaxError("usage: save [RESULT] FILE", at: first.offset) }
            return .save(result: args[0], path: args[1])
        case "save":
            i += 1
            let args = try pathArguments()
            switch args.count {
            case 1: return .save(result: nil, path: args[0])
            case 2: return .save(result: args[0], path: args[1])
            default: throw CommandSyntaxError("usage: save [RESULT] FILE", at: first.offset)
            }
        case "results":
            i += 1
            try expectEnd()
            return .listResults
        case "plugin":
            i += 1
            guard isWord("load") else { throw CommandSyntaxError("usage: plugin load PATH", at: current.offset) }
            i += 1
            let args = try pathArguments()
            guard args.count == 1 else { throw CommandSyntaxError("usage: plugin load PATH", at: current.offset) }
            return .pluginLoad(args[0])
        case "plugins":
            i += 1
            try expectEnd()
            return .listPlugins
        case "help":
            i += 1
            let topic = atEnd ? nil : rest()
            return .help(topic)
        case "quit", "exit":
            i += 1
            try expectEnd()
            return .quit
        default:
            let p = try pipeline()
            if isSymbol("|") {  // `... | chart [FIELD]`, the one stage that ends a pipeline
                i += 2
                return .visual(.chart(.pipeline(p), field: try chartField(), file: nil))
            }
            return .pipeline(p)
        }
    }

    private mutating func define() throws(CommandSyntaxError) -> Command {
        i += 1
        let nameToken = current
        let n = try name("a name after 'define'")
        if Parser.commandWords.contains(n.lowercased()) || Parser.stageWords.contains(n.lowercased()) || n == "docs" {
            throw CommandSyntaxError("'\(n)' is a command word and cannot name an extractor", at: nameToken.offset)
        }
        guard isSymbol("=") else { throw CommandSyntaxError("expected '=' after 'define \(n)'", at: current.offset) }
        i += 1
        let kindToken = current
        let kind = try name("'pattern' or 'words'")
        var caseSensitive = false
        let definition: PatternDefinition
        switch kind.lowercased() {
        case "pattern":
            guard case .regex(let flags) = current.kind else {
                throw CommandSyntaxError(
                    "expected a regular expression like /#\\w+/ after 'pattern'", at: current.offset)
            }
            let t = advance()
            _ = try RegexBox(t.text, flags: flags, position: t.offset)
            definition = .regex(t.text, flags: flags)
        case "words":
            if isWord("case") {
                i += 1
                caseSensitive = true
            }
            if current.kind == .word, current.text.hasPrefix("@") {
                definition = .wordFile(String(advance().text.dropFirst()), caseSensitive: caseSensitive)
            } else {
                var words: [String] = []
                while !atEnd {
                    guard current.kind == .string || current.kind == .word || current.kind == .number else {
                        throw CommandSyntaxError("expected a word or \"phrase\"", at: current.offset)
                    }
                    words.append(advance().text)
                    if isSymbol(",") { i += 1 }
                }
                if words.isEmpty {
                    throw CommandSyntaxError("expected words after 'words' (\"a\", \"b\" or @FILE)", at: current.offset)
                }
                definition = .words(words, caseSensitive: caseSensitive)
            }
        default:
            throw CommandSyntaxError("expected 'pattern /REGEX/' or 'words \"a\", \"b\"'", at: kindToken.offset)
        }
        try expectEnd()
        return .define(name: n, definition)
    }

    // MARK: - Pipelines

    private mutating func pipeline(allowSearch: Bool = false) throws(CommandSyntaxError) -> Pipeline {
        let startOffset = current.offset
        let source: Pipeline.Source
        if allowSearch, case .regex(let flags) = current.kind {
            let t = advance()
            _ = try RegexBox(t.text, flags: flags, position: t.offset)
            source = .search(pattern: t.text, ignoreCase: flags.contains("i"))
        } else if allowSearch, current.kind == .string {
            let words = advance().text
            source = .search(pattern: "\\b" + NSRegularExpression.escapedPattern(for: words) + "\\b", ignoreCase: true)
        } else if isWord("docs") {
            i += 1
            var patterns: [String] = []
            while !atEnd, !isSymbol("|") { patterns.append(advance().text) }
            source = .documents(patterns)
        } else {
            let t = current
            guard t.kind == .word else {
                throw CommandSyntaxError(
                    atEnd
                        ? "expected an extractor, 'docs' or a result name"
                        : "expected an extractor, 'docs' or a result name, found '\(t.text)'", at: t.offset)
            }
            if Parser.stageWords.contains(t.text.lowercased()) {
                throw CommandSyntaxError(
                    "'\(t.text)' needs input: start with an extractor, 'docs' or a result, e.g. 'entities | \(t.text) ...'",
                    at: t.offset)
            }
            i += 1
            source = .name(t.text, options: try options(), offset: t.offset)
        }
        var stages: [Pipeline.Stage] = []
        while !atEnd, !(isSymbol("|") && tokens[i + 1].kind == .word && tokens[i + 1].text.lowercased() == "chart") {
            guard isSymbol("|") else {
                throw CommandSyntaxError("expected '|' before '\(current.text)'", at: current.offset)
            }
            i += 1
            stages.append(try stage())
        }
        let chars = Array(text)
        return Pipeline(source: source, stages: stages, text: String(chars[min(startOffset, chars.count)...]))
    }

    private mutating func options() throws(CommandSyntaxError) -> [String: Value] {
        var out: [String: Value] = [:]
        while current.kind == .word, tokens[i + 1].kind == .symbol, tokens[i + 1].text == "=" {
            let key = advance().text
            i += 1
            out[key] = try literal("a value for option '\(key)'")
        }
        return out
    }

    private mutating func literal(_ what: String) throws(CommandSyntaxError) -> Value {
        let t = current
        switch t.kind {
        case .string:
            i += 1
            return .string(t.text)
        case .number:
            i += 1
            return Int(t.text).map(Value.int) ?? .double(Double(t.text)!)
        case .word:
            i += 1
            switch t.text.lowercased() {
            case "true", "on", "yes": return .bool(true)
            case "false", "off", "no": return .bool(false)
            case "null": return .null
            default: return .string(t.text)
            }
        default:
            throw CommandSyntaxError(atEnd ? "expected \(what)" : "expected \(what), found '\(t.text)'", at: t.offset)
        }
    }

    private mutating func fieldList(_ what: String) throws(CommandSyntaxError) -> [String] {
        var fields = [try field(what)]
        while isSymbol(",") {
            i += 1
            fields.append(try field("a field name"))
        }
        return fields
    }

    /// A field name, or a date key of one: `month(doc.date)` (see `FieldReference`).
    private mutating func field(_ what: String) throws(CommandSyntaxError) -> String {
        let function = try name(what)
        guard isSymbol("("), FieldReference.dateFunctions.contains(function.lowercased()) else { return function }
        i += 1
        let argument = try name("a field inside \(function)(...)")
        guard isSymbol(")") else {
            throw CommandSyntaxError("expected ')' after '\(function)(\(argument)'", at: current.offset)
        }
        i += 1
        return "\(function.lowercased())(\(argument))"
    }

    private mutating func stage() throws(CommandSyntaxError) -> Pipeline.Stage {
        let t = current
        guard t.kind == .word else {
            throw CommandSyntaxError(
                atEnd ? "expected a stage after '|'" : "expected a stage after '|', found '\(t.text)'", at: t.offset)
        }
        let stage: Pipeline.Stage
        switch t.text.lowercased() {
        case "where":
            i += 1
            stage = .filter(try orExpression())
        case "sort":
            i += 1
            if isWord("by") { i += 1 }
            var keys: [(String, Bool)] = []
            repeat {
                if isSymbol(",") { i += 1 }
                let f = try field("a field to sort by")
                var desc = false
                if isWord("desc") {
                    i += 1
                    desc = true
                } else if isWord("asc") {
                    i += 1
                }
                keys.append((f, desc))
            } while isSymbol(",")
            stage = .sort(keys.map { (field: $0.0, descending: $0.1) })
        case "limit":
            i += 1
            guard current.kind == .number, let n = Int(current.text), n >= 0 else {
                throw CommandSyntaxError("expected a whole number after 'limit'", at: current.offset)
            }
            i += 1
            stage = .limit(n)
        case "count":
            i += 1
            var by: [String] = []
            var minimum = 0
            if isWord("by") {
                i += 1
                by = try fieldList("a field after 'count by'")
            }
            if isWord("min") {
                i += 1
                guard current.kind == .number, let n = Int(current.text) else {
                    throw CommandSyntaxError("expected a whole number after 'min'", at: current.offset)
                }
                i += 1
                minimum = n
            }
            stage = .count(by: by, minimum: minimum)
        case "select":
            i += 1
            stage = .select(try fieldList("field names after 'select'"))
        case "group":
            i += 1
            guard isWord("by") else { throw CommandSyntaxError("expected 'by' after 'group'", at: current.offset) }
            i += 1
            stage = .group(by: try field("a field after 'group by'"))
        case "stats":
            i += 1
            let f = try field("a numeric field after 'stats'")
            var by: [String] = []
            if isWord("by") {
                i += 1
                by = try fieldList("a field after 'by'")
            }
            stage = .stats(field: f, by: by)
        case "union", "intersect", "except":
            i += 1
            let nt = current
            stage = .setOperation(
                Pipeline.SetOperation(rawValue: t.text.lowercased())!, name: try name("a result name"),
                offset: nt.offset)
        default:
            i += 1
            stage = .extract(name: t.text, options: try options(), offset: t.offset)
        }
        if !atEnd, !isSymbol("|") {
            throw CommandSyntaxError(
                "unexpected '\(current.text)' after \(t.text.lowercased()) stage", at: current.offset)
        }
        return stage
    }

    // MARK: - Predicates

    private mutating func orExpression() throws(CommandSyntaxError) -> Predicate {
        var left = try andExpression()
        while isWord("or") {
            i += 1
            left = .or(left, try andExpression())
        }
        return left
    }

    private mutating func andExpression() throws(CommandSyntaxError) -> Predicate {
        var left = try unary()
        while isWord("and") {
            i += 1
            left = .and(left, try unary())
        }
        return left
    }

    private mutating func unary() throws(CommandSyntaxError) -> Predicate {
        if isWord("not") {
            i += 1
            return .not(try unary())
        }
        if isSymbol("(") {
            i += 1
            let inner = try orExpression()
            guard isSymbol(")") else { throw CommandSyntaxError("expected ')'", at: current.offset) }
            i += 1
            return inner
        }
        let field = try self.field("a field name after 'where'")
        let opToken = current
        if isWord("matches") {
            i += 1
            guard case .regex(let flags) = current.kind else {
                throw CommandSyntaxError("expected /regex/ after 'matches'", at: current.offset)
            }
            let r = advance()
            return .matches(
                field: field, pattern: r.text, regex: try RegexBox(r.text, flags: flags, position: r.offset))
        }
        let op: ComparisonOperator
        if isWord("contains") {
            op = .contains
        } else if current.kind == .symbol,
            let o = ComparisonOperator(rawValue: current.text == "=" ? "==" : current.text)
        {
            op = o
        } else {
            throw CommandSyntaxError(
                atEnd
                    ? "expected an operator (==, !=, <, <=, >, >=, contains, matches) after '\(field)'"
                    : "expected an operator (==, !=, <, <=, >, >=, contains, matches), found '\(opToken.text)'",
                at: opToken.offset)
        }
        i += 1
        return .compare(field: field, op: op, value: try literal("a value to compare '\(field)' with"))
    }

    // MARK: - Views and charts

    /// `view TARGET [with X,Y]` or `chart [RESULT] [FIELD]`, the current token being the verb.
    private mutating func visual(file: String?) throws(CommandSyntaxError) -> VisualCommand {
        let verb = advance().text.lowercased()
        if verb == "view" {
            let target = atEnd ? "last" : try name("a document id or result name after 'view'")
            var marks: [String] = []
            if isWord("with") {
                i += 1
                marks.append(try name("an extractor name after 'with'"))
                while isSymbol(",") {
                    i += 1
                    marks.append(try name("an extractor name"))
                }
            }
            try expectEnd()
            return .view(target: target, marks: marks, file: file)
        }
        let result = atEnd ? "last" : try name("a result name after 'chart'")
        let field = try chartField()
        return .chart(.result(result), field: field, file: file)
    }

    /// An optional field after `chart`, then the end of the command.
    private mutating func chartField() throws(CommandSyntaxError) -> String? {
        guard !atEnd else { return nil }
        let f = try name("a field to chart")
        try expectEnd()
        return f
    }

    /// `save view|chart ... FILE` and `save report FILE.html`; nil when the words name a result
    /// to save the ordinary way (`save report out.csv` saves a result called 'report').
    private mutating func savedVisual() throws(CommandSyntaxError) -> VisualCommand? {
        var args = try pathArguments()
        let verb = args.removeFirst().lowercased()
        guard let file = args.last else { throw CommandSyntaxError("usage: save \(verb) ... FILE", at: current.offset) }
        let ext = (file as NSString).pathExtension.lowercased()
        switch verb {
        case "report":
            guard ext == "html" || ext == "htm" else { return nil }
            guard args.count == 1 else { throw CommandSyntaxError("usage: save report FILE.html", at: current.offset) }
            return .report(file: file)
        case "view":
            guard args.count >= 2 else {
                throw CommandSyntaxError("usage: save view ID|RESULT [with X,Y] FILE.html", at: current.offset)
            }
            var sub = Parser(tokens: try Lexer.tokenize("view " + args.dropLast().joined(separator: " ")), text: "")
            return try sub.visual(file: file)
        default:
            guard args.count >= 2 else {
                throw CommandSyntaxError("usage: save chart RESULT [FIELD] FILE.svg|FILE.html", at: current.offset)
            }
            var sub = Parser(tokens: try Lexer.tokenize("chart " + args.dropLast().joined(separator: " ")), text: "")
            return try sub.visual(file: file)
        }
    }
}
