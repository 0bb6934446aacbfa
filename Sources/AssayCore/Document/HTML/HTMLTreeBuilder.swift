/// Builds an element tree from tokens with the repairs browsers make to real-world markup:
/// implied end tags (`<p>` closes the open paragraph, `<li>` the open item, `<td>` the open
/// cell), end tags without a start tag ignored, end tags kept from closing a table cell they
/// were not opened in, and an unclosed `<a>` closed by the next one.
///
/// `html`, `head` and `body` tags are not kept as elements (pages open and close them in odd
/// places, and text after `</body>` is still shown); their attributes go to the root, which is
/// named `html`.
public struct HTMLTreeBuilder {
    /// Deeper nesting than this is flattened: a page of thousands of unclosed `<font>` tags
    /// stays linear to build and to walk.
    static let maximumDepth = 256

    public init() {}

    /// The root of the tree the tokens describe.
    public func build(_ tokens: [HTMLToken]) -> HTMLElement {
        var rootAttributes: [HTMLAttribute] = []
        for token in tokens {
            if case .startTag(let name, let attributes, _) = token, name == "html" || name == "body" {
                for a in attributes where !rootAttributes.contains(where: { $0.name == a.name }) {
                    rootAttributes.append(a)
                }
            }
        }
        var state = State(root: HTMLElement(name: "html", attributes: rootAttributes))
        for token in tokens {
            switch token {
            case .text(let text): state.appendText(text)
            case .startTag(let name, let attributes, let selfClosing):
                state.start(name, attributes, selfClosing: selfClosing)
            case .endTag(let name): state.end(name)
            }
        }
        return state.stack[0]
    }

    /// Parses `html` into a tree.
    public static func parse(_ html: String) -> HTMLElement {
        HTMLTreeBuilder().build(HTMLTokenizer().tokens(html))
    }
}

private struct State {
    var stack: [HTMLElement]
    /// Text not yet appended to the current element (adjacent text tokens join into one).
    var pendingText = ""

    init(root: HTMLElement) { stack = [root] }

    var current: HTMLElement { stack[stack.count - 1] }

    mutating func appendText(_ text: String) { pendingText += text }

    mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        current.children.append(.text(pendingText))
        pendingText = ""
    }

    mutating func start(_ name: String, _ attributes: [HTMLAttribute], selfClosing: Bool) {
        if name == "html" || name == "body" || name == "head" { return }
        flushText()
        closeImplied(by: name)
        let element = HTMLElement(name: name, attributes: attributes)
        current.children.append(.element(element))
        let isVoid = HTMLElementKinds.void.contains(name)
        // `<div/>` is an open div in HTML, but `<foo/>` of embedded XML (and SVG) is empty.
        let empty =
            isVoid || (selfClosing && !HTMLElementKinds.block.contains(name) && !HTMLElementKinds.inline.contains(name))
        if !empty, stack.count < HTMLTreeBuilder.maximumDepth { stack.append(element) }
    }

    mutating func end(_ name: String) {
        if name == "html" || name == "body" || name == "head" { return }
        flushText()
        if name == "br" {
            start("br", [], selfClosing: true)
            return
        }
        guard let index = openIndex(of: name) else { return }
        stack.removeSubrange(index...)
    }

    /// The stack index of the open element an end tag `name` closes, or nil if it closes none.
    func openIndex(of name: String) -> Int? {
        let isTablePart =
            name == "td" || name == "th" || name == "tr" || name == "table" || name == "tbody" || name == "thead"
            || name == "tfoot" || name == "caption"
        var i = stack.count - 1
        while i > 0 {
            let open = stack[i].name
            if open == name { return i }
            if HTMLElementKinds.scopeBoundaries.contains(open) {
                // A table's own end tags may close the cells and rows inside it.
                if !(isTablePart && (open == "td" || open == "th" || open == "caption")) { return nil }
                if name == "td" || name == "th" { return nil }
            }
            i -= 1
        }
        return nil
    }

    /// Closes what the start tag `name` implies is finished.
    mutating func closeImplied(by name: String) {
        if HTMLElementKinds.closesParagraph.contains(name) { close("p", within: ["button"]) }
        switch name {
        case "li": close("li", within: ["ul", "ol", "menu", "dir"])
        case "dd", "dt":
            close("dd", within: ["dl"])
            close("dt", within: ["dl"])
        case "td", "th":
            close("td", within: ["tr", "table"])
            close("th", within: ["tr", "table"])
        case "tr":
            close("td", within: ["tr", "table"])
            close("th", within: ["tr", "table"])
            close("tr", within: ["table"])
        case "tbody", "thead", "tfoot":
            for part in ["td", "th", "tr", "tbody", "thead", "tfoot"] { close(part, within: ["table"]) }
        case "option": if current.name == "option" { stack.removeLast() }
        case "a": closeInline("a")
        case "h1", "h2", "h3", "h4", "h5", "h6":
            if HTMLElementKinds.headings.contains(current.name) { stack.removeLast() }
        default: break
        }
    }

    /// Pops the stack to and including the open inline `name` when only inline elements are
    /// open above it (an unclosed `<a>` ends where the next link starts).
    mutating func closeInline(_ name: String) {
        var i = stack.count - 1
        while i > 0 {
            let open = stack[i].name
            if open == name {
                stack.removeSubrange(i...)
                return
            }
            if !HTMLElementKinds.inline.contains(open) { return }
            i -= 1
        }
    }

    /// Pops the stack to and including the open `name`, if one is open above the nearest scope
    /// boundary or element of `within`.
    mutating func close(_ name: String, within containers: Set<String>) {
        var i = stack.count - 1
        while i > 0 {
            let open = stack[i].name
            if open == name {
                stack.removeSubrange(i...)
                return
            }
            if containers.contains(open) || HTMLElementKinds.scopeBoundaries.contains(open) { return }
            i -= 1
        }
    }
}
