/// A strict JSON (RFC 8259) parser for one JSON Lines line.
///
/// Written for the input path rather than borrowed from Foundation, whose parser drops a raw
/// U+FEFF at the start of a string or after an escape (shifting every later offset of the
/// document), accepts trailing commas, reports invalid UTF-8 as a syntax error, recurses without
/// bound on deep nesting and needs many times the line's size in memory. This one keeps every
/// scalar of a string as written, says what is wrong and where (in bytes from the line's start),
/// and stops nesting at ``maximumDepth``.
struct JSONParser {
    /// Arrays and objects nested deeper than this are refused (deep nesting would otherwise
    /// exhaust the stack).
    static let maximumDepth = 512

    struct Failure: Error, Equatable {
        /// Invalid UTF-8 inside a string (`E303`) rather than malformed JSON (`E304`).
        var isInvalidUTF8: Bool
        var message: String
    }

    /// The value the whole of `bytes` holds (whitespace around it allowed).
    static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> JSONValue in
            var parser = JSONParser(buffer)
            parser.skipSpace()
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            if parser.i < buffer.count {
                throw parser.failure("unexpected \(parser.describeHere()) after the JSON value")
            }
            return value
        }
    }

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    /// A parser at the start of `bytes`. Besides ``parse(_:)``, readers of JSON of a known
    /// shape (the names table) walk it with ``members(_:)``, ``elements(_:)``, ``string()``,
    /// ``integer()`` and ``skipValue()``, which check the syntax as ``parse(_:)`` does.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    /// The byte at the cursor, nil at the end.
    func peek() -> UInt8? { i < b.count ? b[i] : nil }

    /// A failure that is not the syntax's: `message`, at the cursor.
    func failure(_ message: String) -> Failure { failure(message, at: nil) }

    /// Checks that nothing but whitespace is left.
    mutating func end() throws(Failure) {
        skipSpace()
        if i < b.count { throw failure("unexpected \(describeHere()) after the JSON value") }
    }

    /// Passes over the value at the cursor, checking it as ``parse(_:)`` would.
    mutating func skipValue() throws(Failure) { _ = try value(depth: 0) }

    /// The integer at the cursor, nil for a value that is not a number or is one that is not
    /// an integer fitting `Int` (passed over all the same).
    mutating func integer() throws(Failure) -> Int? {
        guard let c = peek(), c == 0x2D || (0x30...0x39).contains(c) else { return nil }
        if case .int(let n) = try number() { return n }
        return nil
    }

    private func failure(_ message: String, at offset: Int?) -> Failure {
        Failure(isInvalidUTF8: false, message: "\(message) at byte \(offset ?? i)")
    }

    /// The byte at `i` for a message: a character, or the end of the line.
    private func describeHere() -> String {
        guard i < b.count else { return "end of line" }
        let c = b[i]
        return c >= 0x21 && c < 0x7F
            ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16, uppercase: true))"
    }

    mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard i < b.count else { throw failure("unexpected end of line where a value should be") }
        switch b[i] {
        case 0x7B: return try object(depth: depth + 1)
        case 0x5B: return try array(depth: depth + 1)
        case 0x22: return .string(try string())
        case 0x74:
            try literal("true")
            return .bool(true)
        case 0x66:
            try literal("false")
            return .bool(false)
        case 0x6E:
            try literal("null")
            return .null
        case 0x2D, 0x30...0x39: return try number()
        default: throw failure("unexpected \(describeHere()) where a value should be")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let start = i
        let n = word.utf8CodeUnitCount
        var matches = b.count - i >= n
        if matches { for k in 0..<n where b[i + k] != word.utf8Start[k] { matches = false } }
        guard matches else {
            var end = start
            while end < b.count, end - start < 20, (b[end] | 0x20) >= 0x61, (b[end] | 0x20) <= 0x7A { end += 1 }
            let found = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
            throw failure(
                "unknown word '\(found)' (a value is a string, number, object, array, true, false or null)", at: start)
        }
        i += n
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        var members: [(String, JSONValue)] = []
        try self.members(depth: depth) { (key, parser) throws(Failure) in
            members.append((key, try parser.value(depth: depth)))
        }
        return .object(members)
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        var items: [JSONValue] = []
        try elements(depth: depth) { (parser) throws(Failure) in items.append(try parser.value(depth: depth)) }
        return .array(items)
    }

    /// Calls `member` with each key of the object at the cursor and the parser at its value,
    /// which `member` must read or pass over; `depth` is the object's nesting.
    mutating func members(depth: Int = 1, _ member: (String, inout JSONParser) throws(Failure) -> Void)
        throws(Failure)
    {
        guard i < b.count, b[i] == 0x7B else { throw failure("expected '{' but found \(describeHere())") }
        guard depth <= JSONParser.maximumDepth else {
            throw failure("objects and arrays nested deeper than \(JSONParser.maximumDepth) levels")
        }
        i += 1
        skipSpace()
        if i < b.count, b[i] == 0x7D {
            i += 1
            return
        }
        var first = true
        while true {
            skipSpace()
            guard i < b.count, b[i] == 0x22 else {
                if i < b.count, b[i] == 0x7D, !first { throw failure("trailing comma before '}'") }
                throw failure("expected a \"key\" but found \(describeHere())")
            }
            first = false
            let key = try string()
            skipSpace()
            guard i < b.count, b[i] == 0x3A else {
                throw failure("expected ':' after the key \"\(key.prefix(40))\" but found \(describeHere())")
            }
            i += 1
            skipSpace()
            try member(key, &self)
            skipSpace()
            guard i < b.count else { throw failure("unexpected end of line inside an object (missing '}')") }
            if b[i] == 0x2C {
                i += 1
                continue
            }
            if b[i] == 0x7D {
                i += 1
                return
            }
            throw failure("expected ',' or '}' after an object member but found \(describeHere())")
        }
    }

    /// Calls `element` with the parser at each item of the array at the cursor, which
    /// `element` must read or pass over; `depth` is the array's nesting.
    mutating func elements(depth: Int = 1, _ element: (inout JSONParser) throws(Failure) -> Void) throws(Failure) {
        guard i < b.count, b[i] == 0x5B else { throw failure("expected '[' but found \(describeHere())") }
        guard depth <= JSONParser.maximumDepth else {
            throw failure("objects and arrays nested deeper than \(JSONParser.maximumDepth) levels")
        }
        i += 1
        skipSpace()
        if i < b.count, b[i] == 0x5D {
            i += 1
            return
        }
        while true {
            skipSpace()
            if i < b.count, b[i] == 0x5D { throw failure("trailing comma before ']'") }
            try element(&self)
            skipSpace()
            guard i < b.count else { throw failure("unexpected end of line inside an array (missing ']')") }
            if b[i] == 0x2C {
                i += 1
                continue
            }
            if b[i] == 0x5D {
                i += 1
                return
            }
            throw failure("expected ',' or ']' after an array item but found \(describeHere())")
        }
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = i
        if b[i] == 0x2D { i += 1 }
        guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else {
            throw failure("a number needs a digit after '-'", at: start)
        }
        if b[i] == 0x30 {
            i += 1
            if i < b.count, b[i] >= 0x30, b[i] <= 0x39 { throw failure("a number cannot start with 0", at: start) }
        } else {
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        }
        var isInteger = true
        if i < b.count, b[i] == 0x2E {
            isInteger = false
            i += 1
            guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else {
                throw failure("a number needs a digit after '.'", at: start)
            }
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            isInteger = false
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else {
                throw failure("a number needs a digit in its exponent", at: start)
            }
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        }
        if isInteger, let n = integer(start..<i) { return .int(n) }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        // Too large for Int, or a fraction: a Double (infinite for 1e400, kept with its text).
        return .double(Double(literal) ?? .nan, literal: literal)
    }

    /// The integer written at `range` (digits after an optional '-'), or nil when it does not
    /// fit an `Int`: read from the bytes, not through a string made for each number (a names
    /// table holds tens of thousands of them).
    private func integer(_ range: Range<Int>) -> Int? {
        let negative = b[range.lowerBound] == 0x2D
        // Accumulated below zero, which holds `Int.min` too.
        var n = 0
        for k in (negative ? range.lowerBound + 1 : range.lowerBound)..<range.upperBound {
            let (times10, o1) = n.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.subtractingReportingOverflow(Int(b[k] &- 0x30))
            if o1 || o2 { return nil }
            n = next
        }
        if negative { return n }
        return n == Int.min ? nil : -n
    }

    /// A string at `i` (which is a quote), its escapes decoded and its UTF-8 checked.
    mutating func string() throws(Failure) -> String {
        let open = i
        i += 1
        let start = i
        // Fast path: no escapes, so the string is the bytes between the quotes.
        let base = b.baseAddress!
        i = JSONStringBytes.firstNeedingEscape(base, from: i, to: b.count)
        if i < b.count, b[i] == 0x22 {
            i += 1
            return try validated(UnsafeBufferPointer(rebasing: b[start..<(i - 1)]), openedAt: open)
        }
        var decoded: [UInt8] = []
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        while true {
            guard i < b.count else { throw failure("unexpected end of line inside the string that starts", at: open) }
            let c = b[i]
            if c == 0x22 {
                i += 1
                return try decoded.withUnsafeBufferPointer { (d) throws(Failure) -> String in
                    try validated(d, openedAt: open)
                }
            }
            if c < 0x20 { throw failure("control character U+\(hex4(UInt32(c))) must be escaped inside a string") }
            if c != 0x5C {
                let run = i
                i = JSONStringBytes.firstNeedingEscape(base, from: i, to: b.count)
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                continue
            }
            let escape = i
            i += 1
            guard i < b.count else { throw failure("unexpected end of line inside the string that starts", at: open) }
            let e = b[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: decoded.append(e)
            case 0x62: decoded.append(0x08)
            case 0x66: decoded.append(0x0C)
            case 0x6E: decoded.append(0x0A)
            case 0x72: decoded.append(0x0D)
            case 0x74: decoded.append(0x09)
            case 0x75:
                var scalar = try hexQuad(escapeAt: escape)
                if (0xD800...0xDBFF).contains(scalar) {
                    // A surrogate pair written as two escapes; a lone half becomes U+FFFD, one
                    // scalar as it was one in the input, so offsets after it stay right.
                    if b.count - i >= 6, b[i] == 0x5C, b[i + 1] == 0x75 {
                        let save = i
                        i += 2
                        let low = try hexQuad(escapeAt: save)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            scalar = 0xFFFD
                            i = save
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                decoded.append(contentsOf: Character(Unicode.Scalar(scalar)!).utf8)
            default:
                throw failure(
                    "invalid escape '\\\(e >= 0x21 && e < 0x7F ? String(Character(Unicode.Scalar(e))) : "?")' in a string",
                    at: escape)
            }
        }
    }

    /// Four hex digits after `\u`, at `i`.
    private mutating func hexQuad(escapeAt escape: Int) throws(Failure) -> UInt32 {
        guard b.count - i >= 4 else { throw failure("\\u needs four hex digits", at: escape) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw failure("\\u needs four hex digits", at: escape)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    private func validated(_ bytes: UnsafeBufferPointer<UInt8>, openedAt open: Int) throws(Failure) -> String {
        // ASCII is valid UTF-8 as it stands; `String(validating:as:)` is generic over the
        // encoding and looks up type metadata on every call, which cost a 1.8 MB names table
        // (some 120,000 strings) more than the rest of its parse.
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        if high < 0x80 { return String(decoding: bytes, as: UTF8.self) }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        throw Failure(isInvalidUTF8: true, message: "invalid UTF-8 in the string that starts at byte \(open)")
    }
}
