/// The contract between Assay and a runtime-loaded plugin: the two C symbols a plugin exports
/// and the version number that says which build of the core it was compiled against.
///
/// Swift on Linux has no binary stability across library versions (the core is built without
/// library evolution), so a plugin compiled against one version of the core may crash with
/// another. The loader therefore asks the plugin for the ABI version it was built with and
/// refuses it, with a one-line reason (`E504`), unless it equals the host's.
///
/// A plugin defines both symbols with `@_cdecl`, and they must be `public` (an internal
/// function is stripped from release builds):
///
/// ```swift
/// @_cdecl("assay_plugin_abi_version")
/// public func assayPluginABIVersion() -> Int32 { AssayPluginABI.version }
///
/// @_cdecl("assay_plugin_register")
/// public func assayPluginRegister(_ registrar: UnsafeMutableRawPointer?) -> Int32 {
///     PluginEntryPoint.register(registrar, plugin: AcronymsPlugin.self)
/// }
/// ```
///
/// ## When to bump the version
/// Bump ``version`` in the same change as anything that alters the binary shape of the core's
/// public API: adding, removing or reordering a stored property of a public type, a case of a
/// public enum, a requirement of a public protocol, changing a public signature, or the meaning
/// of the registration pointer. Purely internal changes, new documentation and new free
/// functions or types leave it alone. When in doubt, bump: the cost is one rebuild per plugin,
/// the cost of not bumping is a crash. Plugins must also be built with the same Swift toolchain
/// as Assay; the number cannot detect a compiler change.
public enum AssayPluginABI {
    /// The plugin ABI version.
    ///
    /// Emitted into the client: a plugin that returns `AssayPluginABI.version` from its
    /// `assay_plugin_abi_version` function reports the number of the core it was *compiled*
    /// against, not that of the core it is loaded into (which would always match).
    @_alwaysEmitIntoClient
    public static var version: Int32 { 1 }

    /// The version this build of the core accepts (compiled into the core itself).
    public static let hostVersion: Int32 = version

    /// The symbol returning the plugin's ABI version: `@convention(c) () -> Int32`.
    public static let versionSymbol = "assay_plugin_abi_version"

    /// The symbol registering the plugin's extractors:
    /// `@convention(c) (UnsafeMutableRawPointer?) -> Int32`, returning 0 on success.
    /// The pointer is an opaque registrar; pass it on to ``PluginEntryPoint/register(_:plugin:)``.
    public static let registerSymbol = "assay_plugin_register"
}
