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

/// The templates whose value is one token's lowercased text. Their weights are also kept per
/// word (``FeatureWeights/wordRecord(_:)``), so scoring looks each token up once per sentence
/// rather than once per template and target.
enum WordTemplate: Int, CaseIterable, Sendable {
    /// The target's own words; context words by side; by side and distance 1, 2-3, 4-7; the
    /// sentiment verb the target is the subject or the object of.
    case T, L, R, L1, L2, L3, R1, R2, R3, SV, OV

    var name: String { Self.names[rawValue] }
    var hash: UInt64 { Self.hashes[rawValue] }

    private static let names = allCases.map { String(describing: $0) }
    private static let hashes = names.map(FeatureHash.of)
    static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}

/// The weights of the target model's features, three per feature (negative, neutral,
/// positive), in open-addressing tables keyed by ``FeatureHash`` identifiers: looked up about
/// a hundred times per target, so they avoid `Dictionary`'s generic hashing.
struct FeatureWeights: Sendable {
    private struct Slot {
        var id: UInt64 = 0
        var weights: SIMD3<Float> = .zero
    }

    private struct WordSlot {
        var word: UInt64 = 0
        var record: Int32 = -1
    }

    private let slots: [Slot]
    private let mask: Int
    private let wordSlots: [WordSlot]
    private let wordMask: Int
    /// `wordWeights[record * WordTemplate.allCases.count + template]`.
    private let wordWeights: [SIMD3<Float>]

    /// From feature names `template=value` (or bare names) and their weights.
    init(named weights: [(name: String, weights: SIMD3<Float>)]) {
        func capacity(_ n: Int) -> Int {
            var c = 16
            while c < n * 2 { c <<= 1 }
            return c
        }
        var slots = [Slot](repeating: Slot(), count: capacity(weights.count))
        let mask = slots.count - 1
        var words: [UInt64: Int32] = [:]
        var wordOrder: [UInt64] = []
        var wordWeights: [SIMD3<Float>] = []
        let stride = WordTemplate.allCases.count
        for (name, w) in weights {
            let id = FeatureHash.feature(named: name)
            var slot = Int(truncatingIfNeeded: id) & mask
            while slots[slot].id != 0 && slots[slot].id != id { slot = (slot + 1) & mask }
            slots[slot].id = id
            slots[slot].weights += w  // two names with one identifier (never seen so far) add up
            guard let eq = name.firstIndex(of: "="), let template = WordTemplate.byName[String(name[..<eq])] else { continue }
            let word = FeatureHash.of(String(name[name.index(after: eq)...]))
            let record: Int32
            if let known = words[word] {
                record = known
            } else {
                record = Int32(wordOrder.count)
                words[word] = record
                wordOrder.append(word)
                wordWeights += Array(repeating: .zero, count: stride)
            }
            wordWeights[Int(record) * stride + template.rawValue] += w
        }
        var wordSlots = [WordSlot](repeating: WordSlot(), count: capacity(wordOrder.count))
        let wordMask = wordSlots.count - 1
        for (record, word) in wordOrder.enumerated() {
            var slot = Int(truncatingIfNeeded: word) & wordMask
            while wordSlots[slot].record >= 0 { slot = (slot + 1) & wordMask }
            wordSlots[slot] = WordSlot(word: word, record: Int32(record))
        }
        self.slots = slots
        self.mask = mask
        self.wordSlots = wordSlots
        self.wordMask = wordMask
        self.wordWeights = wordWeights
    }

    /// The weights of a feature, zero for one the model has not learnt.
    @inline(__always)
    subscript(id: UInt64) -> SIMD3<Float> {
        slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: id) & mask
            while true {
                let k = slots[slot].id
                if k == id { return slots[slot].weights }
                if k == 0 { return .zero }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Where a word's weights are (for ``word(_:_:)``), or -1 when no feature has this word.
    func wordRecord(_ wordHash: UInt64) -> Int32 {
        wordSlots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: wordHash) & wordMask
            while true {
                let r = slots[slot].record
                if r < 0 || slots[slot].word == wordHash { return r }
                slot = (slot + 1) & wordMask
            }
        }
    }

    /// The weights of the feature `template=word` for a word's record.
    @inline(__always)
    func word(_ record: Int32, _ template: WordTemplate) -> SIMD3<Float> {
        wordWeights.withUnsafeBufferPointer { $0[Int(record) * WordTemplate.allCases.count + template.rawValue] }
    }
}
