/// Splits HTML into text and tags, the way browsers read real-world markup: it never fails,
/// and it runs in time linear in the input however broken the markup is.
///
/// It follows the HTML tokenizer's rules where pages depend on them (raw text inside `script`
/// and `style`, references decoded in text and attribute values, `<` that starts no tag is
/// text, conditional comments are comments) and departs from them where a single mistake would
/// otherwise hide the rest of the page: an attribute quote, comment or `script` that is never
/// closed ends at the next `>` (or right after its start tag) instead of at the end of input.
public struct HTMLTokenizer {
    /// Elements whose content is not markup (only their own end tag closes them).
    static let rawTextElements: Set<String> = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title"
    ]
    /// Raw text elements whose content still has character references (the rest is verbatim).
    static let escapableRawTextElements: Set<String> = ["textarea", "title"]

    public init() {}

    /// The tokens of `html`, in order.
    public func tokens(_ html: String) -> [HTMLToken] {
        var html = html
        return html.withUTF8 { tokens(utf8: $0) }
    }

    /// The tokens of UTF-8 markup, in order.
    public func tokens(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [HTMLToken] {
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }
}

private let lessThan = UInt8(ascii: "<"), greaterThan = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
private let ampersand = UInt8(ascii: "&"), equals = UInt8(ascii: "="), bang = UInt8(ascii: "!")
private let question = UInt8(ascii: "?"), dash = UInt8(ascii: "-")
private let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")

@inline(__always) private func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
}
@inline(__always) private func isLetter(_ b: UInt8) -> Bool { b | 0x20 >= 0x61 && b | 0x20 <= 0x7A }
@inline(__always) private func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

/// The tokenizer's state over one input. Searches that reach the end of input without finding
/// what they look for are remembered (`missing*`), so a later search for the same thing from
/// further on fails at once: that keeps broken pages linear.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var tokens: [HTMLToken] = []
    var text: [UInt8] = []
    /// The earliest position after which no `"` / `'` / `-->` occurs (Int.max: not known yet).
    var noDoubleQuoteAfter = Int.max
    var noSingleQuoteAfter = Int.max
    var noCommentEndAfter = Int.max
    /// Raw text end tags known to be missing after a position.
    var noEndTagAfter: [String: Int] = [:]

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 24)
    }

    mutating func run() -> [HTMLToken] {
        let end = bytes.count
        while position < end {
            let b = bytes[position]
            if b == lessThan, position + 1 < end {
                let next = bytes[position + 1]
                if isLetter(next) {
                    flushText()
                    startTag()
                    continue
                }
                if next == slash {
                    flushText()
                    endTag()
                    continue
                }
                if next == bang {
                    flushText()
                    markupDeclaration()
                    continue
                }
                if next == question {
                    flushText()
                    skipPast(greaterThan, from: position + 2)
                    continue
                }
            }
            if b == ampersand,
                let after = HTMLEntities.decode(bytes, at: position, end: end, inAttribute: false, into: &text)
            {
                position = after
                continue
            }
            text.append(b == 0 ? 0x20 : b)
            position += 1
        }
        flushText()
        return tokens
    }

    mutating func flushText() {
        guard !text.isEmpty else { return }
        tokens.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }

    /// Moves past the next `target` at or after `from`, or to the end of input.
    mutating func skipPast(_ target: UInt8, from: Int) {
        var i = from
        while i < bytes.count, bytes[i] != target { i += 1 }
        position = min(i + 1, bytes.count)
    }

    /// `<!--...-->`, `<!DOCTYPE ...>`, `<![CDATA[...]]>`, `<![if !IE]>`: all read past.
    mutating func markupDeclaration() {
        let start = position + 2
        if start + 1 < bytes.count, bytes[start] == dash, bytes[start + 1] == dash {
            var i = start + 2
            // `<!-->` and `<!--->` are empty comments.
            if i < bytes.count, bytes[i] == greaterThan {
                position = i + 1
                return
            }
            if i + 1 < bytes.count, bytes[i] == dash, bytes[i + 1] == greaterThan {
                position = i + 2
                return
            }
            if i < noCommentEndAfter {
                while i + 2 < bytes.count {
                    if bytes[i] == dash, bytes[i + 1] == dash, bytes[i + 2] == greaterThan {
                        position = i + 3
                        return
                    }
                    if bytes[i] == dash, bytes[i + 1] == dash, bytes[i + 2] == bang, i + 3 < bytes.count,
                        bytes[i + 3] == greaterThan
                    {
                        position = i + 4
                        return
                    }
                    i += 1
                }
                noCommentEndAfter = start
            }
            // Never closed: the comment ends at the next `>` rather than swallowing the page.
            skipPast(greaterThan, from: start + 2)
            return
        }
        skipPast(greaterThan, from: start)
    }

    mutating func endTag() {
        let nameStart = position + 2
        guard nameStart < bytes.count, isLetter(bytes[nameStart]) else {
            // `</>` is nothing; `</ foo>` and `</3>` are bogus comments.
            skipPast(greaterThan, from: nameStart)
            return
        }
        var i = nameStart
        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != slash, bytes[i] != greaterThan { i += 1 }
        let name = lowercasedString(nameStart, i)
        // Attributes on end tags are read (their quotes may hold `>`) and dropped.
        position = i
        _ = attributes()
        tokens.append(.endTag(name: name))
    }

    mutating func startTag() {
        let nameStart = position + 1
        var i = nameStart
        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != slash, bytes[i] != greaterThan { i += 1 }
        let name = lowercasedString(nameStart, i)
        position = i
        let (attributes, selfClosing) = attributes()
        tokens.append(.startTag(name: name, attributes: attributes, selfClosing: selfClosing))
        if HTMLTokenizer.rawTextElements.contains(name), !selfClosing { rawText(of: name) }
    }

    /// Reads attributes up to and including the tag's `>`.
    mutating func attributes() -> ([HTMLAttribute], Bool) {
        var list: [HTMLAttribute] = []
        var selfClosing = false
        let end = bytes.count
        while position < end {
            let b = bytes[position]
            if b == greaterThan {
                position += 1
                return (list, selfClosing)
            }
            if isSpace(b) {
                position += 1
                continue
            }
            if b == slash {
                position += 1
                selfClosing = position < end && bytes[position] == greaterThan
                continue
            }
            selfClosing = false
            // A name runs to whitespace, `/`, `>` or `=` (a first `=` belongs to the name).
            let nameStart = position
            position += 1
            while position < end {
                let c = bytes[position]
                if isSpace(c) || c == slash || c == greaterThan || c == equals { break }
                position += 1
            }
            let name = lowercasedString(nameStart, position)
            while position < end, isSpace(bytes[position]) { position += 1 }
            var value = ""
            if position < end, bytes[position] == equals {
                position += 1
                while position < end, isSpace(bytes[position]) { position += 1 }
                value = attributeValue()
            }
            if !list.contains(where: { $0.name == name }) { list.append(HTMLAttribute(name: name, value: value)) }
        }
        return (list, selfClosing)
    }

    mutating func attributeValue() -> String {
        let end = bytes.count
        guard position < end else { return "" }
        let quote = bytes[position]
        var valueEnd: Int
        if quote == doubleQuote || quote == singleQuote {
            let start = position + 1
            var i = start
            let knownMissing = quote == doubleQuote ? noDoubleQuoteAfter : noSingleQuoteAfter
            if start < knownMissing {
                while i < end, bytes[i] != quote { i += 1 }
            } else {
                i = end
            }
            if i < end {
                position = i + 1
                return decodedValue(start, i)
            }
            if quote == doubleQuote {
                noDoubleQuoteAfter = min(noDoubleQuoteAfter, start)
            } else {
                noSingleQuoteAfter = min(noSingleQuoteAfter, start)
            }
            // An unclosed quote: the value ends at the tag's `>`.
            valueEnd = start
            while valueEnd < end, bytes[valueEnd] != greaterThan { valueEnd += 1 }
            position = valueEnd
            return decodedValue(start, valueEnd)
        }
        let start = position
        valueEnd = start
        while valueEnd < end, !isSpace(bytes[valueEnd]), bytes[valueEnd] != greaterThan { valueEnd += 1 }
        position = valueEnd
        return decodedValue(start, valueEnd)
    }

    /// The content of a raw text element, up to its end tag; an element that is never closed is
    /// taken as empty, so the markup after it is still read.
    mutating func rawText(of name: String) {
        let start = position
        let nameBytes = Array(name.utf8)
        let end = bytes.count
        var found = -1
        if start < noEndTagAfter[name] ?? Int.max {
            var i = start
            while i + 1 + nameBytes.count < end {
                if bytes[i] == lessThan, bytes[i + 1] == slash, matches(nameBytes, at: i + 2) {
                    let after = i + 2 + nameBytes.count
                    if after >= end || isSpace(bytes[after]) || bytes[after] == slash || bytes[after] == greaterThan {
                        found = i
                        break
                    }
                }
                i += 1
            }
            if found < 0 { noEndTagAfter[name] = start }
        }
        guard found >= 0 else {
            tokens.append(.endTag(name: name))
            return
        }
        if found > start {
            if HTMLTokenizer.escapableRawTextElements.contains(name) {
                tokens.append(.text(decodedValue(start, found, inAttribute: false)))
            } else {
                tokens.append(
                    .text(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<found]), as: UTF8.self)))
            }
        }
        position = found + 2 + nameBytes.count
        _ = attributes()
        tokens.append(.endTag(name: name))
    }

    func matches(_ lowercaseName: [UInt8], at i: Int) -> Bool {
        guard i + lowercaseName.count <= bytes.count else { return false }
        for k in 0..<lowercaseName.count where lower(bytes[i + k]) != lowercaseName[k] { return false }
        return true
    }

    func lowercasedString(_ start: Int, _ end: Int) -> String {
        var out = [UInt8]()
        out.reserveCapacity(end - start)
        for i in start..<end { out.append(lower(bytes[i])) }
        return String(decoding: out, as: UTF8.self)
    }

    func decodedValue(_ start: Int, _ end: Int, inAttribute: Bool = true) -> String {
        var out = [UInt8]()
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            if bytes[i] == ampersand,
                let after = HTMLEntities.decode(bytes, at: i, end: end, inAttribute: inAttribute, into: &out)
            {
                i = after
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
