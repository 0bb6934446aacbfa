import AssayCore

/// Conversions that text decides, made without traps: a number written in a document can be
/// any length (`9223372036854775807`, a 1 followed by 400 zeros, 10,000 digits), so every
/// conversion of a parsed value to `Int` goes through these and never through `Int(_:)`.
extension Double {
    /// The value's whole part as an `Int`, or nil when it has none that fits exactly (NaN,
    /// infinite, or beyond ±2^53, where doubles stop holding every integer).
    var wholeInt: Int? { isFinite && abs(self) < 9.0e15 ? Int(self) : nil }
}

extension Int {
    /// `self * 10 + digit`, held at a billion once past it: for reading digits into a year, day or
    /// count whose callers check the number of digits anyway, so a longer run cannot overflow.
    func appendingDigit(_ digit: UInt8) -> Int {
        self >= 1_000_000_000 ? self : self * 10 + NumberBytes.digitValue(digit)
    }
}
