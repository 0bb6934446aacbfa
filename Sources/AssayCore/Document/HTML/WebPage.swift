/// A web page as Assay reads it: the article's text (paragraphs separated by a blank line) and
/// what the page says about itself.
public struct WebPage: Sendable, Hashable {
    /// The article's main text without navigation, link lists, adverts, comments, footers,
    /// headline and bylines; paragraphs are separated by a blank line.
    public var text: String
    public var metadata: WebPageMetadata

    public init(text: String, metadata: WebPageMetadata) {
        self.text = text
        self.metadata = metadata
    }

    /// Reads the page in `html` (already decoded text).
    public init(html: String) {
        let root = HTMLTreeBuilder.parse(html)
        metadata = WebPageMetadata(root: root)
        let paragraphs = ArticleExtractor().paragraphs(of: root, title: metadata.title)
        text = paragraphs.joined(separator: "\n\n")
    }
}
