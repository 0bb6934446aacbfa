import AssayCore

/// The app's access to runtime plugins (shared libraries loaded with dlopen), through the
/// core's `PluginLoader`, which checks the plugin's ABI version and registers all or nothing.
enum RuntimePlugins {
    static func load(_ path: String, into registry: ExtractorRegistry) throws -> [String] {
        try PluginLoader.load(path: path, into: registry)
    }

    /// The libraries in `$ASSAY_PLUGIN_PATH` (colon-separated), or else `~/.assay/plugins`.
    static func librariesInSearchPath() -> [String] {
        PluginLoader.libraries(inFolders: PluginLoader.defaultSearchPath())
    }
}
