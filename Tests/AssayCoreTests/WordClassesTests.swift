import AssayCore
import Testing

@Suite struct WordClassesTests {
    enum QuoteWord: Int, CaseIterable { case title, determiner, speechVerb }

    private static func classes() throws -> WordClasses<QuoteWord> {
        try WordClasses<QuoteWord>([
            .title: ["president", "Minister", "sen.", "président", "undersecretary-general"],
            .determiner: ["the", "a", "an"],
            .speechVerb: ["said", "told", "a"]
        ])
    }

    @Test func flagsEveryTokenByItsType() throws {
        let document = AnalyzedDocument(
            "The President SAID a minister told Sen. Smith; Président undersecretary-general")
        let flags = try Self.classes().flags(for: document.tokenTypes)
        let found = document.tokens.indices.map { i in
            QuoteWord.allCases.filter { flags.contains($0, token: i) }
        }
        #expect(
            found == [
                [.determiner], [.title], [.speechVerb], [.determiner, .speechVerb], [.title], [.speechVerb], [.title],
                [], [], [.title], [.title]
            ])
        #expect(flags.containsAny([.title, .speechVerb], token: 2))
        #expect(!flags.containsAny([.title, .determiner], token: 2))
        #expect(
            flags.classes(token: 3) == WordClasses<QuoteWord>.bit(.determiner) | WordClasses<QuoteWord>.bit(.speechVerb)
        )
    }

    @Test func answersForAString() throws {
        let classes = try Self.classes()
        #expect(classes.contains(.title, word: "PRESIDENT"))
        #expect(classes.contains(.title, word: "PRÉSIDENT"))
        #expect(classes.contains(.title, word: "Undersecretary-General"))
        #expect(!classes.contains(.title, word: "said"))
        #expect(classes.classes(of: "nothing") == 0)
    }

    @Test func rejectsAWordListedTwiceInOneClass() {
        #expect(throws: WordListError(.duplicate, word: "The", wordClass: "determiner")) {
            try WordClasses<QuoteWord>([.determiner: ["the", "a", "The"]])
        }
        #expect(throws: WordListError(.duplicate, word: "présidente", wordClass: "title")) {
            try WordClasses<QuoteWord>([.title: ["présidente", "président", "présidente"]])
        }
    }

    @Test func rejectsAPhraseOrAnEmptyEntry() {
        #expect(throws: WordListError(.notASingleWord, word: "in turn", wordClass: "speechVerb")) {
            try WordClasses<QuoteWord>([.speechVerb: ["said", "in turn"]])
        }
        #expect(throws: WordListError(.notASingleWord, word: "", wordClass: "title")) {
            try WordClasses<QuoteWord>([.title: [""]])
        }
    }

    @Test func rejectsAClassBeyondSixtyFourBits() throws {
        enum Wide: Int { case fine = 63, tooWide = 64 }
        #expect(throws: WordListError.self) { try WordClasses<Wide>([.tooWide: ["x"]]) }
        let fine = try WordClasses<Wide>([.fine: ["x"]])
        #expect(fine.contains(.fine, word: "X"))
    }
}
