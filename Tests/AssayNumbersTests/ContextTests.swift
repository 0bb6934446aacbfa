import Testing

@testable import AssayNumbers

@Suite struct RangeTests {
    @Test(
        arguments: [
            ("Between 10 and 20 people came.", "Between 10 and 20", 10.0, 20.0, "cardinal"),
            ("Some 10-20 stayed behind.", "10-20", 10, 20, "cardinal"),
            ("Prices rose 10 to 20 percent.", "10 to 20 percent", 10, 20, "percent"),
            ("It is worth $3-4 billion.", "$3-4 billion", 3_000_000_000, 4_000_000_000, "money"),
            ("Rates went from 5% to 7%.", "from 5% to 7%", 5, 7, "percent"),
            ("The 2024-25 season ended.", "2024-25", 2024, 2025, "year"),
            ("Some 10 - 20 people were hurt.", "10 - 20", 10.0, 20.0, "cardinal"),
            ("Some 10 – 20 people were hurt.", "10 – 20", 10, 20, "cardinal"),
            ("Prices ranged 10—20 dollars.", "10—20 dollars", 10, 20, "money"),
            ("Attendance grew from 10 to 20 million.", "from 10 to 20 million", 10e6, 20e6, "cardinal"),
            (
                "The deal is worth between $5 billion and $7 billion.", "between $5 billion and $7 billion", 5e9, 7e9,
                "money"
            ),
            ("The project will cost $5bn-$7bn.", "$5bn-$7bn", 5e9, 7e9, "money")
        ] as [(String, String, Double, Double, String)])
    func ranges(text: String, covered: String, low: Double, high: Double, of: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == "range")
        #expect(m["low"]?.number == low)
        #expect(m["high"]?.number == high)
        #expect(m.subtype == of)
    }

    @Test func rangeUnitIsShared() throws {
        #expect(try mention("10 to 20 percent", in: "Prices rose 10 to 20 percent.")?.unit == "%")
    }

    @Test func scoresAndVotesAreNotRanges() throws {
        #expect(try numbers("The score was 3-1 at half time.").isEmpty)
        #expect(try numbers("Judges voted 5 to 4.").allSatisfy { $0.kind != "range" })
    }
}

@Suite struct ModifierTests {
    @Test(
        arguments: [
            ("More than 20 people died.", "20", "more than"),
            ("It happened over 40 times.", "40", "over"),
            ("Nearly 30 were hurt.", "30", "nearly"),
            ("About 50 stayed.", "50", "about"),
            ("Approximately 60 left.", "60", "approximately"),
            ("At least 70 were found.", "70", "at least"),
            ("Up to 80 may come.", "80", "up to"),
            ("Fewer than 90 cases were seen.", "90", "fewer than"),
            ("It costs about $35 million.", "$35 million", "about"),
            ("Inflation rose to almost 4%.", "4%", "almost")
        ] as [(String, String, String)])
    func modifiers(text: String, covered: String, modifier: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m["approximate"]?.text == modifier)
    }

    @Test func noModifierMeansNoField() throws {
        #expect(try mention("20", in: "They found 20 boxes.")?["approximate"] == nil)
    }
}

@Suite struct CountedNounTests {
    @Test(
        arguments: [
            ("Troops from 13 countries marched.", "13", "countries"),
            ("The talks lasted four hours.", "four", "hours"),
            ("They signed 20 documents.", "20", "documents"),
            ("They signed 20 bilateral cooperation agreements.", "20", "agreements"),
            ("Some 2,000 people gathered.", "2,000", "people"),
            ("A 10-year bond was issued.", "10", "year")
        ] as [(String, String, String)])
    func counted(text: String, covered: String, noun: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m["counts"]?.text == noun)
    }

    @Test func functionWordsAreNotCounted() throws {
        #expect(try mention("20", in: "He was one of 20 in the room.")?["counts"] == nil)
    }
}

@Suite struct CalendarTests {
    @Test(
        arguments: [
            ("The war ended in 1945.", "1945", "year"),
            ("Elections are due in 2024.", "2024", "year"),
            ("They met on May 8 in Moscow.", "May 8", "date"),
            ("They met on May 8, 2025 in Moscow.", "May 8, 2025", "date"),
            ("They met on 8 May in Moscow.", "8 May", "date"),
            ("The parade was on the 9th of May.", "9th of May", "date"),
            ("It was signed on 2025-05-08.", "2025-05-08", "date"),
            ("The speech starts at 5 p.m. local time.", "5 p.m.", "time"),
            ("The speech starts at 10:30 tomorrow.", "10:30", "time"),
            ("The 1990s were calm.", "1990s", "year"),
            ("The summit runs June 13-15 in Italy.", "June 13-15", "date"),
            ("Celebrations ran from May 7 to 10 in Moscow.", "May 7 to 10", "date")
        ] as [(String, String, String)])
    func calendar(text: String, covered: String, kind: String) throws {
        let m = try #require(try mention(covered, in: text))
        #expect(m.kind == kind)
    }

    @Test func calendarValuesAreISO() throws {
        #expect(try mention("May 8, 2025", in: "They met on May 8, 2025.")?["value"]?.text == "2025-05-08")
        #expect(try mention("May 8", in: "They met on May 8.")?["value"]?.text == "--05-08")
        #expect(try mention("5 p.m.", in: "We meet at 5 p.m. today.")?["value"]?.text == "17:00")
    }

    @Test func yearsBecomeCardinalsWhenCounting() throws {
        #expect(try mention("1500", in: "More than 1500 died.")?.kind == "cardinal")
        #expect(try mention("2000", in: "Yesterday 2000 people came.")?.kind == "cardinal")
        #expect(try mention("2024", in: "The 2024 election was close.")?.kind == "year")
    }

    @Test func monthNamesAloneAreNotNumbers() throws {
        #expect(try numbers("She may march in May.").isEmpty)
    }
}

@Suite struct CodeTests {
    @Test(arguments: [
        "Call 555-123-4567 now.",
        "Call +1 555 123 4567 now.",
        "The server at 192.168.1.2 went down.",
        "Install version v2.0.1 today.",
        "The SCP-173 file and COVID-19 cases.",
        "The 5G network and a 3D film.",
        "It is open 24/7 since 9/11."
    ])
    func codesAreNotQuantities(text: String) throws {
        let found = try numbers(text)
        #expect(found.isEmpty, "found \(found) in \(text)")
    }
}
