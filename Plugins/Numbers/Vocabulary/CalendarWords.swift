import AssayCore

/// Words of the calendar and the clock: month names (which turn `May 8` into a date, and keep
/// `May` alone from meaning anything), day periods (`p.m.`) and the words that announce a year.
enum CalendarWords {
    /// Month names and abbreviations, with the month's number.
    static let months: Lexicon<Int> = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december"
        ]
        let short = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        var t: [String: Int] = [:]
        for (i, n) in names.enumerated() { t[n] = i + 1 }
        for (i, n) in short.enumerated() {
            t[n] = i + 1
            t[n + "."] = i + 1
        }
        t["sept"] = 9
        t["sept."] = 9
        return Lexicon(t.map { ($0.key, $0.value) })
    }()

    /// Day periods after a clock time: `5 p.m.`, `10:30am`, `9 a.m`.
    static let dayPeriods: [String] = [
        "a.m.", "p.m.", "a.m", "p.m", "am", "pm",
        "o'clock", "gmt", "utc", "bst", "cet"
    ]

    /// Day periods glued to the digits: `5pm`, `10am` (the letters glued to digits never
    /// include a period).
    static let gluedDayPeriods: [String] = ["am", "pm"]

    /// Words after which a four-digit number is a year (`in 2024`, `since 1945`, `the 2024 election`).
    static let yearContext: [String] = [
        "in", "since", "until", "till", "by", "the", "from", "during", "before", "after", "early", "late", "mid",
        "of", "year", "fiscal", "fy", "circa", "c.", "through", "between", "and", "to", "'s", "summer", "winter",
        "spring", "autumn", "fall", "end", "start", "beginning", "its", "their", "his", "her", "this", "that"
    ]

    /// The earliest and latest numbers read as years when written as four plain digits.
    static let yearRange: ClosedRange<Double> = 1000...2199
}
