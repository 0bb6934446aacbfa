import Foundation
import Testing

/// What `assay extract` promises a streaming caller (Spark's `pipe()`, Hadoop streaming): one
/// output line per input line with `--error-lines`, and a quiet stop when the reader goes away.
struct StreamingContractTests {
    @Test func errorLinesAnswerEveryInputLineInPlace() throws {
        let input = """
            {"id": "a", "text": "5 apples"}
            not json
            {"id": "c"}

            {"id": "d", "text": "10% up"}

            """
        let out = try AssayProcess.run(["extract", "--with", "numbers", "--error-lines", "-"], input: input)
        #expect(out.status == 0, "failures are answered in the output, so the task does not fail")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "one line per non-blank input line")
        let objects = try lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["id"] as? String } == ["a", nil, nil, "d"])
        #expect(objects[1]["code"] as? String == "E304")
        #expect((objects[1]["error"] as? String)?.contains("stdin:2") == true)
        #expect(objects[2]["code"] as? String == "E304")
        #expect(objects[0]["annotations"] != nil && objects[1]["annotations"] == nil)
        #expect(out.stderr.contains("stdin:2: not valid JSON: unknown word 'not'"), "errors still go to stderr too")
    }

    @Test func withoutErrorLinesABadLineLeavesNoOutputAndFailsTheRun() throws {
        let out = try AssayProcess.run(
            ["extract", "--with", "numbers", "-"], input: "{\"id\": \"a\", \"text\": \"5\"}\nnot json\n")
        #expect(out.status == 1)
        #expect(out.stdout.split(separator: "\n").count == 1)
    }

    @Test func aClosedPipeStopsTheRunQuietly() throws {
        let folder = try AssayProcess.temporaryFolder()
        let corpus = folder + "/many.jsonl"
        let lines = (0..<20_000).map { #"{"id": "d\#($0)", "text": "Hello #x world \#($0)"}"# }
        try (lines.joined(separator: "\n") + "\n").write(toFile: corpus, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [
            "-c",
            "'\(AssayProcess.binary)' extract --define 'x=/#x/' --with x --batch-size 64 '\(corpus)' 2>'\(folder)/err' | head -n 1 >/dev/null; echo ${PIPESTATUS[0]}"
        ]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "141", "the shell's status for SIGPIPE")
        #expect(try String(contentsOfFile: folder + "/err", encoding: .utf8).isEmpty, "no noise on stderr")
    }
}
