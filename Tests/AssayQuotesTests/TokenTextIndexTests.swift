import AssayCore
import Testing

@testable import AssayQuotes

/// The index of token texts finds the tokens a String comparison of the texts finds, including
/// spellings of other bytes that are the same text (a Kelvin sign for "K", a Greek question mark
/// for ";", a decomposed "é").
@Suite struct TokenTextIndexTests {
    @Test func findsTheTokensOfTheSameText() {
        let text = """
            Kelvin met \u{212A}elvin and K. \u{212A} said ; then \u{37E} and ` and \u{1FEF} came. \
            José met Jose\u{301} “Kelvin” – K
            """
        let reader = TokenReader(AnalyzedDocument(text))
        let index = TokenTextIndex(reader: reader)
        for i in 0..<reader.count {
            for after in [false, true] {
                let wanted = (0..<reader.count).contains {
                    $0 != i && reader.text($0) == reader.text(i) && (!after || $0 > i)
                }
                #expect(index.containsOther(withTextOf: i) { !after || $0 > i } == wanted, "\(reader.text(i)) at \(i)")
            }
        }
    }
}
