import AssayCore

/// `save report FILE.html`: the session's named results in one file to send to a colleague —
/// each one's pipeline, chart (when it has a natural one) and sortable table (first 1,000 rows),
/// with links into views of the documents its rows come from.
struct ReportPage {
    static let rowLimit = 1000
    /// Document views the report embeds at most, in the order results first touch them.
    static let documentLimit = 100

    var results: [(name: String, result: ResultSet)]

    func render() -> String {
        // Every row in a document becomes a mark in that document's view, keyed by its result.
        var sections: [DocumentPage.Section] = []
        var sectionOf: [String: Int] = [:]
        var anchors: [String: [Int: String]] = [:]  // result name → row index → anchor id
        for (name, result) in results {
            for (i, r) in result.records.prefix(ReportPage.rowLimit).enumerated() {
                guard let doc = r.document, let span = r.span else { continue }
                if sectionOf[doc.id] == nil {
                    guard sections.count < ReportPage.documentLimit else { continue }
                    sectionOf[doc.id] = sections.count
                    sections.append(.init(document: doc, marks: [], note: ""))
                }
                let s = sectionOf[doc.id]!
                if span == doc.fullSpan && r.value(of: "extractor") == nil {
                    anchors[name, default: [:]][i] = "doc-" + HTMLText.slug(doc.id)
                    continue
                }
                var mark = MarkedSpan(
                    id: sections[s].marks.count, span: span,
                    fields: [("result", .string(name))] + r.fields.map { ($0.key, $0.value) })
                mark.key = LegendKey(extractor: name, label: mark.key.label)
                sections[s].marks.append(mark)
                anchors[name, default: [:]][i] = "doc-" + HTMLText.slug(doc.id)
            }
        }
        for i in sections.indices {
            let names = Set(sections[i].marks.map(\.key.extractor)).sorted()
            sections[i].note =
                "\(sections[i].marks.count) rows marked"
                + (names.isEmpty ? "" : " from " + names.joined(separator: ", "))
        }
        let views = DocumentPage(title: "", subtitle: "", sections: sections)
        let legend = Legend(marks: sections.flatMap(\.marks))
        var body =
            "<nav class=\"toc\"><p>"
            + results.map {
                "<a href=\"#r-\(HTMLText.slug($0.name))\">\(HTMLText.escape($0.name))</a> (\($0.result.records.count))"
            }.joined(separator: " · ") + "</p></nav>\n"
        for (name, result) in results {
            body += section(name, result, anchors: anchors[name] ?? [:])
        }
        if !sections.isEmpty {
            body += "<h2>Documents</h2>\n" + views.body(legend: legend)
        }
        let total = results.reduce(0) { $0 + $1.result.records.count }
        return HTMLPage(
            title: "Assay report", subtitle: "\(results.count) results, \(total) rows, \(sections.count) documents",
            headerExtra: sections.isEmpty ? "" : legend.html, body: body, extraCSS: legend.css
        ).render()
    }

    private func section(_ name: String, _ result: ResultSet, anchors: [Int: String]) -> String {
        var out = "<section class=\"result\" id=\"r-\(HTMLText.slug(name))\">\n<h2>\(HTMLText.escape(name))</h2>\n"
        let caption = "let \(name) = \(result.origin?.pipeline ?? "")"
        if let model = try? ChartInference.model(for: result, field: nil, title: caption),
            ResultShape(result) != .rows || result.columns.count == 2
        {
            out += ChartPage.figure(model, svg: ChartSVG.render(model))
        }
        let columns = result.columns
        out += "<table class=\"rows\"><caption>\(HTMLText.escape(caption))"
        if result.records.count > ReportPage.rowLimit {
            out += " (first \(ReportPage.rowLimit) of \(result.records.count) rows)"
        }
        out +=
            "</caption>\n<thead><tr>" + columns.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for (i, r) in result.records.prefix(ReportPage.rowLimit).enumerated() {
            out += "<tr>"
            for c in columns {
                let v = r.value(ofExact: c) ?? .null
                let text = HTMLText.escape(v.text)
                let numeric = v.number != nil && !v.isText
                var cell = text
                if c == "doc", let anchor = anchors[i] { cell = "<a href=\"#\(anchor)\">\(text)</a>" }
                out += "<td\(numeric ? " class=\"num\"" : "") data-v=\"\(text)\">\(cell)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }
}
