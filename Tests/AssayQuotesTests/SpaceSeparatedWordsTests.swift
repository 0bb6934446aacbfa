import AssayCore
import Testing

@testable import AssayQuotes

/// The shortcuts the resolver takes through names and tokens give what the plain String
/// operations give.
@Suite struct SpaceSeparatedWordsTests {
    static let names = [
        "Donald Trump", "Trump", "", " ", "  Xi   Jinping  ", "Luiz Inácio Lula da Silva", "José ", "Bank of America ",
        "e\u{301} Macron", "Anne-Marie O’Neil"
    ]

    @Test(arguments: names) func wordsAreThoseOfSplit(_ name: String) {
        #expect(SpaceSeparatedWords.of(name) == name.split(separator: " "))
    }

    @Test(arguments: names) func lastWordIsTheLastOfTheWords(_ name: String) {
        #expect(SpaceSeparatedWords.last(of: name) == name.split(separator: " ").last)
    }

    @Test func aWordPackedOnceComparesAsTheWordDoes() {
        let reader = TokenReader(
            AnalyzedDocument("According to the Spokeswoman, the extraordinarily-long-worded commission said so."))
        let words = ["according", "to", "spokeswoman", "extraordinarily-long-worded", "commission", "said", "so", "the"]
        for word in words {
            let packedOnce = LowercaseWord(word)
            for t in 0..<reader.count {
                #expect(reader.lowerIs(t, packedOnce) == reader.lowerIs(t, word), "\(word) at \(t)")
            }
            #expect((0..<reader.count).contains { reader.lowerIs($0, packedOnce) }, "\(word)")
        }
    }
}
