import AssayCore
import Synchronization

/// The documents, extractors and named results of a session, plus the cache of whole-document
/// extractor output that makes repeated and composed queries cheap.
public final class Workspace {
    public let registry: ExtractorRegistry
    /// Loaded documents in load order.
    public private(set) var documents: [AnalyzedDocument] = []
    private var index: [String: Int] = [:]
    /// Named results (`let Q = ...`), and `last`, the most recent result.
    public var results: [String: ResultSet] = [:]
    /// Whole-document annotations per document id and extractor step.
    var cache: [String: [ExtractionPlan.Step: [Annotation]]] = [:]
    /// Whether rows of entities, quotes and entity-sentiment carry corpus-level names
    /// (``CorpusLinking``; `.link corpus|document`).
    public var linksCorpus = true
    /// The names table of the loaded documents: made when a pipeline first needs it, forgotten
    /// when documents are loaded or dropped (or extractors change), so it always describes the
    /// documents loaded now.
    private var corpusNames: CorpusNames?

    public init(registry: ExtractorRegistry) {
        self.registry = registry
    }

    /// Adds documents; a repeated id gets a `#2`, `#3` suffix. Analysis runs on all cores.
    /// - Returns: the ids added.
    @discardableResult
    public func add(_ docs: [Document]) -> [String] {
        // Give repeated ids their suffix first, so that each document is analysed once.
        var renamed: [Document] = []
        var taken = Set(index.keys)
        for var d in docs {
            if taken.contains(d.id) {
                var n = 2
                while taken.contains("\(d.id)#\(n)") { n += 1 }
                d.id = "\(d.id)#\(n)"
            }
            taken.insert(d.id)
            renamed.append(d)
        }
        let analysed = ParallelRunner().map(renamed) { AnalyzedDocument($0) }.compactMap { $0 }
        var ids: [String] = []
        for doc in analysed {
            index[doc.id] = documents.count
            documents.append(doc)
            ids.append(doc.id)
        }
        if !ids.isEmpty { corpusNames = nil }
        return ids
    }

    public func document(_ id: String) -> AnalyzedDocument? { index[id].map { documents[$0] } }

    /// Documents whose id matches any of the patterns (`*` and `?` wildcards; `all` for all).
    public func documents(matching patterns: [String]) throws -> [AnalyzedDocument] {
        if patterns.isEmpty || patterns == ["all"] { return documents }
        var chosen = Set<String>()
        for p in patterns {
            let hits = documents.filter { Wildcard.matches(p, $0.id) }
            if hits.isEmpty {
                let hint =
                    Suggestions.closest(to: p, among: documents.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                throw AssayError(.unknownDocument, "no document matches '\(p)'\(hint)")
            }
            for h in hits { chosen.insert(h.id) }
        }
        return documents.filter { chosen.contains($0.id) }
    }

    /// Removes documents. - Returns: how many were removed.
    public func drop(_ patterns: [String]) throws -> Int {
        let gone = Set(try documents(matching: patterns).map(\.id))
        documents.removeAll { gone.contains($0.id) }
        for id in gone { cache[id] = nil }
        if !gone.isEmpty { corpusNames = nil }
        index = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
        return gone.count
    }

    /// Forgets cached extractor output (after `define` or a plugin load changed an extractor).
    public func invalidateCache() {
        cache.removeAll()
        corpusNames = nil
    }

    /// The corpus linking of the loaded documents, computing their `entities` first where the
    /// cache lacks them (on all cores); nil when linking is off, no `entities` extractor is
    /// registered, or the run was interrupted.
    func corpusLinking(cancel: CancellationFlag?, progress: (@Sendable (Int, Int) -> Void)? = nil) throws
        -> CorpusLinking?
    {
        guard linksCorpus else { return nil }
        if let corpusNames { return CorpusLinking(corpusNames) }
        let step = ExtractionPlan.Step(CorpusLinking.entitiesExtractor)
        guard registry.extractor(named: step.name) != nil else { return nil }
        let plan = try ExtractionPlan([step], registry: registry, allowRepeats: true)
        let jobs = documents.map { ($0, cache[$0.id] ?? [:]) }
        let total = jobs.count
        let found = ParallelRunner().map(jobs, cancel: cancel, progress: { progress?($0, total) }) {
            job -> Result<(DocumentNames, [ExtractionPlan.Step: [Annotation]]), AssayError> in
            let run = DocumentExtraction(document: job.0, plan: plan, cache: job.1)
            do {
                let entities = try run.annotations(of: step)
                return .success((DocumentNames(entities: entities, in: job.0), run.cache))
            } catch {
                return .failure(error as? AssayError ?? AssayError(.extractionFailed, "\(step.name): \(error)"))
            }
        }
        var statistics = CorpusNameStatistics()
        var complete = true
        for (doc, outcome) in zip(documents, found) {
            guard let outcome else {
                complete = false
                continue
            }
            let (names, docCache) = try outcome.get()
            cache[doc.id] = docCache
            statistics.add(names)
        }
        guard complete else { return nil }
        let table = statistics.table()
        corpusNames = table
        return CorpusLinking(table)
    }
}

/// Shell-style `*` and `?` matching for document ids.
enum Wildcard {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        if !pattern.contains("*") && !pattern.contains("?") { return pattern == text }
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
