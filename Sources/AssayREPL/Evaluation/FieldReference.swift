import AssayCore

/// What a field name in a pipeline can say beyond a row's own fields:
/// - `doc.NAME`: the row's document field `NAME` (`doc.outlet`, `doc.date`, `doc.author.name`);
///   `doc.id` and `doc.source` read the document's id and source when no field has that name.
/// - `day(F)`, `week(F)`, `month(F)`, `year(F)`: the date in `F` as a plain sortable key
///   (`2025-05-08`, `2025-W19`, `2025-05`, `2025`), null when `F` holds no ISO 8601 date.
enum FieldReference {
    static let documentPrefix = "doc."
    static let dateFunctions = ["day", "week", "month", "year"]

    /// The value `name` reads from `record`, or nil if it names nothing there.
    static func value(of name: String, in record: Record) -> Value? {
        if name.hasPrefix(documentPrefix), let document = record.document {
            let key = String(name.dropFirst(documentPrefix.count))
            if let v = document.document.fields[key] { return v }
            switch key {
            case "id": return .string(document.id)
            case "source": return .string(document.document.source)
            default: return nil
            }
        }
        if name.hasSuffix(")"), let (function, argument) = call(name) {
            guard let inner = record.value(of: argument) else { return nil }
            guard let date = inner.date else { return .null }
            switch function {
            case "day": return .string(date.precision >= .day ? date.dayKey : date.description)
            case "week": return date.precision >= .day ? .string(date.weekKey) : .null
            case "month": return .string(date.precision >= .month ? date.monthKey : date.yearKey)
            default: return .string(date.yearKey)
            }
        }
        return nil
    }

    /// `month(doc.date)` → ("month", "doc.date").
    static func call(_ name: String) -> (String, String)? {
        guard let open = name.firstIndex(of: "("), name.last == ")" else { return nil }
        let function = name[..<open].lowercased()
        guard dateFunctions.contains(function) else { return nil }
        let argument = name[name.index(after: open)..<name.index(before: name.endIndex)]
        return argument.isEmpty ? nil : (function, String(argument))
    }

    /// The `doc.` names the documents behind `records` offer, in first-seen order (for error
    /// hints and completion).
    static func documentFieldNames(in records: [Record], limit: Int = 200) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        var documents = Set<String>()
        for r in records.prefix(limit) {
            guard let d = r.document, documents.insert(d.id).inserted else { continue }
            for f in d.document.fields where seen.insert(f.name).inserted { out.append(documentPrefix + f.name) }
        }
        return out
    }
}
