import AssayCore
import Testing

@testable import AssayEntities

/// Passages of the seed articles (news from May 2025, long after the 1996 training news).
enum SeedText {
    static let moscowTalks = """
        Xi, Putin Hold High-Level Talks In Moscow » Capital News

        May 8 – Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Thursday during a state visit that coincided with celebrations marking the 80th anniversary of the Soviet Union’s victory in the Great Patriotic War.

        President Xi lauded the steady and high-quality growth of China-Russia relations in recent years, citing stronger political trust, expanded practical cooperation, and flourishing people-to-people exchanges.

        “The deepening of China-Russia relations is a natural choice rooted in our shared history and a logical response to global challenges,” Xi stated. He emphasised the need for the two permanent members of the UN Security Council to shoulder their special responsibilities and resist unilateralism, bullying, and power politics.

        Xi urged both sides to avoid external interference, synergise China’s Belt and Road Initiative with the Russia-led Eurasian Economic Union, and maximise the impact of the China-Russia Years of Culture through educational, cultural, and tourism exchanges.

        President Putin welcomed Xi’s visit, calling it vital for safeguarding historical truth and injecting momentum into bilateral ties.

        “Russia-China relations are not targeted at any third country, nor are they influenced by temporary circumstances,” Putin said. He warned against rising protectionism and unilateral sanctions, calling for enhanced multilateral coordination through platforms like the UN, SCO, and BRICS to defend the interests of the Global South.
        """

    static let spokesperson = """
        Chinese President Xi Jinping and Russian President Vladimir Putin have reached significant new agreements during Xi’s state visit to Russia, according to a spokesperson from China’s Foreign Ministry.
        Xi, who visited Russia from May 7 to 10 at Putin’s invitation, also participated in the celebrations.
        “This reflects China and Russia’s responsibility as major nations in maintaining and enhancing global strategic stability,” the spokesperson, Lin Jian, noted.
        """

    static let kremlin = """
        On May 8, the Kremlin hosted Russian-Chinese high-level talks: Russian President Vladimir Putin and Chinese Chair Xi Jinping discussed and signed intergovernmental agreements.
        Specific initiatives include launching the Far Eastern gas route in 2027, increasing mutual trade turnover, and developing transport infrastructure.
        The “Far Eastern gas route” refers to the Power of Siberia 2 pipeline project.
        """
}

struct SeedArticleTests {
    let harness = try! ExtractorHarness(EntitiesExtractor())

    private func entities(_ text: String) throws -> [ExtractorHarness.Found] { try harness.run(text) }

    private func label(_ found: [ExtractorHarness.Found], _ text: String) -> String? {
        found.first { $0.text == text }?["label"]?.text
    }

    @Test func namesInTheMoscowTalksArticle() throws {
        let found = try entities(SeedText.moscowTalks)
        #expect(label(found, "Xi Jinping") == "PERSON")
        #expect(label(found, "Vladimir Putin") == "PERSON")
        #expect(label(found, "Moscow") == "LOC")
        #expect(label(found, "UN Security Council") == "ORG")
        #expect(label(found, "Eurasian Economic Union") == "ORG")
        #expect(label(found, "BRICS") == "ORG")
        #expect(label(found, "SCO") == "ORG")
    }

    @Test func mentionsOfOnePersonAreMerged() throws {
        let found = try entities(SeedText.moscowTalks)
        let xi = found.filter { $0.text == "Xi" }
        #expect(xi.count >= 4)
        #expect(xi.allSatisfy { $0["canonical"]?.text == "Xi Jinping" && $0["label"]?.text == "PERSON" })
        let putin = found.filter { $0.text == "Putin" }
        #expect(putin.count >= 2)
        #expect(putin.allSatisfy { $0["canonical"]?.text == "Vladimir Putin" })
    }

    @Test func titlesAreAttributesNotPartOfTheName() throws {
        let found = try entities(SeedText.moscowTalks)
        let full = try #require(found.first { $0.text == "Xi Jinping" })
        #expect(full["title"]?.text == "Chinese President")
        let short = try #require(found.first { $0.text == "Xi" && $0.start > 200 })
        #expect(short["title"] != nil)
        #expect(!found.contains { $0.text.hasPrefix("President") })
        let chair = try entities(SeedText.kremlin).first { $0.text == "Xi Jinping" }
        #expect(chair?["title"]?.text == "Chinese Chair")
    }

    @Test func hyphenatedNamesHoldTwoPlaces() throws {
        let found = try entities(SeedText.moscowTalks)
        let china = found.filter { $0.text == "China" && $0["label"]?.text == "LOC" }
        let russia = found.filter { $0.text == "Russia" && $0["label"]?.text == "LOC" }
        #expect(china.count >= 3)
        #expect(russia.count >= 3)
        #expect(!found.contains { $0.text == "China-Russia" })
    }

    @Test func possessivesAndSentenceStartsAreFound() throws {
        let found = try entities(SeedText.spokesperson)
        // "Xi’s state visit", "Putin’s invitation": the name without the clitic.
        #expect(found.contains { $0.text == "Xi" && $0["canonical"]?.text == "Xi Jinping" })
        #expect(found.contains { $0.text == "Putin" && $0["canonical"]?.text == "Vladimir Putin" })
        #expect(label(found, "Lin Jian") == "PERSON")
        #expect(label(found, "Russia") == "LOC")
    }

    @Test func kremlinAndPipelineAreFound() throws {
        let found = try entities(SeedText.kremlin)
        #expect(["LOC", "ORG"].contains(label(found, "Kremlin") ?? ""))
        // The number is part of the pipeline's name.
        #expect(found.contains { $0.text == "Power of Siberia 2" })
    }

    @Test func allCapsHeadlines() throws {
        let text =
            "XI AND PUTIN MEET IN MOSCOW\nChinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Thursday."
        let found = try entities(text)
        #expect(
            found.contains { $0.text == "MOSCOW" && $0["label"]?.text == "LOC" && $0["canonical"]?.text == "Moscow" })
        #expect(found.contains { $0.text == "PUTIN" && $0["canonical"]?.text == "Vladimir Putin" })
        // "AND" and "MEET" are words of the headline, not of any name.
        #expect(!found.contains { $0.text.contains("AND") || $0.text.contains("MEET") })
        #expect(found.contains { $0.text == "XI" && $0["canonical"]?.text == "Xi Jinping" })
    }

    @Test func onlyEntitiesInsideTheSpanAreReturned() throws {
        let found = try harness.run(SeedText.spokesperson, within: "the spokesperson, Lin Jian, noted")
        #expect(found.map(\.text) == ["Lin Jian"])
    }
}
