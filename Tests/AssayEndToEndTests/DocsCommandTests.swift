import Foundation
import Testing

/// `assay docs`: every document as it was loaded, for other tools to read.
struct DocsCommandTests {
    func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func plainTextKeepsItsTextAndAHeadlineBecomesTheTitle() throws {
        let out = try AssayProcess.run(["docs", "seeds/"])
        #expect(out.status == 0, "\(out.stderr)")
        let docs = try objects(out.stdout)
        let files = try FileManager.default.contentsOfDirectory(atPath: AssayProcess.seeds).filter {
            $0.hasSuffix(".txt")
        }.sorted()
        #expect(docs.map { $0["id"] as? String } == files.map { ($0 as NSString).deletingPathExtension })
        for (doc, file) in zip(docs, files) {
            let text = try String(contentsOfFile: AssayProcess.seeds + "/" + file, encoding: .utf8)
            #expect(doc["text"] as? String == text, "the text of \(file) changed")
            let fields = try #require(doc["fields"] as? [String: Any])
            #expect(fields["file"] as? String == file)
            let firstLine = String(text.prefix { $0 != "\n" })
            if let title = fields["title"] as? String { #expect(title == firstLine) }
        }
        let titled = docs.filter { ($0["fields"] as? [String: Any])?["title"] != nil }
        #expect(titled.count == 3)
        #expect(out.stdout.contains(#""title": "Xi, Putin Hold High-Level Talks In Moscow » Capital News""#))
    }

    @Test func csvOutputReadsBackToTheSameDocuments() throws {
        let corpus = AssayProcess.repository + "/Examples/corpus/outlets.csv"
        let jsonl = try AssayProcess.run(["docs", corpus])
        let csv = try AssayProcess.run(["docs", "--format", "csv", corpus])
        #expect(jsonl.status == 0 && csv.status == 0, "\(jsonl.stderr)\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("id,text,outlet,date,author,headline\n"))
        let folder = try AssayProcess.temporaryFolder()
        try Data(csv.stdout.utf8).write(to: URL(fileURLWithPath: folder + "/again.csv"))
        let again = try AssayProcess.run(["docs", folder + "/again.csv"])
        #expect(again.stdout == jsonl.stdout)
        #expect(try objects(jsonl.stdout).count == 12)
    }

    @Test func aWebPageIsItsArticleAndStdinIsJSONLines() throws {
        let page = AssayProcess.fixtures + "/webpage.html"
        let out = try AssayProcess.run(
            ["docs", page, "-"], input: #"{"id": "s1", "text": "From stdin.", "outlet": "Wire", "n": 2}"# + "\n")
        #expect(out.status == 0, "\(out.stderr)")
        let docs = try objects(out.stdout)
        #expect(docs.count == 2)
        let text = try #require(docs[0]["text"] as? String)
        #expect(text.hasPrefix("The port authority approved a plan on Monday"))
        #expect(!text.contains("Boris Johnson") && !text.contains("Home"))
        #expect((docs[0]["fields"] as? [String: Any])?["site"] as? String == "Coastline Daily")
        #expect(
            out.stdout.hasSuffix(#"{"id": "s1", "text": "From stdin.", "fields": {"outlet": "Wire", "n": 2}}"# + "\n"))
    }

    @Test func badInputsAreOneLineEachAndTheRestIsPrinted() throws {
        let folder = try AssayProcess.temporaryFolder()
        try Data("id,text\na,One.\nb,\"Two\"x\nc,Three.\n".utf8).write(to: URL(fileURLWithPath: folder + "/rows.csv"))
        let out = try AssayProcess.run([
            "docs", folder + "/missing.txt", folder + "/rows.csv", AssayProcess.fixtures + "/articles.jsonl"
        ])
        #expect(out.status == 1)
        let errors = out.stderr.split(separator: "\n")
        #expect(errors.count == 3, "\(out.stderr)")
        #expect(errors[0].contains("missing.txt") && errors[0].contains("[E301]"))
        #expect(errors[1].contains("rows.csv:3:") && errors[1].contains("[E308]"))
        #expect(errors[2].contains("articles.jsonl:3") && errors[2].contains("[E304]"))
        #expect(try objects(out.stdout).map { $0["id"] as? String } == ["a", "c", "one", "two", "three"])
        let usage = try AssayProcess.run(["docs", "--format", "xml", "seeds/"])
        #expect(usage.status != 0 && usage.status != 1 && usage.stdout.isEmpty)
    }
}
