import AssayCore

/// Writes a stretch of a document as HTML with its marks as nested `<span>` elements.
///
/// The element's text content is exactly the document's text (badges are drawn by CSS), so
/// offsets read in the browser are the document's. Marks that cross (a quote that ends inside
/// an entity) are split into fragments that share their `data-ann`; only the first fragment
/// takes keyboard focus and only the last carries the badge.
struct AnnotatedTextHTML {
    /// CSS class of each legend key (`k0`, `k1`, ...) and of each extractor (`e0`, ...).
    var keyClass: [LegendKey: String]
    var extractorClass: [String: String]

    func render(_ doc: AnalyzedDocument, marks: [MarkedSpan], within range: Span) -> String {
        let inside = marks.filter { range.contains($0.span) && !$0.span.isEmpty }
        // Opening order at one position: longer marks first, so they enclose the shorter ones.
        let byStart = inside.indices.sorted { a, b in
            let x = inside[a].span, y = inside[b].span
            return x.start != y.start ? x.start < y.start : (x.end != y.end ? x.end > y.end : a < b)
        }
        var boundaries = Set([range.start, range.end])
        for m in inside {
            boundaries.insert(m.span.start)
            boundaries.insert(m.span.end)
        }
        let points = boundaries.sorted()
        var out = ""
        var open: [Int] = []  // indices into `inside`, outermost first
        var opened = Set<Int>()  // marks whose first fragment was written
        var next = 0
        // A fragment is its mark's last when no mark enclosing it closes first.
        func endsHere(_ m: Int) -> Bool { open.allSatisfy { inside[$0].span.end >= inside[m].span.end } }
        for (n, p) in points.enumerated() {
            // Close every mark ending here; marks opened after it close and reopen around it.
            if let deepest = open.firstIndex(where: { inside[$0].span.end == p }) {
                let reopen = open[deepest...].filter { inside[$0].span.end > p }
                out += String(repeating: "</span>", count: open.count - deepest)
                open.removeSubrange(deepest...)
                for m in reopen {
                    out += openTag(inside[m], first: false, last: endsHere(m))
                    open.append(m)
                }
            }
            while next < byStart.count, inside[byStart[next]].span.start == p {
                let m = byStart[next]
                out += openTag(inside[m], first: !opened.contains(m), last: endsHere(m))
                opened.insert(m)
                open.append(m)
                next += 1
            }
            if n + 1 < points.count {
                out += HTMLText.escape(doc.text(of: Span(p, points[n + 1])))
            }
        }
        for _ in open { out += "</span>" }
        return out
    }

    /// The element of one fragment; the badge goes on the mark's last fragment only.
    private func openTag(_ m: MarkedSpan, first: Bool, last: Bool) -> String {
        var classes = ["m", "s-" + m.style.rawValue]
        if let k = keyClass[m.key] { classes.append(k) }
        if let e = extractorClass[m.key.extractor] { classes.append(e) }
        var tag = "<span class=\"\(classes.joined(separator: " "))\" data-ann=\"\(m.id)\""
        if first { tag += " tabindex=\"0\"" }
        if m.style == .tone { tag += " style=\"--w:\(String(format: "%.2f", m.strength))\"" }
        if last, let b = m.badge, !b.isEmpty { tag += " data-badge=\"\(HTMLText.escape(b))\"" }
        return tag + ">"
    }
}
