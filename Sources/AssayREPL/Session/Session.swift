import AssayCore
import Foundation

/// A REPL session: the workspace, the settings, and the execution of commands typed at the
/// prompt or read from a script.
public final class Session {
    public let workspace: Workspace
    public let runner: PipelineRunner
    public var settings = Settings()
    /// Whether a person is at a terminal (prompt, colour, progress, carets under errors).
    public let interactive: Bool
    /// Whether standard output is a terminal (for `.color auto`).
    public let outputIsTerminal: Bool
    /// Set by the app's Ctrl-C handler; a long run stops and keeps its partial result.
    public let cancel = CancellationFlag()
    /// Loads a runtime plugin into the registry and returns the extractor names it added.
    public var pluginLoader: ((String) throws -> [String])?
    /// Loaded plugins, by path, with their extractors.
    public private(set) var plugins: [(path: String, extractors: [String])] = []
    /// The largest document `load` accepts (`--max-document-mb`); larger ones are refused
    /// with `E306`.
    public var maximumDocumentBytes = LoadOptions.defaultMaximumDocumentBytes
    /// Set by `quit`.
    public private(set) var wantsQuit = false
    /// Whether any command has failed (the exit status of a script).
    public private(set) var hadError = false

    let sink: OutputSink
    private let errorOutput: (String) -> Void
    var definedNames: Set<String> = []

    public init(
        registry: ExtractorRegistry, interactive: Bool, outputIsTerminal: Bool,
        output: @escaping (String) -> Void, errors: @escaping (String) -> Void
    ) {
        workspace = Workspace(registry: registry)
        runner = PipelineRunner(workspace: workspace)
        runner.cancel = cancel
        self.interactive = interactive
        self.outputIsTerminal = outputIsTerminal
        sink = OutputSink(standardOutput: output)
        errorOutput = errors
        if !interactive { settings.color = .off }
        settings.bars = interactive && outputIsTerminal
        settings.open = interactive
    }

    var useColor: Bool {
        switch settings.color {
        case .on: return true
        case .off: return false
        case .auto:
            return interactive && outputIsTerminal && !sink.isRedirected
                && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }

    var renderer: ResultRenderer {
        var r = ResultRenderer()
        r.mode = settings.mode
        r.headers = settings.headers
        r.color = useColor
        r.maxCellWidth = settings.width
        r.nullText = settings.nullValue
        r.contextWidth = settings.context
        r.contextInWords = settings.contextInWords
        return r
    }

    // MARK: - Running text

    /// Where a line came from, for error messages (`line 3: ...`, `script.assay line 3: ...`).
    public struct Location: Sendable {
        public var script: String?
        public var line: Int
        public var directory: String
        public init(script: String?, line: Int, directory: String) {
            self.script = script
            self.line = line
            self.directory = directory
        }
        var prefix: String { (script.map { "\($0) " } ?? "") + "line \(line)" }
    }

    /// Runs the commands of one line (separated by `;`). Stops at the first failing command.
    /// - Returns: whether every command succeeded.
    @discardableResult
    public func run(line: String, at location: Location) -> Bool {
        var allSucceeded = true
        for (text, offset) in CommandSplitter.split(line) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            if settings.echo { sink.write(trimmed + "\n") }
            let started = Date()
            let ok = execute(text, at: location, lineOffset: offset, fullLine: line)
            if settings.timer {
                errorOutput(String(format: "time: %.3f s\n", Date().timeIntervalSince(started)))
            }
            cancel.reset()
            BoundedRegex.interruption.reset()
            if !ok {
                allSucceeded = false
                // `.bail off` (`--keep-going`) runs the rest of the line too, as it would the
                // rest of the script.
                if settings.bail { return false }
            }
            if wantsQuit { return allSucceeded }
        }
        return allSucceeded
    }

    /// Runs a script: `#` comments, blank lines, and lines ending in `|` or `\` continued on the
    /// next line. With `.bail on` (the default) it stops at the first error.
    /// - Returns: whether every command succeeded.
    @discardableResult
    public func runScript(name: String?, directory: String, nextLine: () -> String?) -> Bool {
        var lineNumber = 0
        var ok = true
        var pending = ""
        var pendingStart = 0
        while !wantsQuit, let raw = nextLine() {
            lineNumber += 1
            var line = raw
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty && (trimmed.isEmpty || trimmed.hasPrefix("#")) { continue }
            if pending.isEmpty { pendingStart = lineNumber }
            if trimmed.hasSuffix("\\") {
                pending += String(trimmed.dropLast()) + " "
                continue
            }
            if trimmed.hasSuffix("|") {
                pending += trimmed + " "
                continue
            }
            pending += line
            let success = run(line: pending, at: Location(script: name, line: pendingStart, directory: directory))
            pending = ""
            if !success {
                ok = false
                if settings.bail { break }
            }
        }
        if !pending.isEmpty, !wantsQuit {
            ok = run(line: pending, at: Location(script: name, line: pendingStart, directory: directory)) && ok
        }
        return ok
    }

    private func execute(_ text: String, at location: Location, lineOffset: Int, fullLine: String) -> Bool {
        do {
            let command = try Parser.parse(text)
            try execute(command, at: location)
            return true
        } catch let e as CommandSyntaxError {
            report(e.description, at: location)
            if interactive { errorOutput(e.caret(under: text.trimmingTrailingWhitespace()) + "\n") }
        } catch let e as AssayError {
            report(e.description, at: location)
        } catch {
            report("\(error)", at: location)
        }
        hadError = true
        return false
    }

    private func report(_ message: String, at location: Location) {
        if interactive && location.script == nil {
            errorOutput("error: \(message)\n")
        } else {
            errorOutput("\(location.prefix): \(message)\n")
        }
    }

    func note(_ message: String) { errorOutput(message + "\n") }

    // MARK: - Commands

    public func execute(_ command: Command, at location: Location) throws {
        switch command {
        case .pipeline(let p):
            let result = try runPipeline(p)
            workspace.results["last"] = result
            let shown = settings.bars && settings.mode == .table ? TerminalBars.adding(to: result) : result
            try sink.writeResult(renderer.render(shown))
        case .assign(let name, let p):
            if workspace.registry.extractor(named: name) != nil || name == "docs" {
                throw AssayError(.invalidArgument, "'\(name)' is an extractor name; choose another name for the result")
            }
            let result = try runPipeline(p)
            workspace.results[name] = result
            workspace.results["last"] = result
            sink.write(
                "\(name): \(result.records.count) row\(result.records.count == 1 ? "" : "s")\(result.partial ? " (partial: interrupted)" : "")\n"
            )
        case .explain(let p):
            try sink.writeResult(explain(p))
        case .kwic(let p):
            let result = try runPipeline(p)
            workspace.results["last"] = result
            var r = renderer
            r.mode = .kwic
            try sink.writeResult(r.render(result))
        case .load(let paths, var options):
            options.maximumDocumentBytes = maximumDocumentBytes
            try load(paths, options: options, relativeTo: location.directory)
        case .listDocuments:
            let result = ResultSet(records: workspace.documents.map { Record(document: $0) })
            workspace.results["last"] = result
            try sink.writeResult(renderer.render(result))
        case .showDocument(let id, let sentence, let marks):
            try sink.writeResult(try show(id, sentence: sentence, marks: marks))
        case .dropDocuments(let patterns):
            let n = try workspace.drop(patterns)
            sink.write("dropped \(n) document\(n == 1 ? "" : "s"); \(workspace.documents.count) left\n")
        case .listExtractors:
            let rows = workspace.registry.descriptors.map { d in
                Record(
                    document: nil, span: nil,
                    fields: [
                        ("name", .string(d.name)), ("summary", .string(d.summary)),
                        ("requires", .string(d.requires.joined(separator: ", "))), ("version", .string(d.version))
                    ])
            }
            try sink.writeResult(renderer.render(ResultSet(records: rows)))
        case .describe(let name):
            sink.write(HelpCatalog.text(for: try workspace.registry.require(name).descriptor))
        case .define(let name, let definition):
            try define(name, definition, relativeTo: location.directory)
        case .undefine(let name):
            guard definedNames.contains(name) else {
                throw AssayError(
                    .unknownExtractor,
                    workspace.registry.extractor(named: name) == nil
                        ? "no extractor named '\(name)'" : "'\(name)' was not made with define and cannot be removed")
            }
            workspace.registry.unregister(name)
            definedNames.remove(name)
            workspace.invalidateCache()
        case .save(let name, let path):
            let key = name ?? "last"
            guard let result = workspace.results[key] else {
                throw AssayError(
                    .unknownName,
                    name == nil ? "nothing to save yet: run a query first" : "no result named '\(key)' (see 'results')")
            }
            var r = renderer
            r.color = false
            r.maxCellWidth = 0
            let ext = (path as NSString).pathExtension
            if let m = OutputMode(fileExtension: ext) { r.mode = m }
            let target = resolve(path, relativeTo: location.directory)
            try AtomicFile.write(r.render(result), to: target)
            sink.write(
                "saved \(result.records.count) row\(result.records.count == 1 ? "" : "s") to \(path) (\(r.mode.rawValue))\n"
            )
        case .listResults:
            let rows = workspace.results.keys.sorted().map { k in
                Record(
                    document: nil, span: nil,
                    fields: [
                        ("name", .string(k)), ("rows", .int(workspace.results[k]!.records.count)),
                        ("columns", .string(workspace.results[k]!.columns.joined(separator: ", ")))
                    ])
            }
            try sink.writeResult(renderer.render(ResultSet(records: rows)))
        case .dropResult(let name):
            guard workspace.results.removeValue(forKey: name) != nil else {
                throw AssayError(.unknownName, "no result named '\(name)'")
            }
        case .pluginLoad(let path):
            guard let pluginLoader else { throw AssayError(.pluginFailed, "this build cannot load plugins") }
            let full = resolve(path, relativeTo: location.directory)
            let names = try pluginLoader(full)
            plugins.append((full, names))
            workspace.invalidateCache()
            sink.write("loaded \(path): \(names.joined(separator: ", "))\n")
        case .listPlugins:
            let rows = plugins.map {
                Record(
                    document: nil, span: nil,
                    fields: [("path", .string($0.path)), ("extractors", .string($0.extractors.joined(separator: ", ")))]
                )
            }
            try sink.writeResult(renderer.render(ResultSet(records: rows)))
        case .help(let topic):
            sink.write(try help(topic))
        case .quit:
            wantsQuit = true
        case .setting(let name, let args):
            try applySetting(name, args, at: location)
        case .visual(let v):
            try runVisual(v, at: location)
        }
    }

    /// Records a plugin loaded before the session started (`--plugin`, the plugin folder).
    public func notePluginLoaded(path: String, extractors: [String]) {
        plugins.append((path, extractors))
    }

    func runPipeline(_ p: Pipeline) throws -> ResultSet {
        let progress = ProgressReporter(enabled: interactive, write: errorOutput)
        if progress.enabled {
            runner.progress = { @Sendable (done: Int, total: Int) -> Void in progress.update(done, total) }
        } else {
            runner.progress = nil
        }
        var result: ResultSet
        do {
            result = try runner.run(p)
            result.origin = ResultOrigin(pipeline: p.text)
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
        if result.partial { note("interrupted: partial result kept (\(result.records.count) rows)") }
        return result
    }

    private func explain(_ p: Pipeline) throws -> String {
        let plan = try runner.plan(p)
        var out = "pipeline: \(p.text.trimmingCharacters(in: .whitespaces))\n"
        switch p.source {
        case .documents(let pats):
            out +=
                "input: documents \(pats.isEmpty ? "(all \(workspace.documents.count))" : pats.joined(separator: " "))\n"
        case .search(let pattern, _):
            out += "input: matches of /\(pattern)/ in all \(workspace.documents.count) documents\n"
        case .name(let n, _, _):
            out +=
                workspace.results[n] != nil
                ? "input: result '\(n)' (\(workspace.results[n]!.records.count) rows)\n"
                : "input: all \(workspace.documents.count) documents\n"
        }
        out += "extractors run, in order:\n"
        let asked = Set(plan.steps.map(\.name))
        for (i, n) in plan.order.enumerated() {
            let d = plan.extractor(n).descriptor
            let why =
                asked.contains(n)
                ? "asked for"
                : "required by "
                    + plan.order.filter { plan.extractor($0).descriptor.requires.contains(n) }.joined(separator: ", ")
            out +=
                "  \(i + 1). \(n) (\(why))\(d.requires.isEmpty ? "" : "; requires \(d.requires.joined(separator: ", "))")\n"
        }
        if plan.order.isEmpty { out += "  (none)\n" }
        out += "stages:\n"
        for s in p.stages { out += "  | \(Session.describe(s))\n" }
        return out
    }

    static func describe(_ s: Pipeline.Stage) -> String {
        switch s {
        case .extract(let n, _, _): return "\(n) inside each row"
        case .filter: return "where (filter rows)"
        case .sort(let k):
            return "sort by " + k.map { $0.field + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        case .limit(let n): return "limit \(n)"
        case .count(let by, let m):
            return by.isEmpty ? "count" : "count by \(by.joined(separator: ", "))" + (m > 0 ? " min \(m)" : "")
        case .select(let f): return "select \(f.joined(separator: ", "))"
        case .group(let f): return "group by \(f)"
        case .stats(let f, let by): return "stats \(f)" + (by.isEmpty ? "" : " by \(by.joined(separator: ", "))")
        case .setOperation(let op, let n, _): return "\(op.rawValue) \(n)"
        }
    }

    func resolve(_ path: String, relativeTo directory: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") || path == "-" { return expanded }
        return (directory as NSString).appendingPathComponent(expanded)
    }

    public func load(
        _ paths: [String], options: LoadOptions = LoadOptions(),
        relativeTo directory: String = FileManager.default.currentDirectoryPath
    ) throws {
        let result = DocumentLoader(options: options).load(paths.map { resolve($0, relativeTo: directory) })
        for w in result.warnings { note("warning: \(w)") }
        let ids = workspace.add(result.documents)
        if !ids.isEmpty || result.errors.isEmpty {
            sink.write(
                "loaded \(ids.count) document\(ids.count == 1 ? "" : "s") (\(workspace.documents.count) in session)\n")
        }
        if let first = result.errors.first {
            for e in result.errors.dropLast() { note("error: \(e.description)") }
            if result.errors.count > 1 { throw result.errors.last! }
            throw first
        }
    }

}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = self
        while s.last?.isWhitespace == true { s.removeLast() }
        return s
    }
}
