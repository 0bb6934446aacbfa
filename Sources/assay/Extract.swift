import ArgumentParser
import AssayCore
import Foundation
import Synchronization

/// `assay extract --with quotes,numbers [--format jsonl] [PATH ... | -]`: the batch contract.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run extractors over documents and print one JSON object per document.",
        discussion: """
            Input: files or folders (one plain-text document per file), .jsonl files, .csv/.tsv \
            files (a document per row: the text from the text, body or content column or \
            --text-column, the id from the id column, every other column a field), web pages \
            (.html, .htm, .html.gz: the article's text), or '-' for JSON Lines on standard input \
            ({"id": ..., "text": ...} per line). Output, in input order: \
            {"id": ..., "annotations": [{"extractor", "start", "end", "text", ...fields}]} with \
            Unicode scalar offsets. Errors go to stderr one line each; the exit status is 1 if any \
            input failed, and the documents that could be read are still processed. An annotation \
            about the whole document ("scope": "document") has no "text". A JSON line may carry \
            "targets": [{"start", "end"}, ...] (Unicode scalar offsets): sentiment then adds one \
            {"scope": "target", "score", "label"} annotation on each span. Memory stays flat \
            however long the input: at most --batch-size documents are in flight at once.
            """)

    @Option(name: .customLong("with"), help: ArgumentHelp("Extractors to run, comma-separated.", valueName: "NAMES"))
    var extractors: String

    @Option(
        name: .customLong("define"),
        help: ArgumentHelp(
            "Define an extractor from a regular expression, as the REPL's define does: NAME=/REGEX/ (repeatable; use it in --with).",
            valueName: "NAME=/REGEX/"))
    var definitions: [String] = []

    @Option(help: "Output format: jsonl (one object per line) or json (one array).")
    var format: Format = .jsonl

    @Option(name: .customLong("batch-size"), help: "Documents in flight at once (memory use grows with it).")
    var batchSize = 256

    @Flag(
        name: .customLong("error-lines"),
        help: ArgumentHelp(
            "Write {\"id\", \"error\", \"code\"} in place of each input that fails, so the output has exactly one line per non-blank input line (for Spark's pipe() and Hadoop streaming); the exit status is then 0.",
            discussion:
                "Without it, a failed input is reported on stderr only, leaves no output line, and makes the exit status 1."
        ))
    var errorLines = false

    @Option(
        name: .customLong("link"),
        help: ArgumentHelp(
            "Names as the document gives them (document, the default) or one name and id per entity across the input (corpus).",
            discussion:
                "With corpus, entities get 'name' and 'entity_id', a quote's 'speaker' becomes the corpus name (with 'speaker_id'), entity-sentiment gets 'name' and 'entity_id'. Files and folders are read twice (a first pass collects the names, and keeps up to 256 MB of the documents it analysed and tagged for the second); standard input needs --names.",
            valueName: "MODE"))
    var link: LinkMode?

    @Option(
        name: .customLong("names"),
        help: ArgumentHelp(
            "A names table written by 'assay names PATH... > FILE' (implies --link corpus; needed on standard input).",
            valueName: "FILE"))
    var namesFile: String?

    @Argument(
        help: ArgumentHelp(
            "Files, folders, .jsonl, .csv/.tsv files, web pages, or - for JSON Lines on stdin (the default).",
            valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var inputOptions: InputOptions

    @OptionGroup var pluginOptions: PluginOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, json }
    enum LinkMode: String, ExpressibleByArgument, CaseIterable { case document, corpus }

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
        if namesFile != nil && link == .document {
            throw ValidationError("--names gives corpus-level names; it cannot go with --link document")
        }
    }

    /// The sources to read: the paths, or standard input.
    private var sources: [String] { paths.isEmpty ? ["-"] : paths }

    /// The corpus names table: read from `--names`, or collected by a first pass over the
    /// inputs (with what that pass kept for the second) and built while the second pass starts;
    /// nil without corpus linking.
    private func corpusLinking(registry: ExtractorRegistry) throws -> (LinkingUnderway, FirstPassDocuments)? {
        if let namesFile {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: namesFile)) } catch {
                throw AssayError(
                    FileManager.default.fileExists(atPath: namesFile) ? .unreadable : .fileNotFound,
                    "\(namesFile): cannot read the names table")
            }
            return (
                LinkingUnderway(CorpusLinking(try CorpusNames(json: data, name: namesFile))),
                FirstPassDocuments(budget: 0)
            )
        }
        guard link == .corpus else { return nil }  // document linking is the default
        guard !sources.contains("-") else {
            throw AssayError(
                .invalidArgument,
                "--link corpus reads its input twice, which standard input cannot be; write a names table with 'assay names PATH... > FILE' and pass --names FILE"
            )
        }
        let entities = try ExtractionPlan([.init(CorpusLinking.entitiesExtractor)], registry: registry)
        // The second pass reports unreadable inputs; the first stays quiet so each is told once.
        let pass = NamesPass(
            plan: entities, batchSize: batchSize, options: inputOptions.loadOptions, reportsErrors: false,
            keptBytes: FirstPassDocuments.defaultBudget)
        let collected = pass.collect(sources)
        let statistics = collected.statistics, folded = collected.folded
        return (LinkingUnderway { CorpusLinking(statistics, folded: folded) }, collected.documents)
    }

    func run() throws {
        let plan: ExtractionPlan
        /// The plan run per document: `plan`, plus `entities` when corpus linking needs them.
        let runPlan: ExtractionPlan
        let linking: LinkingUnderway?
        /// What a first pass found, for the second not to find it again.
        var firstPass = FirstPassDocuments(budget: 0)
        do {
            let (registry, _) = try pluginOptions.makeRegistry { StandardStreams.err($0 + "\n") }
            for d in definitions {
                guard let eq = d.firstIndex(of: "="), d[d.index(after: eq)...].hasPrefix("/"),
                    d.hasSuffix("/") || d.hasSuffix("/i"),
                    d.distance(from: eq, to: d.endIndex) > 2
                else {
                    throw AssayError(.invalidArgument, "--define takes NAME=/REGEX/ (or /REGEX/i), not '\(d)'")
                }
                let ignoreCase = d.hasSuffix("/i")
                let body = d[d.index(eq, offsetBy: 2)..<d.index(d.endIndex, offsetBy: ignoreCase ? -2 : -1)]
                try registry.register(
                    PatternExtractor(name: String(d[..<eq]), pattern: String(body), ignoreCase: ignoreCase))
            }
            let names = extractors.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            guard !names.isEmpty else { throw AssayError(.unknownExtractor, "--with names no extractor") }
            plan = try ExtractionPlan(names.map { .init($0) }, registry: registry)
            // Models load on their own threads from here on, while a names table is read or a
            // first pass collects the corpus's names.
            plan.prepareInBackground()
            // Linking changes only the annotations that name entities: without such a step it
            // would cost a pass of the tagger for nothing.
            if plan.steps.contains(where: { CorpusLinking.namingExtractors.contains($0.name) }) || namesFile != nil {
                let made = try corpusLinking(registry: registry)
                linking = made?.0
                if let made { firstPass = made.1 }
            } else {
                linking = nil
            }
            runPlan =
                linking == nil || plan.order.contains(CorpusLinking.entitiesExtractor)
                ? plan
                : try ExtractionPlan(
                    plan.steps + [.init(CorpusLinking.entitiesExtractor)], registry: registry, allowRepeats: true)
        } catch {
            StandardStreams.err("assay: \(error)\n")
            throw ExitCode(2)
        }
        // The entities model, when linking added it, loads while the workers start on the first
        // documents (a model already loading is not loaded twice).
        if runPlan.order != plan.order { runPlan.prepareInBackground() }
        let kept = firstPass
        let entitiesStep = ExtractionPlan.Step(CorpusLinking.entitiesExtractor)
        var writer = BatchWriter(format: format, flushEvery: batchSize)
        var failed = false
        let errorLines = errorLines
        // Parsing, analysis, extraction and JSON writing run on the worker threads; this thread
        // only cuts the input into lines and writes finished documents out, in input order.
        let stream = OrderedStream<BatchInput.Item, BatchInput.Outcome>(window: batchSize) { item in
            let analysed: AnalyzedDocument
            var found: [ExtractionPlan.Step: [Annotation]] = [:]
            // The names the first pass read from the mentions it kept (nil for others).
            var mentionNames: MentionNames?
            // A line the first pass analysed, unchanged, is not parsed again.
            if let (document, mentions, names) = kept.take(ofInput: item.number, line: item.line) {
                analysed = document
                found[entitiesStep] = mentions
                mentionNames = names
            } else {
                let doc: Document
                do {
                    guard let parsed = try item.document() else { return .blank }
                    doc = parsed
                } catch {
                    return .unreadable(AssayError.wrapping(error, item.source))
                }
                if let (document, mentions, names) = kept.take(ofInput: item.number, doc) {
                    analysed = document
                    found[entitiesStep] = mentions
                    mentionNames = names
                } else {
                    analysed = AnalyzedDocument(doc)
                }
            }
            do {
                var lists: [[Annotation]]
                var entities: [Annotation] = []
                do {
                    // The run (and its cache of each step's annotations) ends here, so that
                    // linking adds fields in place to annotations nothing else holds.
                    let run = DocumentExtraction(document: analysed, plan: runPlan, cache: found)
                    lists = try plan.steps.map { try run.annotations(of: $0) }
                    if linking != nil { entities = try run.annotations(of: entitiesStep) }
                }
                found = [:]
                // With the run gone the first step's array (most of the annotations) is held
                // only here, so it grows into the output without copying its annotations; the
                // other steps' are appended.
                var all: [Annotation] = []
                if !lists.isEmpty { swap(&all, &lists[0]) }
                all.reserveCapacity(lists.reduce(all.count) { $0 + $1.count })
                for list in lists.dropFirst() { all.append(contentsOf: list) }
                lists = []
                // Sorted in place: `sorted` would copy every annotation into a new array and
                // then destroy the old one.
                all.sort { $0.span < $1.span }
                if let linking {
                    // A table still being built is not waited for: the writing thread links
                    // this document when it comes to it, and this worker goes on to the next.
                    guard let ready = linking.ifReady else {
                        return .unlinked(
                            BatchInput.Unlinked(
                                document: analysed, annotations: all, entities: entities, mentionNames: mentionNames))
                    }
                    all = ready.link(
                        consume all, entities: consume entities, mentionNames: mentionNames, in: analysed)
                }
                return .line(BatchInput.line(analysed, all))
            } catch {
                return .failed(id: analysed.id, error as? AssayError ?? AssayError(.extractionFailed, "\(error)"))
            }
        } consume: { outcome in
            switch outcome {
            case .line(let bytes): writer.write(bytes)
            case .unlinked(let document):
                // Only with a linking, which the document waits for here.
                writer.write(document.linkedLine(linking!.linking))
            case .blank: break
            case .unreadable(let e):
                failed = true
                StandardStreams.err("assay: \(e)\n")
                if errorLines { writer.write(BatchWriter.errorLine(id: nil, e)) }
            case .failed(let id, let e):
                failed = true
                StandardStreams.err("assay: \(id): \(e)\n")
                if errorLines { writer.write(BatchWriter.errorLine(id: id, e)) }
            }
        }
        // Inputs are numbered as the first pass numbered them, to find what it kept.
        var number = 0
        func submit(_ item: BatchInput.Item) {
            var item = item
            item.number = number
            number += 1
            stream.submit(item)
        }
        for source in sources {
            // An input that cannot be read takes its place in the stream, so that --error-lines
            // answers it in order.
            let ok = BatchInput.read(source, options: inputOptions.loadOptions, submit) {
                submit(BatchInput.Item(failure: $0))
            }
            if !ok { failed = true }
        }
        stream.finish()
        writer.finish()
        // With --error-lines every failure is answered in the output itself, where the caller
        // (a Spark or streaming task) reads it; a non-zero status would make it fail the task.
        if failed && !errorLines { throw ExitCode(1) }
    }
}

/// Streams the inputs of a path or stdin without holding them all.
enum BatchInput {
    /// One input to come: a JSON line still to parse (on a worker thread), a loaded file, or an
    /// input that could not be read.
    struct Item: Sendable {
        var line: [UInt8] = []
        var lineNumber = 0
        var source = ""
        var loaded: Document?
        var failure: AssayError?
        /// Its place among all inputs of the run (counting blank lines and failures).
        var number = 0
        var maximumLineBytes = LoadOptions.defaultMaximumDocumentBytes

        /// The document, or nil for a blank line.
        func document() throws -> Document? {
            if let failure { throw failure }
            if let loaded { return loaded }
            return try JSONLinesParser(source: source, maximumLineBytes: maximumLineBytes).document(
                from: line, lineNumber: lineNumber)
        }
    }

    /// What became of one input.
    enum Outcome: Sendable {
        case line([UInt8])
        /// Extracted, to be linked before it is written.
        case unlinked(Unlinked)
        case blank
        case unreadable(AssayError)
        case failed(id: String, AssayError)
    }

    /// A document's annotations before corpus linking, with what linking reads; linked once.
    ///
    /// A class whose annotations linking takes out, so that it holds their only copy and adds
    /// fields in place, as a worker does (a value still held by the stream's outcome would
    /// make linking copy every mention's fields).
    final class Unlinked: Sendable {
        private let document: AnalyzedDocument
        /// The annotations and the document's `entities` mentions, until linked.
        private let annotations: Mutex<(all: [Annotation], entities: [Annotation])>
        /// The names of the mentions, if a first pass read them.
        private let mentionNames: MentionNames?

        init(document: AnalyzedDocument, annotations: [Annotation], entities: [Annotation], mentionNames: MentionNames?)
        {
            self.document = document
            self.annotations = Mutex((annotations, entities))
            self.mentionNames = mentionNames
        }

        /// The document's output line, its annotations linked by `linking`.
        func linkedLine(_ linking: CorpusLinking) -> [UInt8] {
            let (all, entities) = annotations.withLock { held in
                defer { held = ([], []) }
                return held
            }
            return BatchInput.line(
                document,
                linking.link(consume all, entities: consume entities, mentionNames: mentionNames, in: document))
        }
    }

    /// The batch contract's output line of `document` with `annotations`, and its line break.
    static func line(_ document: AnalyzedDocument, _ annotations: [Annotation]) -> [UInt8] {
        var json = JSONWriter()
        json.contractLine(document, annotations)
        json.raw("\n")
        return json.bytes
    }

    /// Calls `body` for each input `source` holds. - Returns: false if the source was unusable.
    /// `warns`: whether loader warnings go to stderr (not in a first pass that a second repeats).
    static func read(
        _ source: String, options: LoadOptions, warns: Bool = true, _ body: (Item) -> Void,
        onError: (AssayError) -> Void
    ) -> Bool {
        if source != "-", let warning = DocumentLoader.specialFileWarning(source) {
            if warns { StandardStreams.err("assay: warning: \(warning)\n") }
            return true
        }
        if source == "-" || DocumentLoader.isJSONLines(source) {
            let reader: LineReader
            do { reader = try LineReader(path: source, maximumLineBytes: options.maximumDocumentBytes) } catch {
                onError(AssayError.wrapping(error, source))
                return false
            }
            let name = source == "-" ? "stdin" : source
            var lineNumber = 0
            while let line = reader.next() {
                lineNumber += 1
                body(
                    Item(
                        line: line, lineNumber: lineNumber, source: name, maximumLineBytes: options.maximumDocumentBytes
                    ))
            }
            return true
        }
        let loader = DocumentLoader(options: options)
        let files: [String]
        do { files = try loader.expand(source) } catch {
            onError(AssayError.wrapping(error, source))
            return false
        }
        for file in files {
            let result = loader.load([file])
            for e in result.errors { onError(e) }
            for w in result.warnings where warns { StandardStreams.err("assay: warning: \(w)\n") }
            for d in result.documents { body(Item(source: file, loaded: d)) }
        }
        return true
    }
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
    /// Documents after which output is sent even when the buffer is small, so a reader
    /// downstream (a Spark task) sees results as they are done.
    let flushEvery: Int
    private var count = 0
    private var buffer: [UInt8] = []

    init(format: Extract.Format, flushEvery: Int) {
        self.format = format
        self.flushEvery = flushEvery
    }

    /// Writes one object, given as a line: its JSON and a line break.
    mutating func write(_ line: [UInt8]) {
        switch format {
        case .jsonl:
            // A long line (most documents' are) goes out as it is: copying it into the buffer
            // would copy the whole output once more.
            if line.count >= Self.bufferedLineBytes {
                flush()
                StandardStreams.outOrExitOnClosedPipe(line)
            } else {
                buffer += line
            }
        case .json:
            buffer += Array((count == 0 ? "[\n" : ",\n").utf8)
            buffer += line.dropLast()
        }
        count += 1
        if buffer.count > 1 << 16 || count % flushEvery == 0 { flush() }
    }

    /// Lines shorter than this are gathered, to be sent with others in one write.
    private static let bufferedLineBytes = 1 << 13

    /// Sends what is buffered (whole lines only) to stdout.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        StandardStreams.outOrExitOnClosedPipe(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finish() {
        if format == .json { buffer += Array((count == 0 ? "[]\n" : "\n]\n").utf8) }
        flush()
    }

    /// The `--error-lines` answer for an input that failed: `{"id", "error", "code"}`, and its
    /// line break.
    static func errorLine(id: String?, _ error: AssayError) -> [UInt8] {
        var json = JSONWriter()
        json.object([
            ("id", id.map(Value.string) ?? .null), ("error", .string(error.message)),
            ("code", .string(error.code.rawValue))
        ])
        json.raw("\n")
        return json.bytes
    }
}
