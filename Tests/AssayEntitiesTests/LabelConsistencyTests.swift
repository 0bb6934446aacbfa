import AssayCore
import Testing

@testable import AssayEntities

/// The mentions of one spelling in a document take the label their summed scores support best.
struct LabelConsistencyTests {
    /// Mentions of every unit spelled `word` in `text`, labelled in turn by `labels`, and lanes
    /// that score each unit `scores[label]` for a one-unit name of that label.
    private func unified(_ text: String, _ word: String, _ labels: [EntityLabel], _ scores: [[EntityLabel: Float]])
        -> [EntityLabel]
    {
        let doc = AnalyzedDocument(text)
        let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
        let extractor = FeatureExtractor(gazetteer: Gazetteer(), bucketBits: 12)
        let casing = extractor.casing(units, profiles: extractor.profiles(doc, units))
        let hits = units.spans.indices.filter { doc.text(of: units.spans[$0]) == word }
        var lanes = Viterbi.LaneEmissions()
        lanes.outside = [Float](repeating: 0, count: units.count)
        lanes.open = [SIMD8<Float>](repeating: .zero, count: units.count)
        lanes.continue = [SIMD8<Float>](repeating: .zero, count: units.count)
        for (k, u) in hits.enumerated() {
            for (label, s) in scores[k] { lanes.open[u][2 * label.tagIndex + 1] = s }
        }
        var mentions = zip(hits, labels).map { Mention(span: units.spans[$0], label: $1) }
        LabelConsistency.unify(&mentions, units: units, lanes: lanes, casing: casing, utf8: doc.utf8)
        return mentions.map(\.label)
    }

    @Test func theBestSupportedLabelWins() {
        // One mention leans ORG a little, the other PERSON a lot.
        #expect(
            unified(
                "Brandt won the final easily. Then Brandt said it was hard.", "Brandt", [.org, .person],
                [[.org: 2, .person: 1], [.org: -3, .person: 4]]) == [.person, .person])
        #expect(
            unified(
                "Brandt won the final easily. Then Brandt said it was hard.", "Brandt", [.org, .person],
                [[.org: 5, .person: 1], [.org: 1, .person: 2]]) == [.org, .org])
    }

    @Test func allCapsLinesKeepTheirOwnLabel() {
        #expect(
            unified(
                "CHICAGO 1996-08-22\nThe game ended when Chicago scored late in the game.", "CHICAGO", [.loc],
                [[.loc: 1]]) == [.loc])
        #expect(
            unified(
                "BRANDT WINS THE FINAL AT LAST\nThe crowd cheered as Brandt said she was tired.\nBRANDT", "BRANDT",
                [.org, .person], [[.org: 9], [.person: 1]]) == [.org, .person])
    }
}
