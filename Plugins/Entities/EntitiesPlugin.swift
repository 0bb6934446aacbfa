import AssayCore

/// Registers the `entities` extractor with its evaluation and training tools.
public enum EntitiesPlugin: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {
        try registry.register(EntitiesExtractor())
        try registry.register(tool: EntityTools.evaluate)
        try registry.register(tool: EntityTools.train)
        try registry.register(tool: NameLinkingEvaluation.tool)
    }
}
