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
        let spellings = doc.utf8.withUnsafeBufferPointer { TokenSpellings(utf8: $0, spans: units.spans) }
        LabelConsistency.unify(
            &mentions, units: units, spellings: spellings, lanes: lanes, casing: casing, utf8: doc.utf8)
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

/// What a document's other mentions say about a mention: a surname takes the person's label,
/// and a name found once is found where the document spells it again.
struct DocumentNameTests {
    /// The mentions after ``LabelConsistency/unify`` of `text` with `given` (each the first
    /// occurrence of its text after the previous one's, and its label), with flat scores.
    private func unified(_ text: String, _ given: [(String, EntityLabel)]) -> [String] {
        let doc = AnalyzedDocument(text)
        let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
        let extractor = FeatureExtractor(gazetteer: Gazetteer(), bucketBits: 12)
        let casing = extractor.casing(units, profiles: extractor.profiles(doc, units))
        var lanes = Viterbi.LaneEmissions()
        lanes.outside = [Float](repeating: 0, count: units.count)
        lanes.open = [SIMD8<Float>](repeating: .zero, count: units.count)
        lanes.continue = [SIMD8<Float>](repeating: .zero, count: units.count)
        var mentions = zip(spans(of: given.map(\.0), inOrderIn: text), given).map { Mention(span: $0, label: $1.1) }
        let spellings = doc.utf8.withUnsafeBufferPointer { TokenSpellings(utf8: $0, spans: units.spans) }
        LabelConsistency.unify(
            &mentions, units: units, spellings: spellings, lanes: lanes, casing: casing, utf8: doc.utf8)
        return mentions.map { "\(doc.text(of: $0.span)) \($0.label.rawValue)" }
    }

    @Test func aSurnameTakesThePersonsLabel() {
        #expect(
            unified(
                "George Russell drove for Mercedes. Russell may be back in a Williams next week.",
                [("George Russell", .person), ("Mercedes", .org), ("Russell", .org), ("Williams", .org)])
                == ["George Russell PERSON", "Mercedes ORG", "Russell PERSON", "Williams ORG"])
        // A word that also begins an organisation's name says nothing; a place keeps its label.
        #expect(
            unified(
                "Gerald Ford met Ford Motor chiefs. Ford said so. Jack London left London.",
                [
                    ("Gerald Ford", .person), ("Ford Motor", .org), ("Ford", .org), ("Jack London", .person),
                    ("London", .loc)
                ]) == ["Gerald Ford PERSON", "Ford Motor ORG", "Ford ORG", "Jack London PERSON", "London LOC"])
    }

    @Test func aNameFoundOnceIsFoundWhereverItIsSpeltAgain() {
        #expect(
            unified(
                "Lenders made a bid for Countrywide on Monday. Later Countrywide shares rose, and Super Tuesday came after Super Tuesday.",
                [("Countrywide", .org), ("Super Tuesday", .misc)])
                == ["Countrywide ORG", "Countrywide ORG", "Super Tuesday MISC", "Super Tuesday MISC"])
    }

    @Test func aNameIsNotFoundInsideLongerNamesCompoundsOrOrdinaryWords() {
        // Beside another capitalised word, or joined by a hyphen: part of a longer name.
        #expect(
            unified(
                "Apex said no on Monday. Then Apex Ventures and K-Apex spoke, and Apex fell.", [("Apex", .org)])
                == ["Apex ORG", "Apex ORG"])
        // A word the document also writes in lower case.
        #expect(
            unified("State said no on Monday. Then the state and State spoke.", [("State", .org)]) == ["State ORG"])
    }

    @Test func aNameTheTaggerMostlyPassedByIsNotFoundAgain() {
        #expect(
            unified("Smith came in July on a visit. In July it rained, and July was hot.", [("July", .person)])
                == ["July PERSON"])
    }
}

/// A one-word "person" that the document never introduces, and the unlabelled news never had,
/// is an organisation named alone.
struct UnintroducedPersonTests {
    /// The labels of `given` (each the first occurrence of its text after the previous one's)
    /// after ``LabelConsistency/unify`` with the shipped gazetteer and word clusters.
    private func unified(_ text: String, _ given: [(String, EntityLabel)]) throws -> [String] {
        let doc = AnalyzedDocument(text)
        let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
        let sections = try EntityRecognizer.gazetteerSections.get()
        let extractor = FeatureExtractor(
            gazetteer: Gazetteer(sections: sections), clusters: try EntityRecognizer.wordClusters.get(),
            bucketBits: 12)
        let spellings = doc.utf8.withUnsafeBufferPointer { TokenSpellings(utf8: $0, spans: units.spans) }
        let profiles = doc.utf8.withUnsafeBufferPointer { b in
            TypedProfiles(spellings, profiles: spellings.spans.map { extractor.profile(b, $0.start, $0.end) })
        }
        let casing = extractor.casing(units, profiles: profiles)
        var lanes = Viterbi.LaneEmissions()
        lanes.outside = [Float](repeating: 0, count: units.count)
        lanes.open = [SIMD8<Float>](repeating: .zero, count: units.count)
        lanes.continue = [SIMD8<Float>](repeating: .zero, count: units.count)
        var mentions = zip(spans(of: given.map(\.0), inOrderIn: text), given).map { Mention(span: $0, label: $1.1) }
        LabelConsistency.unify(
            &mentions, units: units, spellings: spellings, lanes: lanes, casing: casing,
            gazetteer: extractor.gazetteerMatches(units, profiles: profiles), profiles: profiles, utf8: doc.utf8)
        return mentions.map { "\(doc.text(of: $0.span)) \($0.label.rawValue)" }
    }

    @Test func aNewNameNeverIntroducedIsAnOrganisation() throws {
        #expect(
            try unified(
                "Health regulator Zorvexa approved it on Monday. Zorvexa said it would act.",
                [("Zorvexa", .person), ("Zorvexa", .person)]) == ["Zorvexa ORG", "Zorvexa ORG"])
    }

    @Test func aPersonIntroducedByFullNameTitleOrFirstNameStaysAPerson() throws {
        #expect(
            try unified(
                "Maria Zorvexa spoke on Monday. Zorvexa said it would act, and Zorvexa left.",
                [("Maria Zorvexa", .person), ("Zorvexa", .person), ("Zorvexa", .person)])
                == ["Maria Zorvexa PERSON", "Zorvexa PERSON", "Zorvexa PERSON"])
        #expect(
            try unified(
                "President Zorvexa spoke on Monday. Zorvexa said it would act.",
                [("Zorvexa", .person), ("Zorvexa", .person)]) == ["Zorvexa PERSON", "Zorvexa PERSON"])
        #expect(
            try unified(
                "The winner was Mary Zorvexa on Monday. Zorvexa said it was hard.",
                [("Zorvexa", .person), ("Zorvexa", .person)]) == ["Zorvexa PERSON", "Zorvexa PERSON"])
        // A person's age after the name.
        #expect(
            try unified(
                "Zorvexa, 24, won again on Thursday. Zorvexa said it was hard.",
                [("Zorvexa", .person), ("Zorvexa", .person)]) == ["Zorvexa PERSON", "Zorvexa PERSON"])
    }

    @Test func aNameMentionedOnceOrKnownFromTheNewsStaysAPerson() throws {
        #expect(try unified("Zorvexa said it would act on Monday.", [("Zorvexa", .person)]) == ["Zorvexa PERSON"])
        // "Trump" alone is a well-known person in the news the word clusters were learnt from.
        #expect(
            try unified(
                "Trump spoke on Monday. Trump said it would act.", [("Trump", .person), ("Trump", .person)])
                == ["Trump PERSON", "Trump PERSON"])
    }
}
