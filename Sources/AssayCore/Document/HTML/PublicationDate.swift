import Foundation

/// Turns the ways pages write a publication date into ISO 8601: `2008-01-01T16:10:00+11:00`
/// stays as it is, `Tue, 01 Jan 2008 16:10:00 GMT`, `January 1, 2008`, `1 January 2008` and
/// `2008/01/01` become `2008-01-01`.
enum PublicationDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func iso8601(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let scalars = Array(text.unicodeScalars)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= scalars.count else { return nil }
            var v = 0
            for s in scalars[start..<(start + count)] {
                guard let d = s.properties.numericType != nil ? Int(String(s)) : nil else { return nil }
                v = v * 10 + d
            }
            return v
        }
        // 2008-01-01..., 20080101, 2008/01/01
        if let year = digits(0, 4), scalars.count >= 8 {
            let separated = scalars.count >= 10 && (scalars[4] == "-" || scalars[4] == "/" || scalars[4] == ".")
            let month = separated ? digits(5, 2) : digits(4, 2)
            let day = separated ? digits(8, 2) : digits(6, 2)
            if let month, let day, valid(year, month, day) {
                if separated, scalars[4] == "-", scalars.count > 10, scalars[10] == "T" || scalars[10] == " " {
                    return scalars[10] == "T"
                        ? text : text.replacingOccurrences(of: " ", with: "T", options: [], range: text.range(of: " "))
                }
                return format(year, month, day)
            }
        }
        // Words: a month name, a day and a four-digit year in any order (RFC 822, US, British).
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var year: Int?, month: Int?, day: Int?
        for w in words {
            if let n = Int(w) {
                if w.count == 4, year == nil { year = n } else if n >= 1, n <= 31, day == nil, w.count <= 2 { day = n }
            } else if month == nil, w.count >= 3, let m = months.firstIndex(of: String(w.prefix(3))) {
                month = m + 1
            } else if w.count > 2, w.hasSuffix("st") || w.hasSuffix("nd") || w.hasSuffix("rd") || w.hasSuffix("th"),
                let n = Int(w.dropLast(2)), day == nil, n >= 1, n <= 31
            {
                day = n
            }
        }
        if let year, let month, let day, valid(year, month, day) { return format(year, month, day) }
        return nil
    }

    private static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31
    }

    private static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        String(format: "%04d-%02d-%02d", y, m, d)
    }
}
