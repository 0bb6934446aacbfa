import AssayCore

/// Registers the `quotes` extractor, its evaluation tool (`assay eval quotes FILE`) and the
/// training of its speaker ranker (`assay train quotes`).
public enum QuotesPlugin: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {
        try registry.register(QuoteExtractor())
        try registry.register(tool: QuoteEvaluation.tool)
        try registry.register(tool: QuoteTraining.tool)
    }
}
