import ArgumentParser
import AssayCore

/// `assay eval NAME FILE`: an extractor's evaluation against annotated data.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an extractor against an annotated JSON Lines file (precision, recall, F1, ...).")

    @Argument(help: "The extractor to evaluate (see 'assay eval --list').")
    var name: String?

    @Argument(parsing: .allUnrecognized, help: "The tool's arguments, usually the data file.")
    var arguments: [String] = []

    @Flag(help: "List the extractors that have an evaluation.")
    var list = false

    @OptionGroup var pluginOptions: PluginOptions

    func run() throws {
        try ToolRunner.run(.evaluate, name: name, arguments: arguments, list: list, plugins: pluginOptions)
    }
}

/// `assay train NAME ...`: fits an extractor's model from data and writes the model file.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an extractor's model (e.g. 'assay train entities --train F --dev F --out F').")

    @Argument(help: "The extractor to train (see 'assay train --list').")
    var name: String?

    @Argument(parsing: .allUnrecognized, help: "The tool's arguments.")
    var arguments: [String] = []

    @Flag(help: "List the extractors that can be trained.")
    var list = false

    @OptionGroup var pluginOptions: PluginOptions

    func run() throws {
        try ToolRunner.run(.train, name: name, arguments: arguments, list: list, plugins: pluginOptions)
    }
}

enum ToolRunner {
    static func run(_ kind: ExtractorTool.Kind, name: String?, arguments: [String], list: Bool, plugins: PluginOptions)
        throws
    {
        let registry: ExtractorRegistry
        do { (registry, _) = try plugins.makeRegistry { StandardStreams.err($0 + "\n") } } catch {
            StandardStreams.err("assay: \(error)\n")
            throw ExitCode(2)
        }
        let tools = registry.tools(kind)
        guard let name, !list else {
            StandardStreams.out(
                tools.isEmpty
                    ? "no \(kind.rawValue) tools registered\n"
                    : tools.map {
                        "\($0.name.padding(toLength: 12, withPad: " ", startingAt: 0)) assay \(kind.rawValue) \($0.name) \($0.usage)\n    \($0.summary)\n"
                    }.joined())
            return
        }
        guard let tool = registry.tool(kind, named: name) else {
            let hint = Suggestions.closest(to: name, among: tools.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
            StandardStreams.err(
                "assay: no \(kind.rawValue) tool for '\(name)'\(hint); available: \(tools.map(\.name).joined(separator: ", "))\n"
            )
            throw ExitCode(2)
        }
        do {
            // Tools report line by line; a report that does not end its line gets a newline.
            try tool.run(arguments, registry) { StandardStreams.out($0.hasSuffix("\n") ? $0 : $0 + "\n") }
        } catch let e as AssayError where e.code == .invalidArgument {
            StandardStreams.err("assay: \(e)\nusage: assay \(kind.rawValue) \(name) \(tool.usage)\n")
            throw ExitCode(2)
        } catch {
            StandardStreams.err("assay: \(error)\n")
            throw ExitCode(1)
        }
    }
}
