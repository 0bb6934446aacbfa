import AssayCore

/// Registers this package's extractor, exactly as Assay's built-in plugins register theirs.
public enum AcronymsPlugin: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {
        try registry.register(AcronymsExtractor())
    }
}

// The two C symbols Assay looks up after loading the library. Both must be `public`.

/// The plugin ABI this library was compiled against; Assay refuses a mismatch (E504).
@_cdecl("assay_plugin_abi_version")
public func assayPluginABIVersion() -> Int32 { AssayPluginABI.version }

/// Called once by Assay with an opaque registrar; returns 0 on success.
@_cdecl("assay_plugin_register")
public func assayPluginRegister(_ registrar: UnsafeMutableRawPointer?) -> Int32 {
    PluginEntryPoint.register(registrar, plugin: AcronymsPlugin.self)
}
