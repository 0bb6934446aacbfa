/// An extractor defined by a regular expression, as `define hashtags = pattern /#\w+/` does in
/// the REPL. Capture groups become fields `group1`, `group2`, ... The expression runs with a
/// budget per document (see ``BoundedRegex``): one that backtracks without end fails that
/// document with `E407` instead of hanging.
public struct PatternExtractor: Extractor {
    public let descriptor: ExtractorDescriptor
    private let regex: BoundedRegex

    /// - Throws: `E404` when the expression does not compile.
    public init(name: String, pattern: String, ignoreCase: Bool = false) throws {
        regex = try BoundedRegex(pattern, ignoreCase: ignoreCase)
        descriptor = ExtractorDescriptor(
            name: name, summary: "matches of /\(pattern)/\(ignoreCase ? "i" : "")",
            discussion:
                "Defined in the REPL with a regular expression. Capture groups become fields group1, group2, ...",
            fields: [FieldDescriptor("group1", .string, "first capture group, when the pattern has one")])
    }

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws
        -> [Annotation]
    {
        let matches = try document.utf8.withUnsafeBufferPointer { bytes in
            try regex.matches(inUTF8: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
        }
        return matches.map { match in
            let fields: [(String, Value)] = match.groups.enumerated().map { g, range in
                (
                    "group\(g + 1)",
                    range.map {
                        .string(document.text(of: Span(span.start + $0.lowerBound, span.start + $0.upperBound)))
                    } ?? .null
                )
            }
            return Annotation(
                extractor: descriptor.name,
                span: Span(span.start + match.range.lowerBound, span.start + match.range.upperBound),
                orderedFields: fields)
        }
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
            discussion:
                "Defined in the REPL from a word list; matching is by whole tokens\(caseSensitive ? " and case-sensitive" : ", ignoring case"). The `entry` field is the list entry that matched.",
            fields: [FieldDescriptor("entry", .string, "the list entry that matched")])
    }

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws
        -> [Annotation]
    {
        let range = document.tokenRange(in: span)
        return lexicon.matches(in: document, tokens: range).compactMap { m in
            let s = Span(
                document.tokens[m.tokens.lowerBound].span.start, document.tokens[m.tokens.upperBound - 1].span.end)
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
