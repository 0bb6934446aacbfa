import Foundation

/// Questions about characters in UTF-8 text, asked of bytes: the one place the core and the
/// plugins decode scalars and test case and punctuation.
///
/// Extractors read a document as bytes (``AnalyzedDocument/utf8``). ASCII, nearly all of English
/// news, is answered from the byte alone; other text is decoded to a `Unicode.Scalar` and asked
/// of its Unicode properties, so "Émile" is capitalised and "–" is a dash like "-".
///
/// ```swift
/// document.utf8.withUnsafeBufferPointer { bytes in
///     let span = document.tokens[i].span
///     if TextBytes.isCapitalized(bytes, span) { … }
///     let (scalar, length) = TextBytes.scalar(in: bytes, at: span.start)
/// }
/// ```
///
/// The members are inlinable: callers run them once per token or per byte.
public enum TextBytes {
    /// The index of the first byte `byte` in `bytes[from..<to]`, or nil. Found by `memchr`,
    /// which reads many bytes at a time where a loop over them costs some twenty instructions
    /// each: line and field ends of files and input lines are searched this way.
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress, let hit = memchr(base + from, Int32(byte), to - from)
        else { return nil }
        return UnsafeRawPointer(base).distance(to: hit)
    }

    /// Decodes the scalar that starts at byte `i` of well-formed UTF-8 and returns it with its
    /// length in bytes. A sequence cut off by the end of `bytes` gives U+FFFD and length 1.
    @inlinable @inline(__always)
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, length: Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let n = bytes.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            let v = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        if i + 3 < n {
            let v =
                (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
        }
        return ("\u{FFFD}", 1)
    }

    /// The byte with "A"..."Z" lowercased; every other byte as it is.
    @inlinable @inline(__always)
    public static func asciiLowercased(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    /// Whether the byte is "A"..."Z".
    @inlinable @inline(__always)
    public static func isASCIIUppercase(_ b: UInt8) -> Bool { b &- 65 < 26 }

    /// Whether the byte is "a"..."z".
    @inlinable @inline(__always)
    public static func isASCIILowercase(_ b: UInt8) -> Bool { b &- 97 < 26 }

    /// Whether the byte is "0"..."9".
    @inlinable @inline(__always)
    public static func isASCIIDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    /// Eight ASCII bytes with "A"..."Z" lowercased, all at once. A byte plus 0x3F reaches 0x80
    /// from "A" on, and plus 0x25 from the byte after "Z" on; no byte carries into the next
    /// because every byte is below 0x80. The upper-case ones get 0x20.
    @inlinable @inline(__always)
    public static func asciiLowercased(eightBytes x: UInt64) -> UInt64 {
        let fromA = x &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = x &+ 0x2525_2525_2525_2525
        let upper = fromA & ~pastZ & 0x8080_8080_8080_8080
        return x | (upper >> 2)
    }

    /// Whether the text of `span` starts with an upper-case letter ("Moscow", "BRICS", "Émile").
    ///
    /// Upper case is Unicode's `Uppercase` property of the first scalar; for ASCII, "A"..."Z".
    @inlinable
    public static func isCapitalized(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> Bool {
        guard span.start < span.end else { return false }
        let b = bytes[span.start]
        if b < 0x80 { return isASCIIUppercase(b) }
        return scalar(in: bytes, at: span.start).0.properties.isUppercase
    }

    /// Whether the text of `span` starts with a lower-case letter ("talks", "iPhone", "été").
    @inlinable
    public static func startsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> Bool {
        guard span.start < span.end else { return false }
        let b = bytes[span.start]
        if b < 0x80 { return isASCIILowercase(b) }
        return scalar(in: bytes, at: span.start).0.properties.isLowercase
    }

    /// Whether the scalar is a dash: Unicode's dash punctuation (category Pd), which holds the
    /// hyphen-minus "-", the hyphens U+2010 and U+2011, the figure, en and em dashes and the
    /// horizontal bar U+2012...U+2015, among others. Not the minus sign U+2212, a math symbol.
    @inlinable
    public static func isDash(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x2D }
        if v >= 0x2010 && v <= 0x2015 { return true }
        return s.properties.generalCategory == .dashPunctuation
    }

    /// Whether the scalar is a quotation mark: Unicode's `Quotation_Mark` property, which holds
    /// `"`, `'`, the curly quotes U+2018...U+201F, the guillemets «» ‹› and the CJK brackets.
    @inlinable
    public static func isQuoteMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x22 || v == 0x27 }
        if v >= 0x2018 && v <= 0x201F { return true }
        return s.properties.isQuotationMark
    }

    /// The length in bytes of the dash that starts at byte `i`, or 0 when none does.
    @inlinable
    public static func dashLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return b == 0x2D ? 1 : 0 }
        let (s, length) = scalar(in: bytes, at: i)
        return isDash(s) ? length : 0
    }

    /// The length in bytes of the quotation mark that starts at byte `i`, or 0 when none does.
    @inlinable
    public static func quoteMarkLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return b == 0x22 || b == 0x27 ? 1 : 0 }
        let (s, length) = scalar(in: bytes, at: i)
        return isQuoteMark(s) ? length : 0
    }
}
