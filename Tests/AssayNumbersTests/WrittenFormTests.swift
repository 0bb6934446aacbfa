import Testing

@testable import AssayNumbers

/// Ways of writing a number that need a look at neighbouring tokens: a decimal point without a
/// leading zero, signs written apart, scientific notation, thousands separated by spaces, and
/// one-character fractions.
@Suite struct WrittenFormTests {
    /// Asserts that `text` holds a mention covering `covered` with `kind` and `value`.
    private func expectMention(
        _ covered: String, in text: String, kind: String, value: Double, subtype: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let found = try numbers(text)
        let m = try #require(
            found.first { $0.text == covered }, "no mention \"\(covered)\" in: \(found.map(\.text))",
            sourceLocation: sourceLocation)
        #expect(m.kind == kind, sourceLocation: sourceLocation)
        #expect(
            abs((m.value ?? .nan) - value) < 1e-9 * max(1, abs(value)), "value \(m.value ?? .nan)",
            sourceLocation: sourceLocation)
        if let subtype { #expect(m.subtype == subtype, sourceLocation: sourceLocation) }
    }

    // MARK: Leading decimal point

    @Test func leadingDecimalPointIsAFraction() throws {
        try expectMention(".5", in: "The value is .5 today.", kind: "cardinal", value: 0.5, subtype: "decimal")
        try expectMention(".25", in: "A ratio of (.25) was seen.", kind: "cardinal", value: 0.25, subtype: "decimal")
        try expectMention("$.50", in: "Each stamp costs $.50 now.", kind: "money", value: 0.5)
        try expectMention(".5", in: ".5 of them stayed.", kind: "cardinal", value: 0.5)
    }

    @Test func sentenceFinalPeriodIsNotADecimalPoint() throws {
        let spaced = try numbers("It ended. 5 people came.")
        #expect(spaced.map(\.text) == ["5"])
        #expect(spaced.first?.value == 5)
        // A period glued to a word on its left is that word's (or a version's), never a decimal point.
        #expect(try numbers("It ended.5 people came.").allSatisfy { $0.value != 0.5 })
        #expect(try numbers("Install v2.5 today.").allSatisfy { $0.value != 0.5 })
    }

    // MARK: Signs

    @Test func plusSignedAmounts() throws {
        try expectMention("+2", in: "The team finished +2 on the day.", kind: "cardinal", value: 2)
        try expectMention("+2.5%", in: "Shares rose +2.5% on Friday.", kind: "percent", value: 2.5)
    }

    @Test func plusSignedPhoneNumbersStaySkipped() throws {
        for text in [
            "Call +44 20 7946 0958 now.", "Call +4915112345678 now.", "Call +1-555-123-4567 now.",
            "Call +33 (0)1 23 now."
        ] {
            let found = try numbers(text)
            #expect(found.isEmpty, "\(text): \(found.map(\.text))")
        }
    }

    @Test func signWordsBeforeDigits() throws {
        try expectMention("minus 4", in: "It was minus 4 degrees overnight.", kind: "cardinal", value: -4)
        try expectMention("negative 3 percent", in: "Growth was negative 3 percent.", kind: "percent", value: -3)
        try expectMention(
            "negative three percent", in: "Growth was negative three percent.", kind: "percent", value: -3)
        try expectMention("Minus 2.5", in: "Minus 2.5 is the low.", kind: "cardinal", value: -2.5)
    }

    @Test func signWordsThatAreNotSigns() throws {
        // A subtraction, a margin of error, a test result, and "minus" meaning "without".
        try expectMention("4", in: "Ten is 10 minus 4 plus more.", kind: "cardinal", value: 4)
        try expectMention("3", in: "The margin is plus or minus 3 points.", kind: "cardinal", value: 3)
        try expectMention("two", in: "The margin is plus or minus two points.", kind: "cardinal", value: 2)
        try expectMention("2", in: "She tested negative 2 days later.", kind: "cardinal", value: 2)
        #expect(try numbers("He came minus his coat.").isEmpty)
        #expect(try numbers("The outlook is negative for now.").isEmpty)
    }

    @Test func hyphenBeforeAUnitWordIsASign() throws {
        try expectMention("-5C", in: "Temperatures of -5C were recorded.", kind: "cardinal", value: -5)
        try expectMention("-10km", in: "A depth of -10km was logged.", kind: "cardinal", value: -10)
        // A hyphen glued to a word on its left joins a range or a name, not a sign.
        #expect(try numbers("They cover 10-20km daily.").allSatisfy { ($0.value ?? 0) >= 0 })
    }

    // MARK: Scientific notation

    @Test(arguments: [("1e10", 1e10), ("2.5E-3", 0.0025), ("1.2e+5", 120_000), ("-1.2e3", -1200)] as [(String, Double)])
    func scientificNotation(written: String, value: Double) throws {
        try expectMention(
            written, in: "The figure is \(written) in the report.", kind: "cardinal", value: value, subtype: "power")
    }

    @Test func hexLikeCodesAreNotScientific() throws {
        for text in ["Code 3e4f failed.", "Seen at 1e1000 today.", "Flat 3e is empty.", "The hash a3e5 matched."] {
            let found = try numbers(text)
            #expect(found.isEmpty, "\(text): \(found.map(\.text))")
        }
    }

    // MARK: Thousands separated by spaces

    @Test func spaceGroupedThousands() throws {
        try expectMention("1 234 567 euros", in: "It cost 1 234 567 euros.", kind: "money", value: 1_234_567)
        try expectMention("25 000", in: "About 25 000 people came.", kind: "cardinal", value: 25_000)
        try expectMention("12\u{202F}345", in: "About 12\u{202F}345 people came.", kind: "cardinal", value: 12_345)
        try expectMention("12\u{A0}345", in: "About 12\u{A0}345 people came.", kind: "cardinal", value: 12_345)
        try expectMention("1 234.56 dollars", in: "It cost 1 234.56 dollars.", kind: "money", value: 1234.56)
        try expectMention("1 000", in: "On 5 May 2024 1 000 people came.", kind: "cardinal", value: 1000)
    }

    @Test func adjacentNumbersAreNotMerged() throws {
        // A four-digit first group, two plain groups with an ordinary space, and a row of numbers.
        #expect(try numbers("In 2019 100 people died.").map(\.text) == ["2019", "100"])
        #expect(try numbers("He scored 3 100 times.").map(\.text) == ["3", "100"])
        #expect(try numbers("Rows 1 2 345 678 here.").map(\.text) == ["1", "2", "345", "678"])
    }

    // MARK: One-character fractions

    @Test func vulgarFractions() throws {
        try expectMention("3½", in: "The flight lasted 3½ hours.", kind: "cardinal", value: 3.5, subtype: "fraction")
        try expectMention("¾", in: "About ¾ of voters agreed.", kind: "cardinal", value: 0.75, subtype: "fraction")
        try expectMention("¼%", in: "Rates rose ¼% today.", kind: "percent", value: 0.25)
        #expect(try numbers("Prices rose — sharply.").isEmpty)
    }

    // MARK: Glued units and currencies

    @Test func gluedPercentAndPence() throws {
        try expectMention("0.5pc", in: "Inflation eased 0.5pc in May.", kind: "percent", value: 0.5)
        try expectMention("3pct", in: "Sales grew 3pct.", kind: "percent", value: 3)
        try expectMention("5p", in: "A 5p charge on bags.", kind: "money", value: 0.05)
        #expect(try numbers("Stream it in 1080p or 480p.").isEmpty)
    }

    @Test func gluedMIsMetresInSportAndMillionsElsewhere() throws {
        try expectMention("100m", in: "She won the 100m in 10.7 seconds.", kind: "cardinal", value: 100)
        try expectMention("400m", in: "He ran the 400m hurdles.", kind: "cardinal", value: 400)
        try expectMention("50m", in: "A 50m tall tower fell.", kind: "cardinal", value: 50)
        try expectMention("100m", in: "Some 100m people watched.", kind: "cardinal", value: 100_000_000)
        try expectMention("£100m", in: "The £100m deal closed.", kind: "money", value: 100_000_000)
        try expectMention("100m", in: "The firm raised 100m in funding.", kind: "cardinal", value: 100_000_000)
    }
}
