import Foundation
import Testing

/// What a hostile user found (issue 20): no input crashes or hangs the process, and each
/// problem is one error that names the thing.
struct RobustnessTests {
    @Test func aHugeNumberNeitherCrashesExtractNorLosesTheBatch() throws {
        let dir = try AssayProcess.temporaryFolder()
        var lines = (0..<20).map { #"{"id":"d\#($0)","text":"It cost $\#($0) million."}"# }
        lines.insert(
            #"{"id":"huge","text":"It holds 9223372036854775807 rows, 1"# + String(repeating: "0", count: 400)
                + #" grains and $"# + String(repeating: "9", count: 10_000) + #"th."}"#, at: 10)
        try lines.joined(separator: "\n").write(toFile: dir + "/in.jsonl", atomically: true, encoding: .utf8)
        let out = try AssayProcess.run(["extract", "--with", "numbers", dir + "/in.jsonl"], timeout: 120)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.split(separator: "\n").count == 21)
        #expect(out.stdout.contains(#""text": "9223372036854775807", "kind": "cardinal""#))
    }

    @Test func aHugeNumberDoesNotEndTheSession() throws {
        let dir = try AssayProcess.temporaryFolder()
        try #"{"id":"x","text":"It holds 9223372036854775807 rows."}"#.write(
            toFile: dir + "/in.jsonl", atomically: true, encoding: .utf8)
        let out = try AssayProcess.run(
            [dir + "/in.jsonl"], input: ".mode csv\nnumbers | count\ndocs | count\n", timeout: 120)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("count\n1\n"))
    }

    @Test func aByteOrderMarkInTheTextKeepsLaterOffsets() throws {
        let out = try AssayProcess.run(
            ["extract", "--with", "numbers", "-"], input: "{\"id\":\"x\",\"text\":\"\u{FEFF}5\"}\n", timeout: 60)
        #expect(out.stdout.contains(#""start": 1, "end": 2, "text": "5""#), "\(out.stdout)")
    }

    @Test func keepGoingRunsTheRestOfALine() throws {
        let out = try AssayProcess.run(["--keep-going", "seeds/", "-e", "bogus; docs | count"], timeout: 60)
        #expect(out.status == 1)
        #expect(out.stderr.contains("[E201]"))
        #expect(out.stdout.contains("5"))
        let bail = try AssayProcess.run(["seeds/", "-e", "bogus; docs | count"], timeout: 60)
        #expect(!bail.stdout.contains("count"))
    }

    @Test func aFIFOIsSkippedAndTheFilesAfterItAreRead() throws {
        let dir = try AssayProcess.temporaryFolder()
        #expect(mkfifo(dir + "/pipe", 0o600) == 0)
        #expect(mkfifo(dir + "/pipe.jsonl", 0o600) == 0)
        try "Ten people came.".write(toFile: dir + "/after.txt", atomically: true, encoding: .utf8)
        let out = try AssayProcess.run(
            ["extract", "--with", "numbers", dir + "/pipe", dir + "/pipe.jsonl", dir + "/after.txt"], timeout: 60)
        #expect(out.stdout.contains(#""id": "after""#))
        #expect(out.stderr.contains("pipe: a FIFO (named pipe), not a regular file: skipped"))
        #expect(out.stderr.contains("pipe.jsonl: a FIFO"))
    }

    @Test func documentsOverTheLimitAreE306AndTheRestGoOn() throws {
        let long = #"{"id":"big","text":""# + String(repeating: "word ", count: 300_000) + "\"}"
        let input = #"{"id":"a","text":"one"}"# + "\n" + long + "\n" + #"{"id":"b","text":"two"}"# + "\n"
        let out = try AssayProcess.run(
            ["extract", "--with", "numbers", "--max-document-mb", "1", "--error-lines", "-"], input: input, timeout: 60)
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].contains(#""code": "E306""#))
        #expect(out.stderr.contains("stdin:2: document too large"))
    }

    @Test func malformedJSONSaysWhatIsWrong() throws {
        let out = try AssayProcess.run(
            ["extract", "--with", "numbers", "-"],
            input: "{\"id\":\"b\",\"text\":\"abc\",}\n{\"id\":\"c\",\"text\":\"a\u{FFFD}\"}\n", timeout: 60)
        #expect(out.stderr.contains("stdin:1: not valid JSON: trailing comma before '}' at byte 23 [E304]"))
        #expect(out.stdout.contains(#""id": "c""#))
    }

    @Test func savingIntoAMissingFolderNamesTheFolder() throws {
        let out = try AssayProcess.run(["seeds/"], input: "docs\nsave /no/such/folder/x.csv\n", timeout: 60)
        #expect(out.stderr.contains("no such folder '/no/such/folder'"), "\(out.stderr)")
        let output = try AssayProcess.run(["seeds/"], input: ".output /no/such/folder/x.txt\n", timeout: 60)
        #expect(output.stderr.contains("no such folder '/no/such/folder'"), "\(output.stderr)")
    }

    @Test func aSaveKilledMidwayLeavesNothingBesideTheTarget() throws {
        let dir = try AssayProcess.temporaryFolder()
        // Big enough that the save takes a while: many rows, written several times over.
        let text = String(repeating: "In 2024, 35 people paid $12 million for 4% of 300 shares. ", count: 2000)
        let lines = (0..<40).map { #"{"id":"d\#($0)","text":"\#(text)"}"# }
        try lines.joined(separator: "\n").write(toFile: dir + "/in.jsonl", atomically: true, encoding: .utf8)
        let script = "let N = numbers\n" + String(repeating: "save N \(dir)/out.csv\n", count: 30)
        for delay in [0.5, 1.0, 1.5, 2.0] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: AssayProcess.binary)
            p.arguments = [dir + "/in.jsonl", "-e", script.replacingOccurrences(of: "\n", with: ";")]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter {
                $0 != "in.jsonl" && $0 != "out.csv"
            }
            #expect(left.isEmpty, "left behind: \(left)")
        }
    }
}

/// `define ... pattern`, `where ... matches` and `kwic` with a backtracking pattern stop with
/// E407 and the script goes on.
struct RegexBudgetTests {
    @Test(arguments: [
        "define cat = pattern /(a+)+$/; cat | count", "kwic /(a|aa)+$/", "docs | where doc matches /(a+)+$/ | count"
    ])
    func aCatastrophicPatternStopsWithE407(script: String) throws {
        let dir = try AssayProcess.temporaryFolder()
        try #"{"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab","text":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"}"#
            .write(toFile: dir + "/in.jsonl", atomically: true, encoding: .utf8)
        let out = try AssayProcess.run(
            ["--keep-going", dir + "/in.jsonl", "-e", script + "; docs | count"], timeout: 60)
        #expect(out.stderr.contains("ran out of its budget"), "\(out.stderr)")
        #expect(out.stderr.contains("[E407]"))
        #expect(out.stdout.contains("count"))
    }
}
