/// Where each token text occurs in a document, made on first use: asking "does this word occur
/// elsewhere" by scanning every token took time proportional to the document for each quote,
/// which is quadratic in a document of thousands of quotes.
final class TokenTextIndex {
    private let reader: TokenReader
    private var positions: [String: [Int]]?

    init(reader: TokenReader) { self.reader = reader }

    /// The tokens whose text is `text`, in document order.
    func tokens(withText text: String) -> [Int] {
        if positions == nil {
            var index: [String: [Int]] = [:]
            for j in 0..<reader.count { index[reader.text(j), default: []].append(j) }
            positions = index
        }
        return positions?[text] ?? []
    }
}
