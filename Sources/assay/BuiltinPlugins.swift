import AssayCore
import AssayEntities
import AssayNumbers
import AssayQuotes
import AssaySentiment

/// The extractors that ship with Assay. They register through the same public API as a runtime
/// plugin (`AssayPlugin.register(into:)`), so that API is exercised by the project's own code.
enum BuiltinPlugins {
    static var all: [any AssayPlugin.Type] {
        [CoreTools.self, EntitiesPlugin.self, NumbersPlugin.self, QuotesPlugin.self, SentimentPlugin.self]
    }

    /// A registry with every built-in extractor and tool.
    static func makeRegistry() throws -> ExtractorRegistry {
        let registry = ExtractorRegistry()
        for plugin in all { try plugin.register(into: registry) }
        return registry
    }
}
