import AssayCore
import Testing

@Suite struct PackedWordTests {
    @Test func packsShortASCIIIgnoringCase() {
        #expect(PackedWord("Said") == PackedWord("said"))
        #expect(PackedWord("said")?.text == "said")
        #expect(PackedWord("said")?.length == 4)
        #expect(PackedWord("characterizing")?.text == "characterizing")
        #expect(PackedWord("fifteen-letters")?.length == 15)
        #expect(PackedWord("sixteen-letters!") == nil)
        #expect(PackedWord("") == nil)
        #expect(PackedWord("été") == nil)
        #expect(PackedWord("said") != PackedWord("saide"))
    }

    @Test func packsATokenInPlaceAsFromItsText() {
        let text = "He SAID it to the Undersecretary-General and to CHARACTERIZING"
        let document = AnalyzedDocument(text)
        document.utf8.withUnsafeBufferPointer { bytes in
            for (i, token) in document.tokens.enumerated() {
                #expect(PackedWord(lowercasing: bytes, token.span) == PackedWord(document.text(ofToken: i)))
            }
        }
    }
}
