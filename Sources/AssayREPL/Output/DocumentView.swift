import AssayCore
import Foundation

/// Renders a document's text with annotations marked inline: `[Xi Jinping|PERSON]` in plain
/// text, coloured spans on a terminal. Sentence-level annotations (sentiment) are shown as a
/// tag before their sentence.
struct DocumentView {
    var color: Bool

    private static let palette = ["36", "32", "33", "35", "34", "31"]

    func render(_ doc: AnalyzedDocument, annotations: [(extractor: Int, annotation: Annotation)], within span: Span)
        -> String
    {
        struct Event {
            var at: Int
            var open: Bool
            var length: Int
            var text: String
            var color: String
        }
        var events: [Event] = []
        var prefixes: [Int: [String]] = [:]
        for (index, a) in annotations where span.overlaps(a.span) || span == a.span {
            let c = DocumentView.palette[index % DocumentView.palette.count]
            let label = DocumentView.label(a)
            if isSentenceLevel(a, in: doc) {
                // A score for a stretch that starts before the view (the document's) is not this view's.
                if a.span.start < span.start { continue }
                let tag = color ? "\u{1B}[\(c)m{\(label)}\u{1B}[0m " : "{\(label)} "
                prefixes[max(a.span.start, span.start), default: []].append(tag)
                continue
            }
            let s = max(a.span.start, span.start), e = min(a.span.end, span.end)
            events.append(Event(at: s, open: true, length: e - s, text: "", color: c))
            events.append(Event(at: e, open: false, length: e - s, text: label, color: c))
        }
        // At one position: closes before opens; longer spans open first and close last.
        events.sort { a, b in
            if a.at != b.at { return a.at < b.at }
            if a.open != b.open { return !a.open }
            return a.open ? a.length > b.length : a.length < b.length
        }
        var out = ""
        var cursor = span.start
        var colorStack: [String] = []
        func emitText(upTo end: Int) {
            guard end > cursor else { return }
            var pos = cursor
            for p in prefixes.keys.sorted() where p >= cursor && p < end {
                out += doc.text(of: Span(pos, p))
                out += prefixes[p]!.joined()
                prefixes[p] = nil
                pos = p
            }
            out += doc.text(of: Span(pos, end))
            cursor = end
        }
        for e in events {
            emitText(upTo: e.at)
            if e.open {
                if color {
                    colorStack.append(e.color)
                    out += "\u{1B}[\(e.color)m"
                } else {
                    out += "["
                }
            } else if color {
                colorStack.removeLast()
                out += "\u{1B}[2m|\(e.text)\u{1B}[0m" + (colorStack.last.map { "\u{1B}[\($0)m" } ?? "")
            } else {
                out += "|\(e.text)]"
            }
        }
        emitText(upTo: span.end)
        for p in prefixes.keys.sorted() { out += prefixes[p]!.joined() }
        return out.hasSuffix("\n") ? out : out + "\n"
    }

    private func isSentenceLevel(_ a: Annotation, in doc: AnalyzedDocument) -> Bool {
        if a["scope"] != nil { return true }
        return a.span.length > 0 && doc.sentences.contains { $0.span == a.span } && a["label"] == nil
    }

    /// The short label shown after a marked span.
    static func label(_ a: Annotation) -> String {
        if case .string(let scope)? = a["scope"], let score = a["score"] {
            return "\(scope) \(score.number.map { String(format: "%+.2f", $0) } ?? score.text)"
        }
        var parts: [String] = []
        if let l = a["label"], !l.isNull {
            parts.append(l.text)
        } else if let k = a["kind"], !k.isNull {
            parts.append(k.text)
        } else {
            parts.append(a.extractor)
        }
        if let s = a["speaker"], !s.isNull { parts.append(s.text) }
        if let v = a["value"], !v.isNull, a["kind"] != nil { parts.append("=" + v.text) }
        return parts.joined(separator: " ")
    }
}

extension Session {
    /// `show ID [sentence N] [with EXTRACTOR,...]`
    func show(_ id: String, sentence: Int?, marks: [String]) throws -> String {
        guard let doc = workspace.document(id) ?? (try? workspace.documents(matching: [id]))?.first else {
            let hint =
                Suggestions.closest(to: id, among: workspace.documents.map(\.id)).map { " (did you mean '\($0)'?)" }
                ?? ""
            throw AssayError(.unknownDocument, "no document '\(id)'\(hint); 'docs' lists them")
        }
        var span = doc.fullSpan
        if let n = sentence {
            guard n <= doc.sentences.count else {
                throw AssayError(.invalidArgument, "document '\(doc.id)' has \(doc.sentences.count) sentences")
            }
            span = doc.sentences[n - 1].span
        }
        let defaults = ["entities", "quotes", "numbers", "sentiment"].filter {
            workspace.registry.extractor(named: $0) != nil
        }
        let chosen = marks.isEmpty ? defaults : marks
        var annotations: [(Int, Annotation)] = []
        if !chosen.isEmpty {
            let plan = try ExtractionPlan(chosen.map { .init($0) }, registry: workspace.registry)
            let run = DocumentExtraction(document: doc, plan: plan, cache: workspace.cache[doc.id] ?? [:])
            for (i, step) in plan.steps.enumerated() {
                annotations += try run.annotations(of: step).map { (i, $0) }
            }
            workspace.cache[doc.id] = run.cache
        }
        var header = "\(doc.id)"
        if let n = sentence { header += ", sentence \(n) of \(doc.sentences.count)" }
        if !chosen.isEmpty { header += " (marked: \(chosen.joined(separator: ", ")))" }
        let body = DocumentView(color: useColor).render(doc, annotations: annotations, within: span)
        return header + "\n" + String(repeating: "-", count: min(72, header.count)) + "\n" + body
    }
}
