import AssayCore
import Testing

@testable import AssayEntities

/// The word clusters resource format and its case fallback, and the document contexts the
/// tagger aggregates per name.
struct WordClustersTests {
    private func profile(_ word: String) -> UnitProfile {
        Array(word.utf8).withUnsafeBufferPointer { UnitProfile($0, 0, $0.count) }
    }

    @Test func clustersArePackedAndUnlistedCasingsFallBackToTheCommonestSpelling() {
        let text = """
            # comment line 1 2
            Milan 12 3
            milan 40 5
            said 7 2
            broken 300 1
            nofields
            """
        let clusters = WordClusters(utf8: Array(text.utf8))
        #expect(clusters.count == 3)
        #expect(clusters.labelled(profile("Milan")).cluster == 3 << 8 | 12)
        #expect(clusters.labelled(profile("milan")).cluster == 5 << 8 | 40)
        // Not listed as written: the first (commonest) listed spelling with its letters.
        #expect(clusters.labelled(profile("MILAN")).cluster == 3 << 8 | 12)
        #expect(clusters.labelled(profile("SAID")).fineCluster == 7)
        #expect(clusters.labelled(profile("Rome")).cluster == 0)
        #expect(clusters.labelled(profile("broken")).cluster == 0)
    }

    @Test func theShippedClustersAreLoaded() throws {
        let clusters = try EntityRecognizer.wordClusters.get()
        #expect(clusters.count > 10_000)
        #expect(clusters.labelled(profile("the")).cluster != 0)
    }

    @Test func everyMentionOfANameSharesTheContextsOfAll() {
        let doc = AnalyzedDocument(
            "The bid for Countrywide rose.\nCountrywide shares jumped.\nCOUNTRYWIDE TO REVIEW OFFER")
        let extractor = FeatureExtractor(gazetteer: Gazetteer(), bucketBits: 12)
        let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
        let profiles = extractor.profiles(doc, units)
        let names = extractor.casing(units, profiles: profiles).names
        guard let e = names.entry(profile("countrywide").lower) else {
            Issue.record("no contexts for Countrywide")
            return
        }
        let before = Set(names.contexts(e).map { names.before[$0] }.filter { $0 != 0 })
        let after = Set(names.contexts(e).map { names.after[$0] }.filter { $0 != 0 })
        // "for", the sentence start (twice, once), and the headline's start; "rose", "shares", "to".
        #expect(before == [profile("for").lower, FeatureExtractor.boundary.lower])
        #expect(after == [profile("rose").lower, profile("shares").lower, profile("to").lower])
        // A lower-case word gets none.
        #expect(names.entry(profile("shares").lower) == nil)
    }
}
