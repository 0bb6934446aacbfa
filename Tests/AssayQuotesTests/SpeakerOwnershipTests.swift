import AssayCore
import Testing

@testable import AssayQuotes

/// Speakers that speak through something they own or belong to: a possessive utterance noun
/// ("Reed’s claim that …"), a document or ad ("the letter reads", "the ad’s narrator says"),
/// the officials of an organisation, and a subject separated from its verb by an apposition.
@Suite struct SpeakerOwnershipTests {
    private func only(_ text: String) throws -> [Q] {
        try QuoteTests.quotes(text, kinds: ["direct", "partial", "term"])
    }

    // MARK: - Possessive utterances

    @Test func possessiveClaimQuotesItsOwner() throws {
        let text =
            "The Tribune checked Gordon Reed’s claim that there had been “hundreds of break-ins” in the county this spring."
        #expect(try only(text).map(\.speaker) == ["Gordon Reed"])
    }

    @Test func possessiveRemarkQuotesItsOwner() throws {
        let text = "Critics seized on Helen Park’s remark that the budget was “a gift to donors” on Tuesday."
        #expect(try only(text).map(\.speaker) == ["Helen Park"])
    }

    @Test func possessiveWithoutContentClauseIsNotAnAttribution() throws {
        // "statement about “…”" frames no clause: the fact-checker's verdict stays theirs.
        let text = "The Tribune ruled that Gordon Reed’s statement about “hundreds of break-ins” was accurate."
        #expect(try only(text).map(\.speaker) != ["Gordon Reed"])
    }

    @Test func possessiveNounThatIsNoUtterance() throws {
        let text = "Officials toured Gordon Reed’s farm that locals call “the old mill” every autumn."
        #expect(try only(text).map(\.speaker) != ["Gordon Reed"])
    }

    // MARK: - Documents and ads

    @Test func aLetterReads() throws {
        let text =
            "A group of parents sent a letter to the school board. “We see these schools giving our children hope,” the letter reads."
        let found = try QuoteTests.run(text).filter { $0["kind"]?.text == "direct" }
        #expect(found.count == 1)
        #expect(found.first?["verb"]?.text == "reads")
        #expect(found.first.map { QuoteTests.q($0).speaker } == .some(nil))
    }

    @Test func readsAfterAPersonIsNotSpeech() throws {
        let text = "Every morning Ellen Ward reads “The Daily Ledger” before work."
        #expect(try QuoteTests.run(text).allSatisfy { $0["verb"]?.text != "reads" })
    }

    @Test func narratorOfANamedAd() throws {
        let text =
            "“You work hard. So why didn’t he pay his?” a narrator in the Dana Miller ad asks. The spot ends there."
        #expect(try only(text).map(\.speaker) == ["Dana Miller"])
    }

    @Test func narratorOfAnAdIntroducedEarlier() throws {
        let text = """
            Dana Miller has a new campaign ad hitting her rival on taxes.

            “If he thinks that makes him smart,” the ad’s narrator says, “what does he think of you?”
            """
        #expect(try only(text).map(\.speaker) == ["Dana Miller", "Dana Miller"])
    }

    @Test func adWithNoNamedOwnerHasNoSpeaker() throws {
        let text = "An ad ran on cable news all week. “Vote no on the levy,” the ad’s narrator says."
        #expect(try only(text).map(\.speaker) == [nil])
    }

    // MARK: - Organisations and appositions

    @Test func officialsOfAnOrganisationSpeakForIt() throws {
        let text =
            "On Monday, officials at the Harbor Commission said smugglers “may try to use more sophisticated methods to evade” inspections."
        #expect(try only(text).map(\.speaker) == ["Harbor Commission"])
    }

    @Test func appositionBetweenSubjectAndVerb() throws {
        let text =
            "On Monday, officials at the Harbor Commission, a division of the Port Authority Group, said the plan was “a serious risk” to shipping."
        #expect(try only(text).map(\.speaker) == ["Harbor Commission"])
    }

    @Test func sourcesStayUnnamed() throws {
        let text = "On Monday, sources at the Harbor Commission said the plan was “a serious risk” to shipping."
        #expect(try only(text).map(\.speaker) == [nil])
    }
}

/// Speakers reached through a reference: a definite description of an organisation named
/// earlier, and the reporter of a thing that "underscores" something.
@Suite struct SpeakerReferenceTests {
    private func speakers(_ text: String) throws -> [String?] {
        try QuoteTests.quotes(text, kinds: ["direct", "partial"]).map(\.speaker)
    }

    @Test func definiteDescriptionOfAnOrganisationNamedBefore() throws {
        let text = """
            The nonpartisan Commission on Election Standards says there was a problem on Monday.

            The commission says on its website that “there were issues with the sound in the hall.”
            """
        // The stand-in tagger sees only "Commission" as the organisation; the real one may see more.
        let found = try speakers(text)
        #expect(found.last??.hasPrefix("Commission") == true)
    }

    @Test func definiteDescriptionWithNoSuchOrganisationStaysNull() throws {
        let text =
            "Voters gathered in Dayton on Monday. The committee says on its website that “the count will resume on Friday.”"
        #expect(try speakers(text) == [nil])
    }

    @Test func aThingDoesNotSpeakItsReporterDoes() throws {
        let text =
            "Dana Miller spoke on Friday. She says it underscores that her rival is “temperamentally unfit to lead.”"
        #expect(try speakers(text) == ["Dana Miller"])
    }
}

/// Sentence shapes that hide the subject: a long introductory phrase before it, and a middle
/// initial in an attribution after the quote.
@Suite struct HiddenSubjectTests {
    @Test func longIntroductoryPhraseBeforeTheSubject() throws {
        let text =
            "With party leaders increasingly worried about a lack of passion for the ticket among young voters in the cities, Dana Miller is rolling out a new message: “It is about you.”"
        #expect(try QuoteTests.quotes(text, kinds: ["direct"]).map(\.speaker) == ["Dana Miller"])
    }

    @Test func middleInitialInAnAttributionAfterTheQuote() throws {
        let text = "“We will not back down from this fight,” Tom J. Harding, a lawyer for the union, said on Monday."
        #expect(try QuoteTests.quotes(text, kinds: ["direct"]).map(\.speaker) == ["Tom J. Harding"])
    }
}
