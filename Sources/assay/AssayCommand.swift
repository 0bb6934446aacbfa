import ArgumentParser
import AssayCore

@main
struct AssayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assay",
        abstract: "Pull quotes, numbers, named entities and sentiment out of news text.",
        discussion: """
            With no subcommand, opens the REPL (or, with standard input not a terminal, runs the \
            commands it reads there as a script). 'help' inside the REPL lists the commands.
            """,
        version: "0.1.0",
        subcommands: [Repl.self, Extract.self, Docs.self, Names.self, Eval.self, Train.self],
        defaultSubcommand: Repl.self
    )
}

/// Options shared by the commands that build a registry.
struct PluginOptions: ParsableArguments {
    @Option(
        name: .customLong("plugin"),
        help: ArgumentHelp("Load a runtime extractor plugin (a shared library); repeatable.", valueName: "PATH"))
    var plugins: [String] = []

    @Flag(
        name: .customLong("no-plugin-folder"), help: "Do not load plugins from $ASSAY_PLUGIN_PATH or ~/.assay/plugins.")
    var skipPluginFolder = false

    /// The registry with the built-in extractors, the plugin folder's and `--plugin`'s.
    /// - Returns: the registry and the plugins loaded, with the names they registered.
    func makeRegistry(report: (String) -> Void) throws -> (ExtractorRegistry, [(String, [String])]) {
        let registry = try BuiltinPlugins.makeRegistry()
        var loaded: [(String, [String])] = []
        let folderLibraries = skipPluginFolder ? [] : RuntimePlugins.librariesInSearchPath()
        for path in folderLibraries {
            do { loaded.append((path, try RuntimePlugins.load(path, into: registry))) } catch {
                report("warning: plugin \(path) not loaded: \(error)")
            }
        }
        for path in plugins {
            loaded.append((path, try RuntimePlugins.load(path, into: registry)))
        }
        return (registry, loaded)
    }
}
