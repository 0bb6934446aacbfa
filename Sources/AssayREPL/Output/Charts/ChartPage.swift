/// A chart as an HTML page: the SVG inline, with its numbers as a table for readers who
/// cannot see it.
struct ChartPage {
    var model: ChartModel
    var svg: String

    func render() -> String {
        HTMLPage(
            title: model.title,
            subtitle: "\(model.kind.rawValue) chart of \(model.valueLabel) by \(model.categoryLabel)",
            body: ChartPage.figure(model, svg: svg)
        ).render()
    }

    /// The chart and its table, for this page and the report.
    static func figure(_ m: ChartModel, svg: String) -> String {
        var table = "<table class=\"rows\"><thead><tr><th>\(HTMLText.escape(m.categoryLabel))</th>"
        for s in m.series { table += "<th>\(HTMLText.escape(s.name))</th>" }
        table += "</tr></thead><tbody>\n"
        for (i, c) in m.categories.enumerated() {
            table += "<tr><td data-v=\"\(HTMLText.escape(c))\">\(HTMLText.escape(c))</td>"
            for s in m.series {
                let v = s.values[i]
                table +=
                    "<td class=\"num\" data-v=\"\(v.map { "\($0)" } ?? "")\">\(v.map(ChartNumber.format) ?? "")</td>"
            }
            table += "</tr>\n"
        }
        table += "</tbody></table>"
        return
            "<figure class=\"chart\">\n\(svg)<figcaption><details class=\"alt\"><summary>The numbers</summary>\(table)</details></figcaption>\n</figure>\n"
    }
}
