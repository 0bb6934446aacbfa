import Foundation
import Testing

/// `assay extract` follows the batch contract of DESIGN.md.
struct ExtractContractTests {
    @Test func jsonLinesInJsonLinesOutInOrderWithScalarOffsets() throws {
        let input = (0..<300).map { i in ##"{"id": "d\##(i)", "text": "Ünï #tag\##(i) and #more"}"## }.joined(separator: "\n") + "\n"
        let out = try AssayProcess.run(["extract", "--define", "tags=/#\\w+/", "--with", "tags", "--batch-size", "7", "-"], input: input)
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 300)
        #expect(lines[0] == ##"{"id": "d0", "annotations": [{"extractor": "tags", "start": 4, "end": 9, "text": "#tag0"}, {"extractor": "tags", "start": 14, "end": 19, "text": "#more"}]}"##)
        #expect(lines.map { $0.split(separator: "\"")[3] } == (0..<300).map { "d\($0)"[...] })
    }

    @Test func badLinesAreReportedAndTheRestProcessed() throws {
        let out = try AssayProcess.run(["extract", "--define", "tags=/#\\w+/", "--with", "tags", AssayProcess.fixtures + "/articles.jsonl"])
        #expect(out.status == 1)
        #expect(out.stdout.split(separator: "\n").count == 3)
        #expect(out.stderr.contains("articles.jsonl:3: not valid JSON [E304]"))
    }

    @Test func filesAndFoldersAndJsonArrayFormat() throws {
        let out = try AssayProcess.run(["extract", "--define", "putin=/Putin/", "--with", "putin", "--format", "json", "seeds/"])
        #expect(out.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]]
        #expect(json?.map { $0["id"] as? String } == ["000_b4be6983a25e9e06", "001_13e2baf28fb92d31", "002_4707357962415ac7", "003_ff26e3514ae5597a", "004_97e402c0209a3bde"])
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
        let files = try FileManager.default.contentsOfDirectory(atPath: AssayProcess.seeds).filter { $0.hasSuffix(".txt") }.sorted()
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == files.count)
        var seen = Set<String>()
        for (line, file) in zip(lines, files) {
            let text = Array(try String(contentsOfFile: AssayProcess.seeds + "/" + file, encoding: .utf8).unicodeScalars)
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
