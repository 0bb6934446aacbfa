/// The ``WordClasses`` of every token (or span) of one text: asking whether token `i` is in a
/// class is one array read and one bit test.
///
/// Made per document by ``WordClasses/flags(for:)``; cheap to copy (it shares its arrays).
public struct WordClassFlags<Class: RawRepresentable & Hashable & Sendable>: Sendable where Class.RawValue == Int {
    /// Per token: its type (``TokenTypes/typeOfSpan``).
    @usableFromInline let typeOfSpan: [Int32]
    /// Per type: the classes listing it, bit `c.rawValue` for class `c`.
    @usableFromInline let bitsOfType: [UInt64]

    @usableFromInline
    init(typeOfSpan: [Int32], bitsOfType: [UInt64]) {
        self.typeOfSpan = typeOfSpan
        self.bitsOfType = bitsOfType
    }

    /// The classes listing token `i`, as a bit set (see ``WordClasses/bit(_:)``).
    @inlinable @inline(__always)
    public func classes(token i: Int) -> UInt64 { bitsOfType[Int(typeOfSpan[i])] }

    /// Whether class `c` lists token `i`.
    @inlinable @inline(__always)
    public func contains(_ c: Class, token i: Int) -> Bool {
        classes(token: i) & (1 << UInt64(c.rawValue)) != 0
    }

    /// Whether any of `classes` lists token `i`.
    @inlinable
    public func containsAny(_ classes: [Class], token i: Int) -> Bool {
        var mask: UInt64 = 0
        for c in classes { mask |= 1 << UInt64(c.rawValue) }
        return self.classes(token: i) & mask != 0
    }

    /// The classes listing type `t`, as a bit set.
    @inlinable @inline(__always)
    public func classes(type t: Int) -> UInt64 { bitsOfType[t] }

    /// Whether class `c` lists type `t`.
    @inlinable @inline(__always)
    public func contains(_ c: Class, type t: Int) -> Bool { bitsOfType[t] & (1 << UInt64(c.rawValue)) != 0 }
}
