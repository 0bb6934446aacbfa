/// How a spelling is written: case, digits and punctuation class, read from its bytes once per
/// spelling by ``TokenTypes`` so that no extractor re-derives them per token.
///
/// Case follows Unicode's `Uppercase` and `Lowercase` properties, so "Émile" is
/// ``capitalized`` like "Moscow"; dashes and quotation marks are those of
/// ``TextBytes/isDash(_:)`` and ``TextBytes/isQuoteMark(_:)``.
public struct TokenShape: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The first scalar is an upper-case letter ("Moscow", "BRICS", "U.S.").
    public static let capitalized = TokenShape(rawValue: 1 << 0)
    /// The first scalar is a lower-case letter ("talks", "iPhone").
    public static let startsLowercase = TokenShape(rawValue: 1 << 1)
    /// Some letter is upper case and every letter is ("BRICS", "U.S.", "A"; not "A中", whose
    /// second letter has no case).
    public static let allCaps = TokenShape(rawValue: 1 << 2)
    /// Some scalar is a letter.
    public static let hasLetter = TokenShape(rawValue: 1 << 3)
    /// Some scalar is a decimal digit ("80th", "1,000").
    public static let hasDigit = TokenShape(rawValue: 1 << 4)
    /// Every scalar is a decimal digit ("2024"; not "1,000").
    public static let allDigits = TokenShape(rawValue: 1 << 5)
    /// Every scalar is a dash ("-", "--", "—").
    public static let dash = TokenShape(rawValue: 1 << 6)
    /// Every scalar is a quotation mark (`"`, `''`, `“`, `’`).
    public static let quoteMark = TokenShape(rawValue: 1 << 7)
    /// No letter or digit, and neither only dashes nor only quotation marks (",", "(", "$", "…").
    public static let otherPunctuation = TokenShape(rawValue: 1 << 8)
    /// Every byte is ASCII.
    public static let ascii = TokenShape(rawValue: 1 << 9)
    /// Some letter is upper case ("BRICS", "iPhone", "Moscow").
    public static let hasUppercase = TokenShape(rawValue: 1 << 10)

    /// The shape of the text of `span`.
    @inlinable
    public init(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) {
        if let ascii = Self(ascii: bytes, span) {
            self = ascii
            return
        }
        var shape: UInt16 = 0
        var uppers = 0, otherLetters = 0, letters = 0, digits = 0, dashes = 0, quotes = 0, scalars = 0
        var ascii = true
        var i = span.start
        while i < span.end {
            let b = bytes[i]
            var s = Unicode.Scalar(b)
            var length = 1
            if b >= 0x80 {
                (s, length) = TextBytes.scalar(in: bytes, at: i)
                ascii = false
            }
            let isUpper: Bool, isLower: Bool, isLetter: Bool, isDigit: Bool
            if b < 0x80 {
                isUpper = TextBytes.isASCIIUppercase(b)
                isLower = TextBytes.isASCIILowercase(b)
                isLetter = isUpper || isLower
                isDigit = TextBytes.isASCIIDigit(b)
            } else {
                let p = s.properties
                isUpper = p.isUppercase
                isLower = p.isLowercase
                isLetter = p.isAlphabetic
                isDigit = p.numericType == .decimal
            }
            if scalars == 0 {
                if isUpper { shape |= Self.capitalized.rawValue }
                if isLower { shape |= Self.startsLowercase.rawValue }
            }
            if isUpper {
                uppers += 1
                letters += 1
            } else if isLetter || isLower {
                otherLetters += 1
                letters += 1
            }
            if isDigit { digits += 1 }
            if TextBytes.isDash(s) { dashes += 1 }
            if TextBytes.isQuoteMark(s) { quotes += 1 }
            scalars += 1
            i += length
        }
        if uppers > 0 { shape |= Self.hasUppercase.rawValue }
        if uppers > 0 && otherLetters == 0 { shape |= Self.allCaps.rawValue }
        if letters > 0 { shape |= Self.hasLetter.rawValue }
        if digits > 0 { shape |= Self.hasDigit.rawValue }
        if scalars > 0 && digits == scalars { shape |= Self.allDigits.rawValue }
        if scalars > 0 && dashes == scalars {
            shape |= Self.dash.rawValue
        } else if scalars > 0 && quotes == scalars {
            shape |= Self.quoteMark.rawValue
        } else if scalars > 0 && letters == 0 && digits == 0 {
            shape |= Self.otherPunctuation.rawValue
        }
        if ascii { shape |= Self.ascii.rawValue }
        self.init(rawValue: shape)
    }

    /// The shape of ASCII text, from its bytes alone; nil when some byte is not ASCII.
    @inlinable @inline(__always)
    init?(ascii bytes: UnsafeBufferPointer<UInt8>, _ span: Span) {
        let n = span.end - span.start
        if n > 0 && n < 8 && span.start + 8 <= bytes.count {
            // Most words: all their bytes in one load, classified eight at a time.
            let word =
                UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + span.start).loadUnaligned(as: UInt64.self))
                & (UInt64.max &>> (64 - 8 * n))
            guard word & 0x8080_8080_8080_8080 == 0 else { return nil }
            self.init(asciiWord: word, length: n)
            return
        }
        var uppers = 0, lowers = 0, digits = 0, dashes = 0, quotes = 0
        for i in span.start..<span.end {
            let b = bytes[i]
            if b >= 0x80 { return nil }
            if TextBytes.isASCIIUppercase(b) {
                uppers += 1
            } else if TextBytes.isASCIILowercase(b) {
                lowers += 1
            } else if TextBytes.isASCIIDigit(b) {
                digits += 1
            } else if b == 0x2D {
                dashes += 1
            } else if b == 0x22 || b == 0x27 {
                quotes += 1
            }
        }
        var first: UInt8 = 0
        if n > 0 { first = bytes[span.start] }
        self.init(
            asciiCounts: n, uppers: uppers, lowers: lowers, digits: digits, dashes: dashes, quotes: quotes,
            firstUpper: TextBytes.isASCIIUppercase(first), firstLower: TextBytes.isASCIILowercase(first))
    }

    /// The shape of an ASCII word of 1...7 bytes packed in a number (first byte lowest, the rest
    /// 0): each class is a mask with the top bit of each byte in it, by the carries of adding
    /// a constant to every byte at once (no byte carries into the next, as all are below 0x80).
    @inlinable @inline(__always)
    init(asciiWord x: UInt64, length n: Int) {
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func inRange(_ from: UInt64, _ past: UInt64) -> UInt64 {
            // Bytes at least `from` and below `past`: adding 0x80 − from reaches 0x80, adding
            // 0x80 − past does not.
            (x &+ (0x80 - from) &* 0x0101_0101_0101_0101) & ~(x &+ (0x80 - past) &* 0x0101_0101_0101_0101) & high
        }
        @inline(__always) func equal(_ c: UInt64) -> UInt64 {
            let t = x ^ (c &* 0x0101_0101_0101_0101)
            return ~(((t & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | t) & high
        }
        // Only the word's own bytes: the padding is 0, which no class but `equal(0)` holds.
        let upper = inRange(0x41, 0x5B), lower = inRange(0x61, 0x7B), digit = inRange(0x30, 0x3A)
        let dash = equal(0x2D), quote = equal(0x22) | equal(0x27)
        self.init(
            asciiCounts: n, uppers: upper.nonzeroBitCount, lowers: lower.nonzeroBitCount,
            digits: digit.nonzeroBitCount, dashes: dash.nonzeroBitCount, quotes: quote.nonzeroBitCount,
            firstUpper: upper & 0x80 != 0, firstLower: lower & 0x80 != 0)
    }

    /// The shape of ASCII text of `n` bytes with these counts of each class.
    @inlinable @inline(__always)
    init(
        asciiCounts n: Int, uppers: Int, lowers: Int, digits: Int, dashes: Int, quotes: Int, firstUpper: Bool,
        firstLower: Bool
    ) {
        var shape = Self.ascii.rawValue
        if firstUpper { shape |= Self.capitalized.rawValue }
        if firstLower { shape |= Self.startsLowercase.rawValue }
        if uppers > 0 { shape |= Self.hasUppercase.rawValue }
        if uppers > 0 && lowers == 0 { shape |= Self.allCaps.rawValue }
        if uppers + lowers > 0 { shape |= Self.hasLetter.rawValue }
        if digits > 0 { shape |= Self.hasDigit.rawValue }
        if n > 0 && digits == n { shape |= Self.allDigits.rawValue }
        if n > 0 && dashes == n {
            shape |= Self.dash.rawValue
        } else if n > 0 && quotes == n {
            shape |= Self.quoteMark.rawValue
        } else if n > 0 && uppers + lowers + digits == 0 {
            shape |= Self.otherPunctuation.rawValue
        }
        self.init(rawValue: shape)
    }
}
