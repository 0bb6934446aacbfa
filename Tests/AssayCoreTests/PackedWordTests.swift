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

    @Test func storesAValueOnlyWhenTheWordHasNone() {
        var table = PackedWordTable<Int32>(capacity: 1)
        #expect(table.value(of: PackedWord("said")!, storingIfAbsent: 0) == 0)
        #expect(table.value(of: PackedWord("SAID")!, storingIfAbsent: 1) == 0)
        // Enough words to make the table grow: each keeps the value it was first given.
        for k in 1...100 { #expect(table.value(of: PackedWord("w\(k)")!, storingIfAbsent: Int32(k)) == Int32(k)) }
        #expect((1...100).allSatisfy { table.value(of: PackedWord("w\($0)")!, storingIfAbsent: -1) == Int32($0) })
        #expect(table.count == 101)
        #expect(table[PackedWord("said")!] == 0)
    }
}
