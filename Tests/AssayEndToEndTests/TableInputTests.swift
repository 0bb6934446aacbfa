import Foundation
import Testing

/// CSV and TSV exports through the real binary: a document per row, columns as fields, bad rows
/// reported one line each while the rest is analysed.
struct TableInputTests {
    /// A media-monitoring export as a spreadsheet writes it: a byte-order mark, CRLF line ends,
    /// a quoted cell with a line break and doubled quotes, one row with bad quoting and one with
    /// a column missing.
    static let export =
        "\u{FEFF}id,outlet,date,headline,body\r\n"
        + "t1,TASS,2025-05-08,Talks,\"\"\"We will not give in,\"\" Vladimir Putin said on Thursday.\nThe talks ended.\"\r\n"
        + "r1,Reuters,2025-05-09,Trade,\"Xi Jinping met officials in Geneva, where tariffs fell by 40 percent.\"\r\n"
        + "x1,Reuters,2025-05-09,Broken,\"Angela Merkel\"spoke\r\n"
        + "x2,BBC,2025-05-10,Short row\r\n"
        + ",BBC,2025-06-01,No id,\"\"\"It is a fair deal,\"\" said Keir Starmer.\"\r\n"

    func exportFile(name: String = "export.csv", _ text: String = TableInputTests.export) throws -> String {
        let folder = try AssayProcess.temporaryFolder()
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        return folder + "/" + name
    }

    @Test func extractAnalysesEachRowWithItsColumnsAsFieldsAndReportsBadRowsByLine() throws {
        let path = try exportFile()
        let out = try AssayProcess.run(["extract", "--with", "quotes,numbers", path])
        #expect(out.status == 1)
        let errors = out.stderr.split(separator: "\n")
        #expect(errors.count == 2, "\(out.stderr)")
        #expect(errors[0].contains("export.csv:5:") && errors[0].contains("E308"))
        #expect(errors[1].contains("export.csv:6:") && errors[1].contains("4 fields where the header has 5"))
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(
            lines[0].hasPrefix(
                #"{"id": "t1", "annotations": [{"extractor": "quotes", "start": 1, "end": 20, "text": "We will not give in""#
            ), "\(lines[0])")
        #expect(lines[0].contains(#""speaker": "Vladimir Putin""#))
        #expect(lines[0].hasSuffix(#""fields": {"outlet": "TASS", "date": "2025-05-08", "headline": "Talks"}}"#))
        #expect(lines[1].contains(#""value": 40"#))
        #expect(lines[2].hasPrefix(#"{"id": "export.csv:7""#))
        #expect(lines[2].contains(#""speaker": "Keir Starmer""#))
        #expect(!out.stdout.contains("Merkel"))
    }

    @Test func theTextColumnIsChosenWithTextColumnAndAFolderMixesKinds() throws {
        let path = try exportFile(
            name: "export.tsv", "id\theadline\tbody\nh1\tVladimir Putin visits Paris\tnot analysed\n")
        let folder = (path as NSString).deletingLastPathComponent
        try Data("A plain article about Berlin.\n".utf8).write(to: URL(fileURLWithPath: folder + "/plain.txt"))
        let out = try AssayProcess.run(["extract", "--with", "entities", "--text-column", "headline", folder])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""text": "Vladimir Putin""#) && lines[0].contains(#""text": "Paris""#))
        #expect(lines[0].contains(#""fields": {"body": "not analysed"}"#))
        #expect(lines[1].contains(#""text": "Berlin""#))
        let missing = try AssayProcess.run(["extract", "--with", "entities", "--text-column", "story", path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no column named 'story' (columns: id, headline, body) [E308]"))
    }

    @Test func theReplLoadsRowsGroupsThemByColumnAndNamesTheTextColumn() throws {
        let path = try exportFile()
        let script = """
            load \(path)
            docs | count by doc.outlet
            quotes | count by doc.outlet
            drop all
            load \(path) text=headline
            docs | select doc, doc.body
            """
        let out = try AssayProcess.run(["--keep-going"], input: script + "\n")
        #expect(out.status == 1)
        #expect(out.stdout.contains("loaded 3 documents"))
        #expect(out.stdout.contains("BBC             1\nReuters         1\nTASS            1"), "\(out.stdout)")
        #expect(out.stdout.contains("BBC             1\nTASS            1\n(2 rows)"), "\(out.stdout)")
        #expect(
            out.stdout.split(separator: "\n").contains {
                $0.hasPrefix("t1 ") && $0.contains("\"We will not give in,\" Vladimir Putin said")
            }, "\(out.stdout)")
        #expect(out.stderr.contains("export.csv:5:"))
    }
}
