import AssayCore

/// The bytes a numeric literal may span, up to the end of the last token glued to it; reading
/// past that end gives 0, which is no digit, letter or separator.
struct LiteralBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    let limit: Int

    @inline(__always) subscript(p: Int) -> UInt8 { p < limit ? bytes[p] : 0 }
    @inline(__always) func isDigit(_ p: Int) -> Bool { p < limit && TextBytes.isASCIIDigit(bytes[p]) }
    @inline(__always) func isLetter(_ p: Int) -> Bool { p < limit && NumberBytes.isLetter(bytes[p]) }
    /// Whether the byte at `p` is the ASCII letter `small`, in either case.
    @inline(__always) func isLetter(_ p: Int, _ small: Unicode.Scalar) -> Bool {
        TextBytes.asciiLowercased(self[p]) == UInt8(ascii: small)
    }
    @inline(__always) func isEnDash(_ p: Int) -> Bool {
        NumberBytes.has(NumberBytes.enDash, in: bytes, at: p, limit: limit)
    }
    @inline(__always) func isMinusSign(_ p: Int) -> Bool {
        NumberBytes.has(NumberBytes.minusSign, in: bytes, at: p, limit: limit)
    }
    /// Whether a `+` or `-` sign is at `p`.
    @inline(__always) func isSign(_ p: Int) -> Bool { self[p] == UInt8(ascii: "-") || self[p] == UInt8(ascii: "+") }

    /// The number the digits from `p` write (as many as there are) and where they end.
    func digits(from p: Int) -> (value: Double, end: Int) {
        var r = p
        var value = 0.0
        while isDigit(r) {
            value = value * 10 + Double(NumberBytes.digitValue(bytes[r]))
            r += 1
        }
        return (value, r)
    }

    /// The digits from `p` as an `Int` held at a billion (for days, months and years, whose
    /// callers check the digit count) and where they end.
    func wholeDigits(from p: Int) -> (value: Int, end: Int) {
        var r = p
        var value = 0
        while isDigit(r) {
            value = value.appendingDigit(bytes[r])
            r += 1
        }
        return (value, r)
    }
}
