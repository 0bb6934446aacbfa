import AssayREPL
import Foundation
import Testing

/// Scripts on stdin, -e and -f: no prompt, banner or colour; errors as `line N: message`.
struct BatchModeTests {
    @Test func scriptOnStdinPrintsResultsOnlyAndExitsZero() throws {
        let out = try AssayProcess.run(
            ["seeds/"],
            input: """
                define tags = pattern /Putin|Xi/
                tags | count by text
                """)
        #expect(out.status == 0)
        #expect(!out.stdout.contains("assay>"))
        #expect(!out.stdout.contains("\u{1B}["))
        #expect(out.stdout.contains("Putin"))
        #expect(out.stderr.isEmpty)
    }

    @Test func theFirstErrorStopsTheScriptWithItsLineNumber() throws {
        let out = try AssayProcess.run(["seeds/"], input: "docs | count\n\nnosuch | count\ndocs | count\n")
        #expect(out.status == 1)
        #expect(out.stderr == "line 3: unknown extractor 'nosuch' [E201]\n")
        #expect(out.stdout.components(separatedBy: "count").count - 1 == 1)  // only the first run printed
    }

    @Test func keepGoingRunsTheRestButStillFails() throws {
        let out = try AssayProcess.run(["--keep-going", "seeds/"], input: "nosuch\ndocs | count\n")
        #expect(out.status == 1)
        #expect(out.stdout.contains("5"))
        #expect(out.stderr.hasPrefix("line 1: "))
    }

    @Test func syntaxErrorsGiveTheColumn() throws {
        let out = try AssayProcess.run([], input: "docs | where\n")
        #expect(out.stderr == "line 1: expected a field name after 'where' (at column 13) [E401]\n")
    }

    @Test func dashEWithSeveralCommands() throws {
        let out = try AssayProcess.run(["-e", "load seeds/; .mode csv; docs | select doc | limit 2"])
        #expect(out.status == 0)
        #expect(out.stdout.hasSuffix("doc\n000_b4be6983a25e9e06\n001_13e2baf28fb92d31\n"))
    }

    @Test func dashFRunsAScriptAndReadResolvesRelativeToIt() throws {
        let out = try AssayProcess.run(
            ["-f", AssayProcess.fixtures + "/outer.assay"], directory: NSTemporaryDirectory())
        #expect(out.status == 1)  // articles.jsonl has one bad line: reported, the rest loaded
        #expect(out.stderr.contains("articles.jsonl:3: not valid JSON"))
        let ok = try AssayProcess.run(
            ["--keep-going", "-f", AssayProcess.fixtures + "/outer.assay"], directory: NSTemporaryDirectory())
        #expect(ok.stdout.contains("one"))
        #expect(ok.stdout.contains("three"))
    }

    @Test func continuationLinesAndComments() throws {
        let out = try AssayProcess.run(
            ["seeds/"], input: "# a comment\ndocs |\n  sort sentences desc |\n  limit 1 | select doc\n")
        #expect(out.status == 0)
        #expect(out.stdout.contains("003_ff26e3514ae5597a"))
    }

    @Test func badInputsGetOneLineErrorsAndTheSessionGoesOn() throws {
        let f = AssayProcess.fixtures
        let out = try AssayProcess.run(
            ["--keep-going"],
            input: """
                load \(f)/binary.dat
                load \(f)/latin1.txt
                load \(f)/empty.txt
                load /no/such/file.txt
                docs | count
                """)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("line 1:") && $0.contains("binary file") && $0.contains("[E302]") })
        #expect(lines.contains { $0.contains("invalid UTF-8") })
        #expect(lines.contains { $0.contains("empty document skipped") })
        #expect(lines.contains { $0.hasPrefix("line 4:") && $0.contains("[E301]") })
        #expect(out.stdout.contains("count\n-----\n    1\n"))
    }

    @Test func everyHelpExampleRuns() throws {
        for entry in HelpCatalog.entries where !entry.example.isEmpty {
            let out = try AssayProcess.run(["seeds/"], input: "define hashtags = pattern /#\\w+/\n\(entry.example)\n")
            #expect(out.status == 0, "help example for \(entry.name) failed: \(out.stderr)")
        }
    }

    @Test func helpDocumentsCommandsAndExtractors() throws {
        let out = try AssayProcess.run(
            [], input: "help\nhelp where\ndefine tags = pattern /#\\w+/\nhelp tags\nhelp nosuchthing\n")
        #expect(out.stdout.contains("Queries:"))
        #expect(out.stdout.contains("... | where FIELD OP VALUE"))
        #expect(out.stdout.contains("tags 1.0: matches of /#\\w+/"))
        #expect(out.stderr.hasPrefix("line 5: no help on 'nosuchthing'"))
    }
}
