/// JSON text written as UTF-8 bytes through a pointer into memory the sink owns, for the writer's
/// hot path (`assay extract` writes several times its input).
///
/// Every write checks for room with one comparison and copies with `memcpy`: appending to an
/// `Array` instead checks uniqueness and capacity through a call for every small piece (a key, a
/// `": "`, a digit run), which cost as much as the bytes themselves.
struct JSONByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Whether `base` is the sink's own, to free; else it is the caller's (see ``init(borrowing:)``).
    private var owned: Bool

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        owned = true
    }

    /// A sink that writes into `buffer` (the caller's, which it never frees) until it needs more
    /// room, then into memory of its own.
    init(borrowing buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
        owned = false
    }

    deinit { if owned { base.deallocate() } }

    /// Whether the sink still writes into the caller's buffer (see ``init(borrowing:)``).
    var isBorrowed: Bool { !owned }

    /// The bytes written so far, appended to `bytes`.
    func append(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if capacity &- count < n { grow(toFit: n) }
    }

    @inline(never)
    private mutating func grow(toFit n: Int) {
        let newCapacity = max(capacity * 2, count + n)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: base, count: count)
        if owned { base.deallocate() }
        base = grown
        capacity = newCapacity
        owned = true
    }

    /// Writes bytes there is room for (after ``reserve(_:)``).
    @inline(__always)
    private mutating func put(_ start: UnsafePointer<UInt8>, _ n: Int) {
        (base + count).update(from: start, count: n)
        count &+= n
    }

    @inline(__always)
    private mutating func put(_ b: UInt8) {
        base[count] = b
        count &+= 1
    }

    mutating func byte(_ b: UInt8) {
        reserve(1)
        put(b)
    }

    /// Punctuation and keys known at compile time, straight from the binary.
    @inline(__always)
    mutating func literal(_ s: StaticString) {
        reserve(s.utf8CodeUnitCount)
        put(s.utf8Start, s.utf8CodeUnitCount)
    }

    /// Bytes that are already JSON (a number's text, say).
    mutating func raw(_ text: UnsafeBufferPointer<UInt8>) {
        guard let start = text.baseAddress, !text.isEmpty else { return }
        reserve(text.count)
        put(start, text.count)
    }

    /// An integer's decimal digits.
    mutating func integer(_ value: Int) {
        // 20 digits hold any UInt64, and one more the sign.
        reserve(21)
        if value < 0 { put(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var bound: UInt = 10
        while digits < 20, magnitude >= bound {
            digits += 1
            bound &*= 10
        }
        var i = count &+ digits
        count = i
        repeat {
            i &-= 1
            base[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    /// A string's text, escaped.
    mutating func string(_ s: String) {
        // A native string's bytes are read in place; only another kind needs the copy that
        // `withUTF8` makes contiguous.
        if s.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) == nil {
            var s = s
            s.withUTF8 { string(utf8: $0) }
        }
    }

    mutating func value(_ v: Value) {
        switch v {
        case .null: literal("null")
        case .bool(let b): b ? literal("true") : literal("false")
        case .int(let i): integer(i)
        case .double(let d): double(d)
        case .string(let s): string(s)
        case .list(let items):
            byte(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { literal(", ") }
                value(item)
            }
            byte(UInt8(ascii: "]"))
        }
    }

    /// A double as ``Value/format(_:)`` writes it. Most doubles in the output are scores with a
    /// few decimals: for those, the shortest decimal that reads back to the same double is found
    /// here and written without making a `String`; any other goes through ``Value/format(_:)``.
    mutating func double(_ v: Double) {
        guard v.isFinite else { return literal("null") }
        let magnitude = v.magnitude
        if v == v.rounded(), magnitude < 1e15 { return integer(Int(v)) }
        // Within these bounds a decimal with up to six places is printed positionally, and at
        // most one such decimal lies within half a unit in the last place of the double, so the
        // first number of places that reads back is the shortest form's.
        if magnitude >= 1e-3, magnitude < 1e7 {
            var scale = 10.0
            for places in 1...6 {
                let scaled = (magnitude * scale).rounded()
                // Division of two exact values rounds as reading the decimal's text would.
                if scaled / scale == magnitude {
                    return decimal(negative: v < 0, digits: UInt(scaled), places: places)
                }
                scale *= 10
            }
        }
        var text = Value.format(v)
        text.withUTF8 { raw($0) }
    }

    /// `digits` with a decimal point `places` from its end (`-` first when `negative`).
    private mutating func decimal(negative: Bool, digits: UInt, places: Int) {
        var unit: UInt = 1
        for _ in 0..<places { unit &*= 10 }
        if negative { byte(UInt8(ascii: "-")) }
        integer(Int(digits / unit))
        reserve(places &+ 1)
        put(UInt8(ascii: "."))
        var fraction = digits % unit
        var i = count &+ places
        count = i
        for _ in 0..<places {
            i &-= 1
            base[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction % 10)
            fraction /= 10
        }
    }

    /// A JSON string of valid UTF-8 text: runs that need no escape are copied in one go; quote,
    /// backslash and control characters are escaped. Bytes of multi-byte characters are all
    /// `>= 0x80` and pass as they are.
    mutating func string(utf8 text: UnsafeBufferPointer<UInt8>) {
        let n = text.count
        // Room for the common case, a text without escapes, written with no other check.
        reserve(n &+ 2)
        put(UInt8(ascii: "\""))
        if let start = text.baseAddress, n > 0, !putShort(start, n) {
            let special = JSONStringBytes.firstNeedingEscape(start, from: 0, to: n)
            put(start, special)
            if special < n { escaped(start, from: special, to: n) }
        }
        put(UInt8(ascii: "\""))
    }

    /// Copies a text of up to 16 bytes that needs no escape (a key, a label), from 4 bytes on as
    /// two words that may overlap, checked and stored in place: most strings written are that
    /// short, and a scan and a call to `memcpy` cost more than their bytes. Returns false, having
    /// written nothing, for any other text (room already reserved).
    @inline(__always)
    private mutating func putShort(_ start: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let from = UnsafeRawPointer(start)
        let to = UnsafeMutableRawPointer(base + count)
        if n >= 8, n <= 16 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            guard
                JSONStringBytes.escapeMask(UInt64(littleEndian: head))
                    | JSONStringBytes.escapeMask(UInt64(littleEndian: tail)) == 0
            else { return false }
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4, n < 8 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            let both = UInt64(UInt32(littleEndian: head)) | UInt64(UInt32(littleEndian: tail)) << 32
            guard JSONStringBytes.escapeMask(both) == 0 else { return false }
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
        } else if n < 4 {
            for k in 0..<n where start[k] < 0x20 || start[k] == UInt8(ascii: "\"") || start[k] == UInt8(ascii: "\\") {
                return false
            }
            for k in 0..<n { to.storeBytes(of: start[k], toByteOffset: k, as: UInt8.self) }
        } else {
            return false
        }
        count &+= n
        return true
    }

    /// The rest of a string's text from `special`, the first byte that needs an escape, with
    /// room for the closing quote.
    @inline(never)
    private mutating func escaped(_ start: UnsafePointer<UInt8>, from special: Int, to n: Int) {
        var special = special
        while true {
            // The escape (at most 6 bytes), the run after it and the closing quote.
            reserve(7)
            escape(start[special])
            let runStart = special &+ 1
            special = JSONStringBytes.firstNeedingEscape(start, from: runStart, to: n)
            reserve(special &- runStart &+ 1)
            put(start + runStart, special &- runStart)
            if special == n { return }
        }
    }

    /// The escape of one byte (room already reserved).
    @inline(__always)
    private mutating func escape(_ b: UInt8) {
        put(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""): put(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): put(UInt8(ascii: "\\"))
        case UInt8(ascii: "\n"): put(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): put(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): put(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            put(UInt8(ascii: "u"))
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "0"))
            put(hex.utf8Start[Int(b >> 4)])
            put(hex.utf8Start[Int(b & 0xF)])
        }
    }
}
