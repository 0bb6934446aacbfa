import AssayCore
import Testing

struct TokenizerTests {
    func tokens(_ text: String) -> [String] {
        let doc = AnalyzedDocument(text)
        return doc.tokens.indices.map { doc.text(ofToken: $0) }
    }

    @Test func abbreviationsDecimalsAndClitics() {
        #expect(
            tokens("The U.S. said $244.9 billion. Russia's can't.") == [
                "The", "U.S.", "said", "$", "244.9", "billion", ".", "Russia", "'s", "ca", "n't", "."
            ])
    }

    @Test func curlyQuotesAndApostrophes() {
        #expect(
            tokens("“It’s a ‘new era,’ he said.”") == [
                "“", "It", "’s", "a", "‘", "new", "era", ",", "’", "he", "said", ".", "”"
            ])
    }

    @Test func numbersKeepTheirSeparators() {
        #expect(
            tokens("1,000 people, 5:30 p.m., 1/2 of -3 and 16.5%") == [
                "1,000", "people", ",", "5:30", "p.m.", ",", "1/2", "of", "-3", "and", "16.5", "%"
            ])
    }

    @Test func hyphenatedWordsStayWhole() {
        #expect(
            tokens("China-Russia ties, people-to-people, COVID-19") == [
                "China-Russia", "ties", ",", "people-to-people", ",", "COVID-19"
            ])
    }

    @Test func titlesAndInitialsKeepTheirPeriods() {
        #expect(tokens("Mr. J. Smith met Dr. Lee") == ["Mr.", "J.", "Smith", "met", "Dr.", "Lee"])
    }

    @Test func nonBreakingAndOtherUnicodeSpacesSeparateTokens() {
        #expect(tokens("Xi\u{00A0}Jinping\u{2009}met\u{202F}Putin") == ["Xi", "Jinping", "met", "Putin"])
    }

    @Test func ellipsesBracketsAndGuillemets() {
        #expect(tokens("(the talks...) «très bien»") == ["(", "the", "talks", "...", ")", "«", "très", "bien", "»"])
    }

    @Test func tokenKinds() {
        let doc = AnalyzedDocument("Price: $5, up 3%")
        #expect(
            doc.tokens.map(\.kind) == [.word, .punctuation, .symbol, .number, .punctuation, .word, .number, .symbol])
    }

    @Test func offsetsAreUnicodeScalarsAtTheEdge() {
        let doc = AnalyzedDocument("Ünïcödé — Putin")
        let putin = doc.tokens.last!
        #expect(doc.text(of: putin.span) == "Putin")
        #expect(doc.scalarOffset(ofByte: putin.span.start) == 10)
        #expect(doc.byteOffset(ofScalar: 10) == putin.span.start)
    }

    @Test func marksAroundOneWordStandAlone() {
        #expect(
            tokens("(Reuters) said, “We’re here.” J.) end") == [
                "(", "Reuters", ")", "said", ",", "“", "We", "’re", "here", ".", "”", "J.", ")", "end"
            ])
        #expect(
            tokens("Mr. Smith said no. 5% rose... (-3) café, U.S.) end.") == [
                "Mr.", "Smith", "said", "no", ".", "5", "%", "rose", "...", "(", "-3", ")", "café", ",", "U.S.", ")",
                "end", "."
            ])
        let doc = AnalyzedDocument("a\n(b), c")
        #expect(doc.tokens.map(\.lineStart) == [true, true, false, false, false, false])
        #expect(doc.tokens.map(\.spaceBefore) == [true, true, false, false, false, true])
        #expect(doc.tokens.map(\.kind) == [.word, .punctuation, .word, .punctuation, .punctuation, .word])
    }

    @Test func lineStartsAndSpacing() {
        let doc = AnalyzedDocument("Headline\n\nBody text.")
        #expect(doc.tokens.map(\.lineStart) == [true, true, false, false])
        #expect(doc.tokens.map(\.spaceBefore) == [true, true, true, false])
    }
}

struct ScalarOffsetTests {
    @Test func byteAndScalarOffsetsRoundTripAcrossCheckpoints() {
        let text = String(repeating: "Ünï “quoted” 北京 ok. ", count: 40)
        let doc = AnalyzedDocument(text)
        let scalars = Array(text.unicodeScalars)
        var byte = 0
        for (i, s) in scalars.enumerated() {
            #expect(doc.scalarOffset(ofByte: byte) == i)
            #expect(doc.byteOffset(ofScalar: i) == byte)
            byte += String(s).utf8.count
        }
        #expect(doc.scalarOffset(ofByte: byte) == scalars.count)
        #expect(doc.byteOffset(ofScalar: scalars.count) == byte)
    }
}
