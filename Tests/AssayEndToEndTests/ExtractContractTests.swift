import Foundation
import Testing

/// `assay extract` follows the batch contract of DESIGN.md.
struct ExtractContractTests {
    @Test func jsonLinesInJsonLinesOutInOrderWithScalarOffsets() throws {
        let input =
            (0..<300).map { i in ##"{"id": "d\##(i)", "text": "Ünï #tag\##(i) and #more"}"## }.joined(separator: "\n")
            + "\n"
        let out = try AssayProcess.run(
            ["extract", "--define", "tags=/#\\w+/", "--with", "tags", "--batch-size", "7", "-"], input: input)
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 300)
        #expect(
            lines[0]
                == ##"{"id": "d0", "annotations": [{"extractor": "tags", "start": 4, "end": 9, "text": "#tag0"}, {"extractor": "tags", "start": 14, "end": 19, "text": "#more"}]}"##
        )
        #expect(lines.map { $0.split(separator: "\"")[3] } == (0..<300).map { "d\($0)"[...] })
    }

    @Test func badLinesAreReportedAndTheRestProcessed() throws {
        let out = try AssayProcess.run([
            "extract", "--define", "tags=/#\\w+/", "--with", "tags", AssayProcess.fixtures + "/articles.jsonl"
        ])
        #expect(out.status == 1)
        #expect(out.stdout.split(separator: "\n").count == 3)
        #expect(out.stderr.contains("articles.jsonl:3: not valid JSON: unknown word 'this'"))
    }

    @Test func filesAndFoldersAndJsonArrayFormat() throws {
        let out = try AssayProcess.run([
            "extract", "--define", "putin=/Putin/", "--with", "putin", "--format", "json", "seeds/"
        ])
        #expect(out.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]]
        #expect(
            json?.map { $0["id"] as? String } == [
                "000_b4be6983a25e9e06", "001_13e2baf28fb92d31", "002_4707357962415ac7", "003_ff26e3514ae5597a",
                "004_97e402c0209a3bde"
            ])
    }

    @Test func unknownExtractorIsAUsageError() throws {
        let out = try AssayProcess.run(["extract", "--with", "nosuch", "-"], input: "")
        #expect(out.status == 2)
        #expect(out.stderr.contains("unknown extractor 'nosuch' [E201]"))
    }
}

/// The four built-in extractors through the batch contract, on the seed articles.
struct BuiltInExtractorsContractTests {
    @Test func everyAnnotationsTextIsItsScalarSliceAndFieldsFollowTheContract() throws {
        let out = try AssayProcess.run(["extract", "--with", "quotes,numbers,entities,sentiment", "seeds/"])
        #expect(out.status == 0, "\(out.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: AssayProcess.seeds).filter {
            $0.hasSuffix(".txt")
        }.sorted()
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == files.count)
        var seen = Set<String>()
        for (line, file) in zip(lines, files) {
            let text = Array(
                try String(contentsOfFile: AssayProcess.seeds + "/" + file, encoding: .utf8).unicodeScalars)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["id"] as? String == String(file.dropLast(4)))
            for a in try #require(object["annotations"] as? [[String: Any]]) {
                let start = try #require(a["start"] as? Int), end = try #require(a["end"] as? Int)
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: text[start..<end])
                if a["scope"] as? String == "document" {
                    // The document's own annotation does not repeat its text.
                    #expect(a["text"] == nil && start == 0 && end == text.count)
                } else {
                    #expect(String(slice) == a["text"] as? String)
                }
                let extractor = try #require(a["extractor"] as? String)
                seen.insert(extractor)
                switch extractor {
                case "entities": #expect(["PERSON", "ORG", "LOC", "MISC"].contains(a["label"] as? String ?? ""))
                case "sentiment":
                    #expect(["positive", "negative", "neutral"].contains(a["label"] as? String ?? ""))
                    #expect(abs(a["score"] as? Double ?? 9) <= 1)
                case "numbers": #expect(a["kind"] != nil && a.keys.contains("value"))
                case "quotes": #expect(a.keys.contains("speaker") && a["kind"] != nil)
                default: Issue.record("unexpected extractor \(extractor)")
                }
            }
        }
        #expect(seen == ["entities", "sentiment", "numbers", "quotes"])
    }
}

/// `"targets"` on input lines: one `scope: "target"` sentiment annotation per span.
struct TargetContractTests {
    @Test func eachTargetGetsOneAnnotationOnItsSpan() throws {
        let input =
            #"{"id": "a", "text": "Ørsted praised Acme, but Globex was fined for fraud.", "targets": [{"start": 25, "end": 31}, {"start": 0, "end": 6}, {"start": 15, "end": 19}]}"#
            + "\n"
            + #"{"id": "b", "text": "No targets here."}"# + "\n"
        let out = try AssayProcess.run(["extract", "--with", "sentiment", "-"], input: input)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let targets = try #require(first["annotations"] as? [[String: Any]]).filter {
            $0["scope"] as? String == "target"
        }
        #expect(targets.map { $0["text"] as? String } == ["Ørsted", "Acme", "Globex"])
        #expect(targets.map { $0["start"] as? Int } == [0, 15, 25])
        for t in targets {
            #expect(t["extractor"] as? String == "sentiment")
            #expect((-1...1).contains(t["score"] as? Double ?? 9))
            #expect(["positive", "negative", "neutral"].contains(t["label"] as? String ?? ""))
        }
        #expect(!lines[1].contains("\"target\""))
    }

    @Test func badTargetsAreOneErrorLineEachAndTheRestIsProcessed() throws {
        let input =
            [
                #"{"id": "a", "text": "Fine.", "targets": [{"start": 0, "end": 4}]}"#,
                #"{"id": "b", "text": "Short.", "targets": [{"start": 0, "end": 60}]}"#,
                #"{"id": "c", "text": "Short.", "targets": "Short"}"#,
                #"{"id": "d", "text": "Fine again.", "targets": [{"start": 0, "end": 4}]}"#
            ].joined(separator: "\n") + "\n"
        let out = try AssayProcess.run(["extract", "--with", "sentiment", "-"], input: input)
        #expect(out.status == 1)
        #expect(out.stdout.split(separator: "\n").count == 2)
        let errors = out.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors[0].contains("stdin:2: targets[0]: end 60 is past the end of the text (6 characters) [E304]"))
        #expect(errors[1].contains("stdin:3: \"targets\" must be an array"))
        let answered = try AssayProcess.run(["extract", "--with", "sentiment", "--error-lines", "-"], input: input)
        #expect(answered.status == 0)
        let lines = answered.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].contains("\"error\"") && lines[1].contains("E304"))
    }

    @Test func evalEntitySentimentReportsEachSplitNextToTheSentenceLabel() throws {
        let out = try AssayProcess.run(["eval", "entity-sentiment", AssayProcess.fixtures + "/target_sentiment.jsonl"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines[0].hasSuffix(
                "4 sentences, read through the batch contract (\"targets\" in, \"scope\": \"target\" out)"))
        #expect(lines[1].contains("target macro-F1") && lines[1].contains("sentence label macro-F1"))
        let rows = lines.dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(rows.map { $0[0] } == ["rw", "mt", "all"])
        #expect(rows.map { $0[1] } == ["4", "4", "8"])
        for row in rows {
            for figure in row[2...].compactMap(Double.init) { #expect((0...1).contains(figure)) }
            #expect(row.count == 6)
        }
    }

    @Test func evalEntitySentimentExplainsABadFile() throws {
        let out = try AssayProcess.run(["eval", "entity-sentiment", AssayProcess.fixtures + "/articles.jsonl"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("[E304]"))
    }
}
