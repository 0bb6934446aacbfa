import AssayCore

/// Stable 64-bit identifiers of the target model's features.
///
/// A feature is named `template=value` ("L1=criticised", "subj=neg"); its identifier mixes the
/// FNV-1a hashes of the two parts. At run time the value's hash is computed once per token from
/// the document's bytes and mixed with a precomputed template hash, so scoring builds no
/// strings; the model file stores names, hashed the same way when it is loaded. Unlike Swift's
/// `Hasher`, these hashes are the same in every process, which training determinism needs.
enum FeatureHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a of `bytes`, continuing from `state`.
    @inline(__always)
    static func continuing<C: Sequence>(_ state: UInt64, _ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = state
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    static func of(_ text: String) -> UInt64 { continuing(offset, text.utf8) }

    /// ASCII lowercasing: feature values are lowercased words, and non-ASCII letters are rare
    /// enough in English news not to be worth Unicode case folding per token.
    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    /// The hash of token `i` lowercased, as ``of(_:)`` hashes ``lowercasedText(_:_:)``.
    static func token(_ document: AnalyzedDocument, _ i: Int) -> UInt64 {
        let span = document.tokens[i].span
        var h = offset
        for j in span.start..<span.end { h = (h ^ UInt64(lowercased(document.utf8[j]))) &* prime }
        return h
    }

    /// The text of token `i` lowercased the way ``token(_:_:)`` hashes it.
    static func lowercasedText(_ document: AnalyzedDocument, _ i: Int) -> String {
        String(decoding: document.utf8[document.tokens[i].span.start..<document.tokens[i].span.end].map(lowercased), as: UTF8.self)
    }

    /// The identifier of a template with a value (both already hashed). Never 0, which marks
    /// an empty slot in ``FeatureWeights``.
    @inline(__always)
    static func combine(_ template: UInt64, _ value: UInt64) -> UInt64 {
        // splitmix64's finaliser over an order-dependent mix of the two hashes.
        var z = template &* 0x9E37_79B9_7F4A_7C15 ^ value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z == 0 ? 1 : z
    }

    /// The identifier of a feature name `template=value` (or a bare `template`, whose value is empty).
    static func feature(named name: String) -> UInt64 {
        let bytes = Array(name.utf8)
        guard let eq = bytes.firstIndex(of: UInt8(ascii: "=")) else { return combine(continuing(offset, bytes), offset) }
        return combine(continuing(offset, bytes[..<eq]), continuing(offset, bytes[(eq + 1)...]))
    }
}

/// The weights of the target model's features, three per feature (negative, neutral,
/// positive), in an open-addressing table keyed by ``FeatureHash`` identifiers: looked up about
/// a hundred times per target, so it avoids `Dictionary`'s generic hashing.
struct FeatureWeights: Sendable {
    private let keys: [UInt64]
    private let values: [SIMD3<Float>]
    private let mask: Int

    init(_ weights: [(id: UInt64, weights: SIMD3<Float>)]) {
        var capacity = 16
        while capacity < weights.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [SIMD3<Float>](repeating: .zero, count: capacity)
        let mask = capacity - 1
        for (id, w) in weights {
            var slot = Int(truncatingIfNeeded: id) & mask
            while keys[slot] != 0 && keys[slot] != id { slot = (slot + 1) & mask }
            keys[slot] = id
            values[slot] += w  // two names with one identifier (never seen so far) add up
        }
        self.keys = keys
        self.values = values
        self.mask = mask
    }

    /// The weights of a feature, zero for one the model has not learnt.
    @inline(__always)
    subscript(id: UInt64) -> SIMD3<Float> {
        var slot = Int(truncatingIfNeeded: id) & mask
        while true {
            let k = keys[slot]
            if k == id { return values[slot] }
            if k == 0 { return .zero }
            slot = (slot + 1) & mask
        }
    }
}
