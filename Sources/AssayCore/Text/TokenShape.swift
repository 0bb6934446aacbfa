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
        self = Self(ascii: bytes, span) ?? Self(unicode: bytes, span)
    }

    /// The shape of text that is not all ASCII, from the Unicode properties of its scalars.
    /// Kept out of line: the types it asks of the standard library are looked up on entry to
    /// any function holding it, which would tax every ASCII word too.
    @usableFromInline @inline(never)
    init(unicode bytes: UnsafeBufferPointer<UInt8>, _ span: Span) {
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
            } else if s.value >= 0x2000 && s.value < 0x2070 {
                // General Punctuation (curly quotes, dashes, "…", spaces), most non-ASCII tokens
                // of news: no scalar of the block is a letter, has case or is a digit, so its
                // properties (some hundreds of instructions each) are not looked up.
                isUpper = false
                isLower = false
                isLetter = false
                isDigit = false
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
    ///
    /// Eight bytes at a time: a span of up to eight bytes is one load (byte by byte only at the
    /// very end of the text); a longer one is read in words, the last overlapping the one before,
    /// which no class minds as each asks only whether some byte or every byte is of it.
    @inlinable @inline(__always)
    init?(ascii bytes: UnsafeBufferPointer<UInt8>, _ span: Span) {
        let n = span.end - span.start
        guard n > 0 else {
            self = .ascii
            return
        }
        let high: UInt64 = 0x8080_8080_8080_8080
        var classes = ASCIIClasses()
        if n <= 8 {
            var word: UInt64 = 0
            if span.start + 8 <= bytes.count {
                word =
                    UInt64(
                        littleEndian: UnsafeRawPointer(bytes.baseAddress! + span.start).loadUnaligned(as: UInt64.self))
                    & (UInt64.max &>> (64 - 8 * n))
            } else {
                for k in 0..<n { word |= UInt64(bytes[span.start + k]) &<< (8 * k) }
            }
            guard word & high == 0 else { return nil }
            classes.add(word, bytes: high & (UInt64.max &>> (64 - 8 * n)))
        } else {
            let base = UnsafeRawPointer(bytes.baseAddress!)
            var i = span.start
            while true {
                let word = UInt64(
                    littleEndian: base.loadUnaligned(fromByteOffset: min(i, span.end - 8), as: UInt64.self))
                guard word & high == 0 else { return nil }
                classes.add(word, bytes: high)
                i += 8
                if i >= span.end { break }
            }
        }
        let first = bytes[span.start]
        var shape = Self.ascii.rawValue
        if TextBytes.isASCIIUppercase(first) { shape |= Self.capitalized.rawValue }
        if TextBytes.isASCIILowercase(first) { shape |= Self.startsLowercase.rawValue }
        if classes.someUpper { shape |= Self.hasUppercase.rawValue }
        if classes.someUpper && !classes.someLower { shape |= Self.allCaps.rawValue }
        if classes.someUpper || classes.someLower { shape |= Self.hasLetter.rawValue }
        if classes.someDigit { shape |= Self.hasDigit.rawValue }
        if classes.allDigits { shape |= Self.allDigits.rawValue }
        if classes.allDashes {
            shape |= Self.dash.rawValue
        } else if classes.allQuotes {
            shape |= Self.quoteMark.rawValue
        } else if !classes.someUpper && !classes.someLower && !classes.someDigit {
            shape |= Self.otherPunctuation.rawValue
        }
        self.init(rawValue: shape)
    }
}

/// Which classes of ASCII bytes some byte or every byte of a text is in, gathered eight bytes
/// at a time (see ``TokenShape/init(ascii:_:)``).
@usableFromInline
struct ASCIIClasses {
    @usableFromInline var someUpper = false
    @usableFromInline var someLower = false
    @usableFromInline var someDigit = false
    @usableFromInline var allDigits = true
    @usableFromInline var allDashes = true
    @usableFromInline var allQuotes = true

    @inlinable init() {}

    /// Adds the bytes of ASCII `x` whose top bits are set in `bytes` (the others are 0): each
    /// class is a mask with the top bit of each byte in it, by the carries of adding a constant
    /// to every byte at once (no byte carries into the next, as all are below 0x80).
    @inlinable @inline(__always)
    mutating func add(_ x: UInt64, bytes: UInt64) {
        @inline(__always) func inRange(_ from: UInt64, _ past: UInt64) -> UInt64 {
            // Bytes at least `from` and below `past`: adding 0x80 − from reaches 0x80, adding
            // 0x80 − past does not.
            (x &+ (0x80 - from) &* 0x0101_0101_0101_0101) & ~(x &+ (0x80 - past) &* 0x0101_0101_0101_0101) & bytes
        }
        @inline(__always) func equal(_ c: UInt64) -> UInt64 {
            let t = x ^ (c &* 0x0101_0101_0101_0101)
            return ~(((t & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | t) & bytes
        }
        let digit = inRange(0x30, 0x3A)
        someUpper = someUpper || inRange(0x41, 0x5B) != 0
        someLower = someLower || inRange(0x61, 0x7B) != 0
        someDigit = someDigit || digit != 0
        allDigits = allDigits && digit == bytes
        allDashes = allDashes && equal(0x2D) == bytes
        allQuotes = allQuotes && (equal(0x22) | equal(0x27)) == bytes
    }
}
