import AssayCore

/// `view RESULT`: every document a result touches, each row's span marked with its fields.
enum ResultView {
    /// The documents of a result in the order their first rows come, with their rows' marks.
    static func sections(_ result: ResultSet) -> [DocumentPage.Section] {
        var order: [String] = []
        var byDoc: [String: (AnalyzedDocument, [MarkedSpan])] = [:]
        for r in result.records {
            guard let doc = r.document, let span = r.span else { continue }
            if byDoc[doc.id] == nil {
                order.append(doc.id)
                byDoc[doc.id] = (doc, [])
            }
            // A row that is the whole document (`docs`) shows the document unmarked.
            if span == doc.fullSpan && r.value(of: "extractor") == nil { continue }
            let id = byDoc[doc.id]!.1.count
            byDoc[doc.id]!.1.append(MarkedSpan(id: id, span: span, fields: r.fields.map { ($0.key, $0.value) }))
        }
        return order.map { id in
            let (doc, marks) = byDoc[id]!
            return DocumentPage.Section(
                document: doc, marks: marks, note: "\(marks.count) row\(marks.count == 1 ? "" : "s") marked")
        }
    }

    static func page(_ result: ResultSet, name: String, limit: Int) throws -> String {
        let all = sections(result)
        guard !all.isEmpty else {
            throw AssayError(
                .invalidArgument,
                result.records.isEmpty
                    ? "result '\(name)' has no rows"
                    : "result '\(name)' has no rows in documents (computed by count, group or stats): 'chart \(name)' draws it"
            )
        }
        var page = DocumentPage(
            title: "\(name): \(result.records.count) rows in \(all.count) document\(all.count == 1 ? "" : "s")",
            subtitle: result.origin?.pipeline ?? name, sections: Array(all.prefix(limit)))
        if all.count > limit { page.omitted = "showing the first \(limit) of \(all.count) documents" }
        return page.render()
    }
}
