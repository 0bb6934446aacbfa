import AssayCore

/// Registers the `sentiment` and `entity-sentiment` extractors and the sentiment evaluation
/// and training tools (`assay eval sentiment FILE`, `assay eval entity-sentiment FILE`, `assay train sentiment --data FILE --out FILE`, `assay train entity-sentiment --train FILE --out FILE`,
/// `assay train sentiment-lexicon --out FILE`).
public enum SentimentPlugin: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {
        try registry.register(SentimentExtractor())
        try registry.register(EntitySentimentExtractor())
        try registry.register(tool: SentimentTools.evaluate)
        try registry.register(tool: SentimentTools.evaluateTargets)
        try registry.register(tool: SentimentTools.train)
        try registry.register(tool: SentimentTools.trainTargets)
        try registry.register(tool: SentimentTools.compileLexicon)
    }
}
