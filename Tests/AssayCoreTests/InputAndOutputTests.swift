import AssayCore
import Foundation
import Testing

struct InputAndOutputTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "assay-core-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes))
    }

    @Test func integersAreWrittenAsTheirDecimalDigits() {
        var json = JSONWriter()
        json.value(.list([.int(0), .int(7), .int(-42), .int(1_000_000), .int(Int.max), .int(Int.min)]))
        #expect(json.output == "[0, 7, -42, 1000000, 9223372036854775807, -9223372036854775808]")
    }

    @Test func everyByteThatNeedsAnEscapeIsEscapedWhereverItFalls() {
        // Runs without an escape are copied in one go: each escape at every offset of a text,
        // beside multi-byte characters.
        func reference(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        let base = Array("abcdefgh é ijklmnop “q” rstuvwxyz".unicodeScalars)
        for special in ["\u{0}", "\u{1}", "\u{1F}", "\"", "\\", "\n", "\t", "\r"].map({ $0.unicodeScalars.first! }) {
            for position in 0...base.count {
                var scalars = base
                scalars.insert(special, at: position)
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                var json = JSONWriter()
                json.string(text)
                #expect(json.output == reference(text))
            }
        }
    }

    @Test func foldersAreReadRecursivelyAndSorted() {
        write("b.txt", Array("Second.".utf8))
        write("sub/a.txt", Array("Nested.".utf8))
        write(".hidden", Array("no".utf8))
        let r = DocumentLoader().load([folder])
        #expect(r.documents.map(\.id) == ["b", "a"])
        #expect(r.errors.isEmpty)
    }

    @Test func binaryFilesAreRejectedWithOneLine() {
        write("x.bin", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1])
        let r = DocumentLoader().load([folder + "/x.bin"])
        #expect(r.documents.isEmpty)
        #expect(r.errors.map(\.code) == [.binaryFile])
    }

    @Test func invalidUTF8IsRepairedWithAWarning() {
        write("bad.txt", Array("caf".utf8) + [0xE9] + Array(" ok".utf8))
        let r = DocumentLoader().load([folder + "/bad.txt"])
        #expect(r.documents.first?.text == "caf\u{FFFD} ok")
        #expect(r.warnings.count == 1)
    }

    @Test func emptyFilesAreSkippedWithAWarning() {
        write("empty.txt", [])
        let r = DocumentLoader().load([folder + "/empty.txt"])
        #expect(r.documents.isEmpty && r.errors.isEmpty && r.warnings.count == 1)
    }

    @Test func jsonLinesWithBadLinesKeepTheGoodOnes() {
        write(
            "docs.jsonl",
            Array("{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n\n{\"text\": \"No id.\"}\n{\"id\": 7}\n".utf8))
        let r = DocumentLoader().load([folder + "/docs.jsonl"])
        #expect(r.documents.map(\.id) == ["a", "docs.jsonl:4"])
        #expect(r.errors.map(\.code) == [.invalidJSONLine, .invalidJSONLine])
        #expect(
            r.errors.first?.message.hasSuffix(
                "docs.jsonl:2: not valid JSON: unknown word 'not' (a value is a string, number, object, array, true, false or null) at byte 0"
            ) == true)
    }

    @Test func globsAndMissingPaths() {
        write("g1.txt", Array("A.".utf8))
        write("g2.txt", Array("B.".utf8))
        #expect(DocumentLoader().load([folder + "/g*.txt"]).documents.count == 2)
        #expect(DocumentLoader().load([folder + "/none*.txt"]).errors.map(\.code) == [.fileNotFound])
        #expect(DocumentLoader().load([folder + "/missing.txt"]).errors.map(\.code) == [.fileNotFound])
    }

    @Test func contractLineUsesScalarOffsetsAndKeepsFieldOrder() {
        let doc = AnalyzedDocument(Document(id: "d\"1", text: "Ünï Putin"))
        let a = Annotation(
            extractor: "people", span: doc.tokens[1].span,
            fields: ["label": "PERSON", "value": 244900000000, "score": 0.5, "none": .null])
        #expect(
            doc.contractJSONLine([a])
                == #"{"id": "d\"1", "annotations": [{"extractor": "people", "start": 4, "end": 9, "text": "Putin", "label": "PERSON", "value": 244900000000, "score": 0.5, "none": null}]}"#
        )
    }

    @Test func contractLineEscapesByBytesAndLeavesDocumentScopeTextOut() {
        let doc = AnalyzedDocument(Document(id: "tab\there", text: "Say \"hi\"\\ \u{1}\r\nnaïve ok."))
        let quoted = Annotation(extractor: "q", span: Span(0, doc.utf8.count - 4))
        let whole = Annotation(extractor: "s", span: doc.fullSpan, fields: ["scope": "document", "score": 0.25])
        #expect(
            doc.contractJSONLine([quoted, whole])
                == #"{"id": "tab\there", "annotations": [{"extractor": "q", "start": 0, "end": 18, "text": "Say \"hi\"\\ \u0001\r\nnaïve"}, {"extractor": "s", "start": 0, "end": 22, "scope": "document", "score": 0.25}]}"#
        )
    }

    @Test func orderedStreamConsumesInInputOrderWithABoundedWindow() {
        var seen: [Int] = []
        let stream = OrderedStream<Int, Int>(concurrency: 3, window: 4) { i in
            if i % 7 == 0 { usleep(2000) }  // later items finish first
            return i * 2
        } consume: {
            seen.append($0)
        }
        for i in 0..<200 { stream.submit(i) }
        stream.finish()
        #expect(seen == (0..<200).map { $0 * 2 })
    }

    @Test func patternAndWordListExtractors() throws {
        let tags = try ExtractorHarness(PatternExtractor(name: "tags", pattern: "#(\\w+)"))
        let found = try tags.run("Talks #peace and #trade")
        #expect(found.map(\.text) == ["#peace", "#trade"])
        #expect(found.first?["group1"] == .string("peace"))
        let words = try ExtractorHarness(WordListExtractor(name: "leaders", words: ["Xi Jinping", "Putin"]))
        #expect(try words.run("xi jinping met PUTIN; Xi left").map(\.text) == ["xi jinping", "PUTIN"])
        let strict = try ExtractorHarness(WordListExtractor(name: "strict", words: ["Putin"], caseSensitive: true))
        #expect(try strict.run("PUTIN and Putin").map(\.start) == [10])
        #expect(throws: AssayError.self) { try PatternExtractor(name: "bad", pattern: "(") }
    }
}
