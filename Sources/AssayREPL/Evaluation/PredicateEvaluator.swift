import AssayCore

extension Predicate {
    /// Whether a record satisfies the condition. A missing field satisfies only `!=`.
    /// - Throws: `E407` when a `matches` pattern spends its budget on a value, `E801` on Ctrl-C.
    func holds(for r: Record) throws -> Bool {
        switch self {
        case .and(let a, let b): return try a.holds(for: r) && b.holds(for: r)
        case .or(let a, let b): return try a.holds(for: r) || b.holds(for: r)
        case .not(let p): return try !p.holds(for: r)
        case .matches(let field, _, let box):
            guard let v = r.value(of: field), !v.isNull else { return false }
            return try box.regex.isFound(in: v.text)
        case .compare(let field, let op, let expected):
            guard let actual = r.value(of: field) else { return op == .notEqual }
            return Predicate.compare(actual, op, expected)
        }
    }

    static func compare(_ a: Value, _ op: ComparisonOperator, _ b: Value) -> Bool {
        if op == .contains {
            if case .list(let items) = a { return items.contains { $0.text.lowercased() == b.text.lowercased() } }
            return a.text.lowercased().contains(b.text.lowercased())
        }
        // Numbers compare as numbers, everything else as text; null equals only null.
        if a.isNull || b.isNull {
            let equal = a.isNull && b.isNull
            switch op {
            case .equal: return equal
            case .notEqual: return !equal
            default: return false
            }
        }
        let ordering: Int
        if let x = a.date, let y = b.date ?? Predicate.year(b) {
            // ISO 8601 dates compare as dates, at the coarser precision of the two:
            // `doc.date == 2025-05` holds for every day of May.
            ordering = ISODate.compare(x, y)
        } else if let x = a.number ?? Double(a.text), let y = b.number ?? Double(b.text) {
            ordering = x < y ? -1 : (x > y ? 1 : 0)
        } else {
            let x = a.text, y = b.text
            ordering = x == y ? 0 : (x < y ? -1 : 1)
        }
        switch op {
        case .equal: return ordering == 0
        case .notEqual: return ordering != 0
        case .less: return ordering < 0
        case .lessOrEqual: return ordering <= 0
        case .greater: return ordering > 0
        case .greaterOrEqual: return ordering >= 0
        case .contains: return false
        }
    }
}

extension Predicate {
    /// A whole number that reads as a year (`where doc.date >= 2025`), as a date.
    static func year(_ v: Value) -> ISODate? {
        guard case .int(let y) = v, (1000...9999).contains(y) else { return nil }
        return ISODate(year: y, month: 1, day: 1, precision: .year)
    }
}

extension Value {
    var isText: Bool { if case .string = self { return true } else { return false } }
}

extension Predicate {
    /// The fields a condition reads (to check them against the result's columns).
    var fields: [String] {
        switch self {
        case .and(let a, let b), .or(let a, let b): return a.fields + b.fields
        case .not(let p): return p.fields
        case .compare(let f, _, _), .matches(let f, _, _): return [f]
        }
    }
}
