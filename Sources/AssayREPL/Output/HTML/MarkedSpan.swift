import AssayCore

/// One annotation as the HTML view marks it: where it is, how it looks, what its badge says,
/// and its fields (shown on hover or focus).
struct MarkedSpan {
    /// How a mark is drawn; each kind layers differently so nested marks stay readable.
    enum Style: String {
        /// A coloured background (entities, user extractors).
        case highlight
        /// A coloured underline (quotes).
        case quote
        /// A coloured outline (numbers).
        case number
        /// A pale tint whose strength follows the score (sentence sentiment).
        case tone
    }

    /// Index into the page's table of fields.
    var id: Int
    /// UTF-8 byte offsets into the document.
    var span: Span
    var style: Style
    var key: LegendKey
    /// Short text drawn after the mark (label, normalised value, speaker and kind).
    var badge: String?
    /// 0...1, for ``Style/tone``.
    var strength: Double = 0
    var fields: [(String, Value)]

    /// The style an extractor's marks take.
    static func style(forExtractor name: String, scope: String?) -> Style {
        switch name {
        case "quotes": return .quote
        case "numbers": return .number
        case "sentiment" where scope != "entity" && scope != "target": return .tone
        default: return .highlight
        }
    }

    /// A mark for an extractor's annotation, with the badge the view shows for its kind.
    init(id: Int, annotation a: Annotation, in doc: AnalyzedDocument) {
        self.init(id: id, span: a.span, fields: a.contractFields(in: doc))
    }

    /// A mark for a result row or annotation, from its fields (`extractor`, `label`, `kind` ...).
    init(id: Int, span: Span, fields: [(String, Value)]) {
        func field(_ k: String) -> Value? {
            fields.first { $0.0 == k }?.1 ?? fields.first { $0.0.hasSuffix("." + k) }?.1
        }
        func text(_ k: String) -> String? { field(k).flatMap { $0.isNull ? nil : $0.text } }
        let extractor = fields.first { $0.0 == "extractor" }.map { $0.1.text } ?? "rows"
        let scope = text("scope")
        let label =
            fields.first { $0.0 == "label" }?.1.text ?? fields.first { $0.0 == "kind" }?.1.text ?? scope ?? extractor
        self.id = id
        self.span = span
        self.fields = fields
        style = MarkedSpan.style(forExtractor: extractor, scope: scope)
        key = LegendKey(extractor: extractor, label: label.isEmpty ? "(none)" : label)
        switch style {
        case .quote:
            let kind = text("kind")
            badge = [text("speaker") ?? "no speaker", kind].compactMap { $0 }.joined(separator: " · ")
        case .number:
            if let v = text("value") {
                badge = "= " + MarkedSpan.readable(v) + (text("unit").map { $0 == "%" ? "%" : " " + $0 } ?? "")
            } else {
                badge = label
            }
        case .tone:
            let score = field("score")?.number ?? 0
            strength = min(1, abs(score))
            badge = nil
        case .highlight:
            badge = label == extractor ? nil : label
        }
    }

    /// Thousands separators for long whole numbers (`244900000000` → `244,900,000,000`).
    static func readable(_ v: String) -> String {
        guard v.count > 4, v.allSatisfy(\.isNumber) else { return v }
        var out = ""
        for (i, c) in v.enumerated() {
            if i > 0, (v.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

/// A row of the legend: an extractor and one of its labels.
struct LegendKey: Hashable {
    var extractor: String
    var label: String
}
