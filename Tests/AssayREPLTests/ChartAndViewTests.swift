import AssayCore
import Foundation
import Testing

@testable import AssayREPL

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Charts chosen from results, date keys, terminal bars and the marked text of HTML views,
/// over throwaway extractors.
struct ChartAndViewTests {
    let workspace: Workspace
    let runner: PipelineRunner

    init() throws {
        let registry = ExtractorRegistry()
        try registry.register(WordListExtractor(name: "leaders", words: ["Putin", "Xi", "Lin Jian"]))
        try registry.register(PatternExtractor(name: "digits", pattern: "\\d+"))
        try registry.register(PatternExtractor(name: "months", pattern: "20\\d\\d-\\d\\d"))
        try registry.register(PatternExtractor(name: "pairs", pattern: "Xi on May"))
        workspace = Workspace(registry: registry)
        workspace.add([
            Document(id: "a", text: "Putin met Xi on May 8. Xi said 80 years."),
            Document(id: "b", text: "Lin Jian spoke. Putin agreed 3 times."),
            Document(id: "c", text: "Issues of 2025-01, 2025-01 and 2025-03.")
        ])
        runner = PipelineRunner(workspace: workspace)
    }

    func run(_ text: String) throws -> ResultSet {
        switch try Parser.parse(text) {
        case .pipeline(let p), .visual(.chart(.pipeline(let p), _, _)): return try runner.run(p)
        default: throw AssayError(.syntax, "not a pipeline")
        }
    }

    @Test func countsByOneFieldAreBarsInTheResultsOrder() throws {
        let m = try ChartInference.model(for: try run("leaders | count by text"), field: nil, title: "t")
        #expect(m.kind == .bars)
        #expect(m.categories == ["Putin", "Xi", "Lin Jian"])
        #expect(m.series.map(\.values) == [[2, 2, 1]])
        #expect(m.textAlternative.contains("Putin: 2; Xi: 2; Lin Jian: 1"))
    }

    @Test func twoKeysAreGroupedBarsAndStatsChartTheMean() throws {
        let grouped = try ChartInference.model(for: try run("leaders | count by text, doc"), field: nil, title: "t")
        #expect(grouped.kind == .bars)
        #expect(grouped.series.map(\.name) == ["a", "b"])
        #expect(grouped.categories == ["Xi", "Lin Jian", "Putin"])
        #expect(grouped.series[1].values == [nil, 1, 1])
        let stats = try ChartInference.model(
            for: try run("digits | where doc != c | stats text by doc"), field: nil, title: "t")
        #expect(stats.valueLabel == "mean")
        #expect(stats.categories == ["a", "b"])
        #expect(stats.series[0].values == [44, 3])
        let byMax = try ChartInference.model(
            for: try run("digits | where doc != c | stats text by doc"), field: "max", title: "t")
        #expect(byMax.series[0].values == [80, 3])
    }

    @Test func dateKeysAreALineWithMissingPeriodsCountedAsZero() throws {
        let m = try ChartInference.model(for: try run("months | count by text"), field: nil, title: "t")
        #expect(m.kind == .line)
        #expect(m.categories == ["2025-01", "2025-02", "2025-03"])
        #expect(m.series[0].values == [2, 0, 1])
        #expect(m.positions == [20089, 20120, 20148])
    }

    @Test func timeKeysOfEveryGranularity() {
        #expect(TimeKey("2025-05-08")?.unit == .day)
        #expect(TimeKey("2025-05-08T10:30:00Z")?.dayNumber == TimeKey("2025-05-08")?.dayNumber)
        #expect(TimeKey("2025-W19")?.text == "2025-W19")
        #expect(TimeKey("2025-W01")?.dayNumber == TimeKey("2024-12-30")?.dayNumber)  // ISO week 1 starts Monday 30 Dec
        #expect(TimeKey("2020-W53")?.next.text == "2021-W01")
        #expect(TimeKey("2025-Q4")?.next.text == "2026-Q1")
        #expect(TimeKey("2024-02-28")?.next.next.text == "2024-03-01")
        #expect(TimeKey("2025-13") == nil && TimeKey("May 8") == nil && TimeKey("12") == nil)
    }

    @Test func aNumericFieldOfRowsIsAHistogramAndTextIsCounted() throws {
        let h = try ChartInference.model(for: try run("digits | where doc != c"), field: "start", title: "t")
        #expect(h.kind == .histogram)
        #expect(h.series[0].values.compactMap { $0 }.reduce(0, +) == 3)
        let c = try ChartInference.model(for: try run("leaders"), field: "text", title: "t")
        #expect(c.kind == .bars && c.categories.first == "Putin")
        #expect(throws: AssayError.self) { try ChartInference.model(for: try run("leaders"), field: nil, title: "t") }
        #expect(throws: AssayError.self) {
            try ChartInference.model(for: try run("leaders | count by text, doc, start"), field: nil, title: "t")
        }
    }

    @Test func svgIsWellFormedWithAMarkPerValueAndATextAlternative() throws {
        let m = try ChartInference.model(for: try run("leaders | count by text, doc"), field: nil, title: "a <b> & c")
        let svg = ChartSVG.render(m)
        let doc = try XMLDocument(data: Data(svg.utf8), options: [.nodePreserveWhitespace])
        let rects = try doc.nodes(forXPath: "//*[local-name()='rect'][@class='mark']")
        #expect(rects.count == 4)
        #expect(
            try doc.nodes(forXPath: "//*[local-name()='desc']").first?.stringValue?.contains("Lin Jian: a none, b 1")
                == true)
        #expect(try doc.nodes(forXPath: "//*[local-name()='title']").first?.stringValue == "a <b> & c")
    }

    @Test func barsInTheTerminalAreProportional() throws {
        let r = TerminalBars.adding(to: try run("leaders | count by text"))
        #expect(r.records.map { $0.value(of: "bar")?.text.count } == [24, 24, 12])
        #expect(TerminalBars.bar(1, of: 16) == "█▌")
        #expect(TerminalBars.adding(to: try run("leaders")).columns.contains("bar") == false)
    }

    @Test func crossingMarksNestAsFragmentsAndKeepTheText() throws {
        let doc = workspace.document("a")!
        // "Putin met Xi on May 8": a mark over "met Xi on" crossing one over "Xi on May".
        let marks = [
            MarkedSpan(
                id: 0, span: Span(6, 15), fields: [("extractor", "quotes"), ("kind", "direct"), ("speaker", "Putin")]),
            MarkedSpan(id: 1, span: Span(10, 19), fields: [("extractor", "leaders"), ("label", "X")]),
            MarkedSpan(
                id: 2, span: Span(10, 12),
                fields: [("extractor", "numbers"), ("kind", "cardinal"), ("value", 244900000000)])
        ]
        let legend = Legend(marks: marks)
        let html = AnnotatedTextHTML(keyClass: legend.keyClass, extractorClass: legend.extractorClass)
            .render(doc, marks: marks, within: Span(0, 22))
        let xml = try XMLDocument(data: Data(("<div>" + html + "</div>").utf8), options: [.nodePreserveWhitespace])
        #expect(xml.rootElement()?.stringValue == "Putin met Xi on May 8.")
        let spans = try xml.nodes(forXPath: "//span") as! [XMLElement]
        #expect(Set(spans.compactMap { $0.attribute(forName: "data-ann")?.stringValue }) == ["0", "1", "2"])
        // One focus stop per mark; badges only on each mark's last fragment.
        #expect(spans.filter { $0.attribute(forName: "tabindex") != nil }.count == 3)
        #expect(
            spans.compactMap { $0.attribute(forName: "data-badge")?.stringValue }.sorted() == [
                "= 244,900,000,000", "Putin · direct", "X"
            ])
    }

    @Test func parsesViewChartAndSaveForms() throws {
        guard case .visual(.view("a", ["leaders", "digits"], nil)) = try Parser.parse("view a with leaders, digits")
        else {
            Issue.record("view")
            return
        }
        guard case .visual(.view("last", [], "/tmp/x.html")) = try Parser.parse("save view last /tmp/x.html") else {
            Issue.record("save view")
            return
        }
        guard
            case .visual(.chart(.result("Q"), "score", "out/c.svg")) = try Parser.parse("save chart Q score out/c.svg")
        else {
            Issue.record("save chart")
            return
        }
        guard case .visual(.chart(.pipeline(let p), nil, nil)) = try Parser.parse("leaders | count by text | chart"),
            p.stages.count == 1
        else {
            Issue.record("| chart")
            return
        }
        guard case .visual(.report("r.html")) = try Parser.parse("save report r.html") else {
            Issue.record("report")
            return
        }
        guard case .save("report", "r.csv") = try Parser.parse("save report r.csv") else {
            Issue.record("a result named report")
            return
        }
        #expect(throws: CommandSyntaxError.self) { try Parser.parse("leaders | chart score extra") }
    }
}
