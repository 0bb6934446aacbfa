import Testing
import AssayCore

@Test func tokenizesNews() {
    let doc = AnalyzedDocument("The U.S. said $244.9 billion. Russia's can't.")
    #expect(doc.tokens.map { doc.text(of: $0.span) } == ["The", "U.S.", "said", "$", "244.9", "billion", ".", "Russia", "'s", "ca", "n't", "."])
}
