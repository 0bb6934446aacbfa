import AssayCore
import Foundation
import Testing

@testable import AssayEntities

/// The plain reading of a list file that ``Gazetteer/sections(of:)`` reads as bytes: split into
/// lines, cut at `#`, trimmed, `[name]` lines open a section.
private func plainSections(_ text: String) -> [String: [String]] {
    var out: [String: [String]] = [:]
    var category = ""
    for raw in text.split(whereSeparator: \.isNewline) {
        let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .trimmingCharacters(in: .whitespaces)
        if line.isEmpty { continue }
        if line.hasPrefix("[") {
            category = String(line.dropFirst().dropLast())
            continue
        }
        out[category, default: []].append(line)
    }
    return out
}

@Test func gazetteerSectionsAreReadAsThePlainReadingReadsThem() throws {
    let text = """
        # comment before any section
        orphan
        [country]   # trailing comment
        \tFrance\t
          Côte d'Ivoire  # with a comment

        [city]\r
        São Paulo\r
        #only a comment
        [x
        []
        New  York
        """
    let sections = Gazetteer.sections(of: text)
    #expect(sections == plainSections(text))
    #expect(sections["country"] == ["France", "Côte d'Ivoire"])
    #expect(sections["city"] == ["São Paulo"])
    #expect(sections[""] == ["orphan", "New  York"])
    // And the shipped lists.
    for name in ["gazetteer", "gazetteer-derived"] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Plugins/Entities/Resources/\(name).txt")
        let shipped = try String(contentsOf: url, encoding: .utf8)
        #expect(Gazetteer.sections(of: shipped) == plainSections(shipped))
    }
}

@Test func plainListedNamesHashAsTheirAnalysedUnits() throws {
    var plain = 0
    for name in ["gazetteer", "gazetteer-derived"] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Plugins/Entities/Resources/\(name).txt")
        for phrase in Gazetteer.sections(of: try String(contentsOf: url, encoding: .utf8)).values.joined() {
            let doc = AnalyzedDocument(phrase)
            let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
            let analysed = doc.utf8.withUnsafeBufferPointer { b in
                units.spans.map { UnitProfile(b, $0.start, $0.end).lower }
            }
            // Every listed phrase is keyed by the lower hashes of its units' whole profiles.
            #expect(Gazetteer.unitHashes(phrase) == analysed, "\(phrase)")
            guard let hashes = Gazetteer.plainWordHashes(phrase) else { continue }
            plain += 1
            #expect(hashes == analysed, "\(phrase)")
            // The key a plain phrase is filed under, made without the list, is the list's.
            let key = Gazetteer.plainPhraseKey(phrase)
            #expect(key?.key == hashes.dropFirst().reduce(hashes[0]) { FeatureHash.mix($0, $1) }, "\(phrase)")
            #expect(key?.first == hashes[0] && key?.count == hashes.count, "\(phrase)")
        }
    }
    #expect(plain > 10_000)
    #expect(Gazetteer.plainWordHashes("U.S.") == nil)
    #expect(Gazetteer.plainWordHashes("New  York") == nil)
    #expect(Gazetteer.plainWordHashes("São Paulo") == Gazetteer.unitHashes("São Paulo"))
    #expect(Gazetteer.plainWordHashes("Côte d'Ivoire") == nil)
    #expect(Gazetteer.plainWordHashes("Al Ḩasakah") == nil)
    #expect(Gazetteer.plainWordHashes("2 × 3") == nil)
    #expect(Gazetteer.plainWordHashes("Guinea-Bissau") == nil)
    #expect(Gazetteer.plainPhraseKey("Guinea-Bissau") == nil)
    #expect(Gazetteer.plainPhraseKey("New  York") == nil)
}

/// The listed phrases that are not plain, analysed in one document (as the gazetteer loads
/// them), have the units each has alone.
@Test func listedPhrasesReadTogetherHashAsEachAlone() throws {
    var phrases: [String] = []
    for name in ["gazetteer", "gazetteer-derived"] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Plugins/Entities/Resources/\(name).txt")
        for phrase in Gazetteer.sections(of: try String(contentsOf: url, encoding: .utf8)).values.joined()
        where Gazetteer.plainWordHashes(phrase) == nil {
            phrases.append(phrase)
        }
    }
    #expect(phrases.count > 500)
    let together = Gazetteer.unitHashes(of: phrases)
    for (phrase, hashes) in zip(phrases, together) { #expect(hashes == Gazetteer.unitHashes(phrase), "\(phrase)") }
    let few = ["U.S.", "Gen.", "Guinea-Bissau", "Côte d'Ivoire", "Adm."]
    #expect(Gazetteer.unitHashes(of: few) == few.map { Gazetteer.unitHashes($0) })
}
