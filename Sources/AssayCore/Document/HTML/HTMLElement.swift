/// One element of a parsed page: its lowercased name, attributes and content in order.
///
/// A class because the tree builder appends to elements that are still open while it walks
/// down and up the stack; a parsed tree is not changed afterwards.
public final class HTMLElement {
    /// A piece of an element's content.
    public enum Child {
        case element(HTMLElement)
        case text(String)
    }

    public let name: String
    public let attributes: [HTMLAttribute]
    public internal(set) var children: [Child] = []

    public init(name: String, attributes: [HTMLAttribute] = []) {
        self.name = name
        self.attributes = attributes
    }

    /// The value of the attribute `name` (lowercase), or nil.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The child elements, in order.
    public var elements: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// Every element below this one (not itself), depth first, in document order.
    public func descendants(where matches: (HTMLElement) -> Bool) -> [HTMLElement] {
        var found: [HTMLElement] = []
        var stack: [HTMLElement] = elements.reversed()
        while let e = stack.popLast() {
            if matches(e) { found.append(e) }
            stack.append(contentsOf: e.elements.reversed())
        }
        return found
    }

    /// The text below this element as written (scripts and styles included), whitespace as in
    /// the source.
    public var rawText: String {
        var out = ""
        var stack: [Child] = children.reversed()
        while let c = stack.popLast() {
            switch c {
            case .text(let t): out += t
            case .element(let e): stack.append(contentsOf: e.children.reversed())
            }
        }
        return out
    }
}
