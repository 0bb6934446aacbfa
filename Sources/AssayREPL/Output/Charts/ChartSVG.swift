/// Draws a ``ChartModel`` as one self-contained SVG: a title, labelled axes with round ticks,
/// a legend for several series, a `<title>` on every mark, and a text alternative in `<desc>`.
enum ChartSVG {
    /// Okabe–Ito colours: told apart with the common colour-vision deficiencies.
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let width = 760.0

    static func render(_ m: ChartModel) -> String {
        var body = SVGWriter()
        let height: Double
        switch m.kind {
        case .bars: height = bars(m, into: &body)
        case .columns, .histogram: height = columns(m, into: &body)
        case .line: height = lines(m, into: &body)
        }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGWriter.n(width))\" height=\"\(SVGWriter.n(height))\" viewBox=\"0 0 \(SVGWriter.n(width)) \(SVGWriter.n(height))\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" data-kind=\"\(m.kind.rawValue)\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"chart-title\">\(HTMLText.escape(m.title))</title>\n"
        out += "<desc id=\"chart-desc\">\(HTMLText.escape(m.textAlternative))</desc>\n"
        out +=
            "<style>.axis{stroke:#333;stroke-width:1}.grid{stroke:#e4e4e4;stroke-width:1}.t{font-size:15px;font-weight:600;fill:#1d1d1f}.l{fill:#333}.a{font-size:12px;font-weight:600;fill:#333}.n{fill:#555;font-size:11px}.note{fill:#777;font-size:11px}.trend{fill:none;stroke-width:2.2}</style>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        var head = SVGWriter()
        head.text(SVGWriter.clipped(m.title, to: 100), x: 16, y: 24, cls: "t")
        out += head.output + body.output
        var foot = SVGWriter()
        for (i, note) in m.notes.enumerated() {
            foot.text(note, x: 16, y: height - 8 - Double(m.notes.count - 1 - i) * 14, cls: "note")
        }
        return out + foot.output + "</svg>\n"
    }

    private static func valueRange(_ m: ChartModel) -> (Double, Double, [Double]) {
        let all = m.series.flatMap { $0.values.compactMap { $0 } }
        let low = min(0, all.min() ?? 0), high = max(0, all.max() ?? 1)
        let ticks = ChartNumber.ticks(from: low, to: high == low ? low + 1 : high)
        return (ticks.first!, ticks.last!, ticks)
    }

    /// Rows the legend of several series takes.
    static func legendRows(_ m: ChartModel, x: Double) -> Int {
        var w = SVGWriter()
        return legend(m, x: x, y: 0, into: &w)
    }

    /// The series' colours and names, wrapped to the chart's width. - Returns: rows used.
    @discardableResult
    private static func legend(_ m: ChartModel, x: Double, y: Double, into w: inout SVGWriter) -> Int {
        guard m.series.count > 1 else { return 0 }
        var cx = x, cy = y, rows = 1
        if !m.seriesLabel.isEmpty {
            w.text(m.seriesLabel + ":", x: cx, y: cy, cls: "a")
            cx += Double(m.seriesLabel.count + 1) * 7.5 + 8
        }
        for (i, s) in m.series.enumerated() {
            let itemWidth = 16 + Double(SVGWriter.clipped(s.name, to: 22).count) * 7 + 18
            if cx + itemWidth > width - 10 {
                cx = x
                cy += 18
                rows += 1
            }
            w.raw(
                "<rect x=\"\(SVGWriter.n(cx))\" y=\"\(SVGWriter.n(cy - 10))\" width=\"12\" height=\"12\" fill=\"\(colours[i % colours.count])\"/>\n"
            )
            let name = SVGWriter.clipped(s.name, to: 22)
            w.text(name, x: cx + 16, y: cy, cls: "l")
            cx += itemWidth
        }
        return rows
    }

    /// Horizontal bars: category labels on the left, values along the bottom.
    private static func bars(_ m: ChartModel, into w: inout SVGWriter) -> Double {
        let labelChars = min(28, m.categories.map(\.count).max() ?? 4)
        let left = 36 + Double(labelChars) * 7.4, right = 40.0
        let top = 44.0 + Double(legendRows(m, x: left)) * 18
        let groupHeight = m.series.count > 1 ? Double(m.series.count) * 14 + 8 : 24
        let plotHeight = Double(m.categories.count) * groupHeight
        let bottom = top + plotHeight
        let (low, high, ticks) = valueRange(m)
        func x(_ v: Double) -> Double { left + (v - low) / (high - low) * (width - left - right) }
        legend(m, x: left, y: 48, into: &w)
        for t in ticks {
            w.line(x(t), top, x(t), bottom, cls: "grid")
            w.text(ChartNumber.format(t), x: x(t), y: bottom + 16, anchor: "middle", cls: "n")
        }
        for (ci, c) in m.categories.enumerated() {
            let gy = top + Double(ci) * groupHeight
            w.text(SVGWriter.clipped(c, to: 28), x: left - 8, y: gy + groupHeight / 2 + 4, anchor: "end", cls: "l")
            let barHeight = m.series.count > 1 ? 12.0 : 16.0
            for (si, s) in m.series.enumerated() {
                guard let v = s.values[ci] else { continue }
                let y = m.series.count > 1 ? gy + 4 + Double(si) * 14 : gy + 4
                let x0 = x(min(0, v)), x1 = x(max(0, v))
                let name = m.series.count > 1 ? "\(c), \(s.name): " : "\(c): "
                w.rect(
                    x: x0, y: y, width: x1 - x0, height: barHeight, fill: colours[si % colours.count],
                    title: name + ChartNumber.format(v),
                    data: " data-category=\"\(HTMLText.escape(c))\" data-value=\"\(v)\"")
                if m.series.count == 1 { w.text(ChartNumber.format(v), x: x1 + 4, y: y + 12, cls: "n") }
            }
        }
        w.line(x(low), top, x(low), bottom, cls: "axis")
        w.line(x(0), top, x(0), bottom, cls: "axis")
        w.line(left, bottom, width - right, bottom, cls: "axis")
        w.text(m.valueLabel, x: (left + width - right) / 2, y: bottom + 36, anchor: "middle", cls: "a")
        w.text(m.categoryLabel, x: 14, y: top + plotHeight / 2, anchor: "middle", cls: "a", rotate: true)
        return bottom + 50 + Double(m.notes.count) * 14
    }

    /// Vertical bars over ordered keys or histogram bins.
    private static func columns(_ m: ChartModel, into w: inout SVGWriter) -> Double {
        let left = 70.0, right = 24.0, top = 44.0, plotHeight = 300.0
        let bottom = top + plotHeight
        let (low, high, ticks) = valueRange(m)
        func y(_ v: Double) -> Double { bottom - (v - low) / (high - low) * plotHeight }
        let slot = (width - left - right) / Double(max(1, m.categories.count))
        for t in ticks {
            w.line(left, y(t), width - right, y(t), cls: "grid")
            w.text(ChartNumber.format(t), x: left - 6, y: y(t) + 4, anchor: "end", cls: "n")
        }
        let every = max(1, Int((Double(m.categories.count) * 60 / (width - left - right)).rounded(.up)))
        for (ci, c) in m.categories.enumerated() {
            guard let v = m.series[0].values[ci] else { continue }
            let gap = m.kind == .histogram ? 1.0 : min(8, slot * 0.2)
            w.rect(
                x: left + Double(ci) * slot + gap / 2, y: y(max(0, v)), width: slot - gap, height: abs(y(v) - y(0)),
                fill: colours[0], title: "\(c): \(ChartNumber.format(v))",
                data: " data-category=\"\(HTMLText.escape(c))\" data-value=\"\(v)\"")
            if m.kind == .columns, ci % every == 0 {
                w.text(
                    SVGWriter.clipped(c, to: 10), x: left + (Double(ci) + 0.5) * slot, y: bottom + 16, anchor: "middle",
                    cls: "n")
            }
        }
        if m.kind == .histogram, m.positions.count > 1 {
            let edges = m.positions
            let tickEvery = max(1, Int((Double(edges.count) * 55 / (width - left - right)).rounded(.up)))
            for (i, e) in edges.enumerated() where i % tickEvery == 0 {
                let x = left + Double(i) * slot
                w.line(x, bottom, x, bottom + 4, cls: "axis")
                w.text(ChartNumber.format(e), x: x, y: bottom + 16, anchor: "middle", cls: "n")
            }
        }
        w.line(left, top, left, bottom, cls: "axis")
        w.line(left, y(0), width - right, y(0), cls: "axis")
        w.text(m.categoryLabel, x: (left + width - right) / 2, y: bottom + 36, anchor: "middle", cls: "a")
        w.text(m.valueLabel, x: 16, y: top + plotHeight / 2, anchor: "middle", cls: "a", rotate: true)
        return bottom + 50 + Double(m.notes.count) * 14
    }

    /// Lines over a time axis: each key at its date, the axis labelled with a few of the keys.
    private static func lines(_ m: ChartModel, into w: inout SVGWriter) -> Double {
        let left = 70.0, right = 30.0, top = 44.0 + Double(legendRows(m, x: 70)) * 18, plotHeight = 300.0
        let bottom = top + plotHeight
        let (low, high, ticks) = valueRange(m)
        let first = m.positions.first ?? 0, last = m.positions.last ?? 1
        func x(_ p: Double) -> Double {
            last > first ? left + (p - first) / (last - first) * (width - left - right) : (left + width - right) / 2
        }
        func y(_ v: Double) -> Double { bottom - (v - low) / (high - low) * plotHeight }
        legend(m, x: left, y: 48, into: &w)
        for t in ticks {
            w.line(left, y(t), width - right, y(t), cls: "grid")
            w.text(ChartNumber.format(t), x: left - 6, y: y(t) + 4, anchor: "end", cls: "n")
        }
        let every = max(1, Int((Double(m.categories.count) * 80 / (width - left - right)).rounded(.up)))
        for (i, c) in m.categories.enumerated()
        where i % every == 0 || i == m.categories.count - 1 && m.categories.count <= 8 {
            w.line(x(m.positions[i]), bottom, x(m.positions[i]), bottom + 4, cls: "axis")
            w.text(c, x: x(m.positions[i]), y: bottom + 16, anchor: "middle", cls: "n")
        }
        for (si, s) in m.series.enumerated() {
            let colour = colours[si % colours.count]
            var path = ""
            for (i, v) in s.values.enumerated() {
                guard let v else { continue }
                path += (path.isEmpty ? "M" : " L") + "\(SVGWriter.n(x(m.positions[i]))) \(SVGWriter.n(y(v)))"
            }
            w.raw("<path d=\"\(path)\" class=\"trend\" stroke=\"\(colour)\"/>\n")
            for (i, v) in s.values.enumerated() {
                guard let v, s.values.count <= 120 else { continue }
                w.circle(
                    x: x(m.positions[i]), y: y(v), fill: colour,
                    title: "\(m.categories[i])\(m.series.count > 1 ? ", \(s.name)" : ""): \(ChartNumber.format(v))")
            }
        }
        w.line(left, top, left, bottom, cls: "axis")
        w.line(left, y(max(low, 0)), width - right, y(max(low, 0)), cls: "axis")
        w.text(m.categoryLabel, x: (left + width - right) / 2, y: bottom + 36, anchor: "middle", cls: "a")
        w.text(m.valueLabel, x: 16, y: top + plotHeight / 2, anchor: "middle", cls: "a", rotate: true)
        return bottom + 50 + Double(m.notes.count) * 14
    }
}
