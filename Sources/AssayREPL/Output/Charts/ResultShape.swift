import AssayCore

/// What a result is, for drawing it: counts or statistics per key (from `count by`, `group by`
/// or `stats`), or rows.
enum ResultShape: Equatable {
    /// Computed rows with grouping keys and the column that holds the number to draw.
    case aggregate(keys: [String], value: String)
    case rows

    init(_ result: ResultSet) {
        let columns = result.columns
        guard !result.records.isEmpty, result.records.allSatisfy({ $0.document == nil }), columns.contains("count")
        else {
            self = .rows
            return
        }
        let statistics = ["count", "mean", "min", "max"]
        let isStats = statistics.allSatisfy(columns.contains)
        let valueColumns = isStats ? statistics : ["count"]
        // Keys are the remaining columns that hold single values (`group by` adds lists).
        let keys = columns.filter { c in
            !valueColumns.contains(c)
                && !result.records.contains {
                    if case .list? = $0.value(ofExact: c) { return true } else { return false }
                }
        }
        self = .aggregate(keys: keys, value: isStats ? "mean" : "count")
    }
}
