import AssayCore
import Testing

/// The batch contract's `"targets"`: parsed with the document, checked against its text.
struct TargetSpanTests {
    func parse(_ line: String) throws -> Document? {
        try JSONLinesParser(source: "in.jsonl").document(from: Array(line.utf8), lineNumber: 7)
    }

    @Test func targetsAreScalarOffsetsAndAnalysisGivesTheirBytes() throws {
        // "Ørsted" is 6 scalars and 7 bytes: the second target starts one byte later than its offset.
        let doc = try #require(
            try parse(
                #"{"id": "a", "text": "Ørsted met Acme.", "targets": [{"start": 0, "end": 6}, {"start": 11, "end": 15}]}"#
            ))
        #expect(doc.targets == [TargetSpan(start: 0, end: 6), TargetSpan(start: 11, end: 15)])
        let analysed = AnalyzedDocument(doc)
        #expect(analysed.targetSpans == [Span(0, 7), Span(12, 16)])
        #expect(analysed.targetSpans.map(analysed.text(of:)) == ["Ørsted", "Acme"])
    }

    @Test func noTargetsOrNullMeansNone() throws {
        #expect(try parse(#"{"id": "a", "text": "T."}"#)?.targets == [])
        #expect(try parse(#"{"id": "a", "text": "T.", "targets": null}"#)?.targets == [])
        #expect(try parse(#"{"id": "a", "text": "T.", "targets": []}"#)?.targets == [])
        #expect(
            try parse(#"{"id": "a", "text": "Tea.", "targets": [{"start": 1.0, "end": 3}]}"#)?.targets == [
                TargetSpan(start: 1, end: 3)
            ])
    }

    @Test(arguments: [
        (#""targets": {"start": 0, "end": 1}"#, #""targets" must be an array"#),
        (#""targets": [3]"#, "targets[0] must be an object"),
        (
            #""targets": [{"start": 0, "end": 1}, {"start": "0", "end": 1}]"#,
            #"targets[1] needs integer "start" and "end""#
        ),
        (#""targets": [{"start": true, "end": 1}]"#, #"targets[0] needs integer"#),
        (#""targets": [{"start": 0.5, "end": 1}]"#, #"targets[0] needs integer"#),
        (#""targets": [{"start": 2, "end": 2}]"#, "do not make a span"),
        (#""targets": [{"start": -1, "end": 2}]"#, "do not make a span"),
        (#""targets": [{"start": 0, "end": 5}]"#, "end 5 is past the end of the text (4 characters)")
    ])
    func badTargetsFailTheLineWithAMessageNamingThem(targets: String, message: String) throws {
        let error = try #require(throws: AssayError.self) {
            try parse(#"{"id": "a", "text": "Tëa.", "# + targets + "}")
        }
        #expect(error.code == .invalidJSONLine)
        #expect(error.message.hasPrefix("in.jsonl:7: "))
        #expect(error.message.contains(message), "\(error.message)")
    }
}
