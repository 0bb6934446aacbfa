/// Byte-level character classes for the tokeniser. ASCII is decided by table look-up; other
/// scalars by their Unicode properties, which is slower but rare in English news.
enum CharacterClass: UInt8 {
    case space, letter, digit, other
}

@usableFromInline
struct ScalarReader {
    /// Decodes the scalar at `i` in well-formed UTF-8 and returns it with its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
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
            let v = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
        }
        return ("\u{FFFD}", 1)
    }

    static let asciiClass: [CharacterClass] = (0..<128).map { b -> CharacterClass in
        switch UInt8(b) {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: return .space
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        default: return .other
        }
    }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> CharacterClass {
        if s.value < 128 { return asciiClass[Int(s.value)] }
        switch s.value {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return .space
        default: break
        }
        let p = s.properties
        if p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark { return .letter }
        if p.numericType == .decimal { return .digit }
        if p.isWhitespace { return .space }
        return .other
    }
}
