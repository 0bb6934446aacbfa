import Foundation
import Testing

/// The analyst's REPL features through stdin scripts: concordance, show, echo, timer, explain,
/// grouping and statistics.
struct AnalystFeaturesTests {
    func run(_ script: String) throws -> AssayProcess.Output {
        try AssayProcess.run(["seeds/"], input: script)
    }

    @Test func kwicOfAPhraseWithWordContextAndNoColourInBatch() throws {
        let out = try run(".context 3 words\nkwic \"Power of Siberia\"\n")
        #expect(out.status == 0)
        #expect(out.stdout.contains("refers to the [Power of Siberia] 2 pipeline project"))
        #expect(!out.stdout.contains("\u{1B}["))
        #expect(out.stdout.contains("003_ff26e3514ae5597a"))
    }

    @Test func kwicOfARegexAndOfAPipeline() throws {
        let out = try run(
            ".context 20 chars\nkwic /\\$[0-9.]+ billion/\nkwic entities | where label == \"PERSON\" | limit 1\n")
        #expect(out.stdout.contains("[$244.9 billion]"))
        #expect(out.stdout.contains("[Xi]") || out.stdout.contains("[Xi Jinping]"))
    }

    @Test func showMarksAnnotationsInBracketsWithoutATerminal() throws {
        let out = try run("show 000_b4be6983a25e9e06 sentence 2 with entities, numbers\n")
        #expect(out.stdout.contains("[Xi Jinping|PERSON"))
        #expect(out.stdout.contains("[80th|ordinal =80]"))
        #expect(out.stdout.contains("sentence 2 of"))
        let bad = try run("show nosuch\n")
        #expect(bad.stderr.contains("no document 'nosuch'"))
        let range = try run("show 000_b4be6983a25e9e06 sentence 999\n")
        #expect(range.stderr.contains("has 22 sentences"))
    }

    @Test func echoTimerAndExplain() throws {
        let out = try run(
            ".echo on\n.timer on\ndocs | count\nexplain quotes | where kind == \"direct\" | count by speaker\n")
        #expect(out.stdout.contains("docs | count\ncount\n"))
        #expect(out.stderr.contains("time: "))
        #expect(out.stdout.contains("1. entities (required by quotes)"))
        #expect(out.stdout.contains("2. quotes (asked for)"))
        #expect(out.stdout.contains("| count by speaker"))
    }

    @Test func groupNestsAndStatsAggregate() throws {
        let out = try run(
            ".mode jsonl\nentities | where label == \"LOC\" | group by canonical | limit 1\nnumbers | where kind == \"money\" | stats value by unit\n"
        )
        let lines = out.stdout.split(separator: "\n").dropFirst()  // "loaded ..."
        let group = try JSONSerialization.jsonObject(with: Data(lines.first!.utf8)) as? [String: Any]
        #expect(group?["canonical"] as? String == "Russia")
        #expect((group?["items"] as? [Any])?.count == group?["count"] as? Int)
        #expect(out.stdout.contains(#"{"unit": "USD", "count": 2"#))
    }

    @Test func countByTwoFieldsWithMinimum() throws {
        let out = try run(".mode csv\nentities | count by label, canonical min 10\n")
        let rows = out.stdout.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { Int($0.split(separator: ",").last ?? "") ?? 0 >= 10 })
        #expect(out.stdout.contains("label,canonical,count\n"))
    }

    @Test func compositionScoresQuotesAndFindsNumbersInside() throws {
        let out = try run(
            ".mode jsonl\nquotes | where kind == \"direct\" | sentiment | limit 1\nquotes | numbers | limit 1\n")
        #expect(out.status == 0, "\(out.stderr)")
        let first = out.stdout.split(separator: "\n")[1]
        #expect(first.contains(#""extractor": "sentiment""#))
        #expect(first.contains(#""quotes.speaker""#))
        #expect(out.stdout.split(separator: "\n")[2].contains(#""extractor": "numbers""#))
    }

    @Test func nullValueNamesEmptyCellsInTextModesOnly() throws {
        let out = try run(
            """
            .nullvalue (none)
            quotes | count by speaker
            .mode csv
            quotes | count by speaker
            .mode jsonl
            quotes | where speaker == null | limit 1 | select speaker
            .nullvalue
            .mode csv
            quotes | count by speaker

            """)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("(none) ") }, "the table row of quotes without a speaker")
        #expect(lines.contains { $0.hasPrefix("(none),") }, "the CSV row of quotes without a speaker")
        #expect(lines.contains(#"{"speaker": null}"#), "JSON keeps null")
        #expect(lines.contains { $0.hasPrefix(",") }, "without a value, empty again")
    }
}
