/// Turns the keys of a JSON Lines object into ``DocumentFields``, in the order the line wrote
/// them.
///
/// - Strings, numbers (integers kept apart from decimals), booleans and null become the value of
///   the same kind; ISO 8601 dates stay strings (see ``ISODate``). A number too large for a
///   finite `Double` (`1e400`) stays the text it was written as.
/// - A nested object is flattened into dotted names: `{"author": {"name": "A"}}` gives the field
///   `author.name`, so `doc.author.name` reads it.
/// - An array becomes a list; an object or array inside an array becomes its JSON text.
/// - A key written twice keeps its first place and its last value.
enum JSONFields {
    /// The fields of an object's `members` except the top-level keys in `excluded`.
    static func fields(of members: [(String, JSONValue)], excluding excluded: Set<String>) -> DocumentFields {
        var flat: [(String, Value)] = []
        add(members, prefix: "", excluded: excluded, to: &flat)
        // Deduplicated here with a dictionary, as DocumentFields' own replacement is linear per
        // name and a hostile line can hold many thousands of keys.
        var place: [String: Int] = [:]
        var unique: [(String, Value)] = []
        unique.reserveCapacity(flat.count)
        for (name, value) in flat {
            if let p = place[name] {
                unique[p].1 = value
            } else {
                place[name] = unique.count
                unique.append((name, value))
            }
        }
        return DocumentFields(uniquePairs: unique)
    }

    private static func add(
        _ members: [(String, JSONValue)], prefix: String, excluded: Set<String>, to out: inout [(String, Value)]
    ) {
        for (key, value) in members where !(prefix.isEmpty && excluded.contains(key)) {
            let name = prefix + key
            if case .object(let nested) = value {
                add(nested, prefix: name + ".", excluded: excluded, to: &out)
            } else {
                out.append((name, self.value(value, topLevel: true)))
            }
        }
    }

    static func value(_ json: JSONValue, topLevel: Bool) -> Value {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .double(let d, let literal): return d.isFinite ? .double(d) : .string(literal)
        case .string(let s): return .string(s)
        case .array(let items) where topLevel:
            return .list(items.map { value($0, topLevel: false) })
        case .array, .object:
            // Structure inside a list: kept as its JSON text rather than lost.
            return .string(json.jsonText)
        }
    }
}
