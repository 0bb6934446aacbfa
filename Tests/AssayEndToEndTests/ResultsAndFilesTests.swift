import Foundation
import Testing

/// Saving results, output redirection and formats, through the real binary.
struct ResultsAndFilesTests {
    @Test func saveWritesTheFormatOfTheExtension() throws {
        let dir = try AssayProcess.temporaryFolder()
        let out = try AssayProcess.run(
            ["seeds/"],
            input:
                "docs | select doc, sentences | limit 2\nsave \(dir)/d.csv\nsave \(dir)/d.json\nsave \(dir)/d.jsonl\n")
        #expect(out.status == 0)
        #expect(
            try String(contentsOfFile: dir + "/d.csv", encoding: .utf8)
                == "doc,sentences\n000_b4be6983a25e9e06,22\n001_13e2baf28fb92d31,16\n")
        #expect(
            try String(contentsOfFile: dir + "/d.jsonl", encoding: .utf8).hasPrefix(
                #"{"doc": "000_b4be6983a25e9e06", "sentences": 22}"#))
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/d.json")))
            as? [[String: Any]]
        #expect(json?.count == 2)
    }

    @Test func aFailedSaveLeavesTheOldFileIntact() throws {
        let dir = try AssayProcess.temporaryFolder()
        try "precious\n".write(toFile: dir + "/keep.csv", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
        let out = try AssayProcess.run(["seeds/"], input: "docs\nsave \(dir)/keep.csv\n")
        if getuid() != 0 {  // root may write anywhere; the atomic rename is still what protects it
            #expect(out.status == 1)
            #expect(out.stderr.contains("[E601]"))
        }
        let text = try String(contentsOfFile: dir + "/keep.csv", encoding: .utf8)
        #expect(text == "precious\n" || text.hasPrefix("doc,chars"))
        let missing = try AssayProcess.run(["seeds/"], input: "docs\nsave /no/such/folder/x.csv\n")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nothing was written"))
    }

    @Test func outputAndOnceRedirect() throws {
        let dir = try AssayProcess.temporaryFolder()
        let out = try AssayProcess.run(
            ["seeds/"],
            input: """
                .mode jsonl
                .once \(dir)/once.jsonl
                docs | select doc | limit 1
                docs | select doc | limit 1
                .output \(dir)/rest.txt
                docs | count
                .output stdout
                """)
        #expect(out.status == 0)
        #expect(
            try String(contentsOfFile: dir + "/once.jsonl", encoding: .utf8) == "{\"doc\": \"000_b4be6983a25e9e06\"}\n")
        #expect(try String(contentsOfFile: dir + "/rest.txt", encoding: .utf8) == "{\"count\": 5}\n")
        #expect(out.stdout == "loaded 5 documents (5 in session)\n{\"doc\": \"000_b4be6983a25e9e06\"}\n")
    }

    @Test func namedResultsAndSetOperations() throws {
        let out = try AssayProcess.run(
            ["seeds/"],
            input: """
                define leaders = words "Putin", "Xi"
                let P = leaders | where text == "Putin"
                let X = leaders | where text == "Xi"
                P | union X | count
                leaders | except P | count by text
                results
                .mode csv
                last | count
                """)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("P: 31 rows"))
        #expect(out.stdout.contains("Xi    "))
        #expect(out.stdout.hasSuffix("count\n1\n"))
    }

    @Test func formatsTsvMarkdownAndKwic() throws {
        let out = try AssayProcess.run(
            ["seeds/"],
            input: """
                define kremlin = words "Kremlin"
                .mode tsv
                kremlin | select doc, text | limit 1
                .mode markdown
                kremlin | select doc | limit 1
                .mode kwic
                .context 3 words
                kremlin | limit 1
                """)
        #expect(out.stdout.contains("doc\ttext\n000_b4be6983a25e9e06\tKremlin\n") || out.stdout.contains("\tKremlin\n"))
        #expect(out.stdout.contains("| doc |\n| --- |\n"))
        #expect(out.stdout.contains("[Kremlin]"))
    }
}
