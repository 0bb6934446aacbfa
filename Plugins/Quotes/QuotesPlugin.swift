import AssayCore

/// Registers the `quotes` extractor (work in progress on its own branch).
public enum QuotesPlugin: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {}
}
