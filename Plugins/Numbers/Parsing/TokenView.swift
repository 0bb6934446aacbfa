import AssayCore

/// A document's bytes and tokens seen through unsafe buffers for one extraction call, with the
/// small look-ups the number scanner makes over and over (a token's first byte, its vocabulary
/// key, whether it is glued to its neighbour). Only valid inside `withTokenView`.
struct TokenView {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    /// The tokens the extractor may look at (those inside the requested span).
    let lower: Int
    let upper: Int

    @inline(__always) func start(_ i: Int) -> Int { tokens[i].span.start }
    @inline(__always) func end(_ i: Int) -> Int { tokens[i].span.end }
    @inline(__always) func kind(_ i: Int) -> Token.Kind { tokens[i].kind }
    @inline(__always) func firstByte(_ i: Int) -> UInt8 { bytes[tokens[i].span.start] }
    @inline(__always) func length(_ i: Int) -> Int { tokens[i].span.end - tokens[i].span.start }
    @inline(__always) func contains(_ i: Int) -> Bool { i >= lower && i < upper }

    /// Whether token `i` touches the token before it (no white space between them).
    @inline(__always) func isGlued(_ i: Int) -> Bool { i > lower && !tokens[i].spaceBefore }

    /// The vocabulary key of token `i`, if it can be a vocabulary word.
    @inline(__always) func key(_ i: Int) -> WordKey? {
        guard contains(i) else { return nil }
        return WordKey(bytes, tokens[i].span.start, tokens[i].span.end)
    }

    /// Whether token `i` is exactly the ASCII character `c`.
    @inline(__always) func isChar(_ i: Int, _ c: UInt8) -> Bool {
        contains(i) && length(i) == 1 && bytes[tokens[i].span.start] == c
    }

    /// Whether token `i` starts with a capital letter (ASCII).
    func isCapitalized(_ i: Int) -> Bool {
        NumberBytes.isCapital(firstByte(i))
    }

    /// Whether token `i` is written in capitals only (ASCII letters).
    func isAllCaps(_ i: Int) -> Bool {
        for p in start(i)..<end(i) {
            if !NumberBytes.isCapital(bytes[p]) { return false }
        }
        return true
    }

    /// The single Unicode scalar of a one-scalar token (symbols such as `€`), else nil.
    func scalar(_ i: Int) -> Unicode.Scalar? {
        guard contains(i) else { return nil }
        let s = start(i), n = length(i)
        let b0 = bytes[s]
        if n == 1 { return b0 < 0x80 ? Unicode.Scalar(b0) : nil }
        var v: UInt32
        switch n {
        case 2 where b0 & 0xE0 == 0xC0: v = UInt32(b0 & 0x1F)
        case 3 where b0 & 0xF0 == 0xE0: v = UInt32(b0 & 0x0F)
        case 4 where b0 & 0xF8 == 0xF0: v = UInt32(b0 & 0x07)
        default: return nil
        }
        for k in 1..<n { v = (v << 6) | UInt32(bytes[s + k] & 0x3F) }
        return Unicode.Scalar(v)
    }

    func text(_ span: Span) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
    }
}

extension AnalyzedDocument {
    /// Runs `body` with a ``TokenView`` over the tokens of `range`.
    func withTokenView<R>(_ range: Range<Int>, _ body: (TokenView) throws -> R) rethrows -> R {
        try utf8.withUnsafeBufferPointer { b in
            try tokens.withUnsafeBufferPointer { t in
                try body(TokenView(bytes: b, tokens: t, lower: range.lowerBound, upper: range.upperBound))
            }
        }
    }
}
