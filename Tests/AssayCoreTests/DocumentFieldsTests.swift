import AssayCore
import Foundation
import Testing

struct DocumentFieldsTests {
    func parse(_ line: String) throws -> Document? {
        var parser = JSONLinesParser(source: "in.jsonl")
        return try parser.parse(Array(line.utf8))
    }

    @Test func jsonLinesKeysBecomeFieldsInTheirOrder() throws {
        let doc = try #require(
            try parse(
                #"{"source": "TASS", "id": "a", "text": "T.", "date": "2025-05-08", "n": 3, "x": 1.5, "ok": false, "none": null, "big": 18446744073709551615}"#
            ))
        #expect(doc.fields.map(\.name) == ["source", "date", "n", "x", "ok", "none", "big"])
        #expect(doc.fields["source"] == .string("TASS"))
        #expect(doc.fields["n"] == .int(3))
        #expect(doc.fields["x"] == .double(1.5))
        #expect(doc.fields["ok"] == .bool(false))
        #expect(doc.fields["none"] == .null)
        #expect(doc.fields["big"]?.number == 18446744073709551615.0)
        #expect(doc.fields["date"]?.date == ISODate(year: 2025, month: 5, day: 8))
    }

    @Test func nestedObjectsFlattenAndArraysBecomeLists() throws {
        let doc = try #require(
            try parse(
                #"{"id": "a", "text": "T.", "author": {"name": "A \"B\"", "org": {"n": 1}}, "tags": ["x", 2, {"k": true}], "targets": [{"start": 0, "end": 1}]}"#
            ))
        #expect(doc.fields.map(\.name) == ["author.name", "author.org.n", "tags"])
        #expect(doc.fields["author.name"] == .string("A \"B\""))
        #expect(doc.fields["tags"] == .list([.string("x"), .int(2), .string(#"{"k":true}"#)]))
        #expect(doc.fields["targets"] == nil)
    }

    @Test func plainLinesHaveNoFieldsAndTheContractLineIsUnchanged() throws {
        let doc = try #require(try parse(#"{"id": "a", "text": "T."}"#))
        #expect(doc.fields.isEmpty)
        #expect(AnalyzedDocument(doc).contractJSONLine([]) == #"{"id": "a", "annotations": []}"#)
        var withFields = doc
        withFields.fields["outlet"] = "TASS"
        withFields.fields["n"] = 2
        #expect(
            AnalyzedDocument(withFields).contractJSONLine([])
                == #"{"id": "a", "annotations": [], "fields": {"outlet": "TASS", "n": 2}}"#)
    }

    @Test func filesCarryPathAndFileName() throws {
        let folder = NSTemporaryDirectory() + "assay-fields-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/note.txt", contents: Data("Some text.".utf8))
        let doc = try #require(DocumentLoader().load([folder]).documents.first)
        #expect(doc.fields["path"] == .string(folder + "/note.txt"))
        #expect(doc.fields["file"] == .string("note.txt"))
    }

    @Test func settingAFieldKeepsItsPlace() {
        var f: DocumentFields = ["a": 1, "b": 2]
        f["a"] = 3
        f["c"] = 4
        f["b"] = nil
        #expect(f.pairs.map(\.0) == ["a", "c"])
        #expect(f["a"] == .int(3))
    }
}

struct ISODateTests {
    @Test func readsTheFormsNewsExportsWrite() throws {
        let full = try #require(ISODate("2025-05-08T14:30:15.5+02:00"))
        #expect(full.precision == .time && full.dayKey == "2025-05-08" && full.secondOfDay == 52215.5)
        #expect(ISODate("2025-05-08 09:00")?.precision == .time)
        #expect(ISODate("2025-05-08T23:30:00Z")?.dayKey == "2025-05-08")
        #expect(ISODate("2025-05")?.precision == .month)
        #expect(ISODate("2025")?.precision == .year)
        #expect(ISODate(" 2024-02-29 ")?.day == 29)
        for bad in [
            "2025-02-29", "2025-13-01", "2025-5-8", "May 8, 2025", "2025-05-08T25:00", "2025-05-08x", "20250", ""
        ] {
            #expect(ISODate(bad) == nil, "\(bad)")
        }
    }

    @Test func groupKeysArePlainSortableText() throws {
        let d = try #require(ISODate("2025-05-08"))
        #expect([d.yearKey, d.monthKey, d.weekKey, d.dayKey] == ["2025", "2025-05", "2025-W19", "2025-05-08"])
        // ISO weeks at year ends: 2024-12-30 is in week 1 of 2025; 2021-01-03 in week 53 of 2020.
        #expect(ISODate("2024-12-30")?.weekKey == "2025-W01")
        #expect(ISODate("2021-01-03")?.weekKey == "2020-W53")
        #expect(ISODate("2021-01-04")?.weekKey == "2021-W01")
    }

    @Test func comparesAtTheCoarserPrecision() throws {
        let a = try #require(ISODate("2025-05-08T14:00"))
        #expect(ISODate.compare(a, ISODate("2025-05-08")!) == 0)
        #expect(ISODate.compare(a, ISODate("2025-05")!) == 0)
        #expect(ISODate.compare(a, ISODate("2025-05-09")!) == -1)
        #expect(ISODate.compare(a, ISODate("2025-05-08T09:00")!) == 1)
    }
}
