/// Runs a plan's extractors over one document, computing each extractor's whole-document output
/// at most once and sharing it with everything that requires it.
///
/// Not thread-safe: one instance per document per thread (the parallel runner makes one for each
/// document it processes).
public final class DocumentExtraction {
    public let document: AnalyzedDocument
    public let plan: ExtractionPlan
    /// Whole-document results computed so far; pass them to a later run over the same document
    /// (with the same registry) to reuse them.
    public private(set) var cache: [ExtractionPlan.Step: [Annotation]]

    public init(document: AnalyzedDocument, plan: ExtractionPlan, cache: [ExtractionPlan.Step: [Annotation]] = [:]) {
        self.document = document
        self.plan = plan
        self.cache = cache
    }

    /// A step's annotations over the whole document (cached) or inside `span`.
    public func annotations(of step: ExtractionPlan.Step, in span: Span? = nil) throws -> [Annotation] {
        let whole = span == nil || span == document.fullSpan
        if whole, let hit = cache[step] { return hit }
        guard let extractor = plan.extractors[step.name] else {
            throw AssayError(.unknownExtractor, "extractor '\(step.name)' is not part of this plan")
        }
        var upstream: [String: [Annotation]] = [:]
        for r in extractor.descriptor.requires {
            upstream[r] = try annotations(of: ExtractionPlan.Step(r))
        }
        var options: [String: Value] = [:]
        for o in extractor.descriptor.options { options[o.name] = o.defaultValue }
        options.merge(step.options) { $1 }
        let context = ExtractionContext(options: options, upstream: upstream)
        var found: [Annotation]
        do {
            found = try extractor.extract(from: document, in: span ?? document.fullSpan, context: context)
            // Most extractors already return text order; checking is cheaper than sorting, which
            // moves every annotation.
            if !found.isSortedBySpan { found.sort { $0.span < $1.span } }
        } catch let e as AssayError {
            throw e
        } catch {
            throw AssayError(
                .extractionFailed, "extractor '\(step.name)' failed on document '\(document.id)': \(error)")
        }
        if whole { cache[step] = found }
        return found
    }
}

extension Array where Element == Annotation {
    /// Whether the annotations are in text order (by start, then end).
    var isSortedBySpan: Bool {
        indices.dropFirst().allSatisfy { !(self[$0].span < self[$0 - 1].span) }
    }
}
