import AssayCore

/// A bar column for `count by` and `stats` tables on a terminal: Unicode blocks in eighths, so a
/// result's shape shows at a glance without leaving the REPL.
enum TerminalBars {
    static let width = 24
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The result with a `bar` column when it is a count or statistics table; else unchanged.
    static func adding(to result: ResultSet) -> ResultSet {
        guard case .aggregate(_, let value) = ResultShape(result), result.records.count > 1 else { return result }
        let numbers = result.records.map { $0.value(ofExact: value)?.number }
        let largest = numbers.compactMap { $0 }.map(abs).max() ?? 0
        guard largest > 0 else { return result }
        var out = result
        for (i, n) in numbers.enumerated() {
            out.records[i].fields.append((key: "bar", value: .string(bar(n ?? 0, of: largest))))
        }
        return out
    }

    /// A bar of `value / largest` of the full width; negative values are drawn in light shade.
    static func bar(_ value: Double, of largest: Double) -> String {
        let units = Int((abs(value) / largest * Double(width * 8)).rounded())
        if value < 0 { return String(repeating: "░", count: max(1, (units + 4) / 8)) }
        let s = String(repeating: "█", count: units / 8) + eighths[units % 8]
        return s.isEmpty && value > 0 ? "▏" : s
    }
}
