import AssayCore
import Testing

/// `Lexicon.payload(ofWordAt:in:)` gives the answers `match(in:at:limit: i + 1)` gives, on its
/// packed fast path (ASCII read eight bytes at a time) and off it (non-ASCII text, long words,
/// the document's end); `payload(ofType:in:)` gives them per token type.
@Suite struct LexiconSingleWordTests {
    private let words = ["said", "told", "acknowledged", "characterizing", "so-called", "sen.", "a", "king"]

    /// The payload each token of `text` gets on the fast path, by type, and by the reference
    /// (a one-token match).
    private func answers(_ text: String, words: [String]? = nil) -> [(fast: Int?, byType: Int?, reference: Int?)] {
        let lexicon = Lexicon((words ?? self.words).enumerated().map { ($1, $0) })
        let document = AnalyzedDocument(text)
        let types = document.tokenTypes
        return document.tokens.indices.map { i in
            (
                lexicon.payload(ofWordAt: i, in: document),
                lexicon.payload(ofType: types.type(ofSpan: i), in: types),
                lexicon.match(in: document, at: i, limit: i + 1)?.payload
            )
        }
    }

    @Test func matchesTheReferenceOnASCII() {
        let text =
            "He SAID she Told them, Acknowledged it; CHARACTERIZING the So-Called plan, Sen. A saidx sai acknowledgedd"
        let found = answers(text)
        for (fast, byType, reference) in found {
            #expect(fast == reference)
            #expect(byType == reference)
        }
        #expect(found.compactMap(\.fast) == [0, 1, 2, 3, 4, 5, 6])
    }

    @Test func matchesTheReferenceAtTheEndOfTheText() {
        // The last tokens lie within sixteen bytes of the end: read byte by byte.
        for text in ["they said", "A", "x acknowledged", "characterizing"] {
            let found = answers(text)
            for (fast, byType, reference) in found {
                #expect(fast == reference, "\(text)")
                #expect(byType == reference, "\(text)")
            }
            #expect(found.last?.fast != nil, "\(text)")
        }
    }

    @Test func lowercasesNonASCIIAsTheReferenceDoes() {
        // The Kelvin sign lowercases to an ASCII "k"; "İ" does not lowercase to "i".
        let text =
            "She sa\u{130}d it, the \u{212A}ING, and the \u{212A}ing told \u{212A}\u{212A}\u{212A}\u{212A}\u{212A}\u{212A} saïd so."
        let found = answers(text)
        for (fast, byType, reference) in found {
            #expect(fast == reference)
            #expect(byType == reference)
        }
        #expect(found.contains { $0.fast == 7 })
    }

    @Test func findsWordsLongerThanAPackedKey() {
        let found = answers(
            "Uncharacteristically, the INTERNATIONALISATION went on", words: ["uncharacteristically", "the"])
        for (fast, byType, reference) in found {
            #expect(fast == reference)
            #expect(byType == reference)
        }
        #expect(found.compactMap(\.fast) == [0, 1])
    }

    @Test func aPhraseIsNoSingleWord() {
        let found = answers("the peace talks", words: ["peace talks", "talks"])
        #expect(found.map(\.fast) == [nil, nil, 1])
        #expect(found.map(\.reference) == [nil, nil, 1])
    }

    @Test func longerTokensAreNoWord() {
        let found = answers("uncharacteristically characterizings")
        #expect(found.allSatisfy { $0.fast == nil && $0.reference == nil && $0.byType == nil })
    }
}
