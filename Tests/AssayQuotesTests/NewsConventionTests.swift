import AssayCore
import Testing

@testable import AssayQuotes

/// Speaker and kind rules for conventions of US news copy: bracketed party affiliations,
/// appositions, transcripts, headlines, titles of shows, and PolNeAR's full/partial rule.
@Suite struct NewsConventionTests {
    private func only(_ text: String, kinds: Set<String> = ["direct", "partial", "term"]) throws -> [Q] {
        try QuoteTests.quotes(text, kinds: kinds)
    }

    // MARK: - Speakers

    @Test func bracketedAffiliationBetweenNameAndVerb() throws {
        let found = try only("“It is a dog whistle to every voter,” Sen. Dana Miller (D-Ore.) said Friday.")
        #expect(found == [Q(text: "It is a dog whistle to every voter", kind: "direct", speaker: "Dana Miller")])
    }

    @Test func pronounRightBeforeTheVerb() throws {
        let text =
            "Tom Harding spoke on Monday. In an interview with Reuters he blasted the plan as “a reckless gamble.”"
        #expect(try only(text).map(\.speaker) == ["Tom Harding"])
    }

    @Test func indefiniteAppositionIsNotTheSubject() throws {
        let text =
            "Maria Lopez, a senior adviser to the Harris campaign, called the result “a true wake-up call” for voters."
        #expect(try only(text) == [Q(text: "a true wake-up call", kind: "partial", speaker: "Maria Lopez")])
    }

    @Test func personRightBeforeAParticiple() throws {
        let text = "The spot ends with footage of Dan Brody saying during the debate, “That makes me smart.”"
        #expect(try only(text).map(\.speaker) == ["Dan Brody"])
    }

    @Test func quotationOpeningTheSentenceIsNotItsSubject() throws {
        let text = "“Keep your promises,” Ana Silva sings before asking him, “Where do we go from here?”"
        #expect(try only(text).map(\.speaker) == ["Ana Silva", "Ana Silva"])
    }

    @Test func clauseBeforeAColon() throws {
        let text = "Governor Ray Tolan is rolling out a new and more personal message: “It is about you.”"
        let found = try only(text)
        #expect(found == [Q(text: "It is about you.", kind: "direct", speaker: "Ray Tolan")], "\(found)")
    }

    @Test func colonAfterAClauseWithoutAPersonNamesNoOne() throws {
        let text = "The bridge reopened with a new sign: “Drive carefully and slow down near the works.”"
        #expect(try only(text).map(\.speaker) == [nil])
    }

    @Test func continuationAfterAnAttributedFragment() throws {
        let text =
            "Jo Park said the rule mattered because “most people never read it,” she said. “We have no context if we forget the past.”"
        #expect(try only(text).map(\.speaker) == ["Jo Park", "Jo Park"])
    }

    @Test func quotedParagraphAfterAPersonsParagraph() throws {
        let text =
            "Lena Ortiz restricted her comments to hypothetical scenarios.\n\n“If any bank cannot be managed, it should be broken up.”\n\nThe hearing ended at noon."
        #expect(try only(text).map(\.speaker) == ["Lena Ortiz"])
    }

    @Test func roleDescriptionResolvesThroughATitle() throws {
        let text = "Sen. Tim Kaine spoke first in Richmond. Later, “We are ready for this fight,” the senator said."
        let found = try only(text)
        #expect(found.map(\.speaker) == ["Tim Kaine"], "\(found)")
    }

    @Test func roleDescriptionAsTheSubject() throws {
        let text =
            "Republican nominee Donald Trump spoke in Ohio. The Republican nominee also vowed to punish “those who break the rules.”"
        #expect(try only(text).map(\.speaker) == ["Donald Trump"])
    }

    @Test func generationalSuffixInAnApposition() throws {
        let text =
            "“Absolutely hate this framing of the vote,” Vann R. Newkirk II, a writer for the magazine, said on Twitter."
        let found = try only(text)
        #expect(found.count == 1 && found[0].speaker?.hasPrefix("Vann R. Newkirk") == true, "\(found)")
    }

    // MARK: - Transcripts

    @Test func transcriptTurnsWithoutQuoteMarks() throws {
        let text =
            "Lester Holt moderated.\n\nHOLT: Why did you do it?\n\nRAMOS: Because the voters asked for it.\n\nThe debate went on."
        let found = try QuoteTests.run(text).filter { $0["cue"] == "transcript" }.map(QuoteTests.q)
        #expect(
            found == [
                Q(text: "Why did you do it?", kind: "direct", speaker: "Lester Holt"),
                Q(text: "Because the voters asked for it.", kind: "direct", speaker: "Ramos")
            ])
    }

    @Test func quotedTranscriptTurnsAndContinuations() throws {
        let text = """
            Mike Pence spoke to Chris Wallace.

            "WALLACE: Will she be there?

            "PENCE: She will not be attending.

            "(CROSSTALK.)

            "And that is the whole story.

            "Follow Ann Lee on Twitter @annlee."
            """
        let found = try only(text)
        #expect(
            found == [
                Q(text: "Will she be there?", kind: "direct", speaker: "Chris Wallace"),
                Q(text: "She will not be attending.", kind: "direct", speaker: "Mike Pence"),
                Q(text: "(CROSSTALK.)", kind: "term", speaker: nil),
                Q(text: "And that is the whole story.", kind: "direct", speaker: "Mike Pence")
            ])
    }

    @Test func sectionLabelsAreNoTranscriptSpeakers() throws {
        let text =
            "Q&A: The minister on energy prices\n\nWATCH: Protesters march on parliament\n\nUPDATE: The vote was delayed.\n"
        #expect(try QuoteTests.run(text).isEmpty)
    }

    @Test func upperCaseWordsWithoutAColonAreNoTranscript() throws {
        let text = "NATO leaders met in Brussels.\n\nUSA TODAY reported the talks went well."
        #expect(try QuoteTests.run(text).allSatisfy { $0["cue"] != "transcript" })
    }

    // MARK: - Kinds

    @Test func quoteThatIsMostOfTheReportedClauseIsDirect() throws {
        let found = try only("Tom Harding says voter fraud “would be one hell of a way to lose.”")
        #expect(found == [Q(text: "would be one hell of a way to lose.", kind: "direct", speaker: "Tom Harding")])
    }

    @Test func quotesSharingOneVerbCountTogether() throws {
        let text =
            "Tom Harding tells supporters at a rally to “go to your place and vote” and then “go sit there with your friends.”"
        #expect(try only(text).map(\.kind) == ["direct", "direct"])
    }

    @Test func fragmentInsideTheReportersSentenceIsPartial() throws {
        let text =
            "“You squeezed workers to the breaking point” to drive up the stock price and your own pay, Ann Cole said."
        #expect(try only(text).map(\.kind) == ["partial"])
    }

    @Test func fragmentWithinALongerClauseIsPartial() throws {
        let text =
            "Ann Cole said via email that “of course the company will defend itself” against what it sees as a coordinated attack by its rivals and the press."
        #expect(try only(text).map(\.kind) == ["partial"])
    }

    @Test func titleOfAShowIsATerm() throws {
        let text =
            "On this weekend’s broadcast of “Fox News Sunday,” Tom Harding said the tweet was a joke. Harding told MSNBC’s “Morning Joe” that he would run."
        #expect(try only(text).map(\.kind) == ["term", "term"])
    }

    @Test func headlineQuoteIsATerm() throws {
        let text =
            "Senator Calls Budget ‘A Disgrace’\n\nTom Harding criticised the budget on Monday. “It is a disgrace,” he said."
        #expect(
            try only(text) == [
                Q(text: "A Disgrace", kind: "term", speaker: nil),
                Q(text: "It is a disgrace", kind: "direct", speaker: "Tom Harding")
            ])
    }

    @Test func openingQuoteOfALongLedeIsNoHeadline() throws {
        let text =
            "“We will rebuild this town together, one street at a time,” Mayor Ada Quinn said on Tuesday as the floodwaters receded and residents returned to their homes across the county.\n\nCrews worked overnight."
        #expect(try only(text).map(\.kind) == ["direct"])
    }
}
