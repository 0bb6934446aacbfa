import AssayCore
import Testing

@testable import Acronyms

/// Unit tests run the extractor through the core's ExtractorHarness, exactly as Assay runs it.
@Suite struct AcronymsTests {
    let harness = try! ExtractorHarness(AcronymsExtractor())

    @Test func linksLaterMentionsToTheDefinition() throws {
        let found = try harness.run(
            """
            Leaders of the Shanghai Cooperation Organisation (SCO) met in Tianjin. \
            The SCO was founded in 2001, and SCO members trade widely.
            """)
        #expect(found.map(\.text) == ["Shanghai Cooperation Organisation (SCO)", "SCO", "SCO"])
        #expect(found.map { $0["defined"] } == [true, false, false])
        #expect(found.allSatisfy { $0["acronym"] == "SCO" && $0["expansion"] == "Shanghai Cooperation Organisation" })
        #expect(found[0].start == 15)
    }

    @Test func skipsFunctionWordsInTheLongForm() throws {
        let found = try harness.run("Ministers of the Organization of the Petroleum Exporting Countries (OPEC) agreed.")
        #expect(found.first?["expansion"] == "Organization of the Petroleum Exporting Countries")
    }

    @Test func acceptsTheAcronymFirst() throws {
        let found = try harness.run(
            "The WHO (World Health Organization) warned on Monday. WHO officials declined to comment.")
        #expect(found.map(\.text) == ["WHO (World Health Organization)", "WHO"])
        #expect(found.map { $0["expansion"] } == ["World Health Organization", "World Health Organization"])
    }

    @Test func handlesPluralsHyphensAndCommas() throws {
        let found = try harness.run(
            """
            Several non-governmental organisations (NGOs) joined the United Nations Educational, \
            Scientific and Cultural Organization (UNESCO) appeal. One NGO left UNESCO.
            """)
        #expect(found.map { $0["acronym"] } == ["NGO", "UNESCO", "NGO", "UNESCO"])
        #expect(found[1]["expansion"] == "United Nations Educational, Scientific and Cultural Organization")
    }

    @Test func acceptsPrefixesSingleWordsAndLegalForms() throws {
        let text = """
            Brent on the Singapore International Monetary Exchange (SIMEX) slipped. The Kuomintang (KMT) \
            lost ground, and Guinness Peat Group Plc (GPG) sold shares.
            """
        #expect(
            try harness.run(text).map { $0["expansion"] } == [
                "Singapore International Monetary Exchange", "Kuomintang", "Guinness Peat Group Plc"
            ])
    }

    @Test func rejectsLetterSoupThatIsNotAnAcronymOfTheWords() throws {
        // BNR abbreviates the Romanian name: "Bank of Romania" holds B, N, R only by accident.
        #expect(try harness.run("The National Bank of Romania (BNR) cut rates.").isEmpty)
    }

    @Test func ignoresParenthesesThatDoNotSpellTheWord() throws {
        let found = try harness.run("Shares rose sharply (NYSE) on Monday. The talks (held in Rome) failed.")
        #expect(found.isEmpty)
    }

    @Test func reportsUndefinedAbbreviationsOnlyWhenAsked() throws {
        let text = "NATO and the European Union (EU) met. EU envoys and NATO officials talked. World War II ended."
        #expect(try harness.run(text).map(\.text) == ["European Union (EU)", "EU"])
        let all = try harness.run(text, options: ["undefined": true])
        #expect(all.map(\.text) == ["NATO", "European Union (EU)", "EU", "NATO"])
        #expect(all[0]["expansion"] == .null)
    }

    @Test func keepsToTheSpanButReadsDefinitionsFromTheWholeDocument() throws {
        let found = try harness.run(
            """
            The International Monetary Fund (IMF) met. "The IMF will act," she said.
            """, within: "The IMF will act,")
        #expect(found.map(\.text) == ["IMF"])
        #expect(found.first?["expansion"] == "International Monetary Fund")
    }

    @Test func registersThroughThePluginEntry() throws {
        let registry = ExtractorRegistry()
        try AcronymsPlugin.register(into: registry)
        #expect(registry.names == ["acronyms"])
        #expect(registry.descriptors.first?.fields.map(\.name) == ["acronym", "expansion", "defined"])
    }
}
