import AssayCore

/// Registers the `numbers` extractor and its evaluation tool (`assay eval numbers FILE`).
public enum NumbersPlugin: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {
        try registry.register(NumbersExtractor())
        try registry.register(tool: NumbersEvaluation.tool)
    }
}
