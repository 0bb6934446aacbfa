import AssayCore
import Foundation
import Testing

/// CSV and TSV: the RFC 4180 record reader and the documents made of a file's rows.
struct TableDocumentsTests {
    func records(_ text: String, delimiter: Character = ",") -> [DelimitedTextReader.Record] {
        var reader = DelimitedTextReader(text, delimiter: delimiter)
        var out: [DelimitedTextReader.Record] = []
        while let r = reader.next() { out.append(r) }
        return out
    }

    @Test func quotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes() {
        let r = records("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n1,,3\n")
        #expect(
            r == [
                .fields(["a", "b", "c"], line: 1),
                .fields(["x, y", "say \"hi\"", "two\r\nlines"], line: 2),
                .fields(["1", "", "3"], line: 4)
            ])
    }

    @Test func blankLinesAreSkippedAndATrailingDelimiterLeavesAnEmptyField() {
        #expect(records("a,b\n\n\r\nx,\n\n") == [.fields(["a", "b"], line: 1), .fields(["x", ""], line: 4)])
        #expect(records("a\tb\nx\ty", delimiter: "\t") == [.fields(["a", "b"], line: 1), .fields(["x", "y"], line: 2)])
        #expect(records("") == [])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsKept() {
        #expect(records("5\" screen,x\n") == [.fields(["5\" screen", "x"], line: 1)])
    }

    @Test func badQuotingIsOneMalformedRecordAndReadingGoesOn() {
        let r = records("a,b\n\"x\"y,1\nok,2\n\"never closed,3\nlast,4\n")
        #expect(
            r == [
                .fields(["a", "b"], line: 1),
                .malformed(line: 2, reason: "text after a closing quote"),
                .fields(["ok", "2"], line: 3),
                .malformed(line: 4, reason: "a quoted field is never closed"),
                .fields(["last", "4"], line: 5)
            ])
    }

    func load(_ text: String, name: String = "t.csv", textColumn: String? = nil) throws -> DocumentLoader.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assay-table-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        return DocumentLoader(options: LoadOptions(textColumn: textColumn)).load([folder + "/" + name])
    }

    @Test func rowsBecomeDocumentsWithTheirColumnsAsTypedFields() throws {
        let r = try load(
            "\u{FEFF}ID,outlet,Body,shares,ratio,code,empty\nn1,TASS,\"Putin spoke.\nThen left.\",12,0.5,007,\n,AP,Xi spoke.,-3,1.,x,\n"
        )
        #expect(r.errors.isEmpty && r.warnings.isEmpty)
        #expect(r.documents.map(\.id) == ["n1", "t.csv:4"])
        let first = r.documents[0]
        #expect(first.text == "Putin spoke.\nThen left.")
        #expect(first.fields.map(\.name) == ["outlet", "shares", "ratio", "code", "empty"])
        #expect(first.fields["shares"] == .int(12))
        #expect(first.fields["ratio"] == .double(0.5))
        #expect(first.fields["code"] == .string("007"))
        #expect(first.fields["empty"] == .null)
        #expect(r.documents[1].fields["shares"] == .int(-3))
        #expect(r.documents[1].fields["ratio"] == .string("1."))
        #expect(r.documents[1].source.hasSuffix("t.csv:4"))
    }

    @Test func theTextColumnCanBeNamedAndTSVIsReadByItsEnding() throws {
        let r = try load("headline\tstory\tcontent\nA\tThe story.\tnot this\n", name: "x.tsv", textColumn: "story")
        #expect(r.documents.map(\.text) == ["The story."])
        #expect(r.documents[0].fields.map(\.name) == ["headline", "content"])
        let byDefault = try load("headline\tstory\tcontent\nA\tThe story.\tthis one\n", name: "x.tsv")
        #expect(byDefault.documents.map(\.text) == ["this one"])
    }

    @Test func aMissingTextColumnIsOneErrorForTheFile() throws {
        let r = try load("a,b\n1,2\n")
        #expect(r.documents.isEmpty)
        #expect(r.errors.count == 1 && r.errors[0].code == .invalidTableRow)
        #expect(r.errors[0].message.contains("columns: a, b"))
        let named = try load("a,text\n1,2\n", textColumn: "nope")
        #expect(named.errors.map(\.message).first?.contains("no column named 'nope'") == true)
    }

    @Test func malformedRowsAreOneErrorEachWithTheirLineAndTheOthersLoad() throws {
        let r = try load("id,text\na,\"One.\"\nb,Two,extra\nc,\"x\"y\nd,\ne,Five.\n")
        #expect(r.documents.map(\.id) == ["a", "e"])
        #expect(
            r.errors.map(\.message) == [
                "\(r.documents[0].source.dropLast(2)):3: 3 fields where the header has 2; row skipped",
                "\(r.documents[0].source.dropLast(2)):4: text after a closing quote; row skipped"
            ])
        #expect(r.warnings.count == 1 && r.warnings[0].contains(":5: empty text"))
    }

    @Test func repeatedAndEmptyHeaderNamesStayFieldsOfTheirOwn() throws {
        let r = try load("text,tag,tag,\nT.,a,b,c\n")
        #expect(r.documents[0].fields.pairs.map(\.0) == ["tag", "tag_2", "column4"])
    }
}
