import Foundation
import Testing

/// Corpus-level names in the REPL, over a small corpus written for these tests: a senator named
/// four ways, two unrelated people called Brandt, a lone "Brandt" with nothing to go on, and a
/// bank by its name and its acronym.
struct CorpusLinkingTests {
    static let corpus = "Tests/AssayEndToEndTests/Fixtures/names.jsonl"

    /// `count by` rows of CSV output as name → count.
    static func counts(_ csv: String, after header: String) -> [String: Int] {
        var out: [String: Int] = [:]
        var inside = false
        for line in csv.split(separator: "\n").map(String.init) {
            if line == header {
                inside = true
                continue
            }
            guard inside else { continue }
            guard let comma = line.lastIndex(of: ","), let n = Int(line[line.index(after: comma)...]) else { break }
            out[String(line[..<comma])] = n
        }
        return out
    }

    @Test func entitiesAndSpeakersCountOneRowPerPerson() throws {
        let out = try AssayProcess.run(
            [],
            input: """
                load \(Self.corpus)
                .mode csv
                entities | where label == "PERSON" | count by name
                quotes | count by speaker
                entity-sentiment labels=PERSON | stats score by name
                """)
        #expect(out.status == 0, "\(out.stderr)")
        let people = Self.counts(out.stdout, after: "name,count")
        // "Maria Kowalski", "Maria J. Kowalski", "MARIA KOWALSKI" and "Sen. Kowalski" alone.
        #expect(people["Maria Kowalski"] == 8)
        #expect(people["Peter Brandt"] == 6)
        #expect(people["Elena Brandt"] == 6)
        // The lone "Brandt" with no title and no company stays apart.
        #expect(people["Brandt"] == 1)
        #expect(people.keys.allSatisfy { !$0.contains("Kowalski") || $0 == "Maria Kowalski" })
        let speakers = Self.counts(out.stdout, after: "speaker,count")
        #expect(speakers["Maria Kowalski"] == 6)
        #expect(speakers["Kowalski"] == nil)
        // "the ECB said", in a story that names the European Central Bank.
        #expect(speakers["European Central Bank"] == 1)
        // Tone per corpus entity: one row per document that mentions her, under one name.
        #expect(out.stdout.contains("name,count,mean,min,max\nMaria Kowalski,4,"))
    }

    @Test func entityRowsCarryNameAndIdAndDocumentLinkingKeepsTheirOwn() throws {
        let out = try AssayProcess.run(
            [],
            input: """
                load \(Self.corpus)
                .mode csv
                entities | where doc == "k4" or doc == "e2" | select doc, text, canonical, name, entity_id
                .link document
                quotes | where doc == "k4" | select speaker
                .link corpus
                quotes | where doc == "k4" | select speaker, speaker_id
                """)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("k4,Kowalski,Kowalski,Maria Kowalski,PERSON/maria-kowalski\n"))
        #expect(out.stdout.contains("e2,ECB,ECB,European Central Bank,ORG/european-central-bank\n"))
        #expect(out.stdout.contains("speaker\nKowalski\nKowalski\n"))
        #expect(out.stdout.contains("speaker,speaker_id\nMaria Kowalski,PERSON/maria-kowalski\n"))
    }

    @Test func namesAreRecomputedWhenDocumentsAreDroppedAndLoaded() throws {
        // Without the mayor's own stories, "Mayor Brandt" has no bearer to join; with them
        // loaded again, it has.
        let out = try AssayProcess.run(
            [],
            input: """
                load \(Self.corpus)
                .mode csv
                entities | where doc == "b5" and label == "PERSON" | select name
                drop b1 b2 e1
                entities | where doc == "b5" and label == "PERSON" | select name
                load \(Self.corpus)
                entities | where doc == "b5" and label == "PERSON" | select name
                """)
        #expect(out.status == 0, "\(out.stderr)")
        let answers = out.stdout.components(separatedBy: "name\n").dropFirst().map {
            $0.split(separator: "\n").first.map(String.init)
        }
        #expect(answers == ["Peter Brandt", "Brandt", "Peter Brandt"])
    }

    // MARK: - Batch

    /// Each quote's speaker (and speaker_id when present) in `assay extract` output, in order.
    static func speakers(_ jsonl: String) throws -> [[String]] {
        try jsonl.split(separator: "\n").flatMap { line -> [[String]] in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return (object["annotations"] as! [[String: Any]]).filter { $0["extractor"] as? String == "quotes" }.map {
                [$0["speaker"] as? String ?? "null", $0["speaker_id"] as? String ?? "-"]
            }
        }
    }

    @Test func extractLinksTheCorpusInTwoPassesOverAFileAndByANamesTableOnStdin() throws {
        let document = try AssayProcess.run(["extract", "--with", "quotes", Self.corpus])
        let twoPass = try AssayProcess.run(["extract", "--with", "quotes", "--link", "corpus", Self.corpus])
        #expect(document.status == 0 && twoPass.status == 0, "\(twoPass.stderr)")
        // Without linking, Sen. Kowalski's own story names her by surname only.
        #expect(try Self.speakers(document.stdout).contains(["Kowalski", "-"]))
        let linked = try Self.speakers(twoPass.stdout)
        #expect(!linked.contains { $0[0] == "Kowalski" })
        #expect(linked.filter { $0 == ["Maria Kowalski", "PERSON/maria-kowalski"] }.count == 6)
        #expect(linked.contains(["European Central Bank", "ORG/european-central-bank"]))

        // A cluster job: the table once, then stdin with --names gives the same lines.
        let folder = try AssayProcess.temporaryFolder()
        let table = try AssayProcess.run(["names", Self.corpus])
        #expect(table.status == 0, "\(table.stderr)")
        try table.stdout.write(toFile: folder + "/names.json", atomically: true, encoding: .utf8)
        let input = try String(contentsOfFile: AssayProcess.repository + "/" + Self.corpus, encoding: .utf8)
        let piped = try AssayProcess.run(
            ["extract", "--with", "quotes", "--names", folder + "/names.json", "-"], input: input)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == twoPass.stdout)
    }

    @Test func theSecondPassFindsWhatTheFirstKeptPastBlankAndBadLines() throws {
        // The second pass takes the first pass's analysis by input number: blank lines and
        // failed inputs count, and what they hold must not shift the documents after them.
        let folder = try AssayProcess.temporaryFolder()
        let lines = [
            #"{"id":"a","text":"Senator Maria Kowalski said \"We have the votes.\" Maria Kowalski left."}"#,
            "not json", "",
            #"{"id":"b","text":"Kowalski, a senator, said \"The bill will pass.\" The European Central Bank agreed."}"#,
            #"{"id":"c","text":"\"Rates stay,\" said the European Central Bank. Senator Kowalski said \"Good.\""}"#
        ]
        let input = lines.joined(separator: "\n") + "\n"
        try input.write(toFile: folder + "/in.jsonl", atomically: true, encoding: .utf8)
        let args = ["extract", "--with", "entities,quotes", "--error-lines"]
        let twoPass = try AssayProcess.run(args + ["--link", "corpus", folder + "/in.jsonl"])
        let table = try AssayProcess.run(["names", folder + "/in.jsonl"])
        try table.stdout.write(toFile: folder + "/names.json", atomically: true, encoding: .utf8)
        let piped = try AssayProcess.run(args + ["--names", folder + "/names.json", "-"], input: input)
        #expect(twoPass.status == 0 && piped.status == 0, "\(twoPass.stderr)")
        let twoPassLines = twoPass.stdout.split(separator: "\n"), pipedLines = piped.stdout.split(separator: "\n")
        #expect(twoPassLines.count == 4 && pipedLines.count == 4)
        #expect(twoPass.stdout.contains("PERSON/maria-kowalski"))
        // The same lines, but the error's, which names its input (the file, or stdin).
        #expect(twoPassLines[1].contains("E304"))
        #expect(
            twoPassLines.enumerated().filter { $0.offset != 1 }.map(\.element)
                == pipedLines.enumerated().filter { $0.offset != 1 }.map(\.element))
    }

    /// The second pass's workers extract while the table is still being built: documents done
    /// before it is ready are linked on the writing thread. Over a corpus long enough for some to
    /// be, the lines are those a names table gives, in order.
    @Test func documentsExtractedWhileTheTableIsBuiltAreLinkedAsTheOthers() throws {
        let fixture = try String(contentsOfFile: AssayProcess.repository + "/" + Self.corpus, encoding: .utf8)
        let lines = fixture.split(separator: "\n").filter { !$0.isEmpty }
        // The fixture's documents forty times over, each copy under ids of its own.
        let input =
            (0..<40).flatMap { copy in
                lines.map { $0.replacingOccurrences(of: #""id": ""#, with: #""id": "\#(copy)-"#) }
            }.joined(separator: "\n") + "\n"
        let folder = try AssayProcess.temporaryFolder()
        try input.write(toFile: folder + "/in.jsonl", atomically: true, encoding: .utf8)
        let args = ["extract", "--with", "entities,quotes,sentiment", "--batch-size", "512"]
        let twoPass = try AssayProcess.run(args + ["--link", "corpus", folder + "/in.jsonl"])
        let table = try AssayProcess.run(["names", folder + "/in.jsonl"])
        try table.stdout.write(toFile: folder + "/names.json", atomically: true, encoding: .utf8)
        let piped = try AssayProcess.run(args + ["--names", folder + "/names.json", "-"], input: input)
        #expect(twoPass.status == 0 && piped.status == 0, "\(twoPass.stderr)")
        #expect(twoPass.stdout.split(separator: "\n").count == 40 * lines.count)
        #expect(twoPass.stdout.contains("PERSON/maria-kowalski"))
        #expect(twoPass.stdout == piped.stdout)
    }

    @Test func extractEntitiesCarryCorpusNamesOnlyWhenLinked() throws {
        let linked = try AssayProcess.run(["extract", "--with", "entities", "--link", "corpus", Self.corpus])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(linked.stdout.contains(#""text":"Kowalski""#) || linked.stdout.contains(#""text": "Kowalski""#))
        #expect(linked.stdout.contains("PERSON/maria-kowalski"))
        let plain = try AssayProcess.run(["extract", "--with", "entities", Self.corpus])
        #expect(!plain.stdout.contains("entity_id"))
        // Extractors that name no one are not linked, and cost no first pass.
        let numbers = try AssayProcess.run(["extract", "--with", "numbers", "--link", "corpus", Self.corpus])
        #expect(numbers.stdout == (try AssayProcess.run(["extract", "--with", "numbers", Self.corpus])).stdout)
    }

    @Test func extractReadingTwiceWarnsAndFailsOnceAnInput() throws {
        let folder = try AssayProcess.temporaryFolder()
        try "Senator Maria Kowalski said \"We have the votes.\"".write(
            toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        try "".write(toFile: folder + "/empty.txt", atomically: true, encoding: .utf8)
        try Data([0, 1, 2, 0, 255]).write(to: URL(fileURLWithPath: folder + "/binary.txt"))
        let out = try AssayProcess.run(["extract", "--with", "quotes", "--link", "corpus", folder])
        #expect(out.status == 1)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains("empty.txt") }.count == 1, "\(out.stderr)")
        #expect(lines.filter { $0.contains("binary.txt") }.count == 1, "\(out.stderr)")
        #expect(out.stdout.split(separator: "\n").count == 1)
    }

    @Test func extractCorpusLinkingErrorsAreOneLineWithACode() throws {
        let stdin = try AssayProcess.run(
            ["extract", "--with", "quotes", "--link", "corpus", "-"], input: "{\"id\":\"a\",\"text\":\"x\"}\n")
        #expect(stdin.status == 2)
        #expect(stdin.stderr.contains("--names FILE") && stdin.stderr.contains("[E406]"))
        let missing = try AssayProcess.run([
            "extract", "--with", "quotes", "--names", "/nonexistent/names.json", Self.corpus
        ])
        #expect(missing.status == 2 && missing.stderr.contains("[E301]") && missing.stdout.isEmpty)
        let folder = try AssayProcess.temporaryFolder()
        try "{\"entities\": 3}".write(toFile: folder + "/bad.json", atomically: true, encoding: .utf8)
        let bad = try AssayProcess.run(["extract", "--with", "quotes", "--names", folder + "/bad.json", Self.corpus])
        #expect(bad.status == 2 && bad.stderr.contains("not a names table") && bad.stderr.contains("[E304]"))
        let conflicting = try AssayProcess.run([
            "extract", "--with", "quotes", "--link", "document", "--names", folder + "/bad.json", Self.corpus
        ])
        #expect(conflicting.status != 0 && conflicting.stderr.contains("--link document"))
    }
}
