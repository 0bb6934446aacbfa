import ArgumentParser
import AssayCore
import Foundation

/// `assay extract --with quotes,numbers [--format jsonl] [PATH ... | -]`: the batch contract.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run extractors over documents and print one JSON object per document.",
        discussion: """
            Input: files or folders (one plain-text document per file), .jsonl files, or '-' for \
            JSON Lines on standard input ({"id": ..., "text": ...} per line). Output, in input order: \
            {"id": ..., "annotations": [{"extractor", "start", "end", "text", ...fields}]} with \
            Unicode scalar offsets. Errors go to stderr one line each; the exit status is 1 if any \
            input failed, and the documents that could be read are still processed. Memory stays \
            flat however long the input: documents are read, extracted and written in batches.
            """)

    @Option(name: .customLong("with"), help: ArgumentHelp("Extractors to run, comma-separated.", valueName: "NAMES"))
    var extractors: String

    @Option(name: .customLong("define"), help: ArgumentHelp("Define an extractor from a regular expression, as the REPL's define does: NAME=/REGEX/ (repeatable; use it in --with).", valueName: "NAME=/REGEX/"))
    var definitions: [String] = []

    @Option(help: "Output format: jsonl (one object per line) or json (one array).")
    var format: Format = .jsonl

    @Option(name: .customLong("batch-size"), help: "Documents processed together (memory use grows with it).")
    var batchSize = 256

    @Argument(help: ArgumentHelp("Files, folders, .jsonl files, or - for JSON Lines on stdin (the default).", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var pluginOptions: PluginOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, json }

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        let plan: ExtractionPlan
        do {
            let (registry, _) = try pluginOptions.makeRegistry { StandardStreams.err($0 + "\n") }
            for d in definitions {
                guard let eq = d.firstIndex(of: "="), d[d.index(after: eq)...].hasPrefix("/"), d.hasSuffix("/") || d.hasSuffix("/i"),
                      d.distance(from: eq, to: d.endIndex) > 2 else {
                    throw AssayError(.invalidArgument, "--define takes NAME=/REGEX/ (or /REGEX/i), not '\(d)'")
                }
                let ignoreCase = d.hasSuffix("/i")
                let body = d[d.index(eq, offsetBy: 2)..<d.index(d.endIndex, offsetBy: ignoreCase ? -2 : -1)]
                try registry.register(PatternExtractor(name: String(d[..<eq]), pattern: String(body), ignoreCase: ignoreCase))
            }
            let names = extractors.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw AssayError(.unknownExtractor, "--with names no extractor") }
            plan = try ExtractionPlan(names.map { .init($0) }, registry: registry)
        } catch {
            StandardStreams.err("assay: \(error)\n")
            throw ExitCode(2)
        }
        var writer = BatchWriter(format: format)
        var failed = false
        var batch: [Document] = []
        func flush() {
            let runner = ParallelRunner()
            let lines = runner.map(batch) { doc -> Result<String, AssayError> in
                let analysed = AnalyzedDocument(doc)
                do {
                    let found = try plan.run(analysed)
                    let all = plan.steps.flatMap { found[$0.name] ?? [] }.sorted { $0.span < $1.span }
                    return .success(analysed.contractJSONLine(all))
                } catch let e as AssayError {
                    return .failure(e)
                } catch {
                    return .failure(AssayError(.extractionFailed, "\(error)"))
                }
            }
            for (doc, line) in zip(batch, lines) {
                switch line {
                case .success(let text)?: writer.write(text)
                case .failure(let e)?: failed = true; StandardStreams.err("assay: \(doc.id): \(e)\n")
                case nil: break
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        let sources = paths.isEmpty ? ["-"] : paths
        for source in sources {
            let ok = BatchInput.read(source) { doc in
                batch.append(doc)
                if batch.count >= batchSize { flush() }
            } onError: { message in
                failed = true
                StandardStreams.err("assay: \(message)\n")
            }
            if !ok { failed = true }
        }
        flush()
        writer.finish()
        if failed { throw ExitCode(1) }
    }
}

/// Streams documents from a path or stdin without holding them all.
enum BatchInput {
    /// Calls `body` for each document `source` holds. - Returns: false if the source was unusable.
    static func read(_ source: String, _ body: (Document) -> Void, onError: (String) -> Void) -> Bool {
        if source == "-" || DocumentLoader.isJSONLines(source) {
            let reader: LineReader
            do { reader = try LineReader(path: source) } catch { onError("\(error)"); return false }
            var parser = JSONLinesParser(source: source == "-" ? "stdin" : source)
            while let line = reader.next() {
                do {
                    if let doc = try parser.parse(line) { body(doc) }
                } catch {
                    onError("\(error)")
                }
            }
            return true
        }
        let loader = DocumentLoader()
        let files: [String]
        do { files = try loader.expand(source) } catch { onError("\(error)"); return false }
        for file in files {
            let result = loader.load([file])
            for e in result.errors { onError("\(e)") }
            for w in result.warnings { StandardStreams.err("assay: warning: \(w)\n") }
            result.documents.forEach(body)
        }
        return true
    }
}

/// Writes the batch output as JSON Lines or as one JSON array, streaming either way.
struct BatchWriter {
    let format: Extract.Format
    private var count = 0
    private var buffer = ""

    init(format: Extract.Format) { self.format = format }

    mutating func write(_ object: String) {
        switch format {
        case .jsonl: buffer += object + "\n"
        case .json: buffer += (count == 0 ? "[\n" : ",\n") + object
        }
        count += 1
        if buffer.utf8.count > 1 << 16 { StandardStreams.out(buffer); buffer = "" }
    }

    mutating func finish() {
        if format == .json { buffer += count == 0 ? "[]\n" : "\n]\n" }
        StandardStreams.out(buffer)
        buffer = ""
    }
}
