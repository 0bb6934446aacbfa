import AssayCore
import Testing

@testable import AssaySentiment

/// `Resources/sentiment_lexicon.tsv`, what the model loads instead of its text sources: it must be
/// what `assay train sentiment-lexicon` makes of them, and read back as the same entries.
@Suite struct CompiledLexiconTests {
    @Test func theBundledFileIsWhatTheCommandMakesOfTheTextResources() throws {
        let entries = try SentimentLexicon.entries(
            vader: ResourceFile.text("vader_lexicon.txt"), news: ResourceFile.text("news_lexicon.tsv"))
        let compiled = try ResourceFile.text(CompiledLexicon.resourceName)
        // On a mismatch: after editing vader_lexicon.txt or news_lexicon.tsv (or the word lists
        // of SentimentLexicon), run `assay train sentiment-lexicon --out Plugins/Sentiment/Resources/sentiment_lexicon.tsv`.
        #expect(CompiledLexicon.render(entries) == compiled)
    }

    @Test func readsBackTheEntriesItWrote() throws {
        let entries: [String: WordEntry] = [
            "fail to": WordEntry(valence: 0, role: .negator, factor: 1),
            "deeply": WordEntry(valence: 0, role: .modifier, factor: 1.4),
            "truce": WordEntry(valence: 2.5, role: .none, factor: 1),
            ":-)": WordEntry(valence: 1.3, role: .none, factor: 1),
            "tiny": WordEntry(valence: 1e-05, role: .none, factor: 1)
        ]
        let text = CompiledLexicon.render(entries)
        let read = try CompiledLexicon.parse(text)
        #expect(read.map(\.key) == entries.keys.sorted())
        for (key, entry) in read {
            #expect(entry.valence == entries[key]!.valence)
            #expect(entry.role == entries[key]!.role)
            #expect(entry.factor == entries[key]!.factor)
        }
        #expect(CompiledLexicon.render(Dictionary(uniqueKeysWithValues: read.map { ($0.key, $0.entry) })) == text)
    }

    @Test func aWrongHeaderAMalformedOrAnUnsortedLineIsAnError() {
        let header = "# \(CompiledLexicon.format)\n"
        #expect(throws: AssayError.self) { try CompiledLexicon.parse("truce\t2.5\t0\t1.0\n") }
        #expect(throws: AssayError.self) { try CompiledLexicon.parse(header + "truce\t2.5\t0\n") }
        #expect(throws: AssayError.self) { try CompiledLexicon.parse(header + "truce\tmuch\t0\t1.0\n") }
        #expect(throws: AssayError.self) { try CompiledLexicon.parse(header + "truce\t2.5\t9\t1.0\n") }
        #expect(throws: AssayError.self) { try CompiledLexicon.parse(header + "war\t-2\t0\t1.0\ntruce\t2.5\t0\t1.0\n") }
        #expect((try? CompiledLexicon.parse(header + "truce\t2.5\t0\t1.0\nwar\t-2\t0\t1.0\n"))?.count == 2)
    }

    @Test func theLexiconOfTheCompiledEntriesAnswersAsTheOneOfTheSources() throws {
        let weights: [String: Float] = ["truce": 0.25, "ceasefire talks": -0.5, "zzz": 0.125]
        let classWeights: [String: SIMD3<Float>] = ["truce": SIMD3(1, 2, 3), "qqq": SIMD3(-1, 0, 1)]
        let fromSources = try SentimentLexicon(
            vader: ResourceFile.text("vader_lexicon.txt"), news: ResourceFile.text("news_lexicon.tsv"),
            weights: weights, classWeights: classWeights)
        let compiled = try SentimentLexicon.compiled(weights: weights, classWeights: classWeights)
        for key in ["truce", "zzz", "qqq", "deeply", "failed to", "not", "plagued", "despite", "good", "unknownword"] {
            let a = fromSources[key], b = compiled[key]
            #expect(a?.valence == b?.valence, "\(key)")
            #expect(a?.role == b?.role, "\(key)")
            #expect(a?.factor == b?.factor, "\(key)")
            #expect(a?.weight == b?.weight, "\(key)")
            #expect(a?.positiveWeight == b?.positiveWeight, "\(key)")
        }
        #expect(fromSources.count == compiled.count)
    }
}
