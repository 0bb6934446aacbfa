import Testing

@testable import AssayNumbers

/// Numbers of any length never trap: values too large for an integer are reported as doubles,
/// or as null with their text kept when no double holds them.
@Suite struct HostileNumberTests {
    @Test(arguments: [
        "It holds 9223372036854775807 records.",
        "It holds 9223372036854775808 records.",
        "It holds -9223372036854775809 records.",
        "It was the 9223372036854775807th try.",
        "Prices hit $9223372036854775807 on May 9223372036854775807.",
        "At 9223372036854775807 p.m. and 9223372036854775807pm it rang.",
        "Dated 99999999999999999999/12/2025 and 1/99999999999999999999/2025 and 1/2/99999999999999999999.",
        "Filed 2025-99999999999999999999-01 and 2025-01-99999999999999999999.",
        "By 1e99999999999999999999 or 10^99999999999999999999 or 2x10^99999999999999999999.",
        "It ran from 5-99999999999999999999 and 99999999999999999999-99999999999999999999.",
        "Rooms 9223372036854775807:30 open."
    ])
    func hugeIntegersDoNotTrap(text: String) throws {
        let found = try numbers(text)
        for f in found { #expect(f.text.isEmpty == false) }
    }

    @Test func aOneWithFourHundredZerosIsNullWithItsText() throws {
        let digits = "1" + String(repeating: "0", count: 400)
        let m = try #require(try mention(digits, in: "They counted \(digits) grains."))
        #expect(m["value"] == .null)
        #expect(m.kind == "cardinal")
    }

    @Test func aDollarSignBeforeTenThousandDigitsAndTheSameWithTh() throws {
        let digits = String(repeating: "9", count: 10_000)
        let found = try numbers("It cost $\(digits) and came \(digits)th, then \(digits)s.")
        #expect(found.contains { $0.text == "$" + digits && $0.kind == "money" })
    }

    @Test func theLargestIntegerIsADouble() throws {
        let m = try #require(try mention("9223372036854775807", in: "It holds 9223372036854775807 records."))
        let value = try #require(m.value)
        #expect(abs(value / 9223372036854775807.0 - 1) < 1e-12)
    }
}
