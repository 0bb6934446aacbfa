/// The one protocol every extractor conforms to, built in or loaded at run time.
///
/// An extractor is a pure, `Sendable` value: given the same document, span and context it
/// returns the same annotations, so the pipeline may run it on many documents at once.
///
/// ```swift
/// struct Hashtags: Extractor {
///     let descriptor = ExtractorDescriptor(name: "hashtags", summary: "Words after #")
///     func extract(from document: AnalyzedDocument, in span: Span,
///                  context: ExtractionContext) throws -> [Annotation] {
///         document.tokens[document.tokenRange(in: span)].indices.compactMap { ... }
///     }
/// }
/// ```
public protocol Extractor: Sendable {
    /// Name, fields, requirements and options; read by the registry and the pipeline.
    var descriptor: ExtractorDescriptor { get }

    /// Finds annotations of `document` that lie within `span` (the whole document unless the
    /// extractor runs inside another's results, as in `quotes | sentiment`). Output of the
    /// extractors named in `descriptor.requires` is available from `context`.
    func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws -> [Annotation]

    /// Loads what every document needs (a model, word lists) now instead of on the first
    /// document. A batch calls it before its first document on a thread of its own, so that
    /// loads overlap each other and the first documents' work rather than keep every other
    /// thread waiting for them. The default loads nothing.
    func prepare()
}

extension Extractor {
    public func prepare() {}
}

/// What an extractor may read besides the document: its options and the annotations of the
/// extractors it requires (computed once per document, over the whole document).
public struct ExtractionContext: Sendable {
    public let options: [String: Value]
    private let upstream: [String: [Annotation]]

    public init(options: [String: Value] = [:], upstream: [String: [Annotation]] = [:]) {
        self.options = options
        self.upstream = upstream
    }

    /// The annotations a required extractor found in the whole document, in document order.
    /// Empty if `name` was not declared in `requires` (declare it, and the pipeline runs it).
    public func annotations(from name: String) -> [Annotation] { upstream[name] ?? [] }

    /// An option's value as a Bool (`true`, `on`, `yes`, `1`).
    public func flag(_ name: String) -> Bool {
        switch options[name] {
        case .bool(let b)?: return b
        case .int(let i)?: return i != 0
        case .string(let s)?: return ["true", "on", "yes", "1"].contains(s.lowercased())
        default: return false
        }
    }
}
