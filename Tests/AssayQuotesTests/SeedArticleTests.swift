import AssayCore
import Testing

@testable import AssayQuotes

/// Every seed article, run with the real `entities` extractor: the quotations a careful reader
/// finds, with their kinds and speakers (indirect speech is checked for its key cases).
@Suite struct SeedArticleTests {
    /// kind, speaker, start of the quoted text.
    typealias Expected = (String, String?, String)

    private func check(_ fixture: String, quotes expected: [Expected], indirect: [Expected] = []) throws {
        let text = try QuoteTests.fixture(fixture)
        let harness = try ExtractorHarness(QuoteExtractor(), requiring: [QuoteTests.realEntities])
        let found = try harness.run(text).map(QuoteTests.q)
        let quotes = found.filter { $0.kind != "indirect" }
        #expect(quotes.count == expected.count, "\(quotes)")
        for (q, e) in zip(quotes, expected) {
            #expect(q.kind == e.0 && q.speaker == e.1 && q.text.hasPrefix(e.2), "found \(q), expected \(e)")
        }
        let reported = found.filter { $0.kind == "indirect" }
        for e in indirect {
            #expect(
                reported.contains { $0.speaker == e.1 && $0.text.hasPrefix(e.2) },
                "missing indirect \(e) in \(reported)")
        }
    }

    @Test func seed000() throws {
        try check(
            "000_b4be6983a25e9e06",
            quotes: [
                ("term", nil, "new era"),
                ("direct", "Xi Jinping", "The deepening of China-Russia relations"),
                ("direct", "Xi Jinping", "Together, we must uphold"),
                ("direct", "Vladimir Putin", "Russia-China relations are not targeted"),
                ("direct", "Vladimir Putin", "We must preserve the legacy")
            ])
    }

    @Test func seed001() throws {
        let text = try QuoteTests.fixture("001_13e2baf28fb92d31")
        let found = try ExtractorHarness(QuoteExtractor(), requiring: [QuoteTests.realEntities]).run(text).map(
            QuoteTests.q)
        // "in-depth, friendly, and productive" describes the talks; it is no one's direct speech.
        #expect(
            found.filter { $0.kind == "direct" } == [
                Q(
                    text:
                        "This reflects China and Russia’s responsibility as major nations in maintaining and enhancing global strategic stability",
                    kind: "direct", speaker: "Lin Jian")
            ])
        #expect(
            found.contains {
                $0.kind == "indirect" && $0.speaker == "Xi Jinping"
                    && $0.text.hasPrefix("China and Russia are strong neighbors")
            })
    }

    @Test func seed002() throws {
        try check(
            "002_4707357962415ac7",
            quotes: [
                ("term", nil, "America First"),
                ("partial", nil, "composed and confident, stable and resilient")
            ], indirect: [("indirect", "Vladimir Putin", "ambitious goals had been set out")])
    }

    @Test func seed003() throws {
        try check(
            "003_ff26e3514ae5597a",
            quotes: [
                ("term", nil, "equality"),
                ("direct", "Vladimir Putin", "I sincerely appreciate the opportunity"),
                ("partial", "Xi Jinping", "dear friend"),
                ("direct", "Xi Jinping", "History and reality prove"),
                ("term", nil, "Far Eastern gas route"),
                ("direct", "Vladimir Putin", "We are not working against anyone"),
                ("partial", nil, "unilateral dictates and attempts"),
                ("direct", "Xi Jinping", "China and Russia should jointly uphold")
            ])
    }

    @Test func seed004() throws {
        try check(
            "004_97e402c0209a3bde",
            quotes: [
                ("term", nil, "America First"),
                ("partial", nil, "joint statement on further deepening"),
                ("direct", "Vladimir Putin", "In today’s challenging geopolitical landscape"),
                ("direct", "Vladimir Putin", "Together, we are defending"),
                ("partial", "Xi Jinping", "stable, positive, and progressive forces"),
                ("partial", "Xi Jinping", "in the right direction"),
                ("partial", "Xi Jinping", "unilateralism and hegemonic practices"),
                ("partial", "Xi Jinping", "special responsibilities"),
                ("partial", "Vladimir Putin", "main guest"),
                ("term", nil, "friend"),
                ("direct", "Xi Jinping", "Our relationship is composed and confident"),
                ("term", nil, "ambitious goals"),
                ("direct", "Vladimir Putin", "Daily work continues"),
                ("partial", "Xi Jinping", "a fresh engine for the development"),
                ("partial", "Xi Jinping", "leap forward"),
                ("direct", "Volodymyr Zelensky", "cannot be responsible for what happens"),
                ("term", nil, "denazification")
            ], indirect: [("indirect", "Kyiv", "these attacks are retaliatory measures")])
    }
}
