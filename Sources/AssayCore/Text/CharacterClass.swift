/// Byte-level character classes for the tokeniser. ASCII is decided by table look-up; other
/// scalars by their Unicode properties, which is slower but rare in English news.
enum CharacterClass: UInt8 {
    case space, letter, digit, other
}

@usableFromInline
struct ScalarReader {
    /// The scalar at `i` and its length in bytes (``TextBytes/scalar(in:at:)``).
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        TextBytes.scalar(in: bytes, at: i)
    }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> CharacterClass {
        let v = s.value
        if v < 128 {
            // Plain comparisons: a range pattern here would be a generic call per byte.
            let lower = v | 0x20
            if lower >= 0x61 && lower <= 0x7A { return .letter }
            if v >= 0x30 && v <= 0x39 { return .digit }
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return .space }
            return .other
        }
        return classifyNonASCII(s)
    }

    /// Kept out of line: its Unicode property look-ups would otherwise slow the ASCII path.
    @inline(never)
    static func classifyNonASCII(_ s: Unicode.Scalar) -> CharacterClass {
        let v = s.value
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return .space
        // Common news punctuation, decided without a Unicode property look-up.
        case 0x2010...0x2027, 0x2030...0x205E, 0xAB, 0xBB, 0xA1...0xBF, 0x20A0...0x20CF: return .other
        case 0xC0...0x24F: return v == 0xD7 || v == 0xF7 ? .other : .letter  // Latin-1 and Latin Extended letters
        default: break
        }
        let p = s.properties
        if p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark {
            return .letter
        }
        if p.numericType == .decimal { return .digit }
        if p.isWhitespace { return .space }
        return .other
    }
}
