import AssayCore

/// The app's access to runtime plugins (shared libraries loaded with dlopen).
enum RuntimePlugins {
    static func load(_ path: String, into registry: ExtractorRegistry) throws -> [String] {
        throw AssayError(.pluginFailed, "\(path): runtime plugins are not supported by this build yet")
    }

    static func librariesInSearchPath() -> [String] { [] }
}
