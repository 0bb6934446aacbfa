import AssayCore

/// The byte tests of the number parsers that the core's ``TextBytes`` does not make: letters of
/// either case, digit values, and the multi-byte dashes, minus sign and spaces written inside and
/// around numbers.
enum NumberBytes {
    /// The smallest byte that starts a multi-byte scalar (U+0080 and up): a first byte below it
    /// is ASCII.
    static let firstMultiByteLead: UInt8 = 0xC2

    /// Whether the byte is an ASCII letter, either case.
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
        TextBytes.isASCIILowercase(TextBytes.asciiLowercased(b))
    }
    /// The value of a digit byte.
    @inline(__always) static func digitValue(_ digit: UInt8) -> Int { Int(digit &- UInt8(ascii: "0")) }

    /// The UTF-8 encoding of a scalar of three bytes.
    typealias ThreeBytes = (UInt8, UInt8, UInt8)
    /// U+2013, the en dash of `10–20`.
    static let enDash: ThreeBytes = (0xE2, 0x80, 0x93)
    /// U+2212, the typographic minus of `−5`.
    static let minusSign: ThreeBytes = (0xE2, 0x88, 0x92)
    /// U+2009 and U+202F, the thin spaces that separate thousands (`12 345`).
    static let thinSpace: ThreeBytes = (0xE2, 0x80, 0x89)
    static let narrowNoBreakSpace: ThreeBytes = (0xE2, 0x80, 0xAF)
    /// U+00A0, the no-break space.
    static let noBreakSpace: (UInt8, UInt8) = (0xC2, 0xA0)

    /// Whether `bytes` hold `scalar` at `p`, entirely before `limit`.
    @inline(__always)
    static func has(_ scalar: ThreeBytes, in bytes: UnsafeBufferPointer<UInt8>, at p: Int, limit: Int) -> Bool {
        p + 2 < limit && bytes[p] == scalar.0 && bytes[p + 1] == scalar.1 && bytes[p + 2] == scalar.2
    }
}
