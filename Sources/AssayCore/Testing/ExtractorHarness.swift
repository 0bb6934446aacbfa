/// Runs extractors on in-memory text, for unit tests of an extractor (yours or a built-in).
///
/// ```swift
/// let harness = try ExtractorHarness(MyExtractor())
/// let found = try harness.run("The U.S. said #peace.")
/// #expect(found.map(\.text) == ["#peace"])
/// ```
/// Requirements are resolved through the registry exactly as in the app, so an extractor that
/// requires `entities` is tested with the real one when you register it (or a fake of your own).
public struct ExtractorHarness {
    public let registry: ExtractorRegistry
    public let name: String

    /// - Parameters:
    ///   - extractor: the extractor under test.
    ///   - others: extractors it requires (or stand-ins for them).
    public init(_ extractor: any Extractor, requiring others: [any Extractor] = []) throws {
        registry = ExtractorRegistry()
        for o in others { try registry.register(o) }
        try registry.register(extractor)
        name = extractor.descriptor.name
    }

    /// A found annotation, with its text and offsets in Unicode scalars, ready to compare.
    public struct Found: Sendable, Hashable, CustomStringConvertible {
        public var text: String
        public var start: Int
        public var end: Int
        public var annotation: Annotation
        public subscript(field: String) -> Value? { annotation[field] }
        public var description: String {
            "\(text)@\(start)..<\(end) " + annotation.fields.map { "\($0.key)=\($0.value.text)" }.joined(separator: " ")
        }
    }

    /// Runs the extractor on `text` (inside the span of `within`, if given, as in `A | B`).
    public func run(_ text: String, options: [String: Value] = [:], within: String? = nil) throws -> [Found] {
        let doc = AnalyzedDocument(Document(id: "test", text: text))
        let plan = try ExtractionPlan([.init(name, options: options)], registry: registry)
        let run = DocumentExtraction(document: doc, plan: plan)
        var span: Span?
        if let within, let r = text.range(of: within) { span = doc.span(of: r) }
        return try run.annotations(of: plan.steps[0], in: span).map { a in
            Found(
                text: doc.text(of: a.span), start: doc.scalarOffset(ofByte: a.span.start),
                end: doc.scalarOffset(ofByte: a.span.end), annotation: a)
        }
    }
}
