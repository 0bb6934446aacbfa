import AssayCore

/// Keys that are dates: `2025`, `2025-Q2`, `2025-05`, `2025-W19`, `2025-05-08` and
/// `2025-05-08T10:30...`, as `month(doc.date)` and the like produce them. A result grouped by
/// one is drawn over time, each key at its place on a day axis.
struct TimeKey: Comparable {
    enum Unit: Int { case year, quarter, month, week, day }
    var unit: Unit
    var year: Int
    /// Quarter, month or ISO week number; day of month for days.
    var part: Int = 1
    var day: Int = 1

    init?(_ text: String) {
        let s = Array(text.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= s.count, r.allSatisfy({ s[$0] >= 48 && s[$0] <= 57 }) else { return nil }
            return r.reduce(0) { $0 * 10 + Int(s[$1] - 48) }
        }
        guard s.count >= 4, let y = digits(0..<4), y >= 1000 else { return nil }
        year = y
        if s.count == 4 {
            unit = .year
            return
        }
        guard s.count >= 7, s[4] == UInt8(ascii: "-") else { return nil }
        if s[5] == UInt8(ascii: "Q"), s.count == 7, let q = digits(6..<7), (1...4).contains(q) {
            unit = .quarter
            part = q
            return
        }
        if s[5] == UInt8(ascii: "W"), s.count == 8, let w = digits(6..<8), (1...53).contains(w) {
            unit = .week
            part = w
            return
        }
        guard let m = digits(5..<7), (1...12).contains(m) else { return nil }
        part = m
        if s.count == 7 {
            unit = .month
            return
        }
        guard s.count >= 10, s[7] == UInt8(ascii: "-"), let d = digits(8..<10), (1...31).contains(d) else { return nil }
        guard s.count == 10 || s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " ") else { return nil }
        unit = .day
        day = d
    }

    private init(unit: Unit, year: Int, part: Int, day: Int) {
        self.unit = unit
        self.year = year
        self.part = part
        self.day = day
    }

    /// Days since 1970-01-01 of the period's first day.
    var dayNumber: Int {
        switch unit {
        case .year: return ISODate.daysSinceEpoch(year, 1, 1)
        case .quarter: return ISODate.daysSinceEpoch(year, (part - 1) * 3 + 1, 1)
        case .month: return ISODate.daysSinceEpoch(year, part, 1)
        case .day: return ISODate.daysSinceEpoch(year, part, day)
        case .week:
            // ISO week 1 holds January 4th; weeks start on Monday.
            let jan4 = ISODate.daysSinceEpoch(year, 1, 4)
            let weekday = ((jan4 % 7) + 7 + 3) % 7  // 0 = Monday (1970-01-01 was a Thursday)
            return jan4 - weekday + (part - 1) * 7
        }
    }

    /// The period after this one, and its key as text.
    var next: TimeKey {
        var k = self
        switch unit {
        case .year: k.year += 1
        case .quarter:
            if k.part == 4 {
                k.part = 1
                k.year += 1
            } else {
                k.part += 1
            }
        case .month:
            if k.part == 12 {
                k.part = 1
                k.year += 1
            } else {
                k.part += 1
            }
        case .week:
            let weeksInYear =
                TimeKey(unit: .week, year: year + 1, part: 1, day: 1).dayNumber
                - TimeKey(unit: .week, year: year, part: 1, day: 1).dayNumber
            if k.part * 7 >= weeksInYear {
                k.part = 1
                k.year += 1
            } else {
                k.part += 1
            }
        case .day:
            let n = dayNumber + 1
            (k.year, k.part, k.day) = ISODate.civil(fromDays: n)
        }
        return k
    }

    var text: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch unit {
        case .year: return "\(year)"
        case .quarter: return "\(year)-Q\(part)"
        case .month: return "\(year)-\(two(part))"
        case .week: return "\(year)-W\(two(part))"
        case .day: return "\(year)-\(two(part))-\(two(day))"
        }
    }

    static func < (a: TimeKey, b: TimeKey) -> Bool { a.dayNumber < b.dayNumber }
    static func == (a: TimeKey, b: TimeKey) -> Bool { a.unit == b.unit && a.dayNumber == b.dayNumber }
}
