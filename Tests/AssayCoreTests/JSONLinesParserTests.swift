import AssayCore
import Testing

/// The JSON Lines parser: strict JSON, every scalar of the text kept as written, and each kind
/// of problem named with its own code.
struct JSONLinesParserTests {
    func document(_ line: [UInt8]) throws -> Document? {
        try JSONLinesParser(source: "in.jsonl").document(from: line, lineNumber: 1)
    }

    func error(_ line: String) -> AssayError? {
        error(Array(line.utf8))
    }

    func error(_ line: [UInt8]) -> AssayError? {
        do {
            _ = try document(line)
            return nil
        } catch { return error as? AssayError }
    }

    @Test(arguments: [
        "\u{FEFF}5", "\u{FEFF}\u{FEFF}5", "a\\\"\u{FEFF}5", "a\\n\u{FEFF}5", "\\u00e9\u{FEFF}5", "\u{FEFF}"
    ])
    func aRawByteOrderMarkInsideTheTextIsKept(body: String) throws {
        let doc = try #require(try document(Array(#"{"id":"x","text":"\#(body)"}"#.utf8)))
        #expect(
            doc.text.unicodeScalars.filter { $0 == "\u{FEFF}" }.count
                == body.unicodeScalars.filter { $0 == "\u{FEFF}" }.count)
    }

    @Test func aByteOrderMarkBeforeADigitLeavesTheDigitAtOffsetOne() throws {
        let doc = try #require(try document(Array("{\"id\":\"x\",\"text\":\"\u{FEFF}5\"}".utf8)))
        #expect(Array(doc.text.unicodeScalars) == ["\u{FEFF}", "5"])
        let escaped = try #require(try document(Array(#"{"id":"x","text":"\ufeff5"}"#.utf8)))
        #expect(escaped.text == doc.text)
    }

    @Test(arguments: [
        #"{"id":"b","text":"abc",}"#, #"{"id":"b","text":"abc","tags":[1,2,]}"#, #"{"id":"b",,"text":"abc"}"#,
        #"{"id":"b","text":"abc"} x"#, #"{"id":"b","text":"abc""#, #"{"id":'b',"text":"abc"}"#,
        #"{"id":"b","text":"a\qc"}"#, #"{"id":"b","text":"abc","n":01}"#, #"{"id":"b","text":"abc","n":1.}"#,
        #"{"id":"b","text":"abc","n":NaN}"#, #"{"id":"b","text":"\u12"}"#, "{\"id\":\"b\",\"text\":\"a\tb\"}",
        #"{"id":"b","text":"abc","x":tru}"#, #"["id","text"]"#
    ])
    func malformedLinesAreE304(line: String) {
        #expect(error(line)?.code == .invalidJSONLine, "\(line)")
    }

    @Test func theTrailingCommaIsNamed() {
        let e = error(#"{"id":"b","text":"abc",}"#)
        #expect(e?.message == "in.jsonl:1: not valid JSON: trailing comma before '}' at byte 23")
    }

    @Test(arguments: [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]])
    func invalidUTF8InAStringIsE303(bad: [UInt8]) {
        let line = Array(#"{"id":"b","text":"a"#.utf8) + bad + Array(#"b"}"#.utf8)
        #expect(error(line)?.code == .invalidUTF8)
        let escaped = Array(#"{"id":"b","text":"a\n"#.utf8) + bad + Array(#"b"}"#.utf8)
        #expect(error(escaped)?.code == .invalidUTF8)
    }

    @Test func deepNestingIsRefusedNotAStackOverflow() {
        let deep =
            #"{"id":"b","text":"abc","x":"# + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"
        #expect(error(deep)?.message.contains("nested deeper") == true)
        let fine =
            #"{"id":"b","text":"abc","x":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
            + "}"
        #expect(error(fine) == nil)
    }

    @Test func escapesAndSurrogatesDecode() throws {
        let doc = try #require(
            try document(Array(#"{"id":7,"text":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800x\udc00"}"#.utf8)))
        #expect(doc.id == "7")
        #expect(doc.text == "\"\\/\u{08}\u{0C}\n\r\té😀\u{FFFD}x\u{FFFD}")
    }

    @Test func numbersTooLargeForADoubleStayTheirText() throws {
        let doc = try #require(
            try document(Array(#"{"id":"a","text":"t","n":1e400,"m":-12345678901234567890,"k":[1e999]}"#.utf8)))
        #expect(doc.fields["n"] == .string("1e400"))
        #expect(doc.fields["m"] == .double(-12345678901234567890.0))
        #expect(doc.fields["k"] == .list([.string("1e999")]))
    }

    @Test func aRepeatedKeyKeepsItsFirstPlaceAndLastValue() throws {
        let doc = try #require(try document(Array(#"{"id":"a","text":"t","x":1,"y":2,"x":3}"#.utf8)))
        #expect(doc.fields.pairs.map(\.0) == ["x", "y"])
        #expect(doc.fields["x"] == .int(3))
    }

    @Test func aLineOverTheLimitIsE306() throws {
        let line = Array(#"{"id":"a","text":"0123456789"}"#.utf8)
        #expect(throws: AssayError.self) {
            try JSONLinesParser(source: "in", maximumLineBytes: 10).document(from: line, lineNumber: 1)
        }
        do { _ = try JSONLinesParser(source: "in", maximumLineBytes: 10).document(from: line, lineNumber: 1) } catch let
            e as AssayError
        {
            #expect(e.code == .fileTooLarge)
        }
        #expect(try JSONLinesParser(source: "in", maximumLineBytes: 100).document(from: line, lineNumber: 1) != nil)
    }
}
