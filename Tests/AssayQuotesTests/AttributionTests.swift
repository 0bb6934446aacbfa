import AssayCore
import Testing

@testable import AssayQuotes

/// Attribution in every common position, and the speech cues kept in `verb` and `cue`.
@Suite struct AttributionTests {
    private func only(_ text: String) throws -> ExtractorHarness.Found {
        let found = try QuoteTests.run(text).filter { $0["kind"]?.text == "direct" }
        #expect(found.count == 1, "\(found)")
        return found[0]
    }

    @Test func pronounBeforeAnInfinitiveSpeechVerb() throws {
        let found = try QuoteTests.quotes(
            "Jane Roe spoke first at the rally. She went on to say that the plan was “a historic step.”")
        #expect(found.map(\.speaker) == ["Jane Roe"])
    }

    @Test func aDayOrMonthIsNoSpeaker() throws {
        // The stand-in tagger takes "Saturday" and "September" for names, as the real one sometimes does.
        let f = try only("“The plan is dead,” a report published Saturday said.")
        #expect(f["speaker"] == .null)
        let indirect = try QuoteTests.quotes("A report published in September said the plan was dead.")
        #expect(indirect.map(\.speaker) == [nil])
        let run = try QuoteTests.quotes("“The plan is dead,” Jane Roe wrote on Twitter Sunday.")
        #expect(run.map(\.speaker) == ["Jane Roe"])
    }

    @Test func after() throws {
        let f = try only("“The deal is good for both sides,” Maria Lopez stated.")
        #expect(f["speaker"] == "Maria Lopez")
        #expect(f["verb"] == "stated")
        #expect(f["cue"] == "after")
    }

    @Test func asSomeonePutIt() throws {
        // "As X put it, …": the clause after the comma is what X said, so the quote is direct.
        let f = try only(
            "As Maria Lopez put it in a statement in July, the network is “providing a view you won’t get elsewhere.”")
        #expect(f["speaker"] == "Maria Lopez")
        #expect(f["verb"] == "put it")
        let g = try only("Mayor Ann Lee put it bluntly: “We are broke.”")
        #expect(g["speaker"] == "Ann Lee")
        // "put" with anything but "it" after it is no speech cue.
        let h = try only("Tom Hale put the letter on the table. “Read this,” Maria Lopez said.")
        #expect(h["speaker"] == "Maria Lopez")
    }

    @Test func beforeWithColon() throws {
        let f = try only("Xi Jinping, speaking in Moscow, emphasized: “History proves our friendship.”")
        #expect(f["speaker"] == "Xi Jinping")
        #expect(f["verb"] == "emphasized")
        #expect(f["cue"] == "before")
    }

    @Test func colonEndingThePreviousParagraph() throws {
        let f = try only("Pat Caddell continued:\n\n“The health issue is partisan.”")
        #expect(f["speaker"] == "Pat Caddell")
        #expect(f["cue"] == "colon")
    }

    @Test func organisationReportingBeforeAQuotedParagraph() throws {
        let f = try only("The New York Times reports:\n\n\"Only 24 percent of her donations came from small donors.\"")
        #expect(f["speaker"] == "New York Times")
        #expect(f["verb"] == "reports")
        // "reports" after no subject is a noun, not a cue.
        #expect(try QuoteTests.quotes("Despite reports of strikes, the city stayed calm.").isEmpty)
    }

    @Test func middleOfASplitQuote() throws {
        let found = try QuoteTests.run("Dan Ortiz met the press. “We are ready,” he said, “and we will not wait.”")
        #expect(found.map(\.text) == ["We are ready", "and we will not wait."])
        #expect(found.map { $0["speaker"] } == ["Dan Ortiz", "Dan Ortiz"])
        #expect(found.map { $0["cue"] } == ["after", "middle"])
    }

    @Test func inversion() throws {
        let f = try only("“Our relations are not aimed at anyone,” said Vladimir Putin on Thursday.")
        #expect(f["speaker"] == "Vladimir Putin")
        #expect(f["cue"] == "inverted")
    }

    @Test func dash() throws {
        let f = try only("“We will rebuild every home.” – Commissioner Jane Doe")
        #expect(f["speaker"] == "Jane Doe")
        #expect(f["cue"] == "dash")
        #expect(f["verb"] == .null)
    }

    @Test func accordingTo() throws {
        let f = try only("“The talks were productive,” according to Foreign Ministry spokesman Lin Jian.")
        #expect(f["speaker"] == "Lin Jian")
        #expect(f["verb"] == "according to")
    }

    @Test func accordingToOpeningTheSentence() throws {
        // "According to X, … “…”": a fragment inside what X is reported to say is X's.
        let found = try QuoteTests.run(
            "According to a spokeswoman for the Treasury Department, the government “fully supports” the plan.")
        #expect(found.map(QuoteTests.q) == [Q(text: "fully supports", kind: "partial", speaker: "Treasury Department")])
    }

    @Test func previousSentence() throws {
        let found = try QuoteTests.run("Alice Brown turned to Bob Smith. “You are late again.”")
        #expect(found.map { $0["speaker"] } == ["Alice Brown"])
        #expect(found.first?["cue"] == "preceding-sentence")
    }

    @Test func nextSentence() throws {
        let found = try QuoteTests.run(
            "The hall fell silent.\n\n“I have nothing to add.” She smiled at Carol Jones. Carol Jones left.")
        // "She" follows the quote; the only woman named is Carol Jones, but she is named after the
        // pronoun, so there is no antecedent: null rather than a guess.
        #expect(found.first?["cue"] == "following-sentence")
        #expect(found.first?["speaker"] == .null)
        let named = try QuoteTests.run(
            "Carol Jones stood up. The room was quiet.\n\n“I have nothing to add.” She smiled.")
        #expect(named.first?["speaker"] == "Carol Jones")
    }

    @Test func continuationOfTheSameSpeaker() throws {
        let found = try QuoteTests.run("“The vote matters,” said Ken Adams. “It decides everything.”")
        #expect(found.map { $0["speaker"] } == ["Ken Adams", "Ken Adams"])
        #expect(found.last?["cue"] == "continuation")
    }

    @Test(arguments: [
        "stated", "noted", "emphasized", "warned", "added", "told reporters", "urged", "insisted", "argued",
        "acknowledged", "wrote", "tweeted", "sighed", "explained", "replied", "declared", "admitted", "cautioned"
    ])
    func speechCues(_ cue: String) throws {
        let f = try only("“This cannot go on,” Laura Chen \(cue).")
        #expect(f["speaker"] == "Laura Chen")
        #expect(f["verb"]?.text == String(cue.split(separator: " ")[0]))
    }

    @Test func calledAndDescribedFrameFragments() throws {
        let found = try QuoteTests.quotes(
            "Xi Jinping called the talks “a fresh engine for growth” and described the ties as “rock solid.”")
        #expect(
            found == [
                Q(text: "a fresh engine for growth", kind: "partial", speaker: "Xi Jinping"),
                Q(text: "rock solid.", kind: "partial", speaker: "Xi Jinping")
            ])
    }

    @Test func noCueNoSpeaker() throws {
        // A quotation with nothing around it that says who speaks: no guess.
        let found = try QuoteTests.quotes(
            "The bridge reopened on Monday.\n\n“Drive carefully and slow down near the works.”\n\nTraffic was light.")
        #expect(found == [Q(text: "Drive carefully and slow down near the works.", kind: "direct", speaker: nil)])
    }
}
