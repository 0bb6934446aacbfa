import AssayCore
import Testing

@testable import AssayQuotes

/// Which quote marks pair, and how unbalanced marks are contained.
@Suite struct QuoteMarkTests {
    @Test func curlyAndStraightDoubleQuotes() throws {
        let text = "“We will win,” Alice Moore said. \"We will not,\" Bob Stone replied."
        let found = try QuoteTests.quotes(text)
        #expect(found.map(\.text) == ["We will win", "We will not"])
        #expect(found.map(\.speaker) == ["Alice Moore", "Bob Stone"])
    }

    @Test func quoteOpenedWithOneKindOfDoubleMarkAndClosedWithTheOther() throws {
        // Pasted text mixes the marks: the closer of the other kind ends the quote, so the
        // attribution after it is not swallowed.
        let text =
            "“Deals should not be a requirement,\" Jason Chaffetz said, adding that they were handed out \"like candy.\" \"Oz has a pulpit,” said David Gorski. “He can’t dispense with facts.”"
        let found = try QuoteTests.quotes(text)
        #expect(
            found.map(\.text) == [
                "Deals should not be a requirement", "like candy.", "Oz has a pulpit", "He can’t dispense with facts."
            ])
        #expect(found.map(\.speaker) == ["Jason Chaffetz", "Jason Chaffetz", "David Gorski", "David Gorski"])
        // A quote of the other kind nested inside one is still nested.
        let nested = try QuoteTests.quotes(
            "\"Clinton thinks this is “Shark Tank.” But it is serious,\" Mike Pence said.")
        #expect(nested.map(\.text) == ["Clinton thinks this is “Shark Tank.” But it is serious"])
        #expect(nested.first?.speaker == "Mike Pence")
    }

    @Test func singleQuotesButNotApostrophes() throws {
        let text = "Russia’s minister Ivan Petrov said the plan was ‘a historic step’ for the nation’s future."
        let found = try QuoteTests.quotes(text)
        #expect(found.map(\.text) == ["a historic step"])
        #expect(found.first?.speaker == "Ivan Petrov")
        // Apostrophes alone never make a quote.
        #expect(
            try QuoteTests.quotes("The leaders’ talks and Russia’s rock ’n’ roll in the ’90s didn’t matter.").isEmpty)
    }

    @Test func guillemets() throws {
        let found = try QuoteTests.quotes(
            "«Nous ne céderons pas», a déclaré Marie Dubois. Marie Dubois said: «We will not yield.»")
        #expect(found.map(\.text).contains("We will not yield."))
        #expect(found.last?.speaker == "Marie Dubois")
        // A lone guillemet used as a separator in a headline is no quote.
        #expect(try QuoteTests.quotes("Xi, Putin Hold Talks » Capital News\n\nThe talks went on.").isEmpty)
    }

    @Test func doubledApostrophesAsQuoteMarks() throws {
        let found = try QuoteTests.quotes("''There's a lot of new complexity,'' said Mr. Burman.")
        #expect(found == [Q(text: "There's a lot of new complexity", kind: "direct", speaker: "Burman")])
    }

    @Test func quoteRunningOverParagraphs() throws {
        let text = """
            Senator Ann Lee said:

            “The bill is not finished. We have more to do.

            “We will keep working until it is done.”

            The vote is next week.
            """
        let found = try QuoteTests.quotes(text, kinds: ["direct"])
        #expect(
            found.map(\.text) == [
                "The bill is not finished. We have more to do.", "We will keep working until it is done."
            ])
        #expect(found.allSatisfy { $0.speaker == "Ann Lee" })
    }

    @Test func unbalancedMarksStayInTheirParagraph() throws {
        let text = """
            The minister said the plan was “a disaster and walked out.

            Later the committee met. Tom Hale said, “We approved the budget.”

            Nothing else happened, and “no one spoke to the press.
            """
        let found = try QuoteTests.run(text)
        // The stray opener of the first paragraph does not swallow the next ones.
        #expect(found.allSatisfy { !$0.text.contains("\n") })
        #expect(found.map(\.text).contains("We approved the budget."))
    }

    @Test func strayMarksNeverCrash() throws {
        for text in [
            "“", "”", "\"", "'", "“”", "\"\"", "«»", "He said “", "” he said", "“ ” “", "''", "a '' b", "“\n\n“\n\n”"
        ] {
            _ = try QuoteTests.run(text)
        }
    }
}

/// Straight marks left over from pasted text in a document that quotes with curly marks.
@Suite struct PastedMarkTests {
    @Test func unclosedStraightMarkOpeningAParagraphIsNoQuote() throws {
        let text = """
            “Here comes the governor,” she said, clapping.

            "Kevin was snoring in the next room.

            “Here he is,” she said.

            "Dana Miller walked onto the stage, chanting “We will win!” as the crowd roared.

            “He really does love us,” she said.
            """
        let found = try QuoteTests.quotes(text, kinds: ["direct", "partial"])
        #expect(!found.contains { $0.text.hasPrefix("Kevin") })
        #expect(found.contains { $0.text.hasPrefix("We will win") && $0.speaker == "Dana Miller" })
    }

    @Test func straightQuoteOverParagraphsStillRuns() throws {
        let text = """
            The Daily Ledger reports, in a piece that called the race “tight”:

            "In an illustration of the lack of enthusiasm, few donors gave small sums.

            "Without this network, the campaign must hold more fund-raisers with rich donors."
            """
        let found = try QuoteTests.quotes(text, kinds: ["direct", "partial"])
        #expect(found.contains { $0.text.hasPrefix("In an illustration") })
        #expect(found.contains { $0.text.hasPrefix("Without this network") })
    }

    @Test func straightMarksInAStraightQuotingDocumentAreQuotes() throws {
        let text = "Dana Miller spoke on Monday.\n\n\"We are ready for this fight.\n\nThe crowd cheered."
        #expect(try QuoteTests.quotes(text, kinds: ["direct"]).map(\.text) == ["We are ready for this fight."])
    }
}
