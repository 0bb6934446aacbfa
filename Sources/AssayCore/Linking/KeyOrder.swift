import Foundation

/// Sorts by String keys as `<` does, comparing ASCII keys as bytes.
///
/// Building a names table sorts thousands of keys (forms, neighbours, first-and-last names), and
/// `<` on two Strings costs some hundred instructions even when both are ASCII, for which it is
/// exactly the order of their bytes. Here the ASCII keys are packed into one buffer and compared
/// by their first eight bytes as one integer, then with `memcmp` when those are equal; a pair
/// with any other key is compared by `<` itself, so the order is `<`'s.
struct KeyOrder {
    private let keys: [String]
    private var bytes: [UInt8] = []
    /// Where each key's bytes start in `bytes` (and, one past the last, where they end).
    private var starts: [Int] = []
    private var isASCII: [Bool] = []
    /// Each key's first eight bytes, big-endian and padded with zeros: of two ASCII keys, the
    /// one of the smaller prefix is the smaller key (a key that ends first pads with a zero,
    /// which no byte of the other is below), and equal prefixes say nothing.
    private var prefixes: [UInt64] = []

    init(_ keys: [String]) {
        self.keys = keys
        starts.reserveCapacity(keys.count + 1)
        isASCII.reserveCapacity(keys.count)
        prefixes.reserveCapacity(keys.count)
        for var k in keys {
            starts.append(bytes.count)
            k.withUTF8 { utf8 in
                bytes.append(contentsOf: utf8)
                var high: UInt8 = 0
                var prefix: UInt64 = 0
                for (i, b) in utf8.enumerated() {
                    high |= b
                    if i < 8 { prefix |= UInt64(b) << (56 - 8 * UInt64(i)) }
                }
                isASCII.append(high < 0x80)
                prefixes.append(prefix)
            }
        }
        starts.append(bytes.count)
    }

    /// The numbers of `keys` (or of `subset` of them) in the order of their keys.
    func sorted(_ subset: [Int]? = nil) -> [Int] {
        let numbers = subset ?? Array(keys.indices)
        return bytes.withUnsafeBufferPointer { b in
            starts.withUnsafeBufferPointer { starts in
                isASCII.withUnsafeBufferPointer { isASCII in
                    prefixes.withUnsafeBufferPointer { prefixes in
                        numbers.sorted { i, j in
                            guard isASCII[i] && isASCII[j] else { return keys[i] < keys[j] }
                            let p = prefixes[i], q = prefixes[j]
                            if p != q { return p < q }
                            let a = starts[i], m = starts[i + 1] - a, c = starts[j], n = starts[j + 1] - c
                            let order =
                                m == 0 || n == 0 ? 0 : memcmp(b.baseAddress! + a, b.baseAddress! + c, min(m, n))
                            return order != 0 ? order < 0 : m < n
                        }
                    }
                }
            }
        }
    }
}
