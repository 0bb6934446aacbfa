import AssayCore

/// Registers the `sentiment` extractor (work in progress on its own branch).
public enum SentimentPlugin: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {}
}
