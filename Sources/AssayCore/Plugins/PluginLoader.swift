import Foundation

/// Loads runtime plugins — shared libraries built against AssayCore — into a registry.
///
/// A plugin goes through the same ``ExtractorRegistry/register(_:)`` call as the built-in
/// plugins, so its extractors are listed, described, completed and composed like theirs.
/// Loading is all or nothing and fails with one line that says why, leaving the session as it
/// was:
///
/// | code   | reason                                                                |
/// |--------|-----------------------------------------------------------------------|
/// | `E501` | no such file                                                          |
/// | `E502` | not a shared library, or the dynamic linker refused it                |
/// | `E503` | no `assay_plugin_abi_version` / `assay_plugin_register` entry point   |
/// | `E504` | built against another version of the core (``AssayPluginABI``)        |
/// | `E505` | the plugin's own registration failed                                  |
/// | `E101` | it registers a name that is already taken (e.g. loaded twice)         |
///
/// ```swift
/// let registry = ExtractorRegistry()
/// try NumbersPlugin.register(into: registry)
/// let names = try PluginLoader.load(path: "~/.assay/plugins/libAcronyms.so", into: registry)
/// ```
public enum PluginLoader {
    /// The environment variable listing plugin folders, separated by `:`.
    public static let searchPathVariable = "ASSAY_PLUGIN_PATH"

    /// Loads the plugin at `path` and registers its extractors (and tools) into `registry`.
    ///
    /// The plugin registers into a scratch registry first; its names are checked against
    /// `registry` and only then copied over, so a plugin that fails leaves nothing behind.
    /// - Parameters:
    ///   - path: a file path; `~` is expanded and relative paths are taken from the current
    ///     directory (never searched for on the linker's library path).
    ///   - registry: the session's registry, which receives the plugin's extractors and tools.
    /// - Returns: the names of the extractors it registered, in registration order.
    /// - Throws: ``AssayError`` with one of the codes in the table above.
    @discardableResult
    public static func load(path: String, into registry: ExtractorRegistry) throws -> [String] {
        let file = absolutePath(path)
        let shown = "'\(path)'"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            throw AssayError(.pluginNotFound, "plugin \(shown) not found")
        }
        guard !isFolder.boolValue, SharedLibrary.hasLibraryMagic(atPath: file) else {
            throw AssayError(.notASharedLibrary, "cannot load plugin \(shown): not a shared library")
        }

        let library: SharedLibrary
        do {
            library = try SharedLibrary(path: file)
        } catch {
            throw openFailure(shown, reason: error.reason)
        }

        typealias VersionFunction = @convention(c) () -> Int32
        typealias RegisterFunction = @convention(c) (UnsafeMutableRawPointer?) -> Int32
        guard let versionAddress = library.symbol(AssayPluginABI.versionSymbol),
            let registerAddress = library.symbol(AssayPluginABI.registerSymbol)
        else {
            throw AssayError(
                .noEntryPoint,
                "cannot load plugin \(shown): no entry point (it must export \(AssayPluginABI.versionSymbol) and \(AssayPluginABI.registerSymbol); see Examples/README.md)"
            )
        }
        let pluginVersion = unsafeBitCast(versionAddress, to: VersionFunction.self)()
        guard pluginVersion == AssayPluginABI.hostVersion else {
            throw AssayError(
                .incompatiblePlugin,
                "cannot load plugin \(shown): built for plugin ABI \(pluginVersion), this Assay uses \(AssayPluginABI.hostVersion); rebuild the plugin against this version of AssayCore"
            )
        }

        let scratch = ExtractorRegistry()
        let registrar = PluginRegistrar(registry: scratch)
        let status = withExtendedLifetime(registrar) {
            unsafeBitCast(registerAddress, to: RegisterFunction.self)(Unmanaged.passUnretained(registrar).toOpaque())
        }
        guard status == 0 else {
            let reason = registrar.failure.map(oneLine) ?? "its entry point returned \(status)"
            throw AssayError(.pluginFailed, "plugin \(shown) failed to register: \(reason)")
        }
        try transfer(from: scratch, into: registry, plugin: shown)
        return scratch.names
    }

    /// The outcome of loading one plugin among many (see ``loadAll(inFolders:into:)``).
    public struct Outcome: Sendable {
        public var path: String
        /// The names it registered, or why it was not loaded.
        public var result: Result<[String], AssayError>
    }

    /// Loads every plugin in `folders` (by default the ``defaultSearchPath(environment:)``),
    /// going on past failures, as the app does at start-up.
    public static func loadAll(
        inFolders folders: [String] = defaultSearchPath(),
        into registry: ExtractorRegistry
    ) -> [Outcome] {
        libraries(inFolders: folders).map { path in
            do {
                return Outcome(path: path, result: .success(try load(path: path, into: registry)))
            } catch let e as AssayError {
                return Outcome(path: path, result: .failure(e))
            } catch {
                return Outcome(path: path, result: .failure(AssayError(.pluginFailed, "plugin '\(path)': \(error)")))
            }
        }
    }

    /// The shared libraries (`*.so` on Linux, `*.dylib` on macOS) directly inside `folders`,
    /// folder by folder in the order given, sorted by name within each.
    ///
    /// Missing folders are skipped silently (the default folder need not exist). A copy of the
    /// core library itself (`libAssayCore.so`, which sits next to a freshly built plugin) is
    /// skipped too: it is not a plugin, and loading a second core would break the first.
    public static func libraries(inFolders folders: [String]) -> [String] {
        let fm = FileManager.default
        let suffix = SharedLibrary.fileSuffix
        var found: [String] = []
        for folder in folders {
            let dir = absolutePath(folder)
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for name in names.sorted() where name.hasSuffix(suffix) && !name.hasPrefix(".") {
                if name == "libAssayCore\(suffix)" { continue }
                let full = (dir as NSString).appendingPathComponent(name)
                var isFolder: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue { found.append(full) }
            }
        }
        return found
    }

    /// The folders plugins are loaded from at start-up: the entries of `$ASSAY_PLUGIN_PATH`
    /// (colon-separated; set it empty to load none), or else `~/.assay/plugins`.
    public static func defaultSearchPath(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> [String]
    {
        if let list = environment[searchPathVariable] {
            return list.split(separator: ":", omittingEmptySubsequences: true).map {
                expandTilde(String($0), environment)
            }
        }
        return [expandTilde("~/.assay/plugins", environment)]
    }

    // MARK: - Helpers

    /// Copies what the plugin registered in `scratch` into `registry`, after checking that no
    /// name is taken, so that a conflict registers nothing.
    private static func transfer(from scratch: ExtractorRegistry, into registry: ExtractorRegistry, plugin: String)
        throws
    {
        let kinds: [ExtractorTool.Kind] = [.evaluate, .train]
        for name in scratch.names where registry.extractor(named: name) != nil {
            throw AssayError(
                .duplicateExtractor,
                "cannot load plugin \(plugin): an extractor named '\(name)' is already registered (a plugin cannot be loaded twice or replace another's extractor)"
            )
        }
        for kind in kinds {
            for tool in scratch.tools(kind) where registry.tool(kind, named: tool.name) != nil {
                throw AssayError(
                    .duplicateExtractor,
                    "cannot load plugin \(plugin): a \(kind.rawValue) tool named '\(tool.name)' is already registered")
            }
        }
        var added: [String] = []
        do {
            for name in scratch.names {
                try registry.register(scratch.extractor(named: name)!)
                added.append(name)
            }
            for kind in kinds {
                for tool in scratch.tools(kind) { try registry.register(tool: tool) }
            }
        } catch {
            // Only reachable if another thread registered the same name in between.
            for name in added { registry.unregister(name) }
            throw error
        }
    }

    /// Maps a `dlopen` failure to a code: a missing symbol means the plugin was linked against
    /// another core (or none), which a rebuild fixes; anything else is reported as the linker said.
    private static func openFailure(_ shown: String, reason: String) -> AssayError {
        if reason.contains("undefined symbol") || reason.contains("symbol not found") {
            return AssayError(
                .incompatiblePlugin,
                "cannot load plugin \(shown): it does not match this version of AssayCore (\(oneLine(reason))); rebuild it"
            )
        }
        return AssayError(.notASharedLibrary, "cannot load plugin \(shown): \(oneLine(reason))")
    }

    private static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: " \t") }.joined(separator: " ")
    }

    private static func absolutePath(_ path: String) -> String {
        let expanded = expandTilde(path, ProcessInfo.processInfo.environment)
        if expanded.hasPrefix("/") { return expanded }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded)
    }

    private static func expandTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}
