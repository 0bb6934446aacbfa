import AssayCore

/// Registers the `entities` extractor (work in progress on its own branch).
public enum EntitiesPlugin: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {}
}
