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
            let v =
                (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
        }
        return ("\u{FFFD}", 1)
    }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> CharacterClass {
        let v = s.value
        if v < 128 {
            // Plain comparisons: range patterns here cost a generic call per byte.
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
