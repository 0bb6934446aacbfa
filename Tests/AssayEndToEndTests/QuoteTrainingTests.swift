import Foundation
import Testing

/// `assay train quotes` run as a user would: the model it writes is the same byte for byte on
/// every run, and `assay eval quotes` reads the same annotated file.
@Suite struct QuoteTrainingTests {
    private let data = AssayProcess.fixtures + "/speakers.jsonl"

    @Test func trainingIsDeterministic() throws {
        let dir = NSTemporaryDirectory() + "quotes-train-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var models: [Data] = []
        for k in 0..<2 {
            let out = "\(dir)/model\(k).txt"
            let run = try AssayProcess.run(["train", "quotes", "--train", data, "--out", out, "--epochs", "3"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("2 documents: 5 quotes to learn from"))
            models.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(models[0] == models[1])
        #expect(String(decoding: models[0], as: UTF8.self).hasPrefix("assay quotes speaker ranker v1\n"))
    }

    @Test func missingOptionIsOneLineWithItsCode() throws {
        let run = try AssayProcess.run(["train", "quotes", "--train", data])
        #expect(run.status != 0)
        #expect(run.stderr.contains("missing required option '--out'"))
        #expect(run.stderr.contains("E406"))
    }

    @Test func evaluationGroupsSpeakerErrors() throws {
        let run = try AssayProcess.run(["eval", "quotes", data, "--errors", "2", "--docs", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("documents 1;"))
        #expect(run.stdout.contains("speaker mention"))
        #expect(run.stdout.contains("speaker errors by cause:"))
    }
}
