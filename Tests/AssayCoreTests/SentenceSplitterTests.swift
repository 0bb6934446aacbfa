import AssayCore
import Testing

struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let doc = AnalyzedDocument(text)
        return doc.sentences.map { doc.text(of: $0.span) }
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(
            sentences("Mr. Smith met Dr. Jones in the U.S. capital. They spoke.") == [
                "Mr. Smith met Dr. Jones in the U.S. capital.", "They spoke."
            ])
    }

    @Test func anAbbreviationEndsASentenceBeforeASentenceStarter() {
        #expect(
            sentences("Talks were held in the U.S. The leaders agreed.") == [
                "Talks were held in the U.S.", "The leaders agreed."
            ])
    }

    @Test func decimalsAndInitials() {
        #expect(
            sentences("Trade hit $244.9 billion in 2024. J. K. Rowling agreed.") == [
                "Trade hit $244.9 billion in 2024.", "J. K. Rowling agreed."
            ])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(
            sentences("“We agree,” Xi stated. “It is natural.” He smiled.") == [
                "“We agree,” Xi stated.", "“It is natural.”", "He smiled."
            ])
    }

    @Test func questionInsideAQuoteFollowedByLowercase() {
        #expect(sentences("“Why now?” he asked. Nobody knew.") == ["“Why now?” he asked.", "Nobody knew."])
    }

    @Test func headlinesWithoutPunctuationEndAtTheLineBreak() {
        #expect(
            sentences("Xi, Putin Hold Talks In Moscow\n\nMay 8 – The leaders met.") == [
                "Xi, Putin Hold Talks In Moscow", "May 8 – The leaders met."
            ])
    }

    @Test func listItemsOnTheirOwnLines() {
        #expect(
            sentences("Agreements:\n- energy\n- trade\n1. Gas route") == [
                "Agreements:", "- energy", "- trade", "1. Gas route"
            ])
    }

    @Test func hardWrappedLinesContinueTheSentence() {
        #expect(
            sentences("The leaders agreed to expand\ncooperation in energy. Talks end.") == [
                "The leaders agreed to expand\ncooperation in energy.", "Talks end."
            ])
    }

    @Test func ellipsisBeforeACapitalEndsTheSentence() {
        #expect(sentences("He paused... Then he spoke.") == ["He paused...", "Then he spoke."])
    }

    @Test func paragraphsAreBlankLineOrLineSeparated() {
        let doc = AnalyzedDocument("First para. Still first.\n\nSecond para.\nThird para.")
        #expect(doc.paragraphs.map { doc.text(of: $0) } == ["First para. Still first.", "Second para.", "Third para."])
        #expect(doc.sentences.map(\.paragraph) == [0, 0, 1, 2])
    }

    @Test func emptyAndWhitespaceDocuments() {
        #expect(AnalyzedDocument("").sentences.isEmpty)
        #expect(AnalyzedDocument(" \n\t ").tokens.isEmpty)
    }
}
