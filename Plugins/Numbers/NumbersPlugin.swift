import AssayCore

/// Registers the `numbers` extractor (work in progress on its own branch).
public enum NumbersPlugin: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {}
}
