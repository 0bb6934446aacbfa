import Foundation

/// Sorts by String keys as `<` does, comparing ASCII keys as bytes.
///
/// Building a names table sorts thousands of keys (forms, neighbours, first-and-last names), and
/// `<` on two Strings costs some hundred instructions even when both are ASCII, for which it is
/// exactly the order of their bytes. Here the ASCII keys are packed into one buffer and compared
/// with `memcmp`; a pair with any other key is compared by `<` itself, so the order is `<`'s.
struct KeyOrder {
    private let keys: [String]
    private var bytes: [UInt8] = []
    /// Where each key's bytes start in `bytes` (and, one past the last, where they end).
    private var starts: [Int] = []
    private var isASCII: [Bool] = []

    init(_ keys: [String]) {
        self.keys = keys
        starts.reserveCapacity(keys.count + 1)
        isASCII.reserveCapacity(keys.count)
        for var k in keys {
            starts.append(bytes.count)
            k.withUTF8 { utf8 in
                bytes.append(contentsOf: utf8)
                var high: UInt8 = 0
                for b in utf8 { high |= b }
                isASCII.append(high < 0x80)
            }
        }
        starts.append(bytes.count)
    }

    /// The numbers of `keys` (or of `subset` of them) in the order of their keys.
    func sorted(_ subset: [Int]? = nil) -> [Int] {
        let numbers = subset ?? Array(keys.indices)
        return bytes.withUnsafeBufferPointer { b in
            numbers.sorted { i, j in
                guard isASCII[i] && isASCII[j] else { return keys[i] < keys[j] }
                let a = starts[i], m = starts[i + 1] - a, c = starts[j], n = starts[j + 1] - c
                let order = m == 0 || n == 0 ? 0 : memcmp(b.baseAddress! + a, b.baseAddress! + c, min(m, n))
                return order != 0 ? order < 0 : m < n
            }
        }
    }
}
