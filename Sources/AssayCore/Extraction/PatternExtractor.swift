/// An extractor defined by a regular expression, as `define hashtags = pattern /#\w+/` does in
/// the REPL. Capture groups become fields `group1`, `group2`, ...
public struct PatternExtractor: Extractor, @unchecked Sendable {  // Regex is an immutable value
    public let descriptor: ExtractorDescriptor
    private let regex: Regex<AnyRegexOutput>

    /// - Throws: `E404` when the expression does not compile.
    public init(name: String, pattern: String, ignoreCase: Bool = false) throws {
        do {
            var r = try Regex(pattern)
            if ignoreCase { r = r.ignoresCase() }
            regex = r
        } catch {
            throw AssayError(.invalidRegex, "invalid regular expression /\(pattern)/: \(error)")
        }
        descriptor = ExtractorDescriptor(
            name: name, summary: "matches of /\(pattern)/\(ignoreCase ? "i" : "")",
            discussion: "Defined in the REPL with a regular expression. Capture groups become fields group1, group2, ...",
            fields: [FieldDescriptor("group1", .string, "first capture group, when the pattern has one")])
    }

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws -> [Annotation] {
        let text = document.text(of: span)
        var out: [Annotation] = []
        for match in text.matches(of: regex) {
            let r = match.range
            if r.isEmpty { continue }
            let start = span.start + text.utf8.distance(from: text.startIndex, to: r.lowerBound)
            let end = span.start + text.utf8.distance(from: text.startIndex, to: r.upperBound)
            var fields: [(String, Value)] = []
            for g in 1..<max(1, match.output.count) {
                let value = match.output[g].substring.map { Value.string(String($0)) } ?? .null
                fields.append(("group\(g)", value))
            }
            out.append(Annotation(extractor: descriptor.name, span: Span(start, end), orderedFields: fields))
        }
        return out
    }
}

/// An extractor that finds words and phrases from a list, token by token, as
/// `define leaders = words "Xi Jinping", "Putin"` does in the REPL.
public struct WordListExtractor: Extractor {
    public let descriptor: ExtractorDescriptor
    private let lexicon: Lexicon<String>
    private let caseSensitive: Bool

    public init(name: String, words: [String], caseSensitive: Bool = false) {
        var lexicon = Lexicon<String>()
        for w in words where !w.isEmpty { lexicon.insert(Tokenizer().tokens(of: w).joined(separator: " "), w) }
        self.lexicon = lexicon
        self.caseSensitive = caseSensitive
        let shown = words.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ") + (words.count > 5 ? ", ..." : "")
        descriptor = ExtractorDescriptor(
            name: name, summary: "\(words.count) words or phrases: \(shown)",
            discussion: "Defined in the REPL from a word list; matching is by whole tokens\(caseSensitive ? " and case-sensitive" : ", ignoring case"). The `entry` field is the list entry that matched.",
            fields: [FieldDescriptor("entry", .string, "the list entry that matched")])
    }

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws -> [Annotation] {
        let range = document.tokenRange(in: span)
        return lexicon.matches(in: document, tokens: range).compactMap { m in
            let s = Span(document.tokens[m.tokens.lowerBound].span.start, document.tokens[m.tokens.upperBound - 1].span.end)
            if caseSensitive {
                let found = document.text(of: s)
                let entry = m.payload
                if Tokenizer().tokens(of: found) != Tokenizer().tokens(of: entry) { return nil }
            }
            return Annotation(extractor: descriptor.name, span: s, fields: ["entry": .string(m.payload)])
        }
    }
}

extension Tokenizer {
    /// The token texts of a short string (used to normalise phrases for matching).
    public func tokens(of text: String) -> [String] {
        let doc = AnalyzedDocument(text)
        return doc.tokens.indices.map { doc.text(ofToken: $0) }
    }
}
