import ArgumentParser
import AssayCore
import AssayREPL
import Foundation

/// `assay [PATH ...] [-e COMMANDS] [-f SCRIPT]`: the REPL, or a script run without a terminal.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the REPL (the default), or run commands from -e, -f or standard input.",
        discussion: """
            On a terminal: a prompt with line editing, history (~/.assay/history, or $ASSAY_HISTORY) \
            and tab completion. With standard input not a terminal, the same commands are read from \
            it with no prompt, banner or colour; errors go to stderr as 'line N: message', the \
            script stops at the first error (unless --keep-going) and the exit status is 1 if a \
            command failed.
            """)

    @Argument(
        help: ArgumentHelp(
            "Documents to load first: files, folders, glob patterns, .jsonl, .csv/.tsv files or web pages.",
            valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var inputOptions: InputOptions

    @Option(
        name: .short,
        help: ArgumentHelp("Run these commands (separated by ';') and exit; repeatable.", valueName: "COMMANDS"))
    var execute: [String] = []

    @Option(name: .short, help: ArgumentHelp("Run the commands in a script file and exit.", valueName: "FILE"))
    var file: String?

    @Flag(
        name: .customLong("keep-going"), help: "Keep running a script after a failed command (exit status is still 1).")
    var keepGoing = false

    @OptionGroup var pluginOptions: PluginOptions

    func run() throws {
        let interactive = execute.isEmpty && file == nil && StandardStreams.stdinIsTerminal
        let (registry, plugins): (ExtractorRegistry, [(String, [String])])
        do {
            (registry, plugins) = try pluginOptions.makeRegistry { StandardStreams.err($0 + "\n") }
        } catch {
            StandardStreams.err("assay: \(error)\n")
            throw ExitCode(2)
        }
        let session = Session(
            registry: registry, interactive: interactive,
            outputIsTerminal: StandardStreams.stdoutIsTerminal,
            output: StandardStreams.out, errors: StandardStreams.err)
        session.pluginLoader = { path in try RuntimePlugins.load(path, into: registry) }
        for (path, names) in plugins { session.notePluginLoaded(path: path, extractors: names) }
        if keepGoing { session.settings.bail = false }
        session.maximumDocumentBytes = inputOptions.loadOptions.maximumDocumentBytes
        let cwd = FileManager.default.currentDirectoryPath

        if !paths.isEmpty {
            do { try session.load(paths, options: inputOptions.loadOptions) } catch {
                StandardStreams.err("assay: \(error)\n")
                if !interactive && !keepGoing { throw ExitCode(1) }
            }
        }

        if !execute.isEmpty {
            var lines = execute.makeIterator()
            session.runScript(name: nil, directory: cwd) { lines.next() }
        } else if let file {
            do { try session.read((file as NSString).expandingTildeInPath, shownAs: file) } catch let e as AssayError
                where e.code == .fileNotFound
            {
                StandardStreams.err("assay: \(e)\n")
                throw ExitCode(2)
            } catch {}
        } else if interactive {
            InteractiveLoop(session: session).run()
        } else {
            session.runScript(name: nil, directory: cwd) { Swift.readLine(strippingNewline: true) }
        }
        if session.hadError { throw ExitCode(1) }
    }
}

/// The prompt loop on a terminal.
struct InteractiveLoop {
    let session: Session

    func run() {
        let env = ProcessInfo.processInfo.environment
        let history =
            env["ASSAY_HISTORY"]
            ?? ((env["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".assay/history")
        let editor = LineEditor(historyPath: history, completer: Completer(session: session))
        SignalHandling.install(cancelling: session.cancel)
        let docs = session.workspace.documents.count
        let extractors = session.workspace.registry.names
        StandardStreams.out(
            """
            Assay 0.1.0: \(docs) document\(docs == 1 ? "" : "s") loaded; extractors: \(extractors.joined(separator: ", ")).
            Type 'help' for commands, Tab to complete, Ctrl-D or 'quit' to leave.

            """)
        var lineNumber = 0
        var pending = ""
        while !session.wantsQuit {
            switch editor.read(prompt: pending.isEmpty ? "assay> " : "  ...> ") {
            case .endOfInput:
                StandardStreams.out("\n")
                return
            case .interrupted:
                StandardStreams.out("^C\n")
                pending = ""
                continue
            case .line(let line):
                lineNumber += 1
                editor.remember(line)
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasSuffix("|") || trimmed.hasSuffix("\\") {
                    pending += (trimmed.hasSuffix("\\") ? String(trimmed.dropLast()) : trimmed) + " "
                    continue
                }
                let text = pending + line
                pending = ""
                session.run(
                    line: text,
                    at: .init(script: nil, line: lineNumber, directory: FileManager.default.currentDirectoryPath))
            }
        }
    }
}
