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

    @Flag(name: .customLong("error-lines"), help: ArgumentHelp(
        "Write {\"id\", \"error\", \"code\"} in place of each input that fails, so the output has exactly one line per non-blank input line (for Spark's pipe() and Hadoop streaming); the exit status is then 0.",
        discussion: "Without it, a failed input is reported on stderr only, leaves no output line, and makes the exit status 1."))
    var errorLines = false

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
        var batch: [BatchItem] = []
        let errorLines = errorLines
        func flush() {
            let runner = ParallelRunner()
            let lines = runner.map(batch) { item -> Result<String, AssayError> in
                guard case .document(let doc) = item else { return .success("") }
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
            for (item, line) in zip(batch, lines) {
                switch (item, line) {
                case (.failed(let e), _):
                    writer.write(BatchWriter.errorLine(id: nil, e))
                case (.document, .success(let text)?): writer.write(text)
                case (.document(let doc), .failure(let e)?):
                    failed = true
                    StandardStreams.err("assay: \(doc.id): \(e)\n")
                    if errorLines { writer.write(BatchWriter.errorLine(id: doc.id, e)) }
                case (.document, nil): break
                }
            }
            batch.removeAll(keepingCapacity: true)
            writer.flush()
        }
        let sources = paths.isEmpty ? ["-"] : paths
        for source in sources {
            let ok = BatchInput.read(source) { doc in
                batch.append(.document(doc))
                if batch.count >= batchSize { flush() }
            } onError: { error in
                failed = true
                StandardStreams.err("assay: \(error)\n")
                if errorLines { batch.append(.failed(error)) }
            }
            if !ok { failed = true }
        }
        flush()
        writer.finish()
        // With --error-lines every failure is answered in the output itself, where the caller
        // (a Spark or streaming task) reads it; a non-zero status would make it fail the task.
        if failed && !errorLines { throw ExitCode(1) }
    }
}

/// Streams documents from a path or stdin without holding them all.
enum BatchInput {
    /// Calls `body` for each document `source` holds. - Returns: false if the source was unusable.
    static func read(_ source: String, _ body: (Document) -> Void, onError: (AssayError) -> Void) -> Bool {
        if source == "-" || DocumentLoader.isJSONLines(source) {
            let reader: LineReader
            do { reader = try LineReader(path: source) } catch { onError(AssayError.wrapping(error, source)); return false }
            var parser = JSONLinesParser(source: source == "-" ? "stdin" : source)
            while let line = reader.next() {
                do {
                    if let doc = try parser.parse(line) { body(doc) }
                } catch {
                    onError(AssayError.wrapping(error, source))
                }
            }
            return true
        }
        let loader = DocumentLoader()
        let files: [String]
        do { files = try loader.expand(source) } catch { onError(AssayError.wrapping(error, source)); return false }
        for file in files {
            let result = loader.load([file])
            for e in result.errors { onError(e) }
            for w in result.warnings { StandardStreams.err("assay: warning: \(w)\n") }
            result.documents.forEach(body)
        }
        return true
    }
}

/// One input of a batch: a document to extract from, or an input that could not be read (kept
/// in its place so that `--error-lines` can answer it in order).
enum BatchItem: Sendable {
    case document(Document)
    case failed(AssayError)
}

extension AssayError {
    /// `error` as an ``AssayError``, or an unreadable-input error naming `source`.
    static func wrapping(_ error: any Error, _ source: String) -> AssayError {
        error as? AssayError ?? AssayError(.unreadable, "\(source): \(error)")
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
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    /// Sends what is buffered (whole lines only) to stdout, so a reader downstream sees each batch
    /// as soon as it is done.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        StandardStreams.outOrExitOnClosedPipe(buffer)
        buffer = ""
    }

    mutating func finish() {
        if format == .json { buffer += count == 0 ? "[]\n" : "\n]\n" }
        flush()
    }

    /// The `--error-lines` answer for an input that failed: `{"id", "error", "code"}`.
    static func errorLine(id: String?, _ error: AssayError) -> String {
        var json = JSONWriter()
        json.object([("id", id.map(Value.string) ?? .null), ("error", .string(error.message)),
                     ("code", .string(error.code.rawValue))])
        return json.output
    }
}
