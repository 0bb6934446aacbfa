import AssayCore
import Testing

@testable import AssaySentiment

/// The per-type lexicon table finds at every token what the lexicon finds there, phrases included.
@Suite struct DocumentWordsTests {
    let lexicon = SentimentModel.bundled.engine.lexicon
    /// One core ``Lexicon`` of every entry, as the model's lexicon answers each key: the sentiment
    /// lexicon keeps the words that pack apart from its ``SentimentLexicon/words``.
    let reference: Lexicon<WordEntry> = {
        let model = SentimentModel.bundled
        let keys = Set(
            (try! CompiledLexicon.bundled()).map(\.key) + model.file.ngrams.keys + model.file.classifier.ngrams.keys)
        return Lexicon(keys.sorted().map { ($0, model.engine.lexicon[$0]!) })
    }()

    @Test func everyTokenFindsWhatTheLexiconFinds() {
        let text = """
            A bit of progress, a little hope: Kind of good, sort of bad. In spite of that, IN SPITE OF it, \
            in spite, in. She failed to act and Failed To win; he fails to. A, bit. Even though it hurt, \
            as well as at last. The United States and the united front. Résumé naïve CAFÉ \
            internationalization-wise extraordinarily-long-hyphenated words can't stand fed up screwed up a
            """
        let document = AnalyzedDocument(text)
        // Without token types every token asks the lexicon; with them (made by another
        // extractor) the table answers.
        let byToken = DocumentWords(document, lexicon: lexicon)
        #expect(byToken.types == nil)
        _ = document.tokenTypes
        let byType = DocumentWords(document, lexicon: lexicon)
        #expect(byType.types != nil)
        var phrases = 0
        for words in [byToken, byType] {
            for limit in [document.tokens.count, document.tokens.count - 1] {
                for i in 0..<limit {
                    let expected = reference.match(in: document, at: i, limit: limit)
                    let found = words.match(atToken: i, limit: limit)
                    #expect(found?.length == expected?.length, "token \(i) '\(document.text(ofToken: i))'")
                    #expect(found?.payload.valence == expected?.payload.valence)
                    #expect(found?.payload.role == expected?.payload.role)
                    #expect(found?.payload.weight == expected?.payload.weight)
                    if let n = expected?.length, n > 1 { phrases += 1 }
                }
            }
        }
        // The text holds multi-word entries, so phrases were matched, not only single words.
        #expect(phrases >= 20)
    }
}
