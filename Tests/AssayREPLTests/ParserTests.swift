import AssayCore
import Testing

@testable import AssayREPL

struct ParserTests {
    func error(_ text: String) -> CommandSyntaxError? {
        do {
            _ = try Parser.parse(text)
            return nil
        } catch { return error }
    }

    @Test func pipelineWithStages() throws {
        guard
            case .pipeline(let p) = try Parser.parse(
                #"quotes | where speaker contains "Xi" and kind != partial | sort start desc, doc | limit 5"#)
        else {
            Issue.record("not a pipeline")
            return
        }
        guard case .name("quotes", _, 0) = p.source else {
            Issue.record("source")
            return
        }
        #expect(p.stages.count == 3)
        if case .sort(let keys) = p.stages[1] {
            #expect(keys.map(\.field) == ["start", "doc"])
            #expect(keys.map(\.descending) == [true, false])
        } else {
            Issue.record("sort")
        }
    }

    @Test func optionsOnExtractorStages() throws {
        guard case .pipeline(let p) = try Parser.parse("quotes | sentiment explain=true scale=2"),
            case .extract("sentiment", let options, _) = p.stages[0]
        else {
            Issue.record("shape")
            return
        }
        #expect(options == ["explain": .bool(true), "scale": .int(2)])
    }

    @Test func countByWithMinimumAndGroup() throws {
        guard case .pipeline(let p) = try Parser.parse("entities | count by label, canonical min 3 | group by label")
        else { return }
        guard case .count(let by, let minimum) = p.stages[0] else {
            Issue.record("count")
            return
        }
        #expect(by == ["label", "canonical"] && minimum == 3)
    }

    @Test func regexAndPathsAreNotConfused() throws {
        guard case .define("tags", .regex(let r, let flags)) = try Parser.parse("define tags = pattern /#\\w+|@\\w+/i")
        else {
            Issue.record("define")
            return
        }
        #expect(r == "#\\w+|@\\w+" && flags == "i")
        guard case .load(let paths, _) = try Parser.parse("load seeds/*.txt \"my docs/a b.txt\"") else {
            Issue.record("load")
            return
        }
        #expect(paths == ["seeds/*.txt", "my docs/a b.txt"])
        guard case .pipeline(let p) = try Parser.parse("docs | where doc matches /^00[12]/"),
            case .filter(.matches("doc", "^00[12]", _)) = p.stages[0]
        else {
            Issue.record("matches")
            return
        }
    }

    @Test func commandsAreSplitAtSemicolonsOutsideStringsAndRegexes() {
        let parts = CommandSplitter.split(#"define a = pattern /x;y/; docs | where doc == "a;b" ; quit"#).map(\.text)
        #expect(
            parts.map { $0.trimmingCharacters(in: .whitespaces) } == [
                "define a = pattern /x;y/", #"docs | where doc == "a;b""#, "quit"
            ])
    }

    @Test func malformedCommandsPointAtTheError() {
        let cases: [(String, Int, String)] = [
            ("docs | where", 12, "expected a field name after 'where'"),
            ("docs | where x ~~ 3", 15, "expected an operator"),
            ("docs | limit ten", 13, "expected a whole number after 'limit'"),
            ("docs | count by", 15, "expected a field after 'count by'"),
            (#"docs | where doc == "open"#, 20, "unterminated string"),
            ("define tags = pattern /(/", 22, "invalid regular expression"),
            ("define load = pattern /x/", 7, "'load' is a command word"),
            ("where x == 1", 0, "'where' needs input"),
            ("docs | | count", 7, "expected a stage after '|'"),
            ("docs | limit 1 count", 15, "unexpected 'count'"),
            ("let = docs", 4, "expected a result name after 'let'"),
            ("docs | sort x | limit 1 2", 24, "unexpected '2'")
        ]
        for (text, position, message) in cases {
            let e = error(text)
            #expect(e?.position == position, "\(text): \(String(describing: e))")
            #expect(e?.message.hasPrefix(message) == true, "\(text): \(String(describing: e))")
        }
    }

    @Test func caretUnderTheErrorPosition() {
        let e = error("docs | limit ten")!
        #expect(e.caret(under: "docs | limit ten") == "docs | limit ten\n             ^")
    }

    @Test func settingsAreDotCommands() throws {
        guard case .setting("mode", ["csv"]) = try Parser.parse(".mode csv") else {
            Issue.record("mode")
            return
        }
        guard case .setting("output", ["/tmp/a b.txt"]) = try Parser.parse(".output '/tmp/a b.txt'") else {
            Issue.record("output")
            return
        }
        guard case .help("where") = try Parser.parse("help where") else {
            Issue.record("help")
            return
        }
    }
}
