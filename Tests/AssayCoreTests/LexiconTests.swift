import AssayCore
import Testing

struct LexiconTests {
    @Test func matchesLongestPhraseIgnoringCase() {
        let lex = Lexicon<Int>([("united nations", 1), ("united", 2), ("security council", 3)])
        let doc = AnalyzedDocument("The United Nations Security Council and the united front")
        let m = lex.matches(in: doc, tokens: 0..<doc.tokens.count)
        #expect(m.map(\.payload) == [1, 3, 2])
        #expect(m.map(\.tokens) == [1..<3, 3..<5, 7..<8])
    }

    @Test func aPhrasePrefixIsNoMatchOfItsOwn() {
        // "new york stock exchange" starts with "new york", which is not an entry.
        let lex = Lexicon<Int>([("new york stock exchange", 1), ("new", 2)])
        let doc = AnalyzedDocument("New York police and the New York Stock Exchange")
        #expect(lex.matches(in: doc, tokens: 0..<doc.tokens.count).map(\.payload) == [2, 1])
        #expect(lex.match(in: doc, at: 0)?.length == 1)
    }

    @Test func stopsAtTheLimit() {
        let lex = Lexicon<Int>([("security council", 3), ("security", 4)])
        let doc = AnalyzedDocument("the Security Council met")
        #expect(lex.match(in: doc, at: 1, limit: 2)?.payload == 4)
        #expect(lex.match(in: doc, at: 1)?.payload == 3)
        #expect(lex.match(in: doc, at: 4) == nil)
    }

    @Test func lowercasesNonASCIIWords() {
        let lex = Lexicon<String>([("élysée palace", "place"), ("çà", "word")])
        let doc = AnalyzedDocument("At the ÉLYSÉE Palace, Çà")
        let m = lex.matches(in: doc, tokens: 0..<doc.tokens.count)
        #expect(m.map(\.payload) == ["place", "word"])
        #expect(lex["Élysée PALACE"] == "place")
    }

    @Test func insertingAgainReplacesThePayload() {
        var lex = Lexicon<Int>([("peace talks", 1)])
        lex.insert("Peace  Talks", 5)
        #expect(lex.count == 1)
        #expect(lex["peace talks"] == 5)
        let doc = AnalyzedDocument("peace talks")
        #expect(lex.match(in: doc, at: 0)?.payload == 5)
        #expect(!lex.contains("peace"))
    }

    @Test func aLargeLexiconFindsEveryEntryAndNothingElse() {
        // Thousands of entries: the table grows many times over, and the filter in front of it
        // must keep every stored word while answering absent words.
        let words = (0..<5000).map { "w\($0)x" }
        let lex = Lexicon<Int>(words.enumerated().map { ($1, $0) } + [("w8x w7x", -1)])
        let doc = AnalyzedDocument(words.joined(separator: " ") + " w5000x wx W42X w8x w7x")
        let m = lex.matches(in: doc, tokens: 0..<doc.tokens.count)
        #expect(m.count == 5000 + 2)
        #expect(m.prefix(5000).map(\.payload).elementsEqual(0..<5000))
        #expect(m.suffix(2).map(\.payload) == [42, -1])
        #expect(m.last?.tokens.count == 2)
    }

    @Test func wordsThatOnlyShareAHashPrefixDoNotMatch() {
        // Same first bytes, other lengths: the stored bytes decide, not the hash alone.
        let lex = Lexicon<Int>([("sanction", 1), ("sanctions regime", 2)])
        let doc = AnalyzedDocument("sanctions sanction sanctionsregime")
        #expect(lex.matches(in: doc, tokens: 0..<doc.tokens.count).map(\.tokens) == [1..<2])
    }

    @Test func givesTheWordsOfItsPhrasesAsStored() {
        // A one-word entry and a word that only starts a phrase are not phrases.
        let lex = Lexicon<Int>([("Failed  To", 1), ("in spite of", 2), ("peace", 3), ("failed", 4)])
        let phrases = lex.wordsOfPhrases.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
        #expect(phrases == [["failed", "to"], ["in", "spite", "of"]])
        #expect(Lexicon<Int>([("peace", 3)]).wordsOfPhrases.isEmpty)
    }

    @Test func findsEveryEntryByTextAfterGrowing() {
        // Built one insert at a time, so the slots are placed again several times.
        var lex = Lexicon<Int>()
        for k in 0..<300 { lex.insert("Word\(k) Of \(k)", k) }
        #expect(lex.count == 300)
        for k in 0..<300 { #expect(lex["word\(k) of \(k)"] == k) }
        #expect(lex["word1"] == nil)
        #expect(!lex.contains("word1 of 2"))
    }
}
