import AssayCore
import Testing

@testable import AssaySentiment

/// The lexicon-and-rules layer, before the fitted weights: each rule moves the valence total
/// the way a news reader expects.
@Suite struct RuleEngineTests {
    let engine = RuleEngine(lexicon: SentimentLexicon.bundled)

    func analysis(_ text: String) -> RuleAnalysis {
        let doc = AnalyzedDocument(text)
        return engine.analyze(doc, tokens: 0..<doc.tokens.count)
    }

    func total(_ text: String) -> Float { analysis(text).total }

    /// The regular forms a lexicon word lends its valence to, and the words that lend none.
    @Test(arguments: [
        ("hope", ["hopes", "hoped", "hoping", "hopely"]), ("trouble", ["troubled", "troubling", "troubly"]),
        ("worry", ["worries", "worried", "worrying", "worrily"]),
        ("destroy", ["destroys", "destroyed", "destroying", "destroyly"]),
        ("crash", ["crashes", "crashed", "crashing", "crashly"]), ("fix", ["fixes", "fixed", "fixing", "fixly"]),
        ("Kind", ["Kinds", "Kinded", "Kinding", "Kindly"]), ("fine", ["fined", "fining", "finely"]),
        ("hurts", []), ("ended", []), ("willing", []), ("badly", []), ("ok", []), ("well-off", []), ("café", [])
    ])
    func lexiconWordsLendTheirValenceToRegularForms(_ word: String, _ forms: [String]) {
        #expect(SentimentLexicon.inflections(of: word) == forms)
    }

    @Test func negationFlipsTheNextSentimentWord() {
        #expect(total("The region is stable.") > 0)
        #expect(total("The region is not stable.") < 0)
        #expect(total("The two sides agreed on a plan.") > 0)
        #expect(total("The two sides never agreed on a plan.") < 0)
        #expect(total("The negotiators made progress.") > 0)
        #expect(total("The negotiators made no progress.") < 0)
        // The contraction is split into "did" + "n't" by the tokeniser and still negates.
        #expect(total("The talks didn't help.") < 0)
    }

    @Test func negationStopsAtClauseBreaks() {
        // "not" is in the first clause; "welcomed" in the second keeps its sign.
        #expect(total("It was not over, and the move was welcomed.") > 0)
    }

    @Test func notOnlyIsNotANegation() {
        #expect(total("The deal was not only fair but generous.") > 0)
    }

    @Test func intensifiersAndHedgesScale() {
        let plain = total("Officials were concerned.")
        #expect(plain < 0)
        #expect(total("Officials were deeply concerned.") < plain)
        #expect(total("Officials were slightly concerned.") > plain)
        #expect(total("The economy barely improved.") < total("The economy improved."))
        #expect(total("The economy barely improved.") > 0)
    }

    @Test func clauseAfterButWeighsMore() {
        // Equal and opposite words: the side after "but" wins.
        #expect(total("The talks were friendly but the outcome was bad.") < 0)
        #expect(total("The outcome was bad but the talks were friendly.") > 0)
    }

    @Test func concessionClauseWeighsLess() {
        #expect(total("Despite the ceasefire, strikes continued.") < 0)
        #expect(total("Strikes continued despite the ceasefire.") < 0)
        #expect(total("Although the talks were tense, the summit was a success.") > 0)
        // Seed article sentence.
        #expect(
            total("Despite the ceasefire, reports of Russian airstrikes over Ukrainian territory have emerged.") < 0)
    }

    @Test func conflictAndDiplomacyVocabulary() {
        for word in ["condemned", "sanctions", "invasion", "airstrikes", "casualties", "atrocities"] {
            #expect(total("The \(word) dominated the day.") < 0, "\(word)")
        }
        for word in ["ceasefire", "friendly", "productive", "cooperation", "breakthrough"] {
            #expect(total("The \(word) dominated the day.") > 0, "\(word)")
        }
    }

    @Test func multiWordExpressions() {
        // "United" and "Supreme" are positive words, but not in these names.
        #expect(analysis("The United Nations met the Supreme Court.").hits.isEmpty)
        #expect(total("The peace talks resumed.") > 0)
        #expect(total("Investigators documented war crimes.") < total("Investigators documented crimes."))
        // VADER's own phrase entries match across the tokeniser's split of "can't".
        #expect(total("Voters can't stand him.") < 0)
    }

    @Test func reducersAndUnderminersReverseTheirObject() {
        #expect(total("The program will reduce poverty.") > 0)
        #expect(total("The measure helped prevent attacks.") > 0)
        #expect(total("The scandal undermined confidence.") < 0)
        // Negating a reducer cancels it: the problem stays a problem.
        #expect(total("The program did not reduce poverty.") < 0)
    }

    @Test func wordsInsideNamesCarryNoSentiment() {
        // "Improvement" inside a proper name, not at the sentence start.
        let text = "The money will go to the Union Square Business Improvement District next year."
        let doc = AnalyzedDocument(text)
        #expect(engine.analyze(doc, tokens: 0..<doc.tokens.count).hits.isEmpty)
        #expect(total("The money will go to an improvement district next year.") > 0)
        // Sentence-initial capitals are ordinary words.
        #expect(total("Good news arrived.") > 0)
    }

    @Test func hitsRecordWhichRulesApplied() {
        let a = analysis("Despite the ceasefire, strikes were not stable.")
        let notes = a.hits.flatMap(\.notes).joined(separator: "; ")
        #expect(notes.contains("conceded by 'despite'"))
        #expect(notes.contains("negated by 'not'"))
    }

    @Test func trainingKeysCoverEveryWordUnit() {
        let doc = AnalyzedDocument("The United Nations condemned it.")
        let a = engine.analyze(doc, tokens: 0..<doc.tokens.count, collectKeys: true)
        #expect(a.keys == ["the", "united nations", "condemned", "it"])
    }
}

/// VADER's file format as the lexicon reads it at startup.
@Suite struct VaderLexiconFileTests {
    @Test func readsTheWordAndMeanOfEachLineWhateverTheLineEndings() throws {
        let parsed = try VaderLexiconFile.parse("good\t1.9\t0.9\t[2, 2]\r\n\n:-(\t-1.5\t0.5\t[-1]\nbad\t-2.5")
        #expect(parsed.map(\.0) == ["good", ":-(", "bad"])
        #expect(parsed.map(\.1) == [1.9, -1.5, -2.5])
    }

    @Test func aLineWithoutAMeanIsAnError() {
        #expect(throws: AssayError.self) { try VaderLexiconFile.parse("good\t1.9\nbad") }
        #expect(throws: AssayError.self) { try VaderLexiconFile.parse("good\tmuch") }
    }
}

/// The news vocabulary's format (`forms<TAB>valence`) as the lexicon reads it at startup.
@Suite struct NewsLexiconFileTests {
    @Test func readsEachFormWithItsValenceAndSkipsCommentsAndBlankLines() throws {
        let news = "# a comment\tnot an entry\n\n  \npeace deal,Truce\t 2.5 \r\nrout\t-1.5\n"
        let lexicon = try SentimentLexicon(vader: "", news: news)
        #expect(lexicon["peace deal"]?.valence == 2.5)
        #expect(lexicon["truce"]?.valence == 2.5)
        #expect(lexicon["rout"]?.valence == -1.5)
        #expect(lexicon["# a comment"] == nil)
        #expect(lexicon.packedWords[PackedWord("peace")!]?.parts == .first)
        #expect(lexicon.packedWords[PackedWord("deal")!]?.parts == .second)
        #expect(lexicon.packedWords[PackedWord("truce")!]?.entry?.valence == 2.5)
    }

    @Test func aLineWithoutOneValenceIsAnError() {
        #expect(throws: AssayError.self) { try SentimentLexicon(vader: "", news: "truce\tmuch\n") }
        #expect(throws: AssayError.self) { try SentimentLexicon(vader: "", news: "truce\t1\t2\n") }
        #expect(throws: AssayError.self) { try SentimentLexicon(vader: "", news: "truce\n") }
    }
}
