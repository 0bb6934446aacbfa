import AssayCore

/// Finds acronyms the text spells out — "the Shanghai Cooperation Organisation (SCO)" — and
/// links every bare mention of them ("SCO members ...") to their expansion.
///
/// Definitions are looked for in the whole document even when the extractor runs inside
/// another's results (`quotes | acronyms`), so a quote that says "SCO" still gets the expansion
/// given three paragraphs earlier; only annotations inside the span are returned.
public struct AcronymsExtractor: Extractor {
    public static let descriptor = ExtractorDescriptor(
        name: "acronyms",
        summary: "Acronyms spelled out in the text and their later mentions",
        discussion: """
            Finds definitions such as "Shanghai Cooperation Organisation (SCO)" or \
            "SCO (Shanghai Cooperation Organisation)" (defined: true, spanning the definition) \
            and every bare mention of a defined acronym (defined: false, spanning the acronym), \
            each with the expansion. A mention links to the nearest definition before it, or \
            to the first one. With undefined=true, capitalised abbreviations the document never \
            spells out are reported too, with a null expansion.
            """,
        version: "1.0",
        fields: [
            FieldDescriptor("acronym", .string, "the acronym, without a plural s"),
            FieldDescriptor(
                "expansion", .string, "what it stands for, as the document spells it (null if never spelled out)"),
            FieldDescriptor("defined", .bool, "true where the document spells it out, false for a mention")
        ],
        options: [
            OptionDescriptor("undefined", default: false, "also report abbreviations the document never spells out")
        ])

    public var descriptor: ExtractorDescriptor { Self.descriptor }

    public init() {}

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws
        -> [Annotation]
    {
        let definitions = DefinitionFinder().definitions(in: document)
        var out: [Annotation] = definitions.filter { span.contains($0.span) }.map { d in
            Annotation(
                extractor: "acronyms", span: d.span,
                fields: ["acronym": .string(d.acronym), "expansion": .string(d.expansion), "defined": true])
        }
        let byAcronym = Dictionary(grouping: definitions, by: \.acronym)
        let definitionTokens = Set(definitions.map(\.acronymToken))
        let includeUndefined = context.flag("undefined")
        for i in document.tokenRange(in: span) where document.tokens[i].kind == .word && !definitionTokens.contains(i) {
            guard let acronym = DefinitionFinder.acronym(document.text(ofToken: i)) else { continue }
            let tokenSpan = document.tokens[i].span
            if let candidates = byAcronym[acronym] {
                // Inside a definition's long form ("... Organisation of the SCO (...)") is not a mention.
                if candidates.contains(where: { $0.span.contains(tokenSpan) }) { continue }
                let definition = candidates.last { $0.span.start < tokenSpan.start } ?? candidates[0]
                out.append(
                    Annotation(
                        extractor: "acronyms", span: tokenSpan,
                        fields: [
                            "acronym": .string(acronym), "expansion": .string(definition.expansion), "defined": false
                        ]))
            } else if includeUndefined, !Self.isRomanNumeral(acronym) {
                out.append(
                    Annotation(
                        extractor: "acronyms", span: tokenSpan,
                        fields: ["acronym": .string(acronym), "expansion": .null, "defined": false]))
            }
        }
        return out.sorted { $0.span < $1.span }
    }

    /// "II", "XIV": capitals, but not abbreviations.
    private static func isRomanNumeral(_ s: String) -> Bool {
        s.allSatisfy { "IVXLCDM".contains($0) }
    }
}
