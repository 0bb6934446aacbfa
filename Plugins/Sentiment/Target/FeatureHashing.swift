import AssayCore

/// Stable 64-bit identifiers of the target model's features.
///
/// A feature is named `template=value` ("L1=criticised", "subj=neg"); its identifier mixes the
/// FNV-1a hashes of the two parts. At run time the value's hash is computed once per token from
/// the document's bytes and mixed with a precomputed template hash, so scoring builds no
/// strings; the model file stores names, hashed the same way when it is loaded. Unlike Swift's
/// `Hasher`, these hashes are the same in every process, which training determinism needs.
enum FeatureHash {
    static var offset: UInt64 { FNV1a.offsetBasis }

    /// FNV-1a of `bytes`, continuing from `state`.
    @inline(__always)
    static func continuing<C: Sequence>(_ state: UInt64, _ bytes: C) -> UInt64 where C.Element == UInt8 {
        FNV1a.hash(bytes, from: state)
    }

    static func of(_ text: String) -> UInt64 { continuing(offset, text.utf8) }

    /// ASCII lowercasing: feature values are lowercased words, and non-ASCII letters are rare
    /// enough in English news not to be worth Unicode case folding per token.
    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    /// ``lowercased(_:)`` of every byte value: the hashing loop below loads a byte's lowercase
    /// rather than comparing, as it runs for every byte of every sentence with a target.
    static let lowercaseTable: [UInt8] = (0...255).map { lowercased(UInt8($0)) }

    /// The hash of token `i` lowercased, as ``of(_:)`` hashes ``lowercasedText(_:_:)``.
    static func token(_ document: AnalyzedDocument, _ i: Int) -> UInt64 {
        document.utf8.withUnsafeBufferPointer { bytes in
            lowercaseTable.withUnsafeBufferPointer { token(bytes, document.tokens[i].span, lowercase: $0) }
        }
    }

    /// ``token(_:_:)`` of the token at `span` of `bytes` (a document's), with ``lowercaseTable``.
    @inline(__always)
    static func token(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span, lowercase: UnsafeBufferPointer<UInt8>)
        -> UInt64
    {
        var h = offset
        for j in span.start..<span.end { h = FNV1a.step(h, lowercase[Int(bytes[j])]) }
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
        let bytes = name.utf8
        guard let eq = bytes.firstIndex(of: UInt8(ascii: "=")) else {
            return combine(continuing(offset, bytes), offset)
        }
        return combine(continuing(offset, bytes[..<eq]), continuing(offset, bytes[bytes.index(after: eq)...]))
    }
}

/// The templates whose value is one token's lowercased text. Their weights are also kept per
/// word (``FeatureWeights/wordEntry(_:)``), so scoring looks each token up once per sentence
/// rather than once per template and target.
enum WordTemplate: Int, CaseIterable, Sendable {
    /// The target's own words; context words by side; by side and distance 1, 2-3, 4-7; the
    /// sentiment verb the target is the subject or the object of.
    case T, L, R, L1, L2, L3, R1, R2, R3, SV, OV

    var name: String { Self.names[rawValue] }
    var hash: UInt64 { Self.hashes[rawValue] }

    private static let names = allCases.map { String(describing: $0) }
    private static let hashes = names.map(FeatureHash.of)
    private static let utf8Names = names.map { Array($0.utf8) }

    /// The template of a feature name `template=value` and the hash of its value (as
    /// ``FeatureHash/of(_:)`` hashes the value's text); nil for a name of another kind. On the
    /// name's bytes: the model file's thousands of names come through here when it loads.
    static func of(featureNamed name: String) -> (template: WordTemplate, valueHash: UInt64)? {
        var name = name
        return name.withUTF8 { bytes -> (WordTemplate, UInt64)? in
            // Template names are one or two bytes long.
            guard let eq = bytes.prefix(3).firstIndex(of: UInt8(ascii: "=")), eq > 0 else { return nil }
            guard
                let index = utf8Names.firstIndex(where: {
                    $0.count == eq && $0[0] == bytes[0] && (eq == 1 || $0[1] == bytes[1])
                })
            else { return nil }
            return (
                WordTemplate(rawValue: index)!,
                FeatureHash.continuing(FeatureHash.offset, UnsafeBufferPointer(rebasing: bytes[(eq + 1)...]))
            )
        }
    }
}

/// The weights of the target model's features, three per feature (negative, neutral,
/// positive). Scoring looks up about a hundred a target and is bound by memory latency, so the
/// tables are small and custom: template-and-word features (most of them) sit per word, as
/// 16-bit thousandths (the file keeps three decimals: exact), with a word's templates side by
/// side; flags (`f=…`, a hundred or so, looked up for every target) sit in a table of their own
/// that stays in the first-level cache; the others (bigrams) in an open-addressing table keyed
/// by ``FeatureHash`` identifiers. A class, so that handing the weights to each target's sum
/// retains one object rather than each of its tables.
final class FeatureWeights: Sendable {
    private struct Slot {
        var id: UInt64 = 0
        var weights: SIMD3<Float> = .zero
    }

    /// A word's slot also holds its side-word weights (`L=w`, `R=w`), which every token of a
    /// sentence with a target needs: one cache line read per token instead of two. Only words
    /// with other templates' weights as well (fewer than half) have a record in ``wordWeights``,
    /// so the tokens near a target read a record only when it can add something.
    fileprivate struct WordSlot {
        static let empty: Int32 = -2
        var word: UInt64 = 0
        /// The word's record in ``wordWeights``, -1 for a word with side weights only, or ``empty``.
        var record: Int32 = empty
        /// `L=w` then `R=w` (negative, neutral, positive each), in thousandths.
        var sides: SIMD8<Int16> = .zero
    }

    private let slots: [Slot]
    private let mask: Int
    private let flagSlots: [Slot]
    private let flagMask: Int
    /// The weights of the flags of ``Flags/shared`` by ``Flag/index``.
    private let flagsByIndex: [SIMD3<Float>]
    private let wordSlots: [WordSlot]
    private let wordMask: Int
    /// `wordWeights[record * stride + template]`, in thousandths.
    private let wordWeights: [SIMD4<Int16>]
    /// The hash of each record's word, by record.
    let recordWords: [UInt64]
    /// The number of word templates: a stored constant, as `allCases` is an array made anew
    /// on each use.
    private let stride = WordTemplate.allCases.count

    /// From feature names `template=value` (or bare names) and their weights, which must lie
    /// within ±32.767 (the trainer's are below 2).
    init(named weights: [(name: String, weights: SIMD3<Float>)]) {
        func capacity(_ n: Int, _ load: Int) -> Int {
            var c = 16
            while c * load < n * 4 { c <<= 1 }
            return c
        }
        var others: [(UInt64, SIMD3<Float>)] = []
        var flags: [(UInt64, SIMD3<Float>)] = []
        var words: [UInt64: Int32] = [:]
        var wordOrder: [UInt64] = []
        var allWordWeights: [SIMD4<Int16>] = []
        let stride = WordTemplate.allCases.count
        for (name, w) in weights {
            guard let (template, word) = WordTemplate.of(featureNamed: name) else {
                if name.hasPrefix(Flag.prefix) {
                    flags.append((FeatureHash.feature(named: name), w))
                } else {
                    others.append((FeatureHash.feature(named: name), w))
                }
                continue
            }
            let record: Int32
            if let known = words[word] {
                record = known
            } else {
                record = Int32(wordOrder.count)
                words[word] = record
                wordOrder.append(word)
                allWordWeights.append(contentsOf: repeatElement(.zero, count: stride))
            }
            let thousandths = (w * 1000).rounded(.toNearestOrEven)
            allWordWeights[Int(record) * stride + template.rawValue] &+= SIMD4<Int16>(
                Int16(clamping: Int(thousandths[0])), Int16(clamping: Int(thousandths[1])),
                Int16(clamping: Int(thousandths[2])), 0)
        }
        func table(_ entries: [(UInt64, SIMD3<Float>)]) -> [Slot] {
            var slots = [Slot](repeating: Slot(), count: capacity(entries.count, 2))
            let mask = slots.count - 1
            for (id, w) in entries {
                var slot = Int(truncatingIfNeeded: id) & mask
                while slots[slot].id != 0 && slots[slot].id != id { slot = (slot + 1) & mask }
                slots[slot].id = id
                slots[slot].weights += w  // two names with one identifier (never seen so far) add up
            }
            return slots
        }
        let slots = table(others), flagSlots = table(flags)
        // Words: a fuller table (up to 3/4), as most look-ups find their word.
        var wordSlots = [WordSlot](repeating: WordSlot(), count: capacity(wordOrder.count, 3))
        let wordMask = wordSlots.count - 1
        var wordWeights: [SIMD4<Int16>] = []
        var recordWords: [UInt64] = []
        for (n, word) in wordOrder.enumerated() {
            var slot = Int(truncatingIfNeeded: word) & wordMask
            while wordSlots[slot].record != WordSlot.empty { slot = (slot + 1) & wordMask }
            let base = n * stride
            let row = allWordWeights[base..<base + stride]
            let left = row[base + WordTemplate.L.rawValue], right = row[base + WordTemplate.R.rawValue]
            let sides = [base + WordTemplate.L.rawValue, base + WordTemplate.R.rawValue]
            var record: Int32 = -1
            if row.indices.contains(where: { !sides.contains($0) && row[$0] != .zero }) {
                record = Int32(wordWeights.count / stride)
                wordWeights += row
                recordWords.append(word)
            }
            wordSlots[slot] = WordSlot(
                word: word, record: record,
                sides: SIMD8(left[0], left[1], left[2], right[0], right[1], right[2], 0, 0))
        }
        self.slots = slots
        self.mask = slots.count - 1
        self.recordWords = recordWords
        self.flagSlots = flagSlots
        self.flagMask = flagSlots.count - 1
        self.flagsByIndex = Flags.shared.all.map { Self.find($0.id, in: flagSlots, mask: flagSlots.count - 1) }
        self.wordSlots = wordSlots
        self.wordMask = wordMask
        self.wordWeights = wordWeights
    }

    @inline(__always)
    private static func find(_ id: UInt64, in slots: [Slot], mask: Int) -> SIMD3<Float> {
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

    /// The weights of a feature that is neither a template-and-word one (``WordTemplate``) nor
    /// a flag, zero for one the model has not learnt.
    @inline(__always)
    subscript(id: UInt64) -> SIMD3<Float> { Self.find(id, in: slots, mask: mask) }

    /// The weights of a flag by identifier (``Flag/id``), zero for one the model has not learnt.
    @inline(__always)
    func flag(_ id: UInt64) -> SIMD3<Float> { Self.find(id, in: flagSlots, mask: flagMask) }

    /// The weights of one of the flags of ``Flags/shared``, as the look-up by identifier finds them.
    @inline(__always)
    func flag(_ flag: Flag) -> SIMD3<Float> { flagsByIndex[flag.index] }

    /// The weights of any feature by name (explanations, tests; scoring goes by identifiers).
    func weight(named name: String) -> SIMD3<Float> {
        guard let (template, word) = WordTemplate.of(featureNamed: name) else {
            let id = FeatureHash.feature(named: name)
            return name.hasPrefix(Flag.prefix) ? flag(id) : self[id]
        }
        return self.word(template, hash: word)
    }

    /// The weights of `template=word` for a word's hash.
    func word(_ template: WordTemplate, hash: UInt64) -> SIMD3<Float> {
        let entry = wordEntry(hash)
        switch template {
        case .L: return entry.left
        case .R: return entry.right
        default: return entry.record < 0 ? .zero : word(entry.record, template)
        }
    }

    /// A word's record (for ``word(_:_:)``; -1 when it has no weights but side-word ones, or none)
    /// with the weights of its side-word features `L=w` and `R=w`, from one slot.
    @inline(__always)
    func wordEntry(_ wordHash: UInt64) -> (record: Int32, left: SIMD3<Float>, right: SIMD3<Float>) {
        wordSlots.withUnsafeBufferPointer { Self.entry(wordHash, in: $0, mask: wordMask) }
    }

    /// The word table, for a sentence's context to hold as a local value: looking each of its
    /// words up through this class would retain and release the table once per word.
    var wordTable: WordTable { WordTable(slots: wordSlots, mask: wordMask) }

    /// ``wordEntry(_:)`` over the word table held by value.
    struct WordTable {
        fileprivate let slots: [WordSlot]
        fileprivate let mask: Int

        @inline(__always)
        func entry(_ wordHash: UInt64) -> (record: Int32, left: SIMD3<Float>, right: SIMD3<Float>) {
            slots.withUnsafeBufferPointer { FeatureWeights.entry(wordHash, in: $0, mask: mask) }
        }
    }

    @inline(__always)
    fileprivate static func entry(_ wordHash: UInt64, in slots: UnsafeBufferPointer<WordSlot>, mask: Int)
        -> (record: Int32, left: SIMD3<Float>, right: SIMD3<Float>)
    {
        var slot = Int(truncatingIfNeeded: wordHash) & mask
        while true {
            let r = slots[slot].record
            if r == WordSlot.empty { return (-1, .zero, .zero) }
            if slots[slot].word == wordHash {
                let w = SIMD8<Float>(slots[slot].sides) * 0.001
                return (r, SIMD3(w[0], w[1], w[2]), SIMD3(w[3], w[4], w[5]))
            }
            slot = (slot + 1) & mask
        }
    }

    /// The weights of the feature `template=word` for a word's record (not -1), for any template
    /// but the side words (``wordEntry(_:)`` has those).
    @inline(__always)
    func word(_ record: Int32, _ template: WordTemplate) -> SIMD3<Float> {
        let w = wordWeights.withUnsafeBufferPointer { $0[Int(record) * stride + template.rawValue] }
        return SIMD3<Float>(Float(w[0]), Float(w[1]), Float(w[2])) * 0.001
    }
}
