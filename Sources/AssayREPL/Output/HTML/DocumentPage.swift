import AssayCore

/// The annotated view of one or more documents (`view ID`, `view RESULT`): each document's text
/// with its marks, one legend for the page, and every mark's fields embedded as JSON.
struct DocumentPage {
    struct Section {
        var document: AnalyzedDocument
        var marks: [MarkedSpan]
        /// A line under the document's heading (sentiment of the document, rows shown).
        var note: String
    }

    var title: String
    var subtitle: String
    var sections: [Section]
    /// Said at the end when documents were left out.
    var omitted = ""

    func render() -> String {
        let legend = Legend(marks: sections.flatMap(\.marks))
        return HTMLPage(
            title: title, subtitle: subtitle, headerExtra: legend.html,
            body: body(legend: legend), extraCSS: legend.css
        ).render()
    }

    /// The articles alone, for pages that hold views among other things (the report).
    func body(legend: Legend, idPrefix: String = "") -> String {
        let text = AnnotatedTextHTML(keyClass: legend.keyClass, extractorClass: legend.extractorClass)
        var out = ""
        for (n, s) in sections.enumerated() {
            let page = "\(idPrefix)\(n)"
            let fields = s.marks.sorted { $0.id < $1.id }.map { HTMLText.json($0.fields) }
            out +=
                "<article class=\"doc\" id=\"\(HTMLText.escape(idPrefix + "doc-" + HTMLText.slug(s.document.id)))\" data-page=\"\(page)\" data-doc=\"\(HTMLText.escape(s.document.id))\">\n"
            out += "<h2>\(HTMLText.escape(s.document.id))</h2>\n"
            out += "<p class=\"meta\">\(HTMLText.escape(s.note))</p>\n"
            out +=
                "<div class=\"text\">" + text.render(s.document, marks: s.marks, within: s.document.fullSpan)
                + "</div>\n"
            out += "<script type=\"application/json\" class=\"annotations\" data-page=\"\(page)\">"
            out += HTMLText.embeddedJSON("[" + fields.joined(separator: ",\n") + "]") + "</script>\n"
            out += "</article>\n"
        }
        if !omitted.isEmpty { out += "<p class=\"meta\">\(HTMLText.escape(omitted))</p>\n" }
        return out
    }

    /// Marks for extractor annotations; a document-wide sentiment becomes the note instead.
    static func section(_ doc: AnalyzedDocument, annotations: [Annotation]) -> Section {
        var marks: [MarkedSpan] = []
        var notes: [String] = []
        for a in annotations {
            if case .string("document")? = a["scope"] {
                let score = a["score"]?.number.map { String(format: "%+.2f", $0) } ?? ""
                notes.append("document \(a.extractor): \(a["label"]?.text ?? "") \(score)")
                continue
            }
            marks.append(MarkedSpan(id: marks.count, annotation: a, in: doc))
        }
        let counts = Dictionary(grouping: marks, by: \.key.extractor).map { "\($0.value.count) \($0.key)" }.sorted()
        notes.insert(counts.joined(separator: ", "), at: 0)
        return Section(document: doc, marks: marks, note: notes.filter { !$0.isEmpty }.joined(separator: "; "))
    }
}
