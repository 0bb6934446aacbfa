import AssayCore
import Testing

@testable import AssayNumbers

/// Building every table once catches a malformed entry before it can fail at run time.
@Suite struct VocabularyTests {
    @Test func tablesBuild() {
        #expect(NumberWords.table.count > 60)
        #expect(CurrencyTable.names.count > 50)
        #expect(CurrencyTable.adjectives.count > 50)
        #expect(CurrencyTable.codeKeys.count == CurrencyTable.codes.count)
        #expect(ModifierWords.lexicon.count == ModifierWords.phrases.count)
        #expect(CalendarWords.months.count >= 24)
        #expect(NumberVocabulary.lists.count == NumberWordClass.allCases.count)
    }

    /// The core rejects a word listed twice in a class and a phrase in a single-word class.
    @Test func wordClassesHaveNoDuplicatesOrPhrases() throws {
        _ = try WordClasses<NumberWordClass>(NumberVocabulary.lists)
    }

    /// The look-up by token answers what the declared classes answer, for every listed word.
    @Test func classesByTokenMatchTheDeclaration() throws {
        let classes = try WordClasses<NumberWordClass>(NumberVocabulary.lists)
        for word in Set(NumberVocabulary.lists.values.joined()) {
            #expect(NumberVocabulary.byToken[word] == classes.classes(of: word), "\(word)")
        }
    }

    /// The shape filter in front of the look-ups lets every word a number can start with through.
    @Test func startFilterPassesEveryStartWord() {
        let filter = NumberStartFilter.shared
        for word in NumberVocabulary.lists[.numberStart, default: []] + NumberVocabulary.lists[.webPrefix, default: []]
        {
            var text = word.prefix(1).uppercased() + word.dropFirst()
            let passes = text.withUTF8 { filter.mayStartNumber($0, 0, $0.count) }
            #expect(passes, "\(word)")
        }
        var hyphenated = "twenty-five"
        #expect(hyphenated.withUTF8 { filter.mayStartNumber($0, 0, $0.count) })
        var plain = "government"
        #expect(!plain.withUTF8 { filter.mayStartNumber($0, 0, $0.count) })
    }

    @Test func tokenWordsFoldCaseAndKeepTheVocabularyAlphabet() {
        let document = AnalyzedDocument("Twenty U.S. café a_b PERCENTAGE-POINT")
        document.withTokenView(0..<document.tokens.count) { v in
            #expect(v.isWord(0, "twenty"))
            #expect(v.isVocabularyWord(0) && v.isVocabularyWord(1))
            #expect(v.vocabularyText(1) == "u.s.")
            #expect(!v.isVocabularyWord(2) && !v.isVocabularyWord(3))
            #expect(v.isWord(4, "percentage-point") && v.vocabularyText(4) == "percentage-point")
            #expect(v.numberWord(0) == .tens(20))
        }
    }
}
