import AssayCore

/// Registers the `quotes` extractor and its evaluation tool (`assay eval quotes FILE`).
public enum QuotesPlugin: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {
        try registry.register(QuoteExtractor())
        try registry.register(tool: QuoteEvaluation.tool)
    }
}
