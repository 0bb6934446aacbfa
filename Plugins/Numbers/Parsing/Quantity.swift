/// An amount read from digits or words, before context decides what kind of number it is.
struct Quantity {
    /// How the amount is written, which becomes the cardinal `subtype`.
    enum Form: String { case integer, decimal, fraction, power }

    /// What the literal itself says it is, whatever its context.
    enum Special: Equatable {
        /// A clock time: hours and minutes on the 24-hour clock when known.
        case time(hour: Int, minute: Int, hasPeriod: Bool)
        /// A numeric date (`2025-05-08`, `8/5/2025`), as ISO 8601 text.
        case date(String)
        /// A decade (`1990s`).
        case decade
        /// A range inside one token (`10-20`, `2024-25`): the high end.
        case range(high: Double)
    }

    /// First and one-past-last token.
    var tokens: Range<Int>
    /// Bytes covered (may end inside a hyphenated token: `10` of `10-year`).
    var start: Int
    var end: Int
    var value: Double
    var form: Form = .integer
    var isOrdinal = false
    /// Written with words (`twenty-five`) rather than digits.
    var isSpelled = false
    /// Digits only, without sign, separators or suffix: a candidate year.
    var isPlainDigits = false
    var digitCount = 0
    /// A scale word or suffix multiplied the amount (`1.2bn`, `3 million`).
    var isScaled = false
    var special: Special?
    /// An ISO currency code glued to the digits (`115USD`).
    var currency: String?
    /// The word glued after the digits (`km` of `10km`, `year` of `10-year`): what it counts.
    var gluedNoun: String?
    /// An approximation glued to the amount (`20-odd`, `20-plus`).
    var gluedApproximation: String?

    /// How many words (or word parts) a spelled amount took.
    var spelledPieces = 0
    /// A span of years written in one token (`2024-25`).
    var isYearSpan = false

    /// A word glued to the amount (`10-year`, `20-odd`): the amount is part of a compound, so
    /// no unit, scale or day period written after it applies.
    var hasGluedWord: Bool { gluedNoun != nil || gluedApproximation != nil }
}
