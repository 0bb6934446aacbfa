import AssayCore
import Testing

@testable import AssayEntities

/// The span rules after tagging, tested on hand-made tags so that each rule is checked on its
/// own, whatever the shipped model happens to tag.
struct MentionBoundaryTests {
    let boundaries: MentionBoundaries = {
        let sections = try! EntityRecognizer.gazetteerSections.get()
        return MentionBoundaries(gazetteer: Gazetteer(sections: sections), sections: sections)
    }()

    /// The mentions the rules make of `text` when the tagger tags each of `tagged` (the first
    /// occurrence of the phrase) with its label.
    private func mentions(_ text: String, _ tagged: [(String, EntityLabel)]) -> [String] {
        let doc = AnalyzedDocument(text)
        let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
        let extractor = FeatureExtractor(gazetteer: boundaries.gazetteer, bucketBits: 12)
        let profiles = extractor.profiles(doc, units)
        let casing = extractor.casing(units, profiles: profiles)
        var tags = [Int](repeating: BILOU.outside, count: units.count)
        for (phrase, label) in tagged {
            let span = doc.span(of: text.range(of: phrase)!)
            let inside = units.spans.indices.filter {
                units.spans[$0].start >= span.start && units.spans[$0].end <= span.end
            }
            for (k, t) in BILOU.tags(for: label, length: inside.count).enumerated() { tags[inside[k]] = t }
        }
        return boundaries.mentions(tags: tags, units: units, profiles: profiles, casing: casing, utf8: doc.utf8)
            .map { "\(doc.text(of: $0.span))/\($0.label.rawValue)" }
    }

    // MARK: Names that end in a number

    @Test func namesKeepTheNumberThatEndsThem() {
        #expect(
            mentions("The Power of Siberia 2 pipeline will carry gas.", [("Power of Siberia", .org)]) == [
                "Power of Siberia 2/ORG"
            ])
        #expect(mentions("Work on Nord Stream 2 was halted.", [("Nord Stream", .misc)]) == ["Nord Stream 2/MISC"])
        #expect(mentions("Apollo 11 landed on the Moon.", [("Apollo", .misc)]) == ["Apollo 11/MISC"])
        #expect(mentions("He won the Formula 1 race in Monaco.", [("Formula", .org)]) == ["Formula 1/ORG"])
        #expect(
            mentions("Russia Launches Power of Siberia 2", [("Power of Siberia", .org)]) == ["Power of Siberia 2/ORG"])
        #expect(mentions("Germany halted Nord Stream 2.", [("Nord Stream", .org)]) == ["Nord Stream 2/ORG"])
    }

    @Test func quantitiesScoresAndPeopleDoNotTakeTheNumber() {
        #expect(mentions("Gazprom 2 years ago said it would grow.", [("Gazprom", .org)]) == ["Gazprom/ORG"])
        #expect(mentions("Shares in Siemens 10 percent higher.", [("Siemens", .org)]) == ["Siemens/ORG"])
        #expect(
            mentions("It was fought at Borodino 70 miles west of Moscow.", [("Borodino", .org)]) == ["Borodino/ORG"])
        #expect(
            mentions("Bahia 2 Atletico Paranaense 0", [("Atletico Paranaense", .org)]) == ["Atletico Paranaense/ORG"])
        #expect(mentions("Wigan 42 Bradford Bulls 36", [("Bradford Bulls", .org)]) == ["Bradford Bulls/ORG"])
        #expect(mentions("Surrey 24 points, Warwickshire 2.", [("Warwickshire", .org)]) == ["Warwickshire/ORG"])
        #expect(mentions("Chelsea, 2 of whom", [("Chelsea", .org)]) == ["Chelsea/ORG"])
        #expect(mentions("John Smith 2 was here.", [("John Smith", .person)]) == ["John Smith/PERSON"])
        #expect(mentions("Apollo 11:30 was late.", [("Apollo", .org)]) == ["Apollo/ORG"])
        #expect(mentions("Airbus 320 jets", [("Airbus", .org)]) == ["Airbus/ORG"])
    }

    // MARK: Headlines

    @Test func functionWordsLeaveNamesInAllCapsHeadlines() {
        #expect(
            mentions("XI AND PUTIN MEET IN MOSCOW", [("XI AND PUTIN MEET", .person)]) == ["XI/PERSON", "PUTIN/PERSON"])
        #expect(mentions("XI AND PUTIN MEET IN MOSCOW", [("XI AND", .person)]) == ["XI/PERSON"])
        #expect(mentions("XI AND PUTIN MEET IN MOSCOW", [("AND", .person)]) == [])
        #expect(mentions("TALKS WITH MERKEL END", [("WITH MERKEL", .person)]) == ["MERKEL/PERSON"])
    }

    @Test func namesWithInnerFunctionWordsStayWhole() {
        #expect(mentions("BANK OF ENGLAND RAISES RATES", [("BANK OF ENGLAND", .org)]) == ["BANK OF ENGLAND/ORG"])
        #expect(mentions("THE HAGUE 1996-08-30", [("THE HAGUE", .loc)]) == ["THE HAGUE/LOC"])
        // In running text the tagger's span is trusted.
        #expect(mentions("He met Xi and Putin in Moscow.", [("Xi and Putin", .person)]) == ["Xi and Putin/PERSON"])
    }

    @Test func headlineVerbsAndLabelsDoNotEndNames() {
        #expect(mentions("TikTok Video Shows Protest", [("TikTok Video", .person)]) == ["TikTok/ORG"])
        #expect(mentions("Toqayev Receives Chinese Delegation", [("Toqayev Receives", .org)]) == ["Toqayev/ORG"])
        #expect(mentions("PUTIN MEETS XI", [("PUTIN MEETS", .person)]) == ["PUTIN/PERSON"])
    }

    @Test func wordsTheDocumentWritesInLowerCaseDoNotEndHeadlineNames() {
        let text = "Tokayev Congratulates Leaders\nThe president congratulates the winners every year."
        #expect(mentions(text, [("Tokayev Congratulates", .person)]) == ["Tokayev/PERSON"])
        // Unless the document also capitalises it in running text, or names often end with it.
        let union = "European Union Fines Google\nThe European Union said the union would act."
        #expect(mentions(union, [("European Union", .org)]) == ["European Union/ORG"])
        let league = "English National League Results\nThe league said on Monday that it would expand."
        #expect(mentions(league, [("English National League", .misc)]) == ["English National League/MISC"])
        // Not in running text, where a capitalised word inside a sentence is a name.
        let prose = "He spoke to Tokayev Congratulates on Monday.\nThe president congratulates the winners."
        #expect(mentions(prose, [("Tokayev Congratulates", .person)]) == ["Tokayev Congratulates/PERSON"])
    }

    // MARK: Brands written like names

    @Test func brandsWithAnInnerCapitalAreNotPeople() {
        #expect(mentions("Users of TikTok complained.", [("TikTok", .person)]) == ["TikTok/ORG"])
        #expect(mentions("She posted it on YouTube today.", [("YouTube", .person)]) == ["YouTube/ORG"])
        // Surname particles before the inner capital, and names of more than one word, stay people.
        #expect(mentions("Senator McConnell spoke.", [("McConnell", .person)]) == ["McConnell/PERSON"])
        #expect(mentions("Governor DeSantis spoke.", [("DeSantis", .person)]) == ["DeSantis/PERSON"])
        #expect(mentions("LeBron James scored.", [("LeBron James", .person)]) == ["LeBron James/PERSON"])
        #expect(mentions("Then LeBron scored.", [("LeBron", .person)]) == ["LeBron/PERSON"])
    }

    // MARK: Names joined to a lower-case word

    @Test func aNameHyphenatedToALowerCaseWordIsOneMisc() {
        #expect(mentions("The California-based firm grew.", [("California", .loc)]) == ["California-based/MISC"])
        #expect(mentions("A Saudi-led coalition struck.", [("Saudi", .loc)]) == ["Saudi-led/MISC"])
        // Spaced hyphens join nothing, and names on both sides are split as before.
        #expect(mentions("He left California - based on advice.", [("California", .loc)]) == ["California/LOC"])
        #expect(mentions("China-Russia ties grew.", [("China-Russia", .misc)]) == ["China/LOC", "Russia/LOC"])
    }
}
