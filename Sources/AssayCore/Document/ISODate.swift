/// A calendar date, with an optional time of day, read from ISO 8601 text as news exports write
/// it: `2025-05-08`, `2025-05`, `2025`, `2025-05-08T14:30:00Z`, `2025-05-08 14:30`,
/// `2025-05-08T14:30:00.123+02:00`.
///
/// Dates are taken as written: `2025-05-08T23:30:00-05:00` is on 8 May, the day its outlet
/// printed, not converted to UTC, because analysts group by the publication day. Time zones are
/// accepted and ignored for the same reason.
public struct ISODate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of the date the text gave.
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day, time
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let month: Int
    public let day: Int
    /// Seconds since midnight, as written (0 when the text has no time).
    public let secondOfDay: Double
    public let precision: Precision

    /// The date `text` writes, or nil if it is not an ISO 8601 date (surrounding white space is
    /// allowed; anything else after the date is not).
    public init?(_ text: String) {
        var s = Substring(text).utf8[...]
        while let f = s.first, f == 0x20 || f == 0x09 { s = s.dropFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s = s.dropLast() }
        var reader = DigitReader(bytes: Array(s))
        guard let y = reader.digits(4) else { return nil }
        var m = 1, d = 1, seconds = 0.0
        var precision = Precision.year
        if reader.take(0x2D) {  // -
            guard let mm = reader.digits(2), (1...12).contains(mm) else { return nil }
            m = mm
            precision = .month
            if reader.take(0x2D) {
                guard let dd = reader.digits(2), dd >= 1, dd <= ISODate.daysIn(month: m, year: y) else { return nil }
                d = dd
                precision = .day
                if reader.take(0x54) || reader.take(0x74) || reader.take(0x20) {  // T, t or a space
                    guard let hh = reader.digits(2), hh < 24, reader.take(0x3A), let mi = reader.digits(2), mi < 60
                    else { return nil }
                    seconds = Double(hh * 3600 + mi * 60)
                    if reader.take(0x3A) {
                        guard let ss = reader.digits(2), ss <= 60 else { return nil }
                        seconds += Double(ss)
                        if reader.take(0x2E) || reader.take(0x2C) {
                            var scale = 0.1, any = false
                            while let digit = reader.digit() {
                                seconds += Double(digit) * scale
                                scale /= 10
                                any = true
                            }
                            if !any { return nil }
                        }
                    }
                    precision = .time
                    if reader.take(0x5A) || reader.take(0x7A) {  // Z
                    } else if reader.take(0x2B) || reader.take(0x2D) {
                        guard let zh = reader.digits(2), zh <= 14 else { return nil }
                        if reader.take(0x3A) {
                            guard reader.digits(2) != nil else { return nil }
                        } else {
                            _ = reader.digits(2)
                        }
                    }
                }
            }
        }
        guard reader.atEnd else { return nil }
        self.init(year: y, month: m, day: d, secondOfDay: seconds, precision: precision)
    }

    public init(year: Int, month: Int, day: Int, secondOfDay: Double = 0, precision: Precision = .day) {
        self.year = year
        self.month = month
        self.day = day
        self.secondOfDay = secondOfDay
        self.precision = precision
    }

    /// `2025-05-08` (or `2025-05`, `2025` for a coarser date).
    public var description: String {
        switch precision {
        case .year: return ISODate.pad(year, 4)
        case .month: return monthKey
        case .day, .time: return dayKey
        }
    }

    /// Group keys, plain sortable text: `2025`, `2025-05`, `2025-W19` (ISO week), `2025-05-08`.
    public var yearKey: String { ISODate.pad(year, 4) }
    public var monthKey: String { ISODate.pad(year, 4) + "-" + ISODate.pad(month, 2) }
    public var dayKey: String { monthKey + "-" + ISODate.pad(day, 2) }
    public var weekKey: String {
        let (weekYear, week) = isoWeek
        return ISODate.pad(weekYear, 4) + "-W" + ISODate.pad(week, 2)
    }

    /// The ISO 8601 week: weeks start on Monday, and week 1 holds the year's first Thursday.
    public var isoWeek: (year: Int, week: Int) {
        let days = ISODate.daysSinceEpoch(year, month, day)
        let weekday = ((days % 7) + 7 + 3) % 7 + 1  // 1970-01-01 was a Thursday; Monday = 1
        let thursday = days - weekday + 4
        let thursdayYear = ISODate.civil(fromDays: thursday).year
        let week = (thursday - ISODate.daysSinceEpoch(thursdayYear, 1, 1)) / 7 + 1
        return (thursdayYear, week)
    }

    /// Orders dates at the coarser of the two precisions, so that `2025-05-08T14:00` equals
    /// `2025-05-08` and `2025-05` holds every day of May. -1, 0 or 1.
    public static func compare(_ a: ISODate, _ b: ISODate) -> Int {
        let p = min(a.precision, b.precision)
        var left = [a.year], right = [b.year]
        if p >= .month {
            left.append(a.month)
            right.append(b.month)
        }
        if p >= .day {
            left.append(a.day)
            right.append(b.day)
        }
        for (x, y) in zip(left, right) where x != y { return x < y ? -1 : 1 }
        if p == .time, a.secondOfDay != b.secondOfDay { return a.secondOfDay < b.secondOfDay ? -1 : 1 }
        return 0
    }

    public static func < (a: ISODate, b: ISODate) -> Bool {
        (a.year, a.month, a.day, a.secondOfDay, a.precision.rawValue) < (
            b.year, b.month, b.day, b.secondOfDay, b.precision.rawValue
        )
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian)

    static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
    public static func daysSinceEpoch(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The proleptic Gregorian date `z0` days after 1970-01-01; the inverse of ``daysSinceEpoch(_:_:_:)``.
    public static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// Reads ASCII digits and punctuation from the bytes of a date.
private struct DigitReader {
    let bytes: [UInt8]
    var i = 0
    var atEnd: Bool { i == bytes.count }

    mutating func take(_ b: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == b else { return false }
        i += 1
        return true
    }

    mutating func digit() -> Int? {
        guard i < bytes.count, (0x30...0x39).contains(bytes[i]) else { return nil }
        defer { i += 1 }
        return Int(bytes[i] - 0x30)
    }

    mutating func digits(_ n: Int) -> Int? {
        guard i + n <= bytes.count else { return nil }
        var v = 0
        for _ in 0..<n {
            guard let d = digit() else { return nil }
            v = v * 10 + d
        }
        return v
    }
}

extension Value {
    /// The value as a date, if it is text that writes an ISO 8601 date.
    public var date: ISODate? {
        guard case .string(let s) = self, s.utf8.count >= 4, s.utf8.count <= 40 else { return nil }
        return ISODate(s)
    }
}
