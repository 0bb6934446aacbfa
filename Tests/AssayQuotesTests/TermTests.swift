import AssayCore
import Testing

@testable import AssayQuotes

/// Quotes that name something rather than report speech: subheadings in title case on their own
/// line, and a quote modified by the name before it.
@Suite struct TermTests {
    private func found(_ text: String) throws -> [Q] {
        try QuoteTests.quotes(text)
    }

    @Test func titleCaseSubheadingAloneOnItsLine() throws {
        let text = """
            “The trend lines are alarming,” Mr. Dana Miller said.

            ‘All Bets Are Off.’

            Eight years ago, the race looked very different.
            """
        let quotes = try found(text)
        #expect(quotes.last == Q(text: "All Bets Are Off.", kind: "term", speaker: nil))
    }

    @Test func shortSentenceAloneOnItsLineIsStillSpeech() throws {
        let text = """
            Dana Miller took the stage on Monday night.

            “I love you all.”

            The crowd cheered.
            """
        #expect(try found(text).map(\.kind) != ["term"])
    }

    @Test func nameRightBeforeTheQuoteModifiesIt() throws {
        let text = "By the fall of 2010, Harbor Party “super PACs” backed by wealthy donors had seized on the issue."
        #expect(try found(text).allSatisfy { $0.speaker == nil })
    }

    @Test func subjectFurtherAwayStillSpeaks() throws {
        let text = "Dana Miller on Monday described the plan as nothing but “a gift to donors” and left."
        #expect(try found(text).map(\.speaker) == ["Dana Miller"])
    }

    @Test func definiteNameInTheReportersPhraseIsATerm() throws {
        let text =
            "Dana Miller would also close the notorious ''carried interest'' loophole that benefits fund managers."
        #expect(try found(text) == [Q(text: "carried interest", kind: "term", speaker: nil)])
    }

    @Test func indefiniteCharacterisationStaysPartial() throws {
        let text = "In recent weeks, Dana Miller has gone after her rival as a “spoiled brat” on the trail."
        #expect(try found(text) == [Q(text: "spoiled brat", kind: "partial", speaker: "Dana Miller")])
    }

    @Test func definiteNameFramedBySpeechVerbStaysPartial() throws {
        let text = "Dana Miller called it the “worst deal ever” on Monday."
        #expect(try found(text).map(\.kind) == ["partial"])
    }
}
