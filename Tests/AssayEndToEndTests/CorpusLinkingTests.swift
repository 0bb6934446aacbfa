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
            if line == header { inside = true; continue }
            guard inside else { continue }
            guard let comma = line.lastIndex(of: ","), let n = Int(line[line.index(after: comma)...]) else { break }
            out[String(line[..<comma])] = n
        }
        return out
    }

    @Test func entitiesAndSpeakersCountOneRowPerPerson() throws {
        let out = try AssayProcess.run([], input: """
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
        let out = try AssayProcess.run([], input: """
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
        let out = try AssayProcess.run([], input: """
            load \(Self.corpus)
            .mode csv
            entities | where doc == "b5" and label == "PERSON" | select name
            drop b1 b2 e1
            entities | where doc == "b5" and label == "PERSON" | select name
            load \(Self.corpus)
            entities | where doc == "b5" and label == "PERSON" | select name
            """)
        #expect(out.status == 0, "\(out.stderr)")
        let answers = out.stdout.components(separatedBy: "name\n").dropFirst().map { $0.split(separator: "\n").first.map(String.init) }
        #expect(answers == ["Peter Brandt", "Brandt", "Peter Brandt"])
    }
}
