import AssayCore
import Testing

@testable import AssayQuotes

/// `SingleWordList` gives the answers a `Lexicon` of the same words gives at one token, on its
/// fast path (ASCII read eight bytes at a time) and off it (non-ASCII text, the document's end).
@Suite struct SingleWordListTests {
    private let words = ["said", "told", "acknowledged", "characterizing", "so-called", "sen.", "a", "king"]

    /// The index each token of `text` gets, as the list and as a lexicon of the words find it.
    private func answers(_ text: String) -> [(list: Int?, lexicon: Int?)] {
        let list = SingleWordList(words)
        let lexicon = Lexicon(words.enumerated().map { ($1, $0) })
        let document = AnalyzedDocument(text)
        return document.tokens.indices.map { i in
            (list.index(of: i, in: document), lexicon.match(in: document, at: i, limit: i + 1)?.payload)
        }
    }

    @Test func matchesTheLexiconOnASCII() {
        let text =
            "He SAID she Told them, Acknowledged it; CHARACTERIZING the So-Called plan, Sen. A saidx sai acknowledgedd"
        let found = answers(text)
        for (list, lexicon) in found { #expect(list == lexicon) }
        #expect(found.compactMap(\.list) == [0, 1, 2, 3, 4, 5, 6])
    }

    @Test func matchesTheLexiconAtTheEndOfTheText() {
        // The last tokens lie within sixteen bytes of the end: read byte by byte.
        for text in ["they said", "A", "x acknowledged", "characterizing"] {
            let found = answers(text)
            for (list, lexicon) in found { #expect(list == lexicon, "\(text)") }
            #expect(found.last?.list != nil, "\(text)")
        }
    }

    @Test func asksTheLexiconAboutNonASCII() {
        // The Kelvin sign lowercases to an ASCII "k"; "İ" does not lowercase to "i".
        let text =
            "She sa\u{130}d it, the \u{212A}ING, and the \u{212A}ing told \u{212A}\u{212A}\u{212A}\u{212A}\u{212A}\u{212A} saïd so."
        let found = answers(text)
        for (list, lexicon) in found { #expect(list == lexicon) }
        #expect(found.contains { $0.list == 7 })
    }

    @Test func longerTokensAreNoWord() {
        let found = answers("uncharacteristically characterizings")
        #expect(found.allSatisfy { $0.list == nil && $0.lexicon == nil })
    }
}
