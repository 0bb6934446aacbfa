/// A field value carried by an annotation or a result row.
///
/// Values are deliberately few: what JSON can say, with integers kept apart from doubles so that
/// `244900000000` prints as written rather than as `2.449e+11`.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([Value])

    /// The value as a number, if it is one (integers widen to `Double`).
    public var number: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        case .bool(let v): return v ? 1 : 0
        default: return nil
        }
    }

    /// The value as text, as a user would type it in a `where` clause.
    public var text: String {
        switch self {
        case .null: return ""
        case .bool(let v): return v ? "true" : "false"
        case .int(let v): return String(v)
        case .double(let v): return Value.format(v)
        case .string(let s): return s
        case .list(let items): return items.map(\.text).joined(separator: ", ")
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Formats a double the shortest way that reads back to the same number; whole numbers
    /// print without a fraction (`80`, not `80.0`).
    public static func format(_ v: Double) -> String {
        if v.isNaN || v.isInfinite { return "null" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return "\(v)"
    }

    /// Orders values for `sort`: nulls first, then numbers numerically, then text.
    public static func ordered(_ a: Value, _ b: Value) -> Bool {
        switch (a.number, b.number) {
        case let (x?, y?): return x < y
        case (nil, .some): return a.isNull
        case (.some, nil): return !b.isNull
        case (nil, nil):
            if a.isNull != b.isNull { return a.isNull }
            return a.text.localizedStandardLess(b.text)
        }
    }
}

extension String {
    /// Case-insensitive ordering without Foundation's locale machinery (fast and stable).
    func localizedStandardLess(_ other: String) -> Bool {
        let l = lowercased(), r = other.lowercased()
        return l == r ? self < other : l < r
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value {
    /// A number as the most natural value: whole numbers within `Int` range become `.int`; one
    /// no double holds (a value that overflowed to infinity, or NaN) becomes `.null`, as JSON
    /// has no such number.
    public static func number(_ v: Double) -> Value {
        if !v.isFinite { return .null }
        if v == v.rounded(), abs(v) < 9.0e15 { return .int(Int(v)) }
        return .double(v)
    }
    /// Text, or `.null` when there is none.
    public static func optional(_ s: String?) -> Value { s.map(Value.string) ?? .null }
}
