import Testing

@testable import AssayNumbers

@Suite struct OrdinalTests {
    @Test(
        arguments: [
            ("It marked the 80th anniversary.", "80th", 80.0),
            ("It was his 11th visit.", "11th", 11),
            ("A deal came at the eleventh hour.", "eleventh", 11),
            ("The twenty-first century began.", "twenty-first", 21),
            ("She finished 1st in the race.", "1st", 1),
            ("It was the one hundred twenty fifth meeting.", "one hundred twenty fifth", 125),
            ("Voters chose a third term for him.", "third", 3)
        ] as [(String, String, Double)])
    func ordinals(text: String, covered: String, value: Double) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "ordinal")
        #expect(m.value == value)
    }

    @Test func secondAsTimeIsNotAnOrdinal() throws {
        #expect(try numbers("Wait a second, please.").isEmpty)
        #expect(try mention("second", in: "The second round starts today.")?.kind == "ordinal")
    }
}

@Suite struct PercentTests {
    @Test(
        arguments: [
            ("Inflation hit 16.5% in May.", "16.5%"),
            ("Inflation hit 16.5 percent.", "16.5 percent"),
            ("Inflation hit 16.5 per cent.", "16.5 per cent"),
            ("Sales grew sixteen percent.", "sixteen percent")
        ] as [(String, String)])
    func percentages(text: String, covered: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "percent")
        #expect(m.unit == "%")
    }

    @Test func percentagePoints() throws {
        let m = try #require(try mention("3 percentage point", in: "It followed a 3 percentage point rise."))
        #expect(m.kind == "percent")
        #expect(m.value == 3)
        #expect(m.subtype == "percentage_point")
    }

    @Test func urlsAreNotPercentages() throws {
        #expect(try numbers("See https://www.test.com/search?q=30%25%2020% for details").isEmpty)
    }
}

@Suite struct MoneyTests {
    @Test(
        arguments: [
            ("Trade reached $244.9 billion last year.", "$244.9 billion", 244_900_000_000.0, "USD"),
            ("The startup raised US$5m.", "US$5m", 5_000_000, "USD"),
            ("A coffee costs €3 here.", "€3", 3, "EUR"),
            ("The club spent £2.5bn.", "£2.5bn", 2_500_000_000, "GBP"),
            ("Tickets cost ¥100.", "¥100", 100, "JPY"),
            ("He was fined 500 yuan.", "500 yuan", 500, "CNY"),
            ("She was fined 495,000 tenge over a video.", "495,000 tenge", 495_000, "KZT"),
            ("Bread costs 10 rubles.", "10 rubles", 10, "RUB"),
            ("The bill came to 3 billion dollars.", "3 billion dollars", 3_000_000_000, "USD"),
            ("Exports reached 170.5 Billion USD in Q1.", "170.5 Billion USD", 170_500_000_000, "USD"),
            ("It costs C$10 in Toronto.", "C$10", 10, "CAD"),
            ("They paid 10 Canadian dollars.", "10 Canadian dollars", 10, "CAD"),
            ("It only cost thirteen dollars forty-five cents.", "thirteen dollars forty-five cents", 13.45, "USD"),
            ("Shares rose 50 cents.", "50 cents", 0.5, "USD"),
            ("A sale of 5 million pounds was agreed.", "5 million pounds", 5_000_000, "GBP"),
            ("Fees of Rs 500 apply.", "Rs 500", 500, "INR"),
            ("It unveiled a Rs 20 lakh crore package.", "Rs 20 lakh crore", 20e12, "INR"),
            ("The bank lent HK$3bn.", "HK$3bn", 3e9, "HKD")
        ] as [(String, String, Double, String)])
    func money(text: String, covered: String, value: Double, unit: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "money")
        #expect(abs(m.value! - value) < 1e-9)
        #expect(m.unit == unit)
    }

    @Test func poundsOfWeightAreNotMoney() throws {
        let m = try #require(try mention("200", in: "He lifted 200 pounds of flour."))
        #expect(m.kind == "cardinal")
        #expect(m["counts"]?.text == "pounds")
    }
}
