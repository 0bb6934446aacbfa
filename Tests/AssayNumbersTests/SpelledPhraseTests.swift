import AssayCore
import Testing

@testable import AssayNumbers

/// Spelled amounts that depend on the words around them: dozens, couples, halves, compound
/// ordinals, fractions written with "over", and match scores that look like ranges.
@Suite struct SpelledPhraseTests {
    private func only(_ text: String) throws -> ExtractorHarness.Found {
        let found = try numbers(text)
        #expect(found.count == 1, "\(found.map(\.text))")
        return try #require(found.first)
    }

    @Test func dozensAfterANumberMultiply() throws {
        for text in ["They sold three dozens eggs.", "They sold three dozen eggs."] {
            let m = try only(text)
            #expect(m.value == 36)
            #expect(m.text.hasPrefix("three dozen"))
        }
        // Alone, "dozens" stays an indefinite amount.
        let indefinite = try only("Dozens of eggs broke.")
        #expect(indefinite["approximate"]?.text == "indefinite")
    }

    @Test func aCoupleOfIsTwo() throws {
        let m = try only("It will take a couple of weeks.")
        #expect(m.text == "a couple")
        #expect(m.kind == "cardinal")
        #expect(m.value == 2)
        #expect(m["counts"]?.text == "weeks")
        #expect(try only("In about a couple of days.")["approximate"]?.text == "about")
    }

    @Test(arguments: [
        "The couple left early.", "A married couple won.", "They met a couple more times.", "The couple said no."
    ])
    func aCoupleOfPeopleIsNoNumber(text: String) throws {
        #expect(try numbers(text).isEmpty)
    }

    @Test(
        arguments: [
            ("It was the one hundred and twenty-first time.", "one hundred and twenty-first", 121.0),
            ("It was a thousand and first night.", "a thousand and first", 1001),
            ("He was the two thousandth visitor.", "two thousandth", 2000),
            ("It was the one hundredth day.", "one hundredth", 100),
            ("Britain's one millionth car rolled out.", "one millionth", 1_000_000)
        ] as [(String, String, Double)])
    func compoundOrdinals(text: String, covered: String, value: Double) throws {
        let m = try only(text)
        #expect(m.text == covered)
        #expect(m.kind == "ordinal")
        #expect(m.value == value)
    }

    @Test func oneHundredthWithoutDeterminerIsAFraction() throws {
        let m = try only("It took one hundredth of a second.")
        #expect(m.kind == "cardinal")
        #expect(m.subtype == "fraction")
        #expect(m.value == 0.01)
        // "one hundred and fifty" stays a cardinal.
        #expect(try only("We saw one hundred and fifty birds.").value == 150)
    }

    @Test(
        arguments: [
            ("Half of them left.", "Half", nil),
            ("Nearly half of the voters stayed home.", "half", "nearly"),
            ("It lost more than half of its value.", "half", "more than")
        ] as [(String, String, String?)])
    func halfOfIsAFraction(text: String, covered: String, approximate: String?) throws {
        let m = try only(text)
        #expect(m.text == covered)
        #expect(m.subtype == "fraction")
        #expect(m.value == 0.5)
        #expect(m["approximate"]?.text == approximate)
    }

    @Test(arguments: [
        "The goal came at half-time.", "He scored in the second half.", "His half-brother spoke.",
        "In the second half of the season they lost.", "The northern half of the island flooded.",
        "It rained in the first half of the match."
    ])
    func halvesThatAreNotAmounts(text: String) throws {
        let found = try numbers(text).filter { $0.kind == "cardinal" }
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test func halfAMillionStays() throws {
        let m = try only("Some half a million people fled.")
        #expect(m.text == "half a million")
        #expect(m.value == 500_000)
    }

    @Test(
        arguments: [
            ("One over three is small.", "One over three", 1.0 / 3), ("It scored nine over ten.", "nine over ten", 0.9)
        ]
            as [(String, String, Double)])
    func spelledOverFractions(text: String, covered: String, value: Double) throws {
        let m = try only(text)
        #expect(m.text == covered)
        #expect(m.subtype == "fraction")
        #expect(abs((m.value ?? 0) - value) < 1e-12)
        #expect(m["approximate"] == nil)
    }

    @Test func overBeforeWhatACountCountsIsNoFraction() throws {
        let found = try numbers("They won two over three days.")
        #expect(found.allSatisfy { $0.subtype != "fraction" }, "\(found.map(\.text))")
        #expect(try numbers("He finished one over par.").isEmpty)
    }

    @Test func sentenceInitialOneBeforeAScale() throws {
        #expect(try only("One hundred people died.").value == 100)
        #expect(try numbers("One of them came.").isEmpty)
    }

    @Test(arguments: [
        "Arsenal lost 2-4 at home.", "It was a 0-3 defeat.", "The bill failed on a 48-52 vote.",
        "Spain beat Italy 1-3 away."
    ])
    func scoresAreNotRanges(text: String) throws {
        let found = try numbers(text)
        #expect(found.allSatisfy { $0.kind != "range" }, "\(found.map(\.text))")
    }

    @Test(
        arguments: [
            ("They won 10-15 seats.", "10-15"), ("It lost 2-4% of its value.", "2-4%"),
            ("Between 2-4 people came.", "2-4")
        ]
            as [(String, String)])
    func rangesNearScoreWordsStay(text: String, covered: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "range")
    }
}
