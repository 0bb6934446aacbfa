import AssayCore
import Testing

@testable import AssayQuotes

/// The quote extractor's word lists build as word classes: no word twice in a class, no
/// phrase where single tokens are asked about.
@Suite struct QuoteWordTests {
    @Test func listsBuildAsWordClasses() throws {
        _ = try WordClasses(QuoteWord.lists)
    }

    @Test func everyClassHasItsWords() {
        for c in QuoteWord.allCases { #expect(QuoteWord.lists[c]?.isEmpty == false, "\(c)") }
    }

    @Test func tokensAreAskedLowercased() {
        let reader = TokenReader(AnalyzedDocument("President Xi, the SPOKESMAN, said: “It is over.”"))
        let tokens = reader.document.tokens.indices
        let titles = tokens.filter { reader.is($0, .title) }.map { reader.text($0) }
        #expect(titles == ["President", "SPOKESMAN"])
        #expect(tokens.filter { reader.is($0, .speechVerbForm) }.map { reader.text($0) } == ["said"])
        #expect(tokens.compactMap { reader.pronoun($0) } == [.neuter])
    }
}
