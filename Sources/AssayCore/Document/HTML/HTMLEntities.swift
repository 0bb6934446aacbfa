/// Decodes character references (`&amp;`, `&#8217;`, `&#x2019;`, legacy `&nbsp` without a
/// semicolon) the way browsers do, so that extracted text reads as the page showed it.
enum HTMLEntities {
    /// Named references by their UTF-8 name bytes (with the final `;` where the name has one).
    private static let named: [[UInt8]: [UInt8]] = {
        var table: [[UInt8]: [UInt8]] = [:]
        table.reserveCapacity(2300)
        for word in HTMLEntityTable.entries.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let eq = word.lastIndex(of: "=") else { continue }
            var value: [UInt8] = []
            for hex in word[word.index(after: eq)...].split(separator: ".") {
                if let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) {
                    value.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
            }
            table[Array(word[..<eq].utf8)] = value
        }
        return table
    }()

    /// The longest entity name in the table, so a lookup stops scanning early.
    private static let longestName = 32

    /// Windows-1252 meanings of the C1 range: pages write `&#150;` and mean an en dash.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
        0x017E, 0x0178
    ]

    /// Decodes the reference starting at `bytes[start]` (an `&`), appending its text to `out`.
    /// - Parameter inAttribute: in attribute values a legacy name without `;` followed by a
    ///   letter, digit or `=` is left alone (`?a=1&copy=2` is a URL, not a copyright sign).
    /// - Returns: the index after the reference, or nil when there is none (the caller keeps the `&`).
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, inAttribute: Bool, into out: inout [UInt8]
    ) -> Int? {
        var i = start + 1
        guard i < end else { return nil }
        if bytes[i] == UInt8(ascii: "#") { return decodeNumeric(bytes, at: i + 1, end: end, into: &out) }
        let nameStart = i
        while i < end, i - nameStart < longestName, isAlphanumeric(bytes[i]) { i += 1 }
        guard i > nameStart else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ";"), let value = named[Array(bytes[nameStart...i])] {
            out.append(contentsOf: value)
            return i + 1
        }
        // Legacy references without a semicolon: the longest prefix that is one (`&notit` is ¬it).
        var length = i - nameStart
        while length >= 2 {
            if let value = named[Array(bytes[nameStart..<(nameStart + length)])] {
                let next = nameStart + length
                if inAttribute, next < end, isAlphanumeric(bytes[next]) || bytes[next] == UInt8(ascii: "=") {
                    return nil
                }
                out.append(contentsOf: value)
                return next
            }
            length -= 1
        }
        return nil
    }

    private static func decodeNumeric(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, into out: inout [UInt8]
    ) -> Int? {
        var i = start
        var hex = false
        if i < end, bytes[i] | 0x20 == UInt8(ascii: "x") {
            hex = true
            i += 1
        }
        let digitsStart = i
        var value: UInt32 = 0
        while i < end {
            let b = bytes[i]
            let digit: UInt32
            if b >= 0x30, b <= 0x39 {
                digit = UInt32(b - 0x30)
            } else if hex, b | 0x20 >= 0x61, b | 0x20 <= 0x66 {
                digit = UInt32(b | 0x20) - 0x61 + 10
            } else {
                break
            }
            // Saturate instead of overflowing: any value past U+10FFFF becomes U+FFFD anyway.
            value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + digit
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ";") { i += 1 }
        if value >= 0x80, value <= 0x9F { value = windows1252[Int(value - 0x80)] }
        let scalar =
            (value == 0 || value > 0x10FFFF)
            ? Unicode.Scalar(0xFFFD)! : (Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!)
        append(scalar, to: &out)
        return i
    }

    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    /// `text` with every character reference decoded.
    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return text }
        return bytes.withUnsafeBufferPointer { input in
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            var i = 0
            while i < input.count {
                if input[i] == UInt8(ascii: "&"),
                    let next = decode(input, at: i, end: input.count, inAttribute: false, into: &out)
                {
                    i = next
                } else {
                    out.append(input[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
