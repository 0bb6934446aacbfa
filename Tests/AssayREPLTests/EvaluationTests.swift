import AssayCore
import Testing

@testable import AssayREPL

/// Filters, sorting, aggregation and rendering over rows from throwaway extractors.
struct EvaluationTests {
    let workspace: Workspace
    let runner: PipelineRunner

    init() throws {
        let registry = ExtractorRegistry()
        try registry.register(WordListExtractor(name: "leaders", words: ["Putin", "Xi", "Lin Jian"]))
        try registry.register(PatternExtractor(name: "digits", pattern: "\\d+"))
        workspace = Workspace(registry: registry)
        workspace.add([
            Document(id: "a", text: "Putin met Xi on May 8. Xi said 80 years."),
            Document(id: "b", text: "Lin Jian spoke. Putin agreed 3 times.")
        ])
        runner = PipelineRunner(workspace: workspace)
    }

    func run(_ text: String) throws -> ResultSet {
        guard case .pipeline(let p) = try Parser.parse(text) else { throw AssayError(.syntax, "not a pipeline") }
        return try runner.run(p)
    }

    func column(_ r: ResultSet, _ field: String) -> [String] { r.records.map { $0.value(of: field)?.text ?? "-" } }

    @Test func whereWithEveryOperator() throws {
        #expect(column(try run(#"leaders | where text == "Xi""#), "doc") == ["a", "a"])
        #expect(column(try run(#"leaders | where text != "Xi" and doc == b"#), "text") == ["Lin Jian", "Putin"])
        #expect(column(try run("digits | where text > 5"), "text") == ["8", "80"])
        #expect(column(try run("digits | where text <= 8"), "text") == ["8", "3"])
        #expect(column(try run(#"leaders | where text contains "jian""#), "text") == ["Lin Jian"])
        #expect(
            column(try run("leaders | where text matches /^P/ or (doc == b and not text == Putin)"), "text") == [
                "Putin", "Lin Jian", "Putin"
            ])
    }

    @Test func sortLimitSelect() throws {
        let r = try run("digits | sort text desc | limit 2 | select text, doc")
        #expect(column(r, "text") == ["80", "8"])
        #expect(r.columns == ["text", "doc"])
    }

    @Test func countByIsSortedByFrequency() throws {
        let r = try run("leaders | count by text")
        #expect(column(r, "text") == ["Putin", "Xi", "Lin Jian"])
        #expect(column(r, "count") == ["2", "2", "1"])
        #expect(column(try run("leaders | count by text min 2"), "text") == ["Putin", "Xi"])
        #expect(column(try run("leaders | count"), "count") == ["5"])
    }

    @Test func compositionRunsInsideEachRowAndKeepsParentFields() throws {
        guard case .pipeline(let p) = try Parser.parse("docs a | digits | where doc == a") else { return }
        #expect(column(try runner.run(p), "text") == ["8", "80"])
        let nested = try run(#"leaders | where text == "Putin" | leaders"#)
        #expect(nested.records.allSatisfy { $0.value(of: "leaders.text") == .string("Putin") })
    }

    @Test func unknownFieldsAreErrorsWithSuggestions() {
        do {
            _ = try run("leaders | where txt == Xi")
            Issue.record("expected an error")
        } catch let e as AssayError {
            #expect(e.code == .unknownField)
            #expect(e.message.contains("did you mean 'text'"))
        } catch { Issue.record("\(error)") }
    }

    @Test func groupAndStats() throws {
        let g = try run("leaders | group by text")
        #expect(g.records.first?.value(of: "docs") == .list([.string("a"), .string("b")]))
        let s = try run("digits | stats text by doc")
        #expect(column(s, "mean") == ["44", "3"])
    }

    @Test func renderersAlignEscapeAndQuote() throws {
        let rows = ResultSet(records: [
            Record(document: nil, span: nil, fields: [("name", .string("a, \"b\"")), ("n", .int(5))]),
            Record(document: nil, span: nil, fields: [("name", .string("line\nbreak")), ("n", .int(12))])
        ])
        var r = ResultRenderer()
        #expect(
            r.render(rows) == "name           n\n------------  --\na, \"b\"         5\nline ⏎ break  12\n(2 rows)\n")
        r.mode = .csv
        #expect(r.render(rows) == "name,n\n\"a, \"\"b\"\"\",5\n\"line\nbreak\",12\n")
        r.mode = .json
        #expect(
            r.render(rows)
                == "[\n  {\"name\": \"a, \\\"b\\\"\", \"n\": 5},\n  {\"name\": \"line\\nbreak\", \"n\": 12}\n]\n")
        r.mode = .markdown
        r.headers = false
        #expect(r.render(rows) == "| a, \"b\" | 5 |\n| line ⏎ break | 12 |\n")
    }

    @Test func kwicLinesAlignTheMatch() throws {
        var r = ResultRenderer()
        r.mode = .kwic
        r.contextWidth = 2
        r.contextInWords = true
        let lines = r.render(try run(#"leaders | where text == "Xi""#)).split(separator: "\n")
        #expect(lines == ["Putin met [Xi] on May   a", "   May 8. [Xi] said 80  a"])
    }

    @Test func kwicLinesEndWithTheSelectedFieldsInsteadOfTheDocument() throws {
        var r = ResultRenderer()
        r.mode = .kwic
        r.contextWidth = 1
        r.contextInWords = true
        let selected = r.render(try run(#"leaders | where text == "Putin" | select doc, text, doc.id"#))
        #expect(selected.split(separator: "\n") == ["       [Putin] met     a  a", "spoke. [Putin] agreed  b  b"])
        // A stage that reshapes the rows after the select brings the document id back.
        let reshaped = try run(#"leaders | select text | leaders"#)
        #expect(reshaped.selectedColumns == nil)
    }

    @Test func kwicContextComesFromAroundTheMatchInALongDocument() throws {
        let registry = ExtractorRegistry()
        try registry.register(WordListExtractor(name: "leaders", words: ["Xi"]))
        let long = Workspace(registry: registry)
        let filler = String(repeating: "word ", count: 20_000)
        long.add([Document(id: "d", text: filler + "é Xi ü " + filler)])
        guard case .pipeline(let p) = try Parser.parse("leaders") else { throw AssayError(.syntax, "not a pipeline") }
        var r = ResultRenderer()
        r.mode = .kwic
        r.contextWidth = 4
        let line = r.render(try PipelineRunner(workspace: long).run(p))
        #expect(line == "d é  [Xi]  ü w  d\n", "\(line)")
    }
}
