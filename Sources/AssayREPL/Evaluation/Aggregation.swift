import AssayCore

/// `count by`, `group by`, `stats` and set operations over result rows.
enum Aggregation {
    /// Rows `{fields..., count}` sorted by count (descending), then by the key values.
    static func count(_ records: [Record], by fields: [String], minimum: Int) -> [Record] {
        if fields.isEmpty { return [Record(document: nil, span: nil, fields: [("count", .int(records.count))])] }
        var counts: [[Value]: Int] = [:]
        var order: [[Value]] = []
        for r in records {
            let key = fields.map { r.value(of: $0) ?? .null }
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        return order.filter { counts[$0]! >= minimum }
            .sorted { a, b in
                let ca = counts[a]!, cb = counts[b]!
                if ca != cb { return ca > cb }
                for (x, y) in zip(a, b) where x != y { return Value.ordered(x, y) }
                return false
            }
            .map { key in
                Record(
                    document: nil, span: nil,
                    fields: zip(fields, key).map { ($0, $1) } + [("count", .int(counts[key]!))])
            }
    }

    /// One row per value of `field`, with the texts of the rows under it.
    static func group(_ records: [Record], by field: String) -> [Record] {
        var groups: [Value: [Record]] = [:]
        var order: [Value] = []
        for r in records {
            let key = r.value(of: field) ?? .null
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(r)
        }
        return order.sorted { groups[$0]!.count > groups[$1]!.count }.map { key in
            let rows = groups[key]!
            return Record(
                document: nil, span: nil,
                fields: [
                    (field, key), ("count", .int(rows.count)),
                    (
                        "docs",
                        .list(Array(Set(rows.compactMap { $0.value(of: "doc") }).sorted { Value.ordered($0, $1) }))
                    ),
                    ("items", .list(rows.map { $0.value(of: "text") ?? .null }))
                ])
        }
    }

    /// Count, mean, minimum and maximum of a numeric field, overall or per key.
    static func stats(_ records: [Record], field: String, by keys: [String]) -> [Record] {
        var groups: [[Value]: [Double]] = [:]
        var order: [[Value]] = []
        for r in records {
            let key = keys.map { r.value(of: $0) ?? .null }
            if groups[key] == nil { order.append(key) }
            if let raw = r.value(of: field), let v = raw.number ?? Double(raw.text) {
                groups[key, default: []].append(v)
            } else {
                groups[key, default: []] += []
            }
        }
        return order.sorted { groups[$0]!.count > groups[$1]!.count }.map { key in
            let values = groups[key]!
            let mean =
                values.isEmpty
                ? Value.null : .double((values.reduce(0, +) / Double(values.count) * 1000).rounded() / 1000)
            return Record(
                document: nil, span: nil,
                fields: zip(keys, key).map { ($0, $1) } + [
                    ("count", .int(values.count)), ("mean", mean),
                    ("min", values.min().map(Value.number) ?? .null), ("max", values.max().map(Value.number) ?? .null)
                ])
        }
    }

    static func combine(_ left: [Record], _ op: Pipeline.SetOperation, _ right: [Record]) -> [Record] {
        let rightIDs = Set(right.map(\.identity))
        switch op {
        case .union:
            var seen = Set<String>()
            return (left + right).filter { seen.insert($0.identity).inserted }
        case .intersect: return left.filter { rightIDs.contains($0.identity) }
        case .except: return left.filter { !rightIDs.contains($0.identity) }
        }
    }
}
