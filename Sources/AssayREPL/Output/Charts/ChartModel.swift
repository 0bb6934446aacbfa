/// What a chart shows, decided from a result (``ChartInference``) and drawn by ``ChartSVG``.
struct ChartModel {
    enum Kind: String {
        /// Horizontal bars, one row per category (grouped when there are several series).
        case bars
        /// Vertical bars over ordered numeric keys.
        case columns
        /// Lines over time (dates, weeks, months as keys).
        case line
        /// Vertical bars of how many rows fall into each range of a numeric field.
        case histogram
    }

    struct Series {
        var name: String
        var values: [Double?]
    }

    var kind: Kind
    var title: String
    var categoryLabel: String
    /// The field whose values the series are (the second key), shown before the legend.
    var seriesLabel = ""
    var valueLabel: String
    var categories: [String]
    var series: [Series]
    /// For lines: each category's place on the time axis (days since 1970-01-01).
    var positions: [Double] = []
    /// What was left out, said under the chart and in its text alternative.
    var notes: [String] = []

    /// A sentence per category for readers who cannot see the chart.
    var textAlternative: String {
        var parts: [String] = []
        for (i, c) in categories.enumerated() {
            let values = series.map { s in
                let v = s.values[i].map(ChartNumber.format) ?? "none"
                return series.count == 1 ? v : "\(s.name) \(v)"
            }
            parts.append("\(c): \(values.joined(separator: ", "))")
        }
        let by = seriesLabel.isEmpty ? categoryLabel : "\(categoryLabel) and \(seriesLabel)"
        let what =
            "\(kind == .line ? "Line chart" : kind == .histogram ? "Histogram" : "Bar chart") of \(valueLabel) by \(by)"
        return what + ". " + parts.joined(separator: "; ") + "."
            + (notes.isEmpty ? "" : " " + notes.joined(separator: " "))
    }
}
