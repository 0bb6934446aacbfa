import Testing

@testable import AssayNumbers

/// Names, codes and model numbers that look like amounts in news but count nothing.
@Suite struct NamesAndCodesTests {
    @Test(arguments: [
        "The S&P 500 fell sharply on Monday.",
        "Shares of the Nasdaq 100 slipped.",
        "Regulators grounded the Boeing 737 after the crash.",
        "Leaders of the G20 and the G7 met in Rome.",
        "COVID-19 spread quickly.",
        "Russia deployed Su-57 jets while Kyiv asked for F-16 fighters.",
        "Apple unveiled the iPhone 15 in September.",
        "The airline filed for Chapter 11 protection.",
        "Profit rose in Q3.",
        "He moved into No 10 Downing Street.",
        "Call 555-1234 or visit 192.168.1.2 with version 2.0.1.",
        "The new 5G network opened."
    ])
    func notQuantities(text: String) throws {
        let found = try numbers(text).filter {
            ["cardinal", "ordinal", "percent", "money", "range"].contains($0.kind ?? "")
        }
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test(
        arguments: [
            ("On Monday 300 people marched.", "300"),
            ("Storm Kills 12 In Texas", "12"),
            ("Add 2 1/4 cups of flour.", "2 1/4"),
            ("Boeing said 12 jets were grounded.", "12"),
            ("Officials in Kyiv counted 40 drones.", "40"),
            ("The S&P 500 fell 2%.", "2%"),
            ("The bill passed the House 220 to 215.", "220")
        ] as [(String, String)])
    func amountsNearNamesStay(text: String, covered: String) throws {
        #expect(try mention(covered, in: text) != nil)
    }

    @Test func prefixedYearIsAYearNotANegativeNumber() throws {
        let m = try #require(try mention("2025", in: "The plant should open by mid-2025."))
        #expect(m.kind == "year")
        #expect(m.value == 2025)
        #expect(try mention("1990s", in: "Prices fell in the late-1990s.")?.subtype == "decade")
        #expect(try numbers("The mid-size cars sold well.").isEmpty)
    }

    @Test func decades() throws {
        #expect(try mention("1990s", in: "It boomed in the 1990s.")?.kind == "year")
        let m = try #require(try mention("'80s", in: "It boomed in the '80s."))
        #expect(m.kind == "year")
        #expect(m.value == 1980)
        // An age, not a decade.
        #expect(try numbers("He is in his 80s.").isEmpty)
    }
}

@Suite struct NewsRangeTests {
    // Spaced and dashed ranges are among the cases of RangeTests.ranges.

    @Test func spacedEmDashSetsOffAClause() throws {
        #expect(try numbers("They won 10 — 20 more than hoped.").allSatisfy { $0.kind != "range" })
    }
}

@Suite struct IndefiniteAmountTests {
    @Test(
        arguments: [
            ("Dozens of people were injured.", "Dozens", 12.0, "people"),
            ("Hundreds of homes were destroyed.", "Hundreds", 100, "homes"),
            ("Thousands of troops arrived.", "Thousands", 1000, "troops"),
            ("Tens of thousands of protesters marched.", "Tens of thousands", 10_000, "protesters"),
            ("Hundreds of thousands of people fled.", "Hundreds of thousands", 100_000, "people")
        ] as [(String, String, Double, String)])
    func indefinite(text: String, covered: String, value: Double, counts: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "cardinal")
        #expect(m.value == value)
        #expect(m["approximate"]?.text == "indefinite")
        #expect(m["counts"]?.text == counts)
    }

    @Test func indefiniteMoney() throws {
        let m = try #require(
            try mention("hundreds of millions of dollars", in: "It lost hundreds of millions of dollars."))
        #expect(m.kind == "money")
        #expect(m.value == 1e8)
        #expect(m.unit == "USD")
    }

    @Test func pluralScaleAfterANumberMultiplies() throws {
        #expect(try mention("five hundreds", in: "He counted five hundreds of them.")?.value == 500)
        #expect(try numbers("Temperatures were in the hundreds.").isEmpty)
    }

    @Test func outOfIsAFraction() throws {
        let m = try #require(try mention("Nine out of 10", in: "Nine out of 10 doctors agree."))
        #expect(m.value == 0.9)
        #expect(m.subtype == "fraction")
        #expect(m["counts"]?.text == "doctors")
        #expect(
            abs(try #require(try mention("two out of five hundreds", in: "two out of five hundreds")?.value) - 0.004)
                < 1e-12)
    }
}

@Suite struct RankAndMeasureTests {
    @Test(
        arguments: [
            ("He is ranked No. 1 in the world.", "No. 1", 1.0),
            ("She is the No 2 official.", "No 2", 2)
        ] as [(String, String, Double)])
    func ranks(text: String, covered: String, value: Double) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "ordinal")
        #expect(m.value == value)
    }

    @Test func noBeforeAPluralIsADeterminer() throws {
        let m = try #require(try mention("2", in: "No 2 cases are alike."))
        #expect(m.kind == "cardinal")
    }

    @Test(
        arguments: [
            ("Warming must stay below 1.5C.", "1.5C", 1.5, "°C"),
            ("It hit 104F in Phoenix.", "104F", 104, "°F"),
            ("It hit 40 °C.", "40", 40, "°C"),
            ("Warming of 2 degrees Celsius is likely.", "2", 2, "degrees"),
            ("Output is 2.5 times higher.", "2.5", 2.5, "times")
        ] as [(String, String, Double, String)])
    func measures(text: String, covered: String, value: Double, counts: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "cardinal")
        #expect(m.value == value)
        #expect(m["counts"]?.text == counts)
    }

    @Test func aQuarterOf() throws {
        #expect(try mention("A quarter", in: "A quarter of voters stayed home.")?.value == 0.25)
    }
}

@Suite struct NewsMoneyTests {
    @Test(
        arguments: [
            ("Tickets cost 500 rupees.", "500 rupees", 500.0, "INR"),
            ("A coffee costs R$ 10 in Rio.", "R$ 10", 10, "BRL"),
            ("The fine was CHF 3m.", "CHF 3m", 3e6, "CHF"),
            ("The EU pledged 3 million euros.", "3 million euros", 3e6, "EUR"),
            ("The plan is worth €1.2 trillion.", "€1.2 trillion", 1.2e12, "EUR"),
            ("Debt reached $1.2tn.", "$1.2tn", 1.2e12, "USD"),
            ("the price ranges between c $ 16.4 million", "c $ 16.4 million", 16.4e6, "CAD"),
            ("It costs one dollar and two and three points of credit.", "one dollar and two", 1.02, "USD"),
            ("He paid a $5 fee.", "$5", 5, "USD")
        ] as [(String, String, Double, String)])
    func money(text: String, covered: String, value: Double, unit: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "money")
        #expect(abs(m.value! - value) < 1e-6)
        #expect(m.unit == unit)
    }

    @Test func centsNeedTheClauseToEnd() throws {
        let m = try #require(try mention("five dollars", in: "He paid five dollars and two more later."))
        #expect(m.value == 5)
    }
}
