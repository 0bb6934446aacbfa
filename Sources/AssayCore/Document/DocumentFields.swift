/// A document's fields beyond its id and text, in the order they were read: a JSON Lines
/// line's other keys, a CSV row's other columns, a page's title and date, a file's path.
///
/// Names are unique; setting an existing name replaces its value in place. Dates are kept as the
/// strings they were written as (so output passes them through unchanged) and read as dates
/// where that matters, through ``ISODate``.
public struct DocumentFields: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: Value
        public init(name: String, value: Value) {
            self.name = name
            self.value = value
        }
    }

    private var storage: [Field] = []

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        for (name, value) in pairs { self[name] = value }
    }

    /// Fields from pairs whose names are known to be distinct (no search for an earlier one).
    init(uniquePairs pairs: [(String, Value)]) {
        storage = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }

    public var startIndex: Int { storage.startIndex }
    public var endIndex: Int { storage.endIndex }
    public subscript(position: Int) -> Field { storage[position] }

    /// The value of the field called `name`; assigning nil removes it.
    public subscript(name: String) -> Value? {
        get { storage.first { $0.name == name }?.value }
        set {
            let i = storage.firstIndex { $0.name == name }
            switch (i, newValue) {
            case let (i?, v?): storage[i].value = v
            case let (i?, nil): storage.remove(at: i)
            case let (nil, v?): storage.append(Field(name: name, value: v))
            case (nil, nil): break
            }
        }
    }

    /// The fields as ordered name-value pairs (for writers and result rows).
    public var pairs: [(String, Value)] { storage.map { ($0.name, $0.value) } }
}
