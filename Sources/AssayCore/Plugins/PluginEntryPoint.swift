/// The author's side of a runtime plugin's C entry point: turns the opaque pointer the loader
/// passes to `assay_plugin_register` back into a registry and runs the plugin's
/// ``AssayPlugin/register(into:)`` with it, exactly as the built-in plugins are registered.
///
/// ```swift
/// @_cdecl("assay_plugin_register")
/// public func assayPluginRegister(_ registrar: UnsafeMutableRawPointer?) -> Int32 {
///     PluginEntryPoint.register(registrar, plugin: AcronymsPlugin.self)
/// }
/// ```
public enum PluginEntryPoint {
    /// Registers `plugin` into the registry behind `registrar`.
    ///
    /// An error thrown by the plugin is kept for the loader, which reports it (`E505`) and
    /// registers nothing from the plugin.
    /// - Returns: 0 on success, 1 if the plugin threw, 2 if `registrar` is null.
    public static func register<P: AssayPlugin>(_ registrar: UnsafeMutableRawPointer?, plugin: P.Type) -> Int32 {
        guard let registrar else { return 2 }
        let target = Unmanaged<PluginRegistrar>.fromOpaque(registrar).takeUnretainedValue()
        do {
            try P.register(into: target.registry)
            return 0
        } catch {
            target.failure = "\(error)"
            return 1
        }
    }
}

/// What the loader hands a plugin's entry point, behind an opaque pointer: the scratch registry
/// the plugin registers into, and room for the reason it failed.
///
/// Part of the plugin ABI (``AssayPluginABI``): changing its layout requires a version bump.
final class PluginRegistrar {
    let registry: ExtractorRegistry
    var failure: String?

    init(registry: ExtractorRegistry) {
        self.registry = registry
    }
}
