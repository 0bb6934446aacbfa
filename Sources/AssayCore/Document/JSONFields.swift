import Foundation

/// Turns the keys of a JSON Lines object into ``DocumentFields``, in the order the line wrote
/// them.
///
/// - Strings, numbers (integers kept apart from decimals), booleans and null become the value of
///   the same kind; ISO 8601 dates stay strings (see ``ISODate``).
/// - A nested object is flattened into dotted names: `{"author": {"name": "A"}}` gives the field
///   `author.name`, so `doc.author.name` reads it.
/// - An array becomes a list; an object or array inside an array becomes its JSON text.
enum JSONFields {
    /// The fields of `object` except the keys in `excluded`; `line` is the raw JSON the object
    /// was parsed from, read again only for the order of its keys.
    static func fields(of object: [String: Any], line: [UInt8], excluding excluded: Set<String>) -> DocumentFields {
        var out = DocumentFields()
        // Most lines carry only an id and a text: no need to read the line again for an order.
        guard object.keys.contains(where: { !excluded.contains($0) }) else { return out }
        let order = JSONKeyOrder(line).paths
        let rank = Dictionary(order.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        add(object, prefix: "", rank: rank, excluded: excluded, to: &out)
        return out
    }

    private static func add(_ object: [String: Any], prefix: String, rank: [String: Int], excluded: Set<String>, to out: inout DocumentFields) {
        let keys = object.keys.sorted { a, b in
            let ra = rank[prefix + a] ?? Int.max, rb = rank[prefix + b] ?? Int.max
            return ra != rb ? ra < rb : a < b
        }
        for key in keys where !(prefix.isEmpty && excluded.contains(key)) {
            let name = prefix + key
            if let nested = object[key] as? [String: Any] {
                add(nested, prefix: name + ".", rank: rank, excluded: excluded, to: &out)
            } else {
                out[name] = value(object[key]!, topLevel: true)
            }
        }
    }

    static func value(_ any: Any, topLevel: Bool) -> Value {
        switch any {
        case is NSNull: return .null
        case let s as String: return .string(s)
        case let n as NSNumber:
            switch String(cString: n.objCType) {
            case "c", "B": return .bool(n.boolValue)
            case "d", "f": return .double(n.doubleValue)
            case "Q" where n.uint64Value > UInt64(Int.max): return .double(n.doubleValue)
            default: return .int(n.intValue)
            }
        case let items as [Any] where topLevel:
            return .list(items.map { value($0, topLevel: false) })
        default:
            // Structure inside a list: kept as its JSON text rather than lost.
            guard let data = try? JSONSerialization.data(withJSONObject: any, options: [.sortedKeys, .fragmentsAllowed]) else { return .null }
            return .string(String(decoding: data, as: UTF8.self))
        }
    }
}

/// The key paths of a JSON object in the order its text writes them (`a`, `b`, `b.c`), which
/// Foundation's parser does not keep. Reads structure only; values are skipped. On text that is
/// not well-formed it stops early, and the caller orders the rest by name.
struct JSONKeyOrder {
    private(set) var paths: [String] = []
    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        skipSpace()
        _ = value(path: "")
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    /// Skips one value; records the keys of objects that are not inside arrays.
    private mutating func value(path: String?) -> Bool {
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case 0x7B:  // {
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == 0x7D { i += 1; return true }
            while true {
                skipSpace()
                guard let key = string() else { return false }
                let full = path.map { $0.isEmpty ? key : $0 + "." + key }
                if let full { paths.append(full) }
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3A else { return false }
                i += 1
                skipSpace()
                guard value(path: full) else { return false }
                skipSpace()
                guard i < bytes.count else { return false }
                if bytes[i] == 0x2C { i += 1; continue }
                if bytes[i] == 0x7D { i += 1; return true }
                return false
            }
        case 0x5B:  // [
            i += 1
            while true {
                skipSpace()
                guard i < bytes.count else { return false }
                if bytes[i] == 0x5D { i += 1; return true }
                guard value(path: nil) else { return false }
                skipSpace()
                if i < bytes.count, bytes[i] == 0x2C { i += 1 }
            }
        case 0x22:
            return string() != nil
        default:
            while i < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
            return true
        }
    }

    /// A JSON string at `i`, decoded (escapes included).
    private mutating func string() -> String? {
        guard i < bytes.count, bytes[i] == 0x22 else { return nil }
        let start = i
        i += 1
        var escaped = false
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == 0x5C { escaped = true; i += 1; continue }
            if b == 0x22 {
                let raw = bytes[(start + 1)..<(i - 1)]
                if !escaped { return String(decoding: raw, as: UTF8.self) }
                let decoded = try? JSONSerialization.jsonObject(with: Data(bytes[start..<i]), options: [.fragmentsAllowed])
                return decoded as? String
            }
        }
        return nil
    }
}
