import AssayCore
import Foundation
import Testing

@testable import AssayQuotes

/// The scoring behind `assay eval quotes`.
@Suite struct QuoteEvaluationTests {
    private let doc = AnalyzedDocument("“We won,” Ann Lee said. They called it “a rout” and “the end.”")

    private func gold(_ start: Int, _ end: Int, full: Bool, speaker: String?, resolution: String = "ner_in_source")
        -> GoldQuote
    {
        GoldQuote(
            [
                "start": start, "end": end, "kind": full ? "full" : "partial", "speaker": speaker as Any,
                "speaker_resolution": resolution
            ], doc)!
    }

    @Test func overlapPrecisionRecallAndSpeakers() {
        var score = QuoteScore()
        let golds = [gold(1, 7, full: true, speaker: "Ann Lee"), gold(40, 46, full: false, speaker: "Lee")]
        let predicted = [
            PredictedQuote(span: Span(3, 9), kind: "direct", speaker: "Ann Lee"),  // overlaps the first
            PredictedQuote(span: Span(60, 67), kind: "partial", speaker: nil),  // matches nothing
            PredictedQuote(span: Span(40, 46), kind: "term", speaker: nil)  // terms are not scored as quotes
        ]
        score.add(gold: golds, predicted: predicted)
        #expect(score.precision == 0.5)
        #expect(score.recall == 0.5)
        #expect(score.directPrecision == 1)
        #expect(score.directRecall == 1)
        #expect(score.speakerAccuracy == 1)
        #expect(score.report().contains("direct quotes  precision 1.000  recall 1.000"))
    }

    @Test func speakerNamesMatchAtSurnameLevel() {
        let g = gold(1, 7, full: true, speaker: "Caddell")
        #expect(QuoteScore.speakerMatches(PredictedQuote(span: Span(1, 7), kind: "direct", speaker: "Pat Caddell"), g))
        #expect(!QuoteScore.speakerMatches(PredictedQuote(span: Span(1, 7), kind: "direct", speaker: "Alex Marlow"), g))
        #expect(!QuoteScore.speakerMatches(PredictedQuote(span: Span(1, 7), kind: "direct", speaker: nil), g))
        let vague = gold(1, 7, full: true, speaker: "they", resolution: "source_text")
        #expect(QuoteScore.speakerMatches(PredictedQuote(span: Span(1, 7), kind: "direct", speaker: nil), vague))
    }

    /// The rule: a found mention pointing at the annotated one is judged by that mention,
    /// not by the name the annotation derived from it.
    @Test func speakersPointingAtTheAnnotatedMentionAreRight() {
        let text =
            "\"We won,\" said Ann Lee. Party aide Bo Li said \"no.\" Al Roe, who leads, said \"yes.\" Li's aide, Jo Fox, said \"ok.\""
        let doc = AnalyzedDocument(text)
        func annotated(_ speaker: String, _ start: Int, _ end: Int, resolution: String) -> GoldQuote {
            let mention = String(text.unicodeScalars.dropFirst(start).prefix(end - start))
            return GoldQuote(
                [
                    "start": 1, "end": 7, "kind": "full", "speaker": speaker, "speaker_start": start,
                    "speaker_end": end, "speaker_mention": mention, "speaker_resolution": resolution
                ], doc)!
        }
        func found(_ speaker: String?, _ span: Span) -> PredictedQuote {
            PredictedQuote(span: Span(1, 7), kind: "direct", speaker: speaker, speakerSpan: span)
        }
        // "Party aide Bo Li", its name derived as "Party": the head of the mention is Bo Li.
        let aide = annotated("Party", 24, 40, resolution: "ner_in_source")
        #expect(QuoteScore.speakerMatches(found("Bo Li", Span(35, 40)), aide))
        #expect(!QuoteScore.canonicalNameMatches(found("Bo Li", Span(35, 40)), aide))
        #expect(!QuoteScore.speakerMatches(found("Bo Li", Span(15, 22)), aide))
        #expect(!QuoteScore.speakerMatches(found("Ann Lee", Span(24, 34)), aide))
        // A description named by its apposition.
        let apposition = annotated("Li", 83, 101, resolution: "ner_in_source")
        #expect(QuoteScore.speakerMatches(found("Jo Fox", Span(94, 100)), apposition))
        #expect(!QuoteScore.speakerMatches(found("Al Roe", Span(83, 85)), apposition))
        // Left unresolved, pointing at the annotated mention; not when pointing elsewhere.
        #expect(QuoteScore.speakerMatches(found(nil, Span(24, 34)), aide))
        #expect(!QuoteScore.speakerMatches(found(nil, Span(15, 22)), aide))
        // The annotation gave the verb as the mention: its subject beside it is right.
        let verb = annotated("said", 10, 14, resolution: "source_text")
        #expect(QuoteScore.speakerMatches(found("Ann Lee", Span(15, 22)), verb))
        #expect(!QuoteScore.speakerMatches(found("Bo Li", Span(35, 40)), verb))
        // The annotation gave the relative pronoun: its antecedent right before it is right.
        let who = annotated("who", 60, 63, resolution: "source_text")
        #expect(QuoteScore.speakerMatches(found("Al Roe", Span(52, 58)), who))
        #expect(!QuoteScore.speakerMatches(found("Bo Li", Span(35, 40)), who))
    }

    @Test func speakerErrorsAreGroupedByCause() {
        var score = QuoteScore()
        // Gold speakers read from "Ann Lee" (bytes 12..<19 of the document).
        let annotated: [String: Any] = [
            "start": 1, "end": 7, "kind": "full", "speaker": "Ann Lee",
            "speaker_start": 12, "speaker_end": 19, "speaker_resolution": "ner_in_source"
        ]
        let golds = [GoldQuote(annotated, doc)!]
        let wrong: [(PredictedQuote, SpeakerErrorCause)] = [
            (PredictedQuote(span: Span(1, 7), kind: "direct", speaker: nil), .noAttribution),
            (
                PredictedQuote(
                    span: Span(1, 7), kind: "direct", speaker: nil, speakerSpan: Span(23, 27), mention: "They"),
                .unresolvedPronoun
            ),
            (
                PredictedQuote(
                    span: Span(1, 7), kind: "direct", speaker: "Bo Li", speakerSpan: Span(23, 27), mention: "They"),
                .wrongPersonInReach
            ),
            (
                PredictedQuote(
                    span: Span(1, 7), kind: "direct", speaker: "Bo Li", speakerSpan: Span(12, 19), mention: "Ann Lee"),
                .otherName
            )
        ]
        var causes: [SpeakerErrorCause] = []
        for (predicted, expected) in wrong {
            score.add(gold: golds, predicted: [predicted], speakerError: { cause, _ in causes.append(cause) })
            #expect(causes.last == expected)
        }
        // The right name read from another mention is no error.
        score.add(
            gold: golds,
            predicted: [
                PredictedQuote(span: Span(1, 7), kind: "direct", speaker: "Ann Lee", speakerSpan: Span(23, 27))
            ],
            speakerError: { cause, _ in causes.append(cause) })
        #expect(causes.count == 4)
        #expect(score.speakerErrors[.wrongPersonInReach] == 1)
        #expect(score.mentionCorrect == 1)
        // Each error is also counted by how the annotation derived its name.
        #expect(score.speakerErrorSources[.otherName] == ["ner_in_source": 1])
        #expect(score.speakerErrorSources.values.reduce(0) { $0 + $1.values.reduce(0, +) } == 4)
    }

    @Test func toolReadsJSONLinesThroughTheRegistry() throws {
        let registry = ExtractorRegistry()
        try registry.register(FakeEntities())
        try QuotesPlugin.register(into: registry)
        let text = "“We won,” said Ann Lee."
        let line = try JSONSerialization.data(withJSONObject: [
            "id": "a", "text": text,
            "quotes": [
                ["start": 1, "end": 7, "kind": "full", "speaker": "Ann Lee", "speaker_resolution": "ner_in_source"]
            ]
        ])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "quotes-eval-\(UUID().uuidString).jsonl")
        try line.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let lines = Lines()
        try registry.tool(.evaluate, named: "quotes")!.run([url.path], registry) { lines.append($0) }
        let report = lines.all.joined(separator: "\n")
        #expect(report.contains("all quotes     precision 1.000  recall 1.000  F1 1.000"))
        #expect(report.contains("speaker accuracy  all 1.000 (1/1)"))
        let limited = Lines()
        try registry.tool(.evaluate, named: "quotes")!.run([url.path, "--docs", "0"], registry) { limited.append($0) }
        #expect(limited.all.first?.hasPrefix("documents 0;") == true)
    }

    @Test func trainingMeasuresHeldOutFoldsWithoutWritingAModel() throws {
        let registry = ExtractorRegistry()
        try registry.register(FakeEntities())
        try QuotesPlugin.register(into: registry)
        let texts = ["“We won,” said Ann Lee.", "“We lost,” Tom Hale said."]
        let speakers = [("Ann Lee", 15, 22), ("Tom Hale", 11, 19)]
        var data = Data()
        for (k, text) in texts.enumerated() {
            let (name, start, end) = speakers[k]
            data += try JSONSerialization.data(withJSONObject: [
                "id": "d\(k)", "text": text,
                "quotes": [
                    [
                        "start": 1, "end": 8, "kind": "full", "speaker": name, "speaker_start": start,
                        "speaker_end": end, "speaker_resolution": "ner_in_source"
                    ]
                ]
            ])
            data += Data("\n".utf8)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "quotes-train-\(UUID().uuidString).jsonl")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let train = registry.tool(.train, named: "quotes")!
        let lines = Lines()
        try train.run(["--train", url.path, "--folds", "2"], registry) { lines.append($0) }
        #expect(lines.all.contains { $0.hasPrefix("fold 2/2: speaker accuracy") })
        #expect(
            lines.all.contains(
                "held-out folds: speaker accuracy 1.000 (2/2), direct 1.000 (2/2); quote F1 1.000; by canonical name alone 1.000 (2/2)"
            ))
        #expect(!lines.all.contains { $0.hasPrefix("wrote") })
        // Neither a model to write nor folds to measure: nothing to do.
        #expect(throws: AssayError.self) { try train.run(["--train", url.path], registry) { _ in } }
    }
}

/// Collects tool output across the `@Sendable` callback.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ s: String) {
        lock.lock()
        lines.append(s)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
