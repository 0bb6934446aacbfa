import AssayCore
import Foundation

/// `view`, `chart` and `save report`: pages written atomically and opened in the browser on a
/// desktop (or their path printed).
extension Session {
    /// Documents a result view shows at most (a page of thousands of articles helps nobody).
    static let viewDocumentLimit = 200

    func runVisual(_ command: VisualCommand, at location: Location) throws {
        switch command {
        case .view(let target, let marks, let file):
            let (page, name) = try viewPage(target, marks: marks)
            try deliver(page, kind: "view", name: name, file: file, at: location)
        case .chart(let source, let field, let file):
            let result: ResultSet
            let name: String
            switch source {
            case .result(let n):
                guard let r = workspace.results[n] else {
                    throw AssayError(.unknownName, "no result named '\(n)' (see 'results')")
                }
                result = r
                name = n
            case .pipeline(let p):
                result = try runPipeline(p)
                workspace.results["last"] = result
                name = "last"
            }
            let model = try ChartInference.model(for: result, field: field, title: result.origin?.pipeline ?? name)
            let svg = ChartSVG.render(model)
            let ext = (file.map { ($0 as NSString).pathExtension.lowercased() }) ?? "html"
            guard ext == "svg" || ext == "html" || ext == "htm" else {
                throw AssayError(.invalidArgument, "a chart is saved as .svg or .html, not '.\(ext)'")
            }
            let text = ext == "svg" ? svg : ChartPage(model: model, svg: svg).render()
            try deliver(text, kind: "chart", name: name, file: file, at: location)
        case .report(let file):
            let named = workspace.results.filter { $0.key != "last" }
            guard !named.isEmpty else {
                throw AssayError(.unknownName, "no named results to report: keep some with 'let NAME = ...' first")
            }
            let ordered = named.sorted {
                ($0.value.origin?.serial ?? 0, $0.key) < ($1.value.origin?.serial ?? 0, $1.key)
            }
            let report = ReportPage(results: ordered.map { ($0.key, $0.value) })
            try deliver(report.render(), kind: "report", name: "report", file: file, at: location)
        }
    }

    /// The page of `view TARGET`: a named result (or `last`) when there is one by that name,
    /// else a document.
    private func viewPage(_ target: String, marks: [String]) throws -> (String, String) {
        if let result = workspace.results[target] {
            if !marks.isEmpty {
                throw AssayError(
                    .invalidArgument,
                    "'with' marks extractors in a document view; 'view \(target)' marks the result's rows")
            }
            return (try ResultView.page(result, name: target, limit: Session.viewDocumentLimit), target)
        }
        guard let doc = workspace.document(target) ?? (try? workspace.documents(matching: [target]))?.first else {
            let hint =
                Suggestions.closest(to: target, among: workspace.documents.map(\.id) + Array(workspace.results.keys))
                .map { " (did you mean '\($0)'?)" } ?? ""
            throw AssayError(
                .unknownDocument, "no document or result '\(target)'\(hint); 'docs' and 'results' list them")
        }
        let defaults = ["entities", "quotes", "numbers", "sentiment"].filter {
            workspace.registry.extractor(named: $0) != nil
        }
        let chosen = marks.isEmpty ? defaults : marks
        var annotations: [Annotation] = []
        if !chosen.isEmpty {
            let plan = try ExtractionPlan(chosen.map { .init($0) }, registry: workspace.registry)
            let run = DocumentExtraction(document: doc, plan: plan, cache: workspace.cache[doc.id] ?? [:])
            for step in plan.steps { annotations += try run.annotations(of: step) }
            workspace.cache[doc.id] = run.cache
        }
        let page = DocumentPage(
            title: doc.id, subtitle: "\(doc.document.source) · marked: \(chosen.joined(separator: ", "))",
            sections: [DocumentPage.section(doc, annotations: annotations)])
        return (page.render(), doc.id)
    }

    /// Writes the page to FILE, or to a temporary file that is opened on a desktop.
    private func deliver(_ text: String, kind: String, name: String, file: String?, at location: Location) throws {
        if let file {
            try AtomicFile.write(text, to: resolve(file, relativeTo: location.directory))
            sink.write("saved \(kind) of \(name) to \(file)\n")
            return
        }
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("assay-\(getuid())")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("\(kind)-\(HTMLText.slug(name)).html")
        try AtomicFile.write(text, to: path)
        if settings.open, BrowserOpener.open(path) {
            sink.write("opened \(kind) of \(name): \(path)\n")
        } else {
            sink.write("wrote \(kind) of \(name): \(path)\n")
        }
    }
}
