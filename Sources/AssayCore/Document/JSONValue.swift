/// A parsed JSON value, as ``JSONParser`` reads it: objects keep their keys in the order the text
/// writes them, and numbers keep enough of their literal to be reported as written.
///
/// Public so that a plugin reads a JSON resource at startup with the core's parser, which is
/// many times faster than Foundation's `JSONDecoder` on a file of thousands of numbers.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer literal that fits `Int`.
    case int(Int)
    /// Any other number; `literal` is its text, for a value that does not fit a finite `Double`
    /// (`1e400`), which is then reported as the text it was rather than as infinity.
    case double(Double, literal: String)
    case string(String)
    case array([JSONValue])
    /// Key-value pairs in text order; a repeated key appears more than once (``member(_:)``
    /// answers the last, as most parsers do).
    case object([(String, JSONValue)])

    /// The value of the last member called `key`, if this is an object holding one.
    public func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    /// The value the whole of `bytes` holds (whitespace around it allowed), read as strictly
    /// as an input line; nil when the bytes are not one JSON value.
    public init?(parsing bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes) else { return nil }
        self = value
    }

    /// The number this is (an integer or any other number), if it is one.
    public var number: Double? {
        switch self {
        case .int(let n): return Double(n)
        case .double(let d, _): return d
        default: return nil
        }
    }

    /// The text this is, if it is a string.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements, if this is an array.
    public var elements: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The key-value pairs in text order, if this is an object.
    public var members: [(String, JSONValue)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }

    /// Compact JSON text for the value (object keys in their original order).
    public var jsonText: String {
        var out = JSONWriter()
        write(to: &out)
        return out.output
    }

    /// Writes through the core's ``JSONWriter``, so strings are escaped as the batch output
    /// escapes them.
    private func write(to out: inout JSONWriter) {
        switch self {
        case .null: out.raw("null")
        case .bool(let b): out.raw(b ? "true" : "false")
        case .int(let n): out.raw(String(n))
        case .double(_, let literal): out.raw(literal)
        case .string(let s): out.string(s)
        case .array(let items):
            out.raw("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.raw(",") }
                item.write(to: &out)
            }
            out.raw("]")
        case .object(let members):
            out.raw("{")
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.raw(",") }
                out.string(key)
                out.raw(":")
                value.write(to: &out)
            }
            out.raw("}")
        }
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x, _), .double(y, _)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}
