/// A run of page text between two block boundaries (a paragraph, a heading, a list item, a
/// table cell, text between two `<br><br>`), with the shallow features boilerplate detection
/// reads: how many words, how many of them are link text, and where in the tree it sits.
struct TextBlock {
    /// The text with whitespace collapsed; a single `<br>` inside it is a line break.
    var text: String
    var wordCount: Int
    /// Words inside `<a href>`.
    var linkedWordCount: Int
    /// Commas (including the ideographic and Arabic ones), a hint of sentences, not lists.
    var commaCount: Int
    /// The elements from the root down to the innermost block element holding the text.
    var path: [HTMLElement]
    /// Position in the page, counting blocks from 0.
    var index: Int

    /// The innermost block element holding the text.
    var element: HTMLElement { path[path.count - 1] }

    var linkDensity: Double { wordCount == 0 ? 0 : Double(linkedWordCount) / Double(wordCount) }

    /// Whether the block sits inside (or is) an element named `name`.
    func isInside(_ name: String) -> Bool { path.contains { $0.name == name } }
}
