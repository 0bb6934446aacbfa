/// What the tree builder and the text extraction need to know about element names.
enum HTMLElementKinds {
    /// Elements that never have content (`<br>`, `<img>`): no end tag is waited for.
    static let void: Set<String> = [
        "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr", "image", "img", "input",
        "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"
    ]

    /// Start tags that close an open `p` (as in browsers: a paragraph cannot hold blocks).
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "dd", "dt", "listing", "xmp",
        "plaintext"
    ]

    /// Elements an end tag does not look past for its match (a stray `</div>` inside a table
    /// cell does not close the cell's table).
    static let scopeBoundaries: Set<String> = [
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button"
    ]

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Inline elements: text inside them runs on with the text around them.
    static let inline: Set<String> = [
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "blink", "cite", "code", "data", "del", "dfn", "em", "font",
        "i",
        "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike",
        "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr"
    ]

    /// Elements that start a new block of text: their text is not run on with the text around
    /// them.
    static let block: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "plaintext", "xmp"
    ]

    /// Elements whose content is never page text a reader sees as prose: code, styles, form
    /// controls, embedded objects, and `noscript` (the page as seen without scripts duplicates
    /// or replaces what the reader sees).
    static let invisible: Set<String> = [
        "applet", "audio", "button", "canvas", "datalist", "embed", "head", "iframe", "input", "link", "map", "math",
        "meta",
        "noembed", "noframes", "noscript", "object", "optgroup", "option", "script", "select", "style", "svg",
        "template",
        "textarea", "title", "video"
    ]
}
