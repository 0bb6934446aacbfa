import AssayCore

/// Chooses the natural picture of a result: bars for counts and statistics per value (grouped
/// for two keys), lines when the key is a date, a histogram for a numeric field of rows.
enum ChartInference {
    static let maxCategories = 30
    static let maxSeries = 6
    /// Periods filled in between the first and last date of a count, at most.
    static let maxFilledPeriods = 2000

    static func model(for result: ResultSet, field: String?, title: String) throws -> ChartModel {
        guard !result.records.isEmpty else {
            throw AssayError(.invalidArgument, "nothing to chart: the result has no rows")
        }
        switch ResultShape(result) {
        case .aggregate(let keys, let defaultValue):
            var value = defaultValue
            if let field {
                guard result.columns.contains(field),
                    result.records.contains(where: { $0.value(ofExact: field)?.number != nil })
                else {
                    throw AssayError(
                        .unknownField,
                        "no numeric column '\(field)' to chart; columns: \(result.columns.joined(separator: ", "))")
                }
                value = field
            }
            return try keyed(result.records, keys: keys, value: value, title: title, fillsGaps: value == "count")
        case .rows:
            if let field { return try rows(result.records, field: field, title: title) }
            let columns = result.columns
            let numeric = columns.filter { c in
                result.records.allSatisfy { r in r.value(ofExact: c).map { $0.number != nil || $0.isNull } ?? true }
            }
            if columns.count == 2, numeric.count == 1 {
                let label = columns.first { $0 != numeric[0] }!
                return try keyed(result.records, keys: [label], value: numeric[0], title: title, fillsGaps: false)
            }
            let hint = numeric.isEmpty ? "" : " (numeric: \(numeric.joined(separator: ", ")))"
            throw AssayError(
                .invalidArgument,
                "say which field to chart, e.g. 'chart last \(numeric.first(where: { !["start", "end"].contains($0) }) ?? "FIELD")'\(hint), or chart a 'count by' or 'stats' result"
            )
        }
    }

    /// Rows' field: a histogram when numeric, else bars of how many rows have each value.
    static func rows(_ records: [Record], field: String, title: String) throws -> ChartModel {
        let values = records.compactMap { $0.value(of: field) }
        guard !values.isEmpty else { throw AssayError(.unknownField, "no field '\(field)' in this result") }
        let numbers = values.compactMap(\.number)
        if numbers.count == values.filter({ !$0.isNull }).count, !numbers.isEmpty {
            return histogram(numbers, field: field, title: title)
        }
        let counted = Aggregation.count(records, by: [field], minimum: 0)
        return try keyed(counted, keys: [field], value: "count", title: title, fillsGaps: true)
    }

    static func histogram(_ numbers: [Double], field: String, title: String) -> ChartModel {
        let low = numbers.min()!, high = numbers.max()!
        let target = min(30, max(5, Int(Double(numbers.count).squareRoot())))
        let edges = high > low ? ChartNumber.ticks(from: low, to: high, count: target) : [low - 0.5, low + 0.5]
        let width = edges.count > 1 ? edges[1] - edges[0] : 1
        var bins = [Double](repeating: 0, count: max(1, edges.count - 1))
        for n in numbers {
            let i = min(bins.count - 1, max(0, Int(((n - edges[0]) / width).rounded(.down))))
            bins[i] += 1
        }
        let labels = bins.indices.map {
            "\(ChartNumber.format(edges[$0]))–\(ChartNumber.format(edges[0] + width * Double($0 + 1)))"
        }
        var m = ChartModel(
            kind: .histogram, title: title, categoryLabel: field, valueLabel: "rows",
            categories: labels, series: [.init(name: "rows", values: bins)])
        m.positions = edges
        return m
    }

    /// Rows that carry one or two keys and a number each.
    static func keyed(_ records: [Record], keys: [String], value: String, title: String, fillsGaps: Bool) throws
        -> ChartModel
    {
        guard keys.count <= 2 else {
            throw AssayError(
                .invalidArgument,
                "a chart groups by one or two fields, not \(keys.count) (\(keys.joined(separator: ", ")))")
        }
        func key(_ r: Record, _ k: String) -> String {
            let v = r.value(ofExact: k) ?? .null
            return v.isNull ? "(none)" : v.text
        }
        if keys.isEmpty {
            let v = records.first?.value(ofExact: value)?.number
            return ChartModel(
                kind: .bars, title: title, categoryLabel: "all", valueLabel: value, categories: ["all"],
                series: [.init(name: value, values: [v])])
        }
        var categories: [String] = []
        var seriesNames: [String] = []
        var cells: [String: [String: Double]] = [:]
        for r in records {
            let c = key(r, keys[0])
            let s = keys.count == 2 ? key(r, keys[1]) : value
            if cells[c] == nil { categories.append(c) }
            if !seriesNames.contains(s) { seriesNames.append(s) }
            if let n = r.value(ofExact: value)?.number { cells[c, default: [:]][s] = n }
        }
        var notes: [String] = []
        if seriesNames.count > maxSeries {
            let totals = Dictionary(
                uniqueKeysWithValues: seriesNames.map { s in (s, categories.reduce(0) { $0 + abs(cells[$1]?[s] ?? 0) })
                })
            let kept = seriesNames.sorted { totals[$0]! > totals[$1]! }.prefix(maxSeries)
            notes.append("The \(maxSeries) largest of \(seriesNames.count) values of \(keys[1]) are shown.")
            seriesNames = seriesNames.filter(kept.contains)
        }
        let label = keys[0]
        let times = categories.compactMap(TimeKey.init)
        // A bare four-digit number is a year only when the key is text (`year(doc.date)`), not a count.
        let keysAreText = records.allSatisfy { r in r.value(ofExact: keys[0]).map { $0.isText || $0.isNull } ?? true }
        if times.count == categories.count, keysAreText || !times.contains(where: { $0.unit == .year }) {
            var ordered = zip(categories, times).sorted { $0.1 < $1.1 }
            let units = Set(times.map(\.unit))
            if fillsGaps, units.count == 1, let first = ordered.first?.1, let last = ordered.last?.1 {
                var filled: [(String, TimeKey)] = []
                var t = first
                while t <= last, filled.count <= maxFilledPeriods {
                    filled.append((t.text, t))
                    t = t.next
                }
                if filled.count <= maxFilledPeriods {
                    for (text, _) in filled where cells[text] == nil { cells[text] = [:] }
                    ordered = filled
                }
            }
            let series = seriesNames.map { s in
                ChartModel.Series(name: s, values: ordered.map { cells[$0.0]?[s] ?? (fillsGaps ? 0 : nil) })
            }
            var m = ChartModel(
                kind: .line, title: title, categoryLabel: label, seriesLabel: keys.count == 2 ? keys[1] : "",
                valueLabel: value, categories: ordered.map(\.0), series: series, notes: notes)
            m.positions = ordered.map { Double($0.1.dayNumber) }
            return m
        }
        let numericKeys = categories.allSatisfy { Double($0) != nil }
        if numericKeys, keys.count == 1 {
            categories.sort { Double($0)! < Double($1)! }
        }
        if categories.count > maxCategories {
            notes.append("The first \(maxCategories) of \(categories.count) values of \(keys[0]) are shown.")
            categories = Array(categories.prefix(maxCategories))
        }
        let series = seriesNames.map { s in ChartModel.Series(name: s, values: categories.map { cells[$0]?[s] }) }
        return ChartModel(
            kind: numericKeys && keys.count == 1 ? .columns : .bars, title: title, categoryLabel: label,
            seriesLabel: keys.count == 2 ? keys[1] : "", valueLabel: value, categories: categories, series: series,
            notes: notes)
    }
}
