import Foundation
import Testing

/// The tone toward targets through the built binary: the batch contract's `"targets"`, the
/// REPL's `sentiment toward=true` and `entity-sentiment per=mention`, and the training command.
struct TargetSentimentEndToEndTests {
    private func annotations(_ line: Substring) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return try #require(object["annotations"] as? [[String: Any]])
    }

    @Test func aTargetGetsTheToneTowardItNotItsSentences() throws {
        // Green is called a liar; Black only says so. One sentence, two tones.
        let text = "“Green is a liar and a fraud,” said Black."
        let input =
            #"{"id": "q", "text": "\#(text)", "targets": [{"start": 1, "end": 6}, {"start": 36, "end": 41}]}"# + "\n"
        let out = try AssayProcess.run(["extract", "--with", "sentiment", "-"], input: input)
        #expect(out.status == 0, "\(out.stderr)")
        let found = try annotations(try #require(out.stdout.split(separator: "\n").first))
        let targets = found.filter { $0["scope"] as? String == "target" }
        #expect(targets.map { $0["text"] as? String } == ["Green", "Black"])
        #expect(targets.map { $0["start"] as? Int } == [1, 36])
        #expect(targets.map { $0["end"] as? Int } == [6, 41])
        #expect(targets.allSatisfy { $0["explain"] == nil && (-1...1).contains($0["score"] as? Double ?? 9) })
        #expect(targets[0]["label"] as? String == "negative")
        #expect(targets[1]["label"] as? String != "negative")
        #expect((targets[0]["score"] as? Double ?? 0) < (targets[1]["score"] as? Double ?? 0))
        let sentence = try #require(found.first { $0["scope"] as? String == "sentence" })
        #expect(sentence["label"] as? String == "negative")
    }

    @Test func sentimentTowardAnEntityInTheREPL() throws {
        let out = try AssayProcess.run(
            ["seeds/"],
            input: """
                entities | where label == "PERSON" | sentiment toward=true | limit 3 | select scope
                entities | where label == "PERSON" | sentiment | limit 1 | select scope
                describe sentiment

                """)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.filter { $0 == "target" }.count == 3)
        #expect(lines.contains("sentence"))  // without toward: the sentence around the name, as before
        #expect(out.stdout.contains("toward") && out.stdout.contains("default false"))
    }

    @Test func entitySentimentPerMentionExplainsWhatMovedIt() throws {
        let out = try AssayProcess.run(
            ["seeds/"],
            input: """
                .mode jsonl
                entity-sentiment per=mention explain=true | where entity == "Xi Jinping" | limit 2
                entity-sentiment per=both | where entity == "Xi Jinping" | count by scope

                """)
        #expect(out.status == 0, "\(out.stderr)")
        let rows = out.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let mentions = rows.filter {
            $0["extractor"] as? String == "entity-sentiment" && $0["scope"] as? String == "mention"
        }
        #expect(mentions.count == 2)
        for m in mentions {
            let explain = m["explain"] as? [String] ?? []
            #expect(explain.last?.hasPrefix("label probabilities: negative ") == true)
            #expect(explain.count >= 2)
            #expect(["positive", "negative", "neutral"].contains(m["label"] as? String ?? ""))
        }
        let counts = Dictionary(
            rows.filter { $0["count"] != nil }.compactMap { r in
                (r["scope"] as? String).map { ($0, r["count"] as? Int ?? 0) }
            },
            uniquingKeysWith: +)
        #expect(counts["entity"] ?? 0 >= 1 && counts["mention"] ?? 0 > counts["entity"] ?? 0)
    }

    @Test func trainingTheTargetModelIsDeterministic() throws {
        let data = AssayProcess.fixtures + "/target_sentiment.jsonl"
        let directory = NSTemporaryDirectory() + "assay-target-train-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var files: [Data] = []
        for n in 0..<2 {
            let path = directory + "/model\(n).tsv"
            let out = try AssayProcess.run([
                "train", "entity-sentiment", "--train", data, "--out", path,
                "--folds", "2", "--min-count", "1", "--lambdas", "1"
            ])
            #expect(out.status == 0, "\(out.stderr)")
            #expect(out.stdout.contains("8 targets in 4 sentences"))
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(files[0] == files[1])
        let text = String(decoding: files[0], as: UTF8.self)
        #expect(text.hasPrefix("# assay target sentiment model, format 2\n"))
        #expect(text.contains("\nintercept\t") && text.contains("\nhidden\t") && text.contains("\nvector\tT="))
        let bad = try AssayProcess.run([
            "train", "entity-sentiment", "--train", data, "--out", directory + "/x.tsv", "--lambdas", "zero"
        ])
        #expect(bad.status != 0 && bad.stderr.contains("--lambdas"))
        let badEpochs = try AssayProcess.run([
            "train", "entity-sentiment", "--train", data, "--out", directory + "/x.tsv", "--epochs", "0"
        ])
        #expect(badEpochs.status != 0 && badEpochs.stderr.contains("--epochs"))
    }
}
