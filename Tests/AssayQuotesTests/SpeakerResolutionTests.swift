import AssayCore
import Testing

@testable import AssayQuotes

/// Speakers resolved to one canonical person or organisation, or null.
@Suite struct SpeakerResolutionTests {
    private func speakers(_ text: String, missing: Set<String> = []) throws -> [String?] {
        try QuoteTests.quotes(text, missing: missing, kinds: ["direct", "partial"]).map(\.speaker)
    }

    /// The speakers found with the real tagger, for texts the capitalised-word stand-in misreads
    /// ("Trade commissioner", "Britain’s").
    private func realSpeakers(_ text: String) throws -> [String?] {
        try ExtractorHarness(QuoteExtractor(), requiring: [QuoteTests.realEntities]).run(text).map(QuoteTests.q)
            .filter { ["direct", "partial"].contains($0.kind) }.map(\.speaker)
    }

    @Test func shortNameToFullestForm() throws {
        #expect(
            try speakers("Chinese President Xi Jinping arrived on Monday. “We are friends,” Xi said.") == ["Xi Jinping"]
        )
    }

    @Test func organisationQualifyingAPersonIsNotTheSpeaker() throws {
        // The party or employer in front of a role and a name describes the person who speaks.
        // The real tagger is used: it labels "Libertarian" and "White House" as organisations.
        let harness = try ExtractorHarness(QuoteExtractor(), requiring: [QuoteTests.realEntities])
        func speakers(_ text: String) throws -> [String?] { try harness.run(text).map(QuoteTests.q).map(\.speaker) }
        #expect(
            try speakers("Libertarian candidate Gary Johnson is calling the race “extremely close.”") == [
                "Gary Johnson"
            ])
        #expect(
            try speakers("White House spokesman Josh Earnest told reporters the talks were “productive.”") == [
                "Josh Earnest"
            ])
        // With no person after it, the organisation itself speaks.
        #expect(
            try speakers("The Senate passed the bill on Monday, calling it “a historic step for the country.”") == [
                "Senate"
            ])
    }

    @Test func pronounsToTheirAntecedent() throws {
        let text = """
            Maria Lopez met Tom Hale in Paris. She praised the deal. “It is a good day,” she said.

            Tom Hale was less sure. “We will see,” he said.
            """
        #expect(try speakers(text) == ["Maria Lopez", "Tom Hale"])
    }

    @Test func aSentenceOpenedByThePronounPassesItsReferentOn() throws {
        // "He added …, should Tom Clinton return" is about the man who spoke, not the man after "He".
        let text = """
            “The party must plan ahead,” said Don Fowler. “It would be foolish not to,” he said. He added a \
            warning, should Tom Clinton return too soon. “He better get well first,” he said.
            """
        #expect(try speakers(text) == ["Don Fowler", "Don Fowler", "Don Fowler"])
    }

    @Test func thePeopleAfterThePronounInASentenceAreNotItsReferent() throws {
        // "he said Ryan": the man named after the pronoun is what was said, not who says it next.
        let text = """
            “We will work together,” Don Fowler said. When asked who leads the party, he said Tom Ryan. “I would say \
            Tom for the time being,” he said.
            """
        #expect(try speakers(text) == ["Don Fowler", "Don Fowler"])
    }

    @Test func aSentenceReferringToThePronounsReferentFirstPassesItOn() throws {
        // "her tour" refers to the woman the quote's "she" means; the woman named after a
        // preposition in that sentence is someone else.
        let text = """
            Maria Lopez toured the island on Friday. During her tour with Carol Jones, she paused to make a remark.

            “My hope is that the reef survives,” she said.
            """
        #expect(try speakers(text) == ["Maria Lopez"])
        // Without the reference, the woman named in the sentence before is still the antecedent.
        let other = """
            Maria Lopez toured the island on Friday. The tour with Carol Jones paused for a remark.

            “My hope is that the reef survives,” she said.
            """
        #expect(try speakers(other) == ["Carol Jones"])
    }

    @Test func pronounChainCarriesTheReferentAcrossParagraphs() throws {
        // Two paragraphs back, but every sentence between goes on about the same man.
        let text = """
            Tom Hale says he has big plans for the final month.

            The former senator noted that his campaign has not spent much yet. He said he would change that.

            He said, “We have some big plans for the final month.”
            """
        #expect(try speakers(text) == ["Tom Hale"])
        // Without the chain, the same distance is too far to guess.
        let unrelated = """
            Tom Hale says he has big plans for the final month.

            It has been a slow year for spending. It was also a cold one.

            He said, “We have some big plans for the final month.”
            """
        #expect(try speakers(unrelated) == [nil])
    }

    @Test func aPronounAnywhereInASentenceCarriesTheReferentOn() throws {
        // The sentence between names no one but speaks of "he" (not at its start).
        let text = """
            Tom Hale visited the plant on Monday.

            On Wednesday, he told workers that he was worried about the deal.

            “This is not the plan we agreed on,” he said.
            """
        #expect(try speakers(text) == ["Tom Hale"])
        // A pronoun of the other gender carries no one on.
        let other = """
            Tom Hale visited the plant on Monday.

            On Wednesday, she told workers that she was worried about the deal.

            “This is not the plan we agreed on,” he said.
            """
        #expect(try speakers(other) == [nil])
    }

    @Test func pronounAfterAQuotationOfSeveralParagraphs() throws {
        // The quotation's own sentences are the speaker's words: they do not push the person
        // named before them out of reach.
        let text = """
            Trade commissioner Maria Lopez opened the talks on Monday.

            “We have a simple message for our partners. Trade must be fair.

            “We will not accept tariffs that hurt our workers. We are ready to respond,” she said.
            """
        #expect(try realSpeakers(text) == ["Maria Lopez", "Maria Lopez"])
    }

    @Test func anUnnamedNewcomerIsNotAnEarlierPerson() throws {
        // "Britain’s trade secretary" is the "she" who speaks, and has no name here.
        let text = """
            “This is a difficult moment,” Maria Lopez said.

            Britain’s trade secretary said the position was unchanged. “We remain open for business,” she told reporters.
            """
        #expect(try realSpeakers(text) == ["Maria Lopez", nil])
    }

    @Test func theCompanyIsTheOrganisationNamedLast() throws {
        let text =
            "Boeing said on Monday that deliveries would resume soon. The company added that it had fixed the fault."
        let found = try ExtractorHarness(QuoteExtractor(), requiring: [QuoteTests.realEntities]).run(text).map(
            QuoteTests.q)
        #expect(found.map(\.speaker) == ["Boeing", "Boeing"])
        // With no organisation named before it, "the company" stays unresolved.
        let unnamed = try ExtractorHarness(QuoteExtractor(), requiring: [QuoteTests.realEntities])
            .run("The company added that it had fixed the fault.").map(QuoteTests.q)
        #expect(unnamed.map(\.speaker) == [nil])
    }

    @Test func genderOfNamesBeyondEnglish() throws {
        // "Marta" is a woman's name: "he" skips her for the man named before.
        let text = "Luis Enrique spoke first. Marta Vieira took the microphone next. “We were told to wait,” he said."
        #expect(try realSpeakers(text) == ["Luis Enrique"])
    }

    @Test func pronounInsideAQuoteIsNotTheAntecedent() throws {
        let text = "Anna Berg spoke after the match. “I told Peter Kahn to relax,” she said."
        #expect(try speakers(text) == ["Anna Berg"])
    }

    @Test func pluralPronounsAndGroupsAreNull() throws {
        #expect(try speakers("Xi Jinping met Vladimir Putin. “We are partners,” they said.") == [nil])
        #expect(try speakers("“The market is broken,” the two leaders said.") == [nil])
    }

    @Test func descriptionResolvedWhenTheTextAllows() throws {
        let text = """
            Chinese leader Xi Jinping met Russian President Vladimir Putin in Moscow.

            “Our ties have never been stronger,” the Chinese leader said.
            """
        #expect(try speakers(text) == ["Xi Jinping"])
    }

    @Test func descriptionLeftNullWhenAmbiguous() throws {
        let text = """
            President Joe Adams met President Li Wen in Geneva.

            “The talks were useful,” the president said.
            """
        #expect(try speakers(text) == [nil])
    }

    @Test func appositionWithTheName() throws {
        #expect(try speakers("“This reflects our responsibility,” the spokesperson, Lin Jian, noted.") == ["Lin Jian"])
        #expect(try speakers("“We disagree,” said a spokesman, Omar Farid.") == ["Omar Farid"])
    }

    @Test func documentOfAnOrganisation() throws {
        #expect(try speakers("“Relations are at their peak,” a Kremlin readout said.") == ["Kremlin"])
    }

    @Test func nameTheTaggerMissedIsStillTaken() throws {
        // The stand-in tagger is told to miss "Caddell"; the capitalised name by the verb is used
        // and canonicalised against the document.
        let text = "Pollster Pat Caddell spoke on Thursday. “Voters are worried,” said Caddell."
        #expect(try speakers(text, missing: ["Caddell"]) == ["Pat Caddell"])
    }

    @Test func speakerOffsetsAreUnicodeScalarOffsets() throws {
        let text = "Élodie Dürr’s café opened. “Bienvenue à tous,” Élodie Dürr said."
        let found = try QuoteTests.run(text)
        let f = try #require(found.first)
        guard case .int(let start)? = f["speaker_start"], case .int(let end)? = f["speaker_end"] else {
            Issue.record("no speaker offsets")
            return
        }
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "Élodie Dürr")
        #expect(String(String.UnicodeScalarView(scalars[f.start..<f.end])) == "Bienvenue à tous")
    }
}
