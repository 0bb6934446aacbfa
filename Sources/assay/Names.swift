import ArgumentParser
import AssayCore
import Foundation

/// `assay names PATH... > FILE`: the corpus's names table, for `assay extract --link corpus
/// --names FILE` on standard input (a cluster job computes it once and ships it).
struct Names: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Collect the corpus-level names table of documents (for 'assay extract --link corpus --names FILE').",
        discussion: """
            Runs the entities extractor over the inputs (files, folders, .jsonl files, or '-' for \
            JSON Lines on standard input) and prints a small JSON table of name forms and the \
            corpus entities they belong to ("Donald J. Trump", "Mr. Trump" → "Donald Trump"; \
            "U.N." → "United Nations"), with what resolves a lone surname from its document's \
            other names. Memory grows with the number of distinct names, not of documents.
            """)

    @Argument(
        help: ArgumentHelp(
            "Files, folders, .jsonl files, or - for JSON Lines on stdin (the default).", valueName: "PATH"))
    var paths: [String] = []

    @Option(name: .customLong("batch-size"), help: "Documents in flight at once (memory use grows with it).")
    var batchSize = 256

    @OptionGroup var inputOptions: InputOptions

    @OptionGroup var pluginOptions: PluginOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        let plan: ExtractionPlan
        do {
            let (registry, _) = try pluginOptions.makeRegistry { StandardStreams.err($0 + "\n") }
            plan = try ExtractionPlan([.init(CorpusLinking.entitiesExtractor)], registry: registry)
        } catch {
            StandardStreams.err("assay: \(error)\n")
            throw ExitCode(2)
        }
        let pass = NamesPass(plan: plan, batchSize: batchSize, options: inputOptions.loadOptions)
        let collected = pass.collect(paths.isEmpty ? ["-"] : paths)
        var data = collected.statistics.table().encoded()
        data.append(UInt8(ascii: "\n"))
        StandardStreams.outOrExitOnClosedPipe(Array(data))
        if !collected.ok { throw ExitCode(1) }
    }
}

/// The first pass of corpus linking: the names statistics of inputs, read in a stream (errors
/// reported on stderr one line each, as `assay extract` reports them).
struct NamesPass {
    let plan: ExtractionPlan
    let batchSize: Int
    let options: LoadOptions
    /// Whether failed inputs and loader warnings are reported on stderr (not when a second pass
    /// reports them).
    var reportsErrors = true
    /// How many bytes of analysed documents to keep for a second pass (none for a names table
    /// alone).
    var keptBytes = 0

    /// What a pass collected.
    struct Collected {
        var statistics: CorpusNameStatistics
        /// What is kept for a second pass over the same inputs.
        var documents: FirstPassDocuments
        /// The names' folded words, for the second pass not to fold them again.
        var folded: FoldedNames
        /// False if some input failed.
        var ok: Bool
    }

    func collect(_ sources: [String]) -> Collected {
        let folded = FoldedNames()
        var collected = Collected(
            statistics: CorpusNameStatistics(), documents: FirstPassDocuments(budget: keptBytes), folded: folded,
            ok: true)
        let plan = plan
        let step = ExtractionPlan.Step(CorpusLinking.entitiesExtractor)
        typealias Found = (
            names: MentionNames, document: AnalyzedDocument, mentions: [Annotation], line: [UInt8]
        )
        let stream = OrderedStream<BatchInput.Item, Result<Found?, AssayError>>(window: batchSize) { item in
            do {
                guard let doc = try item.document() else { return .success(nil) }
                let analysed = AnalyzedDocument(doc)
                let entities = try DocumentExtraction(document: analysed, plan: plan).annotations(of: step)
                let names = MentionNames(entities: entities, in: analysed, folded: folded)
                return .success((names, analysed, entities, item.line))
            } catch {
                return .failure(AssayError.wrapping(error, item.source))
            }
        } consume: { outcome in
            switch outcome {
            case .success(let found?):
                var names = found.names
                collected.statistics.add(numbering: &names)
                collected.documents.append(found.document, mentions: found.mentions, names: names, line: found.line)
            case .success(nil):
                collected.documents.append(nil, mentions: [])
            case .failure(let e):
                collected.documents.append(nil, mentions: [])
                collected.ok = false
                if reportsErrors { StandardStreams.err("assay: \(e)\n") }
            }
        }
        for source in sources
        where !BatchInput.read(
            source, options: options, warns: reportsErrors, stream.submit,
            onError: { stream.submit(BatchInput.Item(failure: $0)) })
        {
            collected.ok = false
        }
        stream.finish()
        return collected
    }
}
