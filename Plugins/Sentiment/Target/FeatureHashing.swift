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
        String(
            decoding: document.utf8[document.tokens[i].span.start..<document.tokens[i].span.end].map(lowercased),
            as: UTF8.self)
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
        guard let eq = bytes.firstIndex(of: UInt8(ascii: "=")) else {
            return combine(continuing(offset, bytes), offset)
        }
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
/// positive). Scoring looks up about a hundred a target and is bound by memory latency, so the
/// tables are small and custom: template-and-word features (most of them) sit per word, as
/// 16-bit thousandths (the file keeps three decimals: exact), with a word's templates side by
/// side; the few others (flags, bigrams) sit in an open-addressing table keyed by
/// ``FeatureHash`` identifiers.
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
    /// `wordWeights[record * WordTemplate.allCases.count + template]`, in thousandths.
    private let wordWeights: [SIMD4<Int16>]

    /// From feature names `template=value` (or bare names) and their weights, which must lie
    /// within ±32.767 (the trainer's are below 2).
    init(named weights: [(name: String, weights: SIMD3<Float>)]) {
        func capacity(_ n: Int, _ load: Int) -> Int {
            var c = 16
            while c * load < n * 4 { c <<= 1 }
            return c
        }
        var others: [(UInt64, SIMD3<Float>)] = []
        var words: [UInt64: Int32] = [:]
        var wordOrder: [UInt64] = []
        var wordWeights: [SIMD4<Int16>] = []
        let stride = WordTemplate.allCases.count
        for (name, w) in weights {
            guard let eq = name.firstIndex(of: "="), let template = WordTemplate.byName[String(name[..<eq])] else {
                others.append((FeatureHash.feature(named: name), w))
                continue
            }
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
            let thousandths = (w * 1000).rounded(.toNearestOrEven)
            wordWeights[Int(record) * stride + template.rawValue] &+= SIMD4<Int16>(
                Int16(clamping: Int(thousandths[0])), Int16(clamping: Int(thousandths[1])),
                Int16(clamping: Int(thousandths[2])), 0)
        }
        var slots = [Slot](repeating: Slot(), count: capacity(others.count, 2))
        let mask = slots.count - 1
        for (id, w) in others {
            var slot = Int(truncatingIfNeeded: id) & mask
            while slots[slot].id != 0 && slots[slot].id != id { slot = (slot + 1) & mask }
            slots[slot].id = id
            slots[slot].weights += w  // two names with one identifier (never seen so far) add up
        }
        // Words: a fuller table (up to 3/4), as most look-ups find their word.
        var wordSlots = [WordSlot](repeating: WordSlot(), count: capacity(wordOrder.count, 3))
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

    /// The weights of a feature that is not a template-and-word one (``WordTemplate``), zero for
    /// one the model has not learnt.
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

    /// The weights of any feature by name (explanations, tests; scoring goes by identifiers).
    func weight(named name: String) -> SIMD3<Float> {
        guard let eq = name.firstIndex(of: "="), let template = WordTemplate.byName[String(name[..<eq])] else {
            return self[FeatureHash.feature(named: name)]
        }
        return word(template, hash: FeatureHash.of(String(name[name.index(after: eq)...])))
    }

    /// The weights of `template=word` for a word's hash.
    func word(_ template: WordTemplate, hash: UInt64) -> SIMD3<Float> {
        let record = wordRecord(hash)
        return record < 0 ? .zero : word(record, template)
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
        let w = wordWeights.withUnsafeBufferPointer {
            $0[Int(record) * WordTemplate.allCases.count + template.rawValue]
        }
        return SIMD3<Float>(Float(w[0]), Float(w[1]), Float(w[2])) * 0.001
    }
}
