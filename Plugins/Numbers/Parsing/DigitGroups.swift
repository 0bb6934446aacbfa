import AssayCore

/// Digits in groups and the separators between them (`1,234,567.89`, `1.000.000`,
/// `12,34,567`, `1.111,11`, `192.168.0.1`), and the number, if any, they write.
struct DigitGroups {
    struct Group {
        /// The `,` or `.` before the group (0 for the first).
        var separator: UInt8
        var start: Int
        var end: Int
        var length: Int { end - start }
    }

    static let comma = UInt8(ascii: ","), dot = UInt8(ascii: ".")

    private(set) var groups: [Group]

    /// The groups of digits from `start`, each after a `,` or `.` directly followed by a digit.
    init(_ b: LiteralBytes, from start: Int) {
        var q = start
        while b.isDigit(q) { q += 1 }
        groups = [Group(separator: 0, start: start, end: q)]
        while b[q] == DigitGroups.comma || b[q] == DigitGroups.dot, b.isDigit(q + 1) {
            let separator = b[q]
            var r = q + 1
            while b.isDigit(r) { r += 1 }
            groups.append(Group(separator: separator, start: q + 1, end: r))
            q = r
        }
    }

    var count: Int { groups.count }
    /// The digits before the first separator.
    var first: Group { groups[0] }
    /// Where the last group ends.
    var end: Int { groups[groups.count - 1].end }

    /// The value of the groups, choosing thousands and decimal separators; nil for codes (IP
    /// addresses, versions). Drops trailing groups that cannot belong to the number (`1,2`, a
    /// list, keeps `1`).
    mutating func interpret(_ b: UnsafeBufferPointer<UInt8>) -> (value: Double, fractionDigits: Int)? {
        var decimalGroup: Int?
        switch readSeparators() {
        case .code: return nil
        case .noDecimals: decimalGroup = nil
        case .decimals(let group): decimalGroup = group
        }
        var mantissa = 0.0
        var fractionDigits = 0
        for (n, g) in groups.enumerated() {
            for p in g.start..<g.end { mantissa = mantissa * 10 + Double(NumberBytes.digitValue(b[p])) }
            if n == decimalGroup { fractionDigits = g.length }
        }
        let value =
            fractionDigits == 0 ? mantissa : mantissa / NumericLiteralParser.pow10Power(10, Double(fractionDigits))
        return (value, fractionDigits)
    }

    /// What the separators between the groups are.
    private enum Separators {
        /// Thousands separators only (or none).
        case noDecimals
        /// The group at this index follows the decimal separator.
        case decimals(group: Int)
        /// Neither a number's grouping: an IP address, a version.
        case code
    }

    /// Decides the separators, trimming the groups of a list (`1,2`) to the first.
    private mutating func readSeparators() -> Separators {
        guard groups.count > 1 else { return .noDecimals }
        let later = groups.dropFirst()
        let dots = later.filter { $0.separator == DigitGroups.dot }.count
        let commas = later.count - dots
        if dots == 0 {
            if !DigitGroups.isThousands(groups[...]) { groups = [groups[0]] }  // "1,2": a list, keep the first
            return .noDecimals
        }
        if commas == 0 {
            if dots == 1 { return .decimals(group: 1) }
            // European thousands: 1.000.000
            if groups.count != 4, later.allSatisfy({ $0.length == 3 }), groups[0].length <= 3 { return .noDecimals }
            return .code
        }
        let last = groups[groups.count - 1]
        let inner = groups[1..<(groups.count - 1)]
        if last.separator == DigitGroups.dot, inner.allSatisfy({ $0.separator == DigitGroups.comma }),
            DigitGroups.isThousands(groups[0..<(groups.count - 1)])
        {
            return .decimals(group: groups.count - 1)
        }
        if last.separator == DigitGroups.comma, last.length <= 2, inner.allSatisfy({ $0.separator == DigitGroups.dot }),
            groups.count > 2, inner.allSatisfy({ $0.length == 3 }), groups[0].length <= 3
        {
            return .decimals(group: groups.count - 1)  // European decimal: 1.111,11
        }
        return .code
    }

    /// Whether the groups are thousands groups: 1 to 3 digits, then groups of 3, or in Indian
    /// grouping (`12,34,567`) groups of 2 and a last group of 3.
    private static func isThousands(_ gs: ArraySlice<Group>) -> Bool {
        guard let first = gs.first, (1...3).contains(first.length) else { return false }
        let rest = gs.dropFirst()
        if rest.allSatisfy({ $0.length == 3 }) { return true }
        return first.length <= 2 && rest.last?.length == 3 && rest.dropLast().allSatisfy { $0.length == 2 }
    }
}
