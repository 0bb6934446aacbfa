import AssayCore
import Foundation
import Testing

/// A plain-text article's first line becomes its `title` field when it reads as a headline.
struct PlainTextHeadlineTests {
    @Test func aShortUnpunctuatedFirstLineFollowedByTextIsTheHeadline() {
        #expect(PlainTextHeadline.headline(of: "Port Plan Approved\n\nThe council voted.") == "Port Plan Approved")
        #expect(PlainTextHeadline.headline(of: "  Port Plan Approved \r\nThe council voted.\n") == "Port Plan Approved")
        #expect(PlainTextHeadline.headline(of: "Is the port plan dead?\n\nNot yet.") == "Is the port plan dead?")
        #expect(PlainTextHeadline.headline(of: "“We won” says mayor\n\nThe mayor spoke.") == "“We won” says mayor")
    }

    @Test func sentencesClausesLongLinesAndLoneLinesAreNot() {
        #expect(PlainTextHeadline.headline(of: "The council approved the plan.\n\nIt cost a lot.") == nil)
        #expect(PlainTextHeadline.headline(of: "He said: \"we will go.\"\nThen he left.") == nil)
        #expect(PlainTextHeadline.headline(of: "Meanwhile, in the harbour,\nthe work went on.") == nil)
        #expect(
            PlainTextHeadline.headline(of: Array(repeating: "word", count: 21).joined(separator: " ") + "\n\nBody.")
                == nil)
        #expect(PlainTextHeadline.headline(of: "Port Plan Approved\n\n  \n") == nil)
        #expect(PlainTextHeadline.headline(of: "Port Plan Approved") == nil)
        #expect(PlainTextHeadline.headline(of: "MOSCOW\n\nTalks began.") == nil)
        #expect(PlainTextHeadline.headline(of: "\nPort Plan Approved\n\nBody.") == nil)
    }

    @Test func theLoaderAddsTheTitleAndLeavesTheTextAsItIs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assay-title-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "Port Plan Approved\n\nThe council voted on Tuesday.\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/a.txt"))
        try Data("The council voted on Tuesday.\nNothing else.\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/b.txt"))
        let docs = DocumentLoader().load([folder]).documents
        #expect(docs.map(\.text) == [text, "The council voted on Tuesday.\nNothing else.\n"])
        #expect(docs[0].fields.map(\.name) == ["path", "file", "title"])
        #expect(docs[0].fields["title"] == .string("Port Plan Approved"))
        #expect(docs[1].fields["title"] == nil)
    }
}
