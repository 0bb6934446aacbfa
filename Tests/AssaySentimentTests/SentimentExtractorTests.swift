import AssayCore
import Testing

@testable import AssaySentiment

@Suite struct SentimentExtractorTests {
    let harness: ExtractorHarness
    init() throws { harness = try ExtractorHarness(SentimentExtractor()) }

    // Sentences from the seed articles.
    static let article = """
        President Putin welcomed Xi's visit, calling it vital for safeguarding historical truth.

        Despite the ceasefire, reports of Russian airstrikes over Ukrainian territory have emerged. \
        The ongoing conflict has led to tensions, with Ukraine launching drone attacks on Moscow.

        “We condemn these brutal attacks on civilians,” the minister said.
        """

    @Test func wholeDocumentGivesEverySentenceAndTheDocument() throws {
        let found = try harness.run(Self.article)
        let sentences = found.filter { $0["scope"] == "sentence" }
        #expect(sentences.count == 4)
        let document = try #require(found.first { $0["scope"] == "document" })
        #expect(document.start == 0 && document.end == Self.article.unicodeScalars.count)
        let scores = sentences.compactMap { $0["score"]?.number }
        let mean = scores.reduce(0, +) / Double(scores.count)
        #expect(abs((document["score"]?.number ?? 9) - mean) < 0.001)
        for f in found {
            let s = try #require(f["score"]?.number)
            #expect((-1...1).contains(s))
            #expect(["positive", "negative", "neutral"].contains(f["label"]?.text ?? ""))
        }
    }

    @Test func labelsFollowTheNews() throws {
        let found = try harness.run(Self.article).filter { $0["scope"] == "sentence" }
        #expect(found[0]["label"] == "positive")  // welcomed, vital, safeguarding
        #expect(found[1]["label"] == "negative")  // despite the ceasefire, airstrikes
        #expect(found[2]["label"] == "negative")  // conflict, tensions, attacks
        #expect(found[3]["label"] == "negative")  // condemn, brutal attacks
    }

    @Test func aQuoteIsScoredAsOneSpan() throws {
        let quote = "We condemn these brutal attacks on civilians,"
        let found = try harness.run(Self.article, within: quote)
        #expect(found.count == 1)
        #expect(found[0]["scope"] == "span")
        #expect(found[0].text == quote)
        #expect(found[0]["label"] == "negative")
    }

    @Test func aNameSpanScoresItsSentence() throws {
        let found = try harness.run(Self.article, within: "Putin")
        #expect(found.count == 1)
        #expect(found[0]["scope"] == "sentence")
        #expect(found[0].text.hasPrefix("President Putin welcomed"))
    }

    @Test func aSpanOfWholeSentencesGetsItsSentencesAndAMean() throws {
        let paragraph =
            "Despite the ceasefire, reports of Russian airstrikes over Ukrainian territory have emerged. The ongoing conflict has led to tensions, with Ukraine launching drone attacks on Moscow."
        let found = try harness.run(Self.article, within: paragraph)
        #expect(found.filter { $0["scope"] == "sentence" }.count == 2)
        #expect(found.filter { $0["scope"] == "span" }.count == 1)
    }

    @Test func explainListsWordsAndRules() throws {
        let found = try harness.run("Despite the ceasefire, strikes continued.", options: ["explain": true])
        let sentence = try #require(found.first { $0["scope"] == "sentence" })
        guard case .list(let items)? = sentence["explain"] else {
            Issue.record("no explain list")
            return
        }
        let lines = items.map(\.text)
        #expect(lines.contains { $0.hasPrefix("ceasefire") && $0.contains("conceded by 'despite'") })
        #expect(lines.contains { $0.hasPrefix("strikes") && $0.contains("outweighs 'despite'") })
        #expect(lines.contains { $0.hasPrefix("lexicon and rules:") })
        // Without the option there is no explain field.
        #expect(try harness.run("Despite the ceasefire, strikes continued.").allSatisfy { $0["explain"] == nil })
    }

    @Test func emptyDocumentGivesNothing() throws {
        #expect(try harness.run("").isEmpty)
    }

    @Test func modelFileMatchesTheCode() {
        let file = SentimentModel.bundled.file
        #expect(file.features == SentimentFeatures.names)
        #expect(file.thresholds.negative < file.thresholds.positive)
        #expect(!file.ngrams.isEmpty)
    }
}
