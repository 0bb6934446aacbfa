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
            input failed, and the documents that could be read are still processed. An annotation \
            about the whole document ("scope": "document") has no "text". Memory stays flat \
            however long the input: at most --batch-size documents are in flight at once.
            """)

    @Option(name: .customLong("with"), help: ArgumentHelp("Extractors to run, comma-separated.", valueName: "NAMES"))
    var extractors: String

    @Option(name: .customLong("define"), help: ArgumentHelp("Define an extractor from a regular expression, as the REPL's define does: NAME=/REGEX/ (repeatable; use it in --with).", valueName: "NAME=/REGEX/"))
    var definitions: [String] = []

    @Option(help: "Output format: jsonl (one object per line) or json (one array).")
    var format: Format = .jsonl

    @Option(name: .customLong("batch-size"), help: "Documents in flight at once (memory use grows with it).")
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
        // Parsing, analysis, extraction and JSON writing run on the worker threads; this thread
        // only cuts the input into lines and writes finished documents out, in input order.
        // Each document becomes its output line or one line of error for stderr.
        let stream = OrderedStream<BatchInput.Item, Result<[UInt8], BatchInput.Failure>>(window: batchSize) { item in
            let doc: Document
            do {
                guard let parsed = try item.document() else { return .success([]) }
                doc = parsed
            } catch {
                return .failure(BatchInput.Failure(message: "\(error)"))
            }
            do {
                let analysed = AnalyzedDocument(doc)
                let found = try plan.run(analysed)
                let all = plan.steps.flatMap { found[$0.name] ?? [] }.sorted { $0.span < $1.span }
                var json = JSONWriter()
                json.contractLine(analysed, all)
                return .success(json.bytes)
            } catch let e as AssayError {
                return .failure(BatchInput.Failure(message: "\(doc.id): \(e)"))
            } catch {
                return .failure(BatchInput.Failure(message: "\(doc.id): \(AssayError(.extractionFailed, "\(error)"))"))
            }
        } consume: { result in
            switch result {
            case .success(let bytes): if !bytes.isEmpty { writer.write(bytes) }
            case .failure(let f): failed = true; StandardStreams.err("assay: \(f.message)\n")
            }
        }
        let sources = paths.isEmpty ? ["-"] : paths
        for source in sources {
            let ok = BatchInput.read(source, stream.submit) { message in
                failed = true
                StandardStreams.err("assay: \(message)\n")
            }
            if !ok { failed = true }
        }
        stream.finish()
        writer.finish()
        if failed { throw ExitCode(1) }
    }
}

/// Streams the documents of a path or stdin without holding them all.
enum BatchInput {
    /// A document that could not be read or extracted, as its line of error.
    struct Failure: Error, Sendable { var message: String }

    /// One document to come: a JSON line still to parse (on a worker thread), or a loaded file.
    struct Item: Sendable {
        var line: [UInt8] = []
        var lineNumber = 0
        var source = ""
        var loaded: Document?

        /// The document, or nil for a blank line.
        func document() throws -> Document? {
            if let loaded { return loaded }
            return try JSONLinesParser(source: source).document(from: line, lineNumber: lineNumber)
        }
    }

    /// Calls `body` for each document `source` holds. - Returns: false if the source was unusable.
    static func read(_ source: String, _ body: (Item) -> Void, onError: (String) -> Void) -> Bool {
        if source == "-" || DocumentLoader.isJSONLines(source) {
            let reader: LineReader
            do { reader = try LineReader(path: source) } catch { onError("\(error)"); return false }
            let name = source == "-" ? "stdin" : source
            var lineNumber = 0
            while let line = reader.next() {
                lineNumber += 1
                body(Item(line: line, lineNumber: lineNumber, source: name))
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
            for d in result.documents { body(Item(loaded: d)) }
        }
        return true
    }
}

/// Writes the batch output as JSON Lines or as one JSON array, streaming either way.
struct BatchWriter {
    let format: Extract.Format
    private var count = 0
    private var buffer: [UInt8] = []

    init(format: Extract.Format) { self.format = format }

    mutating func write(_ object: [UInt8]) {
        switch format {
        case .jsonl:
            buffer += object
            buffer.append(UInt8(ascii: "\n"))
        case .json:
            buffer += Array((count == 0 ? "[\n" : ",\n").utf8)
            buffer += object
        }
        count += 1
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func finish() {
        if format == .json { buffer += Array((count == 0 ? "[]\n" : "\n]\n").utf8) }
        flush()
    }

    private mutating func flush() {
        StandardStreams.out(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
