/// One attribute of a start tag, its name lowercased and its value's references decoded.
public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// What ``HTMLTokenizer`` reads from markup. Comments, doctypes and processing instructions are
/// read past and not reported: nothing in them is page text.
public enum HTMLToken: Sendable, Hashable {
    /// Text with its character references decoded (whitespace as in the source).
    case text(String)
    /// A start tag; `name` is lowercased; `selfClosing` for `<br/>`-style tags.
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    /// An end tag; `name` is lowercased.
    case endTag(name: String)
}
