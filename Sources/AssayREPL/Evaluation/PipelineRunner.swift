import AssayCore
import Synchronization

/// Checks and runs pipelines against a ``Workspace``.
///
/// Checking happens before any document is touched: every extractor stage must resolve, with
/// its requirements, into one ``ExtractionPlan``. Running is stage by stage; extractor stages
/// run per document on all cores, reusing the workspace's cache of whole-document output.
public final class PipelineRunner {
    public let workspace: Workspace
    /// Set by a Ctrl-C handler to stop a long run; the rows found so far are kept.
    public var cancel: CancellationFlag?
    /// Called with (documents done, documents in the stage) while an extractor stage runs.
    public var progress: (@Sendable (Int, Int) -> Void)?
    private var declaredFields: Set<String> = []

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The extractors a pipeline will run, requirements first, with the plan that runs them.
    public func plan(_ p: Pipeline) throws -> ExtractionPlan {
        var steps: [ExtractionPlan.Step] = []
        if case .name(let n, let options, _) = p.source, workspace.results[n] == nil {
            steps.append(.init(n, options: options))
        }
        for s in p.stages {
            if case .extract(let n, let options, _) = s { steps.append(.init(n, options: options)) }
            if case .setOperation(_, let n, _) = s, workspace.results[n] == nil {
                throw AssayError(.unknownName, "no result named '\(n)' (see 'results')")
            }
        }
        return try ExtractionPlan(steps, registry: workspace.registry, allowRepeats: true)
    }

    public func run(_ p: Pipeline) throws -> ResultSet {
        let plan = try plan(p)
        // Fields an extractor declares may be absent from every row (an optional attribute no
        // document needed): naming them is not an error.
        declaredFields = Set(
            plan.steps.flatMap { s in
                plan.extractor(s.name).descriptor.fields.flatMap { [$0.name, "\(s.name).\($0.name)"] }
            })
        var partial = false
        var records: [Record]
        switch p.source {
        case .documents(let patterns):
            records = try workspace.documents(matching: patterns).map { Record(document: $0) }
        case .search(let pattern, let ignoreCase):
            let search = try PatternExtractor(name: "search", pattern: pattern, ignoreCase: ignoreCase)
            let found = ParallelRunner().map(workspace.documents, cancel: cancel) { doc in
                Result {
                    try search.extract(from: doc, in: doc.fullSpan, context: ExtractionContext()).map {
                        Record(annotation: $0, in: doc)
                    }
                }
            }
            partial = found.contains { $0 == nil }
            // A pattern that spent its budget on a document fails the search with that error.
            records = try found.compactMap { $0 }.flatMap { try $0.get() }
        case .name(let n, let options, _):
            if let named = workspace.results[n] {
                records = named.records
                partial = named.partial
            } else {
                (records, partial) = try extract(.init(n, options: options), plan: plan, over: nil)
            }
        }
        var selected: [String]?
        for stage in p.stages {
            if case .select = stage {} else if stage.reshapesRows { selected = nil }
            switch stage {
            case .extract(let n, let options, _):
                // After an interruption, no more extraction; the shaping stages still run so
                // that `entities | count` shows a partial count rather than raw rows.
                if partial { continue }
                (records, partial) = try extract(.init(n, options: options), plan: plan, over: records)
            case .filter(let predicate):
                try checkFields(predicate.fields, in: records)
                records = try records.filter { try predicate.holds(for: $0) }
            case .sort(let keys):
                try checkFields(keys.map(\.field), in: records)
                records = Self.sorted(records, by: keys)
            case .limit(let n):
                records = Array(records.prefix(n))
            case .select(let fields):
                selected = fields
                try checkFields(fields, in: records)
                records = records.map { r in
                    Record(document: r.document, span: r.span, fields: fields.map { ($0, r.value(of: $0) ?? .null) })
                }
            case .count(let by, let minimum):
                try checkFields(by, in: records)
                records = Aggregation.count(records, by: by, minimum: minimum)
            case .group(let field):
                try checkFields([field], in: records)
                records = Aggregation.group(records, by: field)
            case .stats(let field, let by):
                try checkFields([field] + by, in: records)
                records = Aggregation.stats(records, field: field, by: by)
            case .setOperation(let op, let n, _):
                records = Aggregation.combine(records, op, workspace.results[n]!.records)
            }
        }
        var result = ResultSet(records: records, partial: partial)
        result.selectedColumns = selected
        return result
    }

    // MARK: - Extractor stages

    /// Runs `step` over whole documents (`input == nil`) or inside each input row's span.
    private func extract(_ step: ExtractionPlan.Step, plan: ExtractionPlan, over input: [Record]?) throws -> (
        [Record], Bool
    ) {
        struct Job: Sendable {
            var document: AnalyzedDocument
            var cache: [ExtractionPlan.Step: [Annotation]]
            var rows: [Int]  // indices into the input, or empty for a whole-document run
        }
        var jobs: [Job] = []
        if let input {
            var position: [String: Int] = [:]
            for (i, r) in input.enumerated() {
                guard let d = r.document, r.span != nil else {
                    throw AssayError(
                        .invalidArgument,
                        "'\(step.name)' cannot run on computed rows (after count, group or stats): extract first, then aggregate"
                    )
                }
                if let j = position[d.id] {
                    jobs[j].rows.append(i)
                } else {
                    position[d.id] = jobs.count
                    jobs.append(Job(document: d, cache: workspace.cache[d.id] ?? [:], rows: [i]))
                }
            }
        } else {
            jobs = workspace.documents.map { Job(document: $0, cache: workspace.cache[$0.id] ?? [:], rows: []) }
        }
        // Rows that name entities carry their corpus-level names (made before the parallel run:
        // the table needs every document's entities).
        let linking =
            CorpusLinking.namingExtractors.contains(step.name)
            ? try workspace.corpusLinking(cancel: cancel, progress: progress) : nil
        let total = jobs.count
        let progress = self.progress
        let inputRows = input ?? []
        typealias Output = Result<(rows: [(Int, [Record])], cache: [ExtractionPlan.Step: [Annotation]]), AssayError>
        let outputs: [Output?] = ParallelRunner().map(jobs, cancel: cancel, progress: { progress?($0, total) }) {
            job -> Output in
            let run = DocumentExtraction(document: job.document, plan: plan, cache: job.cache)
            do {
                let resolver = try linking.map { l in
                    CorpusLinking.DocumentResolver(
                        names: l.names,
                        entities: try run.annotations(of: ExtractionPlan.Step(CorpusLinking.entitiesExtractor)),
                        in: job.document)
                }
                func linked(_ found: [Annotation]) -> [Annotation] {
                    guard let resolver else { return found }
                    return found.map { resolver.link($0, in: job.document) }
                }
                if job.rows.isEmpty {
                    let found = linked(try run.annotations(of: step))
                    return .success(([(0, found.map { Record(annotation: $0, in: job.document) })], run.cache))
                }
                var rows: [(Int, [Record])] = []
                for i in job.rows {
                    let parent = inputRows[i]
                    let found = linked(try run.annotations(of: step, in: parent.span!))
                    rows.append((i, found.map { Record(annotation: $0, in: job.document, parent: parent) }))
                }
                return .success((rows, run.cache))
            } catch let e as AssayError {
                return .failure(e)
            } catch {
                return .failure(AssayError(.extractionFailed, "\(step.name): \(error)"))
            }
        }
        var partial = false
        var byRow: [[Record]] = Array(repeating: [], count: max(inputRows.count, 1))
        var wholeDocument: [Record] = []
        for (job, output) in zip(jobs, outputs) {
            guard let output else {
                partial = true
                continue
            }
            switch output {
            case .failure(let e): throw e
            case .success(let r):
                workspace.cache[job.document.id] = r.cache
                if job.rows.isEmpty {
                    wholeDocument += r.rows.first?.1 ?? []
                } else {
                    for (i, recs) in r.rows { byRow[i] = recs }
                }
            }
        }
        return (input == nil ? wholeDocument : byRow.flatMap { $0 }, partial)
    }

    // MARK: - Helpers

    private func checkFields(_ fields: [String], in records: [Record]) throws {
        guard let sample = records.first else { return }
        var columns = ResultSet(records: Array(records.prefix(200))).columns
        columns += FieldReference.documentFieldNames(in: records).filter { !columns.contains($0) }
        for f in fields
        where !declaredFields.contains(f) && sample.value(of: f) == nil
            && !records.contains(where: { $0.value(of: f) != nil })
        {
            let bare = columns.map { $0.split(separator: ".").last.map(String.init) ?? $0 }
            let hint = Suggestions.closest(to: f, among: columns + bare).map { " (did you mean '\($0)'?)" } ?? ""
            throw AssayError(
                .unknownField, "no field '\(f)' in this result\(hint); fields: \(columns.joined(separator: ", "))")
        }
    }

    static func sorted(_ records: [Record], by keys: [(field: String, descending: Bool)]) -> [Record] {
        let indexed = records.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            for k in keys {
                let x = a.1.value(of: k.field) ?? .null, y = b.1.value(of: k.field) ?? .null
                if Value.ordered(x, y) { return !k.descending }
                if Value.ordered(y, x) { return k.descending }
            }
            return a.0 < b.0  // stable
        }.map(\.1)
    }
}
