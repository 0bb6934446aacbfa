import Testing

@testable import AssayNumbers

/// Sentences from the sample articles in seeds/ (news, 2025), with every number they hold.
@Suite struct SeedSentenceTests {
    @Test func moscowVisit() throws {
        let text =
            "May 8 – Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Thursday during a state visit that coincided with celebrations marking the 80th anniversary of the Soviet Union’s victory in the Great Patriotic War."
        let found = try numbers(text)
        #expect(found.map(\.text) == ["May 8", "80th"])
        #expect(found.map(\.kind) == ["date", "ordinal"])
    }

    @Test func tradeFigures() throws {
        let text =
            "Bilateral trade reached a record high ($244.9 billion in 2024), and developing the Power of Siberia pipeline is a priority."
        let found = try numbers(text)
        #expect(found.map(\.text) == ["$244.9 billion", "2024"])
        #expect(found[0].value == 244_900_000_000)
        #expect(found[0].unit == "USD")
        #expect(found[1].kind == "year")
    }

    @Test func kazakhFine() throws {
        let text = "Blogger Fined 495,000 Tenge Over TikTok Video"
        let m = try #require(try numbers(text).first)
        #expect(m.kind == "money")
        #expect(m.unit == "KZT")
        #expect(m.value == 495_000)
    }

    @Test func parade() throws {
        let text =
            "More than two dozen foreign leaders and troops from 13 countries will take part in the parade (5 p.m. ET Tuesday)."
        let found = try numbers(text)
        #expect(found.map(\.text) == ["two dozen", "13", "5 p.m."])
        #expect(found[0].value == 24)
        #expect(found[0]["approximate"]?.text == "more than")
        #expect(found[1]["counts"]?.text == "countries")
        #expect(found[2].kind == "time")
    }

    @Test func interestRate() throws {
        let text = "Kazakhstan keeps base rate at 16.5%, no cuts expected until 2026."
        let found = try numbers(text)
        #expect(found.map(\.kind) == ["percent", "year"])
    }
}
