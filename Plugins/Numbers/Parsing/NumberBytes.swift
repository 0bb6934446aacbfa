/// The byte tests the number parsers make on UTF-8 text, named once: ASCII digits and letters,
/// and the multi-byte dashes and spaces news writes around numbers.
enum NumberBytes {
    static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
    static let capitalA = UInt8(ascii: "A"), capitalZ = UInt8(ascii: "Z")
    static let smallA = UInt8(ascii: "a"), smallZ = UInt8(ascii: "z")
    /// The bit that turns an ASCII capital into its small letter (and leaves small letters alone).
    static let caseBit: UInt8 = 0x20
    /// The smallest byte that starts a multi-byte scalar (U+0080 and up): a first byte below it
    /// is ASCII.
    static let firstMultiByteLead: UInt8 = 0xC2

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= zero && b <= nine }
    @inline(__always) static func isCapital(_ b: UInt8) -> Bool { b >= capitalA && b <= capitalZ }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
        let small = b | caseBit
        return small >= smallA && small <= smallZ
    }
    /// The small letter of an ASCII letter.
    @inline(__always) static func lowercased(_ letter: UInt8) -> UInt8 { letter | caseBit }
    /// A letter's place in the alphabet, from 0 for `a` or `A`.
    @inline(__always) static func alphabetIndex(_ letter: UInt8) -> Int { Int((letter | caseBit) &- smallA) }
    /// The value of a digit byte.
    @inline(__always) static func digitValue(_ digit: UInt8) -> Int { Int(digit &- zero) }

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
