/// Cuts a page's visible text into ``TextBlock``s: a new block starts at every block element and
/// at two or more `<br>` in a row; inline elements (links, emphasis, `span`, `font`) run on.
/// Whitespace collapses as a browser shows it, except inside `pre`, whose lines stay lines.
struct TextBlockSegmenter {
    private var blocks: [TextBlock] = []
    private var path: [HTMLElement] = []
    private var buffer: [UInt8] = []
    private var words = 0
    private var linkedWords = 0
    private var commas = 0
    private var ideographs = 0
    private var linkedIdeographs = 0
    /// Whether the buffer ends inside a word (so the next text continues that word).
    private var inWord = false
    private var pendingSpace = false
    private var pendingBreaks = 0
    private var linkDepth = 0
    private var preDepth = 0

    /// The blocks of the page below `root`, in order.
    static func blocks(of root: HTMLElement) -> [TextBlock] {
        var segmenter = TextBlockSegmenter()
        segmenter.path = [root]
        segmenter.walk(root)
        segmenter.flush()
        return segmenter.blocks
    }

    private mutating func walk(_ element: HTMLElement) {
        for child in element.children {
            switch child {
            case .text(let text): append(text)
            case .element(let e): visit(e)
            }
        }
    }

    private mutating func visit(_ e: HTMLElement) {
        let name = e.name
        if HTMLElementKinds.invisible.contains(name) || isHidden(e) { return }
        if name == "br" {
            pendingBreaks += 1
            if pendingBreaks >= 2 { flush() }
            return
        }
        if name == "img" {
            // An image with alt text reads as a word break, nothing more.
            pendingSpace = true
            return
        }
        let isBlock = HTMLElementKinds.block.contains(name)
        if isBlock { flush() }
        if isBlock { path.append(e) }
        let isLink = name == "a" && e.attribute("href") != nil
        if isLink { linkDepth += 1 }
        if name == "pre" { preDepth += 1 }
        walk(e)
        if name == "pre" { preDepth -= 1 }
        if isLink { linkDepth -= 1 }
        if isBlock {
            flush()
            path.removeLast()
        }
        if name == "td" || name == "th" { pendingSpace = true }
    }

    /// Elements the author hid (`style="display:none"`, `hidden`, `aria-hidden`).
    private func isHidden(_ e: HTMLElement) -> Bool {
        if e.attribute("hidden") != nil { return true }
        if let style = e.attribute("style") {
            let compact = style.lowercased().filter { $0 != " " }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        return false
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                // The no-break space (C2 A0) and the ideographic space (E3 80 80) are spaces too.
                var spaceLength = (b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C) ? 1 : 0
                if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { spaceLength = 2 }
                if b == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { spaceLength = 3 }
                if spaceLength > 0 {
                    if preDepth > 0, b == 0x0A {
                        pendingBreaks += 1
                        if pendingBreaks >= 2 { flush() }
                    } else {
                        pendingSpace = true
                    }
                    inWord = false
                    i += spaceLength
                    continue
                }
                if !buffer.isEmpty {
                    if pendingBreaks > 0 { buffer.append(0x0A) } else if pendingSpace { buffer.append(0x20) }
                }
                if pendingBreaks > 0 || pendingSpace { inWord = false }
                pendingBreaks = 0
                pendingSpace = false
                if !inWord, b >= 0x80 || isWordByte(b) {
                    words += 1
                    if linkDepth > 0 { linkedWords += 1 }
                    inWord = true
                }
                // Kana and CJK ideographs (lead bytes E3-E9) are written without spaces: two
                // characters count as a word.
                if b >= 0xE3, b <= 0xE9 {
                    ideographs += 1
                    if linkDepth > 0 { linkedIdeographs += 1 }
                }
                if b == UInt8(ascii: ",") { commas += 1 }
                buffer.append(b)
                i += 1
            }
        }
    }

    private func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    private mutating func flush() {
        defer {
            buffer.removeAll(keepingCapacity: true)
            words = 0
            linkedWords = 0
            commas = 0
            ideographs = 0
            linkedIdeographs = 0
            inWord = false
            pendingSpace = false
            pendingBreaks = 0
        }
        guard !buffer.isEmpty else { return }
        let text = String(decoding: buffer, as: UTF8.self)
        let wordCount = words + ideographs / 2, linked = linkedWords + linkedIdeographs / 2
        let commaCount =
            commas + text.unicodeScalars.filter { $0 == "\u{3001}" || $0 == "\u{FF0C}" || $0 == "\u{060C}" }.count
        blocks.append(
            TextBlock(
                text: text, wordCount: wordCount, linkedWordCount: linked, commaCount: commaCount,
                path: path, index: blocks.count))
    }
}
