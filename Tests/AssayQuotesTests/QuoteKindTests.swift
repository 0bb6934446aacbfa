import AssayCore
import Testing

@testable import AssayQuotes

/// `direct`, `partial`, `term` and `indirect`, and quotes printed without quote marks.
@Suite struct QuoteKindTests {
    @Test func directQuote() throws {
        #expect(
            try QuoteTests.quotes("“We must act now,” Ivan Petrov warned.") == [
                Q(text: "We must act now", kind: "direct", speaker: "Ivan Petrov")
            ])
    }

    @Test func partialQuoteKeepsTheSpeaker() throws {
        let text =
            "Xi Jinping echoed the sentiment, calling the two countries “stable, positive, and progressive forces” in the world."
        #expect(
            try QuoteTests.quotes(text) == [
                Q(text: "stable, positive, and progressive forces", kind: "partial", speaker: "Xi Jinping")
            ])
    }

    @Test func termsHaveNoSpeaker() throws {
        let text =
            "They signed a statement in what they termed the “new era,” amid the “America First” policies of the day."
        #expect(
            try QuoteTests.quotes(text) == [
                Q(text: "new era", kind: "term", speaker: nil),
                Q(text: "America First", kind: "term", speaker: nil)
            ])
    }

    @Test func fragmentInsideReportedSpeechIsPartialEvenWithoutANamedSpeaker() throws {
        // A one-word fragment in the clause a speech verb reports is somebody's word, not a term.
        let critics = try QuoteTests.quotes("Critics say the new tariff plan is “unworkable.”")
        #expect(critics.map(\.kind).contains("partial"))
        #expect(critics.first { $0.kind == "partial" }?.text == "unworkable.")
        let told = try QuoteTests.quotes(
            "The mayor told reporters he would consider it a “personal insult” if the council refused.")
        #expect(told.map(\.kind).contains("partial"))
        // A verb followed by a preposition frames a topic, not a clause: scare quotes stay terms.
        let topic = try QuoteTests.quotes("The ministers agreed on new projects and “equality” at the summit.")
        #expect(topic.filter { $0.text == "equality" }.map(\.kind) == ["term"])
    }

    @Test func oneWordOpeningOfASplitQuoteIsSpeech() throws {
        // The speaker stays unnamed ("he" has no named antecedent), yet the comma and "he added"
        // make "That" the first half of an utterance, not a title.
        let text =
            "The president spoke about the climate.\n\n“That,” he added, “promises to make life a lot harder for our children.”"
        let found = try QuoteTests.quotes(text)
        #expect(found.map(\.kind) == ["direct", "direct"])
        #expect(found.first?.text == "That")
    }

    @Test func fragmentBeforeATrailingAttributionIsPartial() throws {
        // The speaker is unnamed and the fragment sits in the reporter's noun phrase, yet "the
        // headteacher said" after it makes it somebody's words (British commas outside the marks).
        let found = try QuoteTests.quotes("It was the school's 'best year ever', the headteacher said.")
        #expect(found.map(\.kind) == ["partial"])
        // With no attribution, the same words stay scare quotes.
        #expect(try QuoteTests.quotes("It was the school's 'best year ever' by most measures.").map(\.kind) == ["term"])
    }

    @Test func titleAtTheStartOfASentenceIsATerm() throws {
        let found = try QuoteTests.quotes("“American Skin (41 Shots)” was written by Bruce Springsteen in 2000.")
        #expect(found.map(\.kind) == ["term"])
    }

    @Test func indirectSpeech() throws {
        let found = try QuoteTests.quotes(
            "Vladimir Putin noted that ambitious goals had been set out in the statement.")
        #expect(
            found == [
                Q(
                    text: "ambitious goals had been set out in the statement", kind: "indirect",
                    speaker: "Vladimir Putin")
            ])
    }

    @Test func indirectSpeechWithTrailingAttribution() throws {
        let found = try QuoteTests.quotes("The convoy was diverted to avoid the press, a campaign source said.")
        #expect(found.map(\.kind) == ["indirect"])
        #expect(found.first?.speaker == nil)
        #expect(found.first?.text == "The convoy was diverted to avoid the press")
    }

    @Test func notIndirectSpeech() throws {
        // "said" that reports no clause, and sentences without a speech verb.
        #expect(
            try QuoteTests.quotes("The company said on Tuesday. The state media covered the parade at length.").isEmpty)
    }

    @Test func quoteWithoutQuoteMarks() throws {
        let text = """
            The meeting began at noon.
            I sincerely appreciate the opportunity to speak with you again in this city,
            Vladimir Putin said, opening the meeting.
            Then the delegations sat down.
            """
        let found = try QuoteTests.run(text)
        let q = try #require(found.first { $0["cue"] == "unmarked" })
        #expect(q.text == "I sincerely appreciate the opportunity to speak with you again in this city")
        #expect(q["speaker"] == "Vladimir Putin")
        #expect(q["kind"] == "direct")
    }

    @Test func unmarkedQuoteClosedByAPeriod() throws {
        // A first-person paragraph closed by a period, then the attribution line.
        let text = """
            The talks began at noon.

            Our partnership has reached a new level. We will deepen cooperation in energy and trade.

            Maria Lopez said, opening the meeting.
            """
        let q = try #require(try QuoteTests.run(text).first { $0["cue"] == "unmarked" })
        #expect(q.text == "Our partnership has reached a new level. We will deepen cooperation in energy and trade.")
        #expect(q["speaker"] == "Maria Lopez")
        // Narration before such a line, or an act rather than speech after it, is no quote.
        let narration =
            "The talks began at noon.\n\nThe delegations reached the city by train on Sunday.\n\nMaria Lopez said, opening the meeting.\n"
        #expect(try QuoteTests.run(narration).allSatisfy { $0["cue"] != "unmarked" })
        let act = "The board could not agree on a new chair, so it asked her to stay on.\nShe agreed.\n"
        #expect(try QuoteTests.run(act).allSatisfy { $0["cue"] != "unmarked" })
    }

    @Test func noUnmarkedQuoteWithoutASpeechLine() throws {
        let text = "Prices rose again in May, which worried traders,\nMarkets fell, analysts noted.\n"
        #expect(try QuoteTests.run(text).allSatisfy { $0["cue"] != "unmarked" })
    }

    @Test func onlyQuotesInsideTheRequestedSpan() throws {
        let text = "“First,” said Ann Lee. Then a pause. “Second,” said Bob Ray."
        let found = try QuoteTests.run(text, within: "“Second,” said Bob Ray.")
        #expect(found.map(\.text) == ["Second"])
        #expect(found.first?["speaker"] == "Bob Ray")
    }
}
