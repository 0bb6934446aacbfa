import AssayCore
import Testing

@Suite struct TokenTypesTests {
    @Test func equalLowercasedTextIsOneType() {
        let document = AnalyzedDocument("The talks and THE talks: the Talks went on; Thé")
        let types = document.tokenTypes
        let words = document.tokens.indices.map { document.text(ofToken: $0) }
        for i in words.indices {
            for j in words.indices {
                #expect(
                    (types.type(ofSpan: i) == types.type(ofSpan: j))
                        == (words[i].lowercased() == words[j].lowercased()),
                    "\(words[i]) / \(words[j])")
                #expect((types.spelling(ofSpan: i) == types.spelling(ofSpan: j)) == (words[i] == words[j]))
            }
            #expect(types.text(ofType: types.type(ofSpan: i)) == words[i].lowercased())
        }
        #expect(types.count == Set(words.map { $0.lowercased() }).count)
        #expect(types.spellingCount == Set(words).count)
    }

    @Test func typesCountFromZeroInOrderOfFirstAppearance() {
        let types = AnalyzedDocument("a b A c b").tokenTypes
        #expect(types.typeOfSpan == [0, 1, 0, 2, 1])
        #expect(types.spellingOfSpan == [0, 1, 2, 3, 1])
        #expect(types.typeOfSpelling == [0, 1, 0, 2])
    }

    @Test func keysPackForShortASCIIOnly() {
        let document = AnalyzedDocument("Said internationalisation Élysée \u{212A}")
        let types = document.tokenTypes
        #expect(types.packedWord(ofType: types.type(ofSpan: 0)) == PackedWord("said"))
        #expect(types.packedWord(ofType: types.type(ofSpan: 1)) == nil)
        #expect(types.text(ofType: types.type(ofSpan: 1)) == "internationalisation")
        #expect(types.packedWord(ofType: types.type(ofSpan: 2)) == nil)
        #expect(types.text(ofType: types.type(ofSpan: 2)) == "élysée")
        // The Kelvin sign lowercases to ASCII "k", which packs.
        #expect(types.packedWord(ofType: types.type(ofSpan: 3)) == PackedWord("k"))
    }

    @Test func hashesAreEqualForEqualTypesAndSpellings() {
        let document = AnalyzedDocument("Peace talks. PEACE TALKS. peace talks.")
        let types = document.tokenTypes
        for i in document.tokens.indices {
            for j in document.tokens.indices where types.type(ofSpan: i) == types.type(ofSpan: j) {
                #expect(types.hash(ofType: types.type(ofSpan: i)) == types.hash(ofType: types.type(ofSpan: j)))
            }
        }
        #expect(Set(types.typeHashes).count == types.count)
        #expect(Set(types.spellingHashes).count == types.spellingCount)
    }

    @Test func shapes() {
        let document = AnalyzedDocument("Moscow BRICS U.S. iPhone talks Émile 2024 1,000 80th — \u{201C} , ( A")
        let types = document.tokenTypes
        let shape = { (i: Int) in types.shape(ofSpan: i) }
        #expect(shape(0).isSuperset(of: [.capitalized, .hasLetter, .ascii]) && !shape(0).contains(.allCaps))
        #expect(shape(1).isSuperset(of: [.capitalized, .allCaps]))
        #expect(shape(2).isSuperset(of: [.capitalized, .allCaps]))
        #expect(shape(3).contains(.startsLowercase) && !shape(3).contains(.capitalized))
        #expect(shape(4) == [.startsLowercase, .hasLetter, .ascii])
        #expect(shape(5).contains(.capitalized) && !shape(5).contains(.ascii))
        #expect(shape(6) == [.hasDigit, .allDigits, .ascii])
        #expect(shape(7) == [.hasDigit, .ascii])
        #expect(shape(8) == [.hasLetter, .hasDigit, .ascii])
        #expect(shape(9) == [.dash])
        #expect(shape(10) == [.quoteMark])
        #expect(shape(11) == [.otherPunctuation, .ascii])
        #expect(shape(12) == [.otherPunctuation, .ascii])
        #expect(shape(13).isSuperset(of: [.capitalized, .allCaps, .hasUppercase]))
        #expect(shape(3).contains(.hasUppercase) && !shape(4).contains(.hasUppercase))
        let uncased = AnalyzedDocument("A\u{4E2D}").tokenTypes.shapes[0]
        #expect(uncased.contains(.capitalized) && !uncased.contains(.allCaps))
    }

    @Test func shortASCIIShapesReadEightBytesAtOnceAsOneByOne() {
        // A word followed by room for an eight-byte load takes the packed path; the same word
        // at the very end of its text is read byte by byte.
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09-\"'.,$ Az".utf8) + Array(32..<127)
        for _ in 0..<2000 {
            let n = Int.random(in: 1...7, using: &rng)
            let word = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
            let padded = word + Array(repeating: UInt8(ascii: "x"), count: 8)
            let packed = padded.withUnsafeBufferPointer { TokenShape($0, Span(0, n)) }
            let byByte = word.withUnsafeBufferPointer { TokenShape($0, Span(0, n)) }
            #expect(packed == byByte, "\(String(decoding: word, as: UTF8.self))")
        }
    }

    @Test func buildsOverOtherSpans() {
        // A plugin that cuts the text its own way: "China-Russia" as three units.
        let text = Array("China-Russia china".utf8)
        let spans = [Span(0, 5), Span(5, 6), Span(6, 12), Span(13, 18)]
        let types = text.withUnsafeBufferPointer { TokenTypes(utf8: $0, spans: spans) }
        #expect(types.typeOfSpan == [0, 1, 2, 0])
        #expect(types.spellingOfSpan == [0, 1, 2, 3])
        #expect(types.shapes[1] == [.dash, .ascii])
        #expect(types.spellingSpans[2] == Span(6, 12))
    }

    @Test func anEmptyTextHasNoTypes() {
        let types = AnalyzedDocument("").tokenTypes
        #expect(types.count == 0 && types.typeOfSpan.isEmpty)
    }
}
