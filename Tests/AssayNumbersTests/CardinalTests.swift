import Testing

@testable import AssayNumbers

@Suite struct CardinalTests {
    @Test(
        arguments: [
            ("They counted 20 ballots.", "20", 20.0, "integer"),
            ("Turnout topped 1,000 voters.", "1,000", 1000, "integer"),
            ("Output reached 244.9 tonnes.", "244.9", 244.9, "decimal"),
            ("Temperatures fell to -3 overnight.", "-3", -3, "integer"),
            ("Only 0.5 of a point separated them.", "0.5", 0.5, "decimal"),
            ("The fund raised 1.2bn last year.", "1.2bn", 1_200_000_000, "integer"),
            ("The film sold 3m tickets.", "3m", 3_000_000, "integer"),
            ("Some 10k runners took part.", "10k", 10_000, "integer"),
            ("The city has 1.5 million residents.", "1.5 million", 1_500_000, "integer"),
            ("Population reached 12,34,567 this year.", "12,34,567", 1_234_567, "integer")
        ] as [(String, String, Double, String)])
    func digits(text: String, covered: String, value: Double, subtype: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "cardinal")
        #expect(m.value == value)
        #expect(m.subtype == subtype)
    }

    @Test(
        arguments: [
            ("She has four children.", "four", 4.0),
            ("Twenty-five people were hurt.", "Twenty-five", 25),
            ("About a hundred protesters gathered.", "a hundred", 100),
            ("He bought two dozen eggs.", "two dozen", 24),
            ("The ship carried three hundred and twelve passengers.", "three hundred and twelve", 312),
            ("Half a million people fled.", "Half a million", 500_000),
            (
                "Police arrested twenty-one trillion three hundred suspects.", "twenty-one trillion three hundred",
                21_000_000_000_300
            ),
            ("A third of voters stayed home.", "A third", 1.0 / 3),
            ("Three-quarters of the budget was spent.", "Three-quarters", 0.75),
            ("Prices fell by 1/2 in a week.", "1/2", 0.5),
            ("It took one and a half years.", "one and a half", 1.5),
            ("The rate is nought point five today.", "nought point five", 0.5),
            ("They drank half a dozen beers.", "half a dozen", 6)
        ] as [(String, String, Double)])
    func words(text: String, covered: String, value: Double) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "cardinal")
        #expect(abs(m.value! - value) < 1e-9)
    }

    @Test func fractionsHaveTheirSubtype() throws {
        #expect(try mention("three-quarters", in: "Turnout was three-quarters of the total.")?.subtype == "fraction")
        #expect(try mention("2 1/4", in: "Add 2 1/4 cups of flour.")?.value == 2.25)
    }

    @Test func ambiguousWordsAreNotNumbers() throws {
        #expect(try numbers("One of the leaders spoke first to the press.").allSatisfy { $0.text != "One" })
        #expect(try numbers("He is the one. This one you cannot trust.").isEmpty)
        #expect(try numbers("A man and a woman may come in May.").isEmpty)
        #expect(try numbers("They love one another.").isEmpty)
        #expect(try numbers("It was a one-off payment in a zero-sum game.").isEmpty)
    }

    @Test func oneBeforeANounCounts() throws {
        let m = try #require(try mention("one", in: "Only one person survived."))
        #expect(m.value == 1)
        #expect(m["counts"]?.text == "person")
    }
}
