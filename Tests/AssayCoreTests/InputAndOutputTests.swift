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

    @Test func doublesAreWrittenAsValueFormatWritesThem() {
        // The writer finds short decimals itself: it must give Value.format's digits for scores
        // with a few places, their neighbours one unit in the last place away, and any double.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var doubles: [Double] = [0.5, -0.231, 0.0575, 0.001, 0.0001, 1e-5, 1e7, 9_999_999.5, 1e15, 1.5e15, 1e22, -0.0]
        for places in 1...7 {
            let scale = (0..<places).reduce(1.0) { r, _ in r * 10 }
            for _ in 0..<2000 {
                let decimal = Double(Int64(next() % 200_000_000) - 100_000_000) / scale
                doubles += [decimal, decimal.nextUp, decimal.nextDown]
            }
        }
        for _ in 0..<20000 { doubles.append(Double(bitPattern: next() << 11 | next() & 0x7FF)) }
        for _ in 0..<20000 { doubles.append(Double(next() % 1_000_000_000) / Double(1 + next() % 1_000_000)) }
        for d in doubles {
            var json = JSONWriter()
            json.value(.double(d))
            #expect(json.output == (d.isFinite ? Value.format(d) : "null"), "\(d.bitPattern)")
        }
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
        /// `plain` with `specials` inserted at their offsets (in order), written and compared.
        func check(_ plain: [Unicode.Scalar], inserting specials: [(Unicode.Scalar, Int)]) {
            var scalars = plain
            for (special, position) in specials { scalars.insert(special, at: position) }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            var json = JSONWriter()
            json.string(text)
            #expect(json.output == reference(text))
        }
        let base = Array("abcdefgh é ijklmnop “q” rstuvwxyz".unicodeScalars)
        for special in ["\u{0}", "\u{1}", "\u{1F}", "\"", "\\", "\n", "\t", "\r"].map({ $0.unicodeScalars.first! }) {
            for position in 0...base.count { check(base, inserting: [(special, position)]) }
        }
        // One escape at every offset of the short texts (up to 16 bytes) copied as two words
        // that may overlap, and of those just longer.
        for length in 0...20 {
            let plain = Array("abcdefghijklmnopqrst".unicodeScalars.prefix(length))
            for special in ["\u{0}", "\u{1F}", "\"", "\\", "\n"].map({ $0.unicodeScalars.first! }) {
                for position in 0...length { check(plain, inserting: [(special, position)]) }
            }
        }
        // Two escapes at every pair of offsets of texts of every length around a word's eight
        // bytes: the end of a text is read as one word that can overlap an escape already made.
        for length in 0...20 {
            let plain = Array("abcdefghijklmnopqrst".unicodeScalars.prefix(length))
            for first in 0...length {
                for second in first...length { check(plain, inserting: [("\n", second), ("\"", first)]) }
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
