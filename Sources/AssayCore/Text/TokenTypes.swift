/// The distinct words of a text, each with its lowercased key and its shape, found once so that
/// every extractor reads them instead of re-deriving them per token (spaCy's `Vocab`).
///
/// A news article of 700 tokens has about half as many distinct spellings ("the", ",", "Putin"
/// recur). `TokenTypes` groups the spans of a text twice:
///
/// - by **spelling**, their exact bytes: "The" and "the" are two spellings. A spelling has a
///   ``TokenShape`` (capitalised, all caps, digits, dash, quote mark…) and a hash of its bytes.
/// - by **type**, their lowercased text: "The" and "the" are one type. A type has a key
///   (a ``PackedWord`` for short ASCII, nearly every word; otherwise the lowercased String) and
///   a well-mixed hash. ``WordClasses`` and ``Lexicon`` answer per type, so a question about a
///   word is asked once per document however often the word recurs.
///
/// Spellings and types are compared byte for byte after their hashes, so two different words
/// never share one, whatever the hash does. Ids count from 0 in order of first appearance.
///
/// ``AnalyzedDocument/tokenTypes`` holds the types of a document's tokens. A plugin that cuts
/// the text differently (the entity tagger splits `China-Russia` at its hyphen) builds its own
/// over its spans with ``init(utf8:spans:)``.
///
/// ```swift
/// let types = document.tokenTypes
/// let t = types.type(ofSpan: i)             // the same for "Said" and "said"
/// if types.shape(ofSpan: i).contains(.capitalized) { … }
/// let word = types.text(ofType: t)           // "said"
/// ```
public struct TokenTypes: Sendable {
    /// The spellings: spans grouped by their exact bytes.
    public let spellings: TokenSpellings
    /// Per span: its type.
    public let typeOfSpan: [Int32]
    /// Per span: its spelling.
    @inlinable public var spellingOfSpan: [Int32] { spellings.spellingOfSpan }
    /// Per spelling: the span of its first occurrence.
    @inlinable public var spellingSpans: [Span] { spellings.spans }
    /// Per spelling: a well-mixed hash of its bytes (see ``spellingHash(bytes:_:)``).
    @inlinable public var spellingHashes: [UInt64] { spellings.hashes }
    /// Per spelling: its shape.
    public let shapes: [TokenShape]
    /// Per spelling: its type.
    public let typeOfSpelling: [Int32]
    /// Per type: its key packed, when it is ASCII of at most ``PackedWord/maxLength`` bytes;
    /// else a key whose `high` is 0 and whose `low` is the type's place in ``longKeys``.
    @usableFromInline let packedKeys: [PackedWord]
    /// The lowercased text of the types whose key does not pack, in order of type.
    @usableFromInline let longKeys: [String]
    /// Per type: a well-mixed hash of its lowercased text.
    public let typeHashes: [UInt64]

    /// The number of types.
    @inlinable public var count: Int { typeHashes.count }
    /// The number of spellings.
    @inlinable public var spellingCount: Int { spellings.count }

    /// The type of span `i`.
    @inlinable @inline(__always)
    public func type(ofSpan i: Int) -> Int { Int(typeOfSpan[i]) }

    /// The spelling of span `i`.
    @inlinable @inline(__always)
    public func spelling(ofSpan i: Int) -> Int { Int(spellings.spellingOfSpan[i]) }

    /// The shape of span `i`.
    @inlinable @inline(__always)
    public func shape(ofSpan i: Int) -> TokenShape { shapes[Int(spellings.spellingOfSpan[i])] }

    /// The key of type `t`, packed; nil when the type is longer or not ASCII (see ``text(ofType:)``).
    @inlinable @inline(__always)
    public func packedWord(ofType t: Int) -> PackedWord? {
        let key = packedKeys[t]
        return key.high == 0 ? nil : key
    }

    /// The lowercased text of type `t`.
    @inlinable
    public func text(ofType t: Int) -> String {
        let key = packedKeys[t]
        return key.high == 0 ? longKeys[Int(key.low)] : key.text
    }

    /// A well-mixed hash of the lowercased text of type `t`.
    @inlinable @inline(__always)
    public func hash(ofType t: Int) -> UInt64 { typeHashes[t] }

    /// The types of the tokens of `document`.
    public init(_ document: AnalyzedDocument) {
        self = document.utf8.withUnsafeBufferPointer { bytes in
            document.tokens.withUnsafeBufferPointer { tokens in
                TokenTypes(bytes: bytes, count: tokens.count) { tokens[$0].span }
            }
        }
    }

    /// The types of `spans` of the text `utf8`.
    public init(utf8: UnsafeBufferPointer<UInt8>, spans: [Span]) {
        self = spans.withUnsafeBufferPointer { spans in
            TokenTypes(bytes: utf8, count: spans.count) { spans[$0] }
        }
    }

    /// Groups `count` spans (given by `span`) into spellings, then spellings into types.
    @inline(__always)
    private init(bytes: UnsafeBufferPointer<UInt8>, count n: Int, span: (Int) -> Span) {
        let spellings = TokenSpellings(bytes: bytes, count: n, span: span)
        let count = spellings.count
        var shapes = [TokenShape](repeating: [], count: count)
        var typeOfSpelling = [Int32](repeating: 0, count: count)
        var longKeys: [String] = []
        var typeHashes: [UInt64] = []
        // The keys and hashes are written in place into arrays with room for the most types
        // there can be (one per spelling), then given their count: adding a type appends to no
        // array, so no uniqueness or capacity check runs per type.
        let packedKeys = [PackedWord](unsafeUninitializedCapacity: count) { keys, typeCount in
            typeHashes = [UInt64](unsafeUninitializedCapacity: count) { hashes, hashCount in
                var types = TypeTable(keys: keys, hashes: hashes)
                shapes.withUnsafeMutableBufferPointer { shapes in
                    typeOfSpelling.withUnsafeMutableBufferPointer { typeOfSpelling in
                        spellings.spans.withUnsafeBufferPointer { spans in
                            for t in 0..<count {
                                let shape = TokenShape(bytes, spans[t])
                                shapes[t] = shape
                                typeOfSpelling[t] = types.type(of: spans[t], in: bytes, ascii: shape.contains(.ascii))
                            }
                        }
                    }
                }
                types.freeSlots()
                hashCount = types.count
                typeCount = types.count
                longKeys = types.longKeys
            }
        }
        var typeOfSpan = [Int32](repeating: 0, count: n)
        typeOfSpan.withUnsafeMutableBufferPointer { typeOfSpan in
            spellings.spellingOfSpan.withUnsafeBufferPointer { spellingOfSpan in
                typeOfSpelling.withUnsafeBufferPointer { typeOfSpelling in
                    for u in 0..<n { typeOfSpan[u] = typeOfSpelling[Int(spellingOfSpan[u])] }
                }
            }
        }
        self.spellings = spellings
        self.typeOfSpan = typeOfSpan
        self.shapes = shapes
        self.typeOfSpelling = typeOfSpelling
        self.packedKeys = packedKeys
        self.longKeys = longKeys
        self.typeHashes = typeHashes
    }

    /// The types found so far, by lowercased key, written into the caller's storage for keys and
    /// hashes (room for one type per spelling, which no count of types exceeds).
    private struct TypeTable {
        let keys: UnsafeMutableBufferPointer<PackedWord>
        let hashes: UnsafeMutableBufferPointer<UInt64>
        /// The number of types.
        var count = 0
        var longKeys: [String] = []
        /// Per long key: its String hash (`hashValue`), by which it is filed in the slots.
        var longProbes: [Int] = []
        /// The types, by open addressing over type numbers (-1: free): a key's home slot is the
        /// top bits of its hash, and a full slot is followed by the next one. A packed key never
        /// equals a long one's (whose `high` is 0), so both kinds share the slots.
        /// Room for one type per spelling keeps it at most half full. Freed by ``freeSlots()``.
        let slots: UnsafeMutableBufferPointer<Int32>
        /// 64 − log2(slot count).
        let shift: UInt64

        init(keys: UnsafeMutableBufferPointer<PackedWord>, hashes: UnsafeMutableBufferPointer<UInt64>) {
            self.keys = keys
            self.hashes = hashes
            var bits = 4
            while (1 << bits) < 2 * keys.count { bits += 1 }
            slots = .allocate(capacity: 1 << bits)
            slots.initialize(repeating: -1)
            shift = UInt64(64 - bits)
        }

        func freeSlots() { slots.deallocate() }

        /// The type of the spelling `span` (lowercased), added when new.
        @inline(__always)
        mutating func type(of span: Span, in bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Int32 {
            if ascii, let word = PackedWord(lowercasing: bytes, span) { return type(of: word) }
            return longType(of: span, in: bytes, ascii: ascii)
        }

        /// The type of a spelling that is not short ASCII, added when new (kept out of the loop:
        /// a few in a hundred spellings).
        @inline(never)
        mutating func longType(of span: Span, in bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Int32 {
            let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
            let lower =
                ascii
                ? String(
                    unsafeUninitializedCapacity: raw.count,
                    initializingUTF8With: { out in
                        for k in 0..<raw.count { out[k] = TextBytes.asciiLowercased(raw[k]) }
                        return raw.count
                    })
                : String(decoding: raw, as: UTF8.self).lowercased()
            // Unicode lowercasing may make ASCII ("\u{212A}" Kelvin sign → "k").
            if !ascii, let word = PackedWord(lower) { return type(of: word) }
            // Found through the slots and compared as Strings, by canonical equivalence, as a
            // String-keyed dictionary would (which cost about 4,000 instructions a spelling):
            // the slot from the String's own hash, which agrees with that equality.
            let probe = lower.hashValue
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: UInt64(UInt(bitPattern: probe)) >> shift)
            while true {
                let t = slots[slot]
                if t < 0 { break }
                let key = keys[Int(t)]
                if key.high == 0 && longProbes[Int(key.low)] == probe && longKeys[Int(key.low)] == lower { return t }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(count)
            add(PackedWord(low: UInt64(longKeys.count), high: 0), hash: TokenTypes.mix(FNV1a.hash(lower.utf8)))
            longKeys.append(lower)
            longProbes.append(probe)
            return Int32(count - 1)
        }

        /// The type of a packed key, added when new.
        @inline(__always)
        mutating func type(of word: PackedWord) -> Int32 {
            let h = word.hash
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: h >> shift)
            while true {
                let t = slots[slot]
                if t < 0 { break }
                if keys[Int(t)] == word { return t }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(count)
            add(word, hash: h)
            return Int32(count - 1)
        }

        /// Adds a type of key `word` (zero for a long key) and hash `hash`.
        @inline(__always)
        mutating func add(_ word: PackedWord, hash: UInt64) {
            (keys.baseAddress! + count).initialize(to: word)
            (hashes.baseAddress! + count).initialize(to: hash)
            count += 1
        }
    }

    /// A well-mixed hash of the exact bytes of `span`, eight bytes at a time: what
    /// ``spellingHashes`` holds, for plugins that keep facts about spellings across documents.
    @inlinable @inline(__always)
    public static func spellingHash(bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> UInt64 {
        hashAndTail(bytes: bytes, span).hash
    }

    /// ``spellingHash(bytes:_:)`` and the last `length % 8` bytes of the span packed in a
    /// number, first byte lowest.
    @inlinable @inline(__always)
    static func hashAndTail(bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> (hash: UInt64, tail: UInt64) {
        var h = UInt64(truncatingIfNeeded: span.end - span.start) &* 0x9E37_79B9_7F4A_7C15
        var i = span.start
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while i + 8 <= span.end {
            h =
                (h ^ UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        let left = span.end - i
        if left > 0 {
            if i + 8 <= bytes.count {
                tail =
                    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    & (UInt64.max &>> (64 - 8 * left))
            } else {
                for k in 0..<left { tail |= UInt64(bytes[i + k]) &<< (8 * k) }
            }
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return (h ^ (h >> 32), tail)
    }

    /// Spreads the bits of an FNV-1a hash over all 64 (its low bits alone are poorly mixed).
    @inline(__always)
    fileprivate static func mix(_ h: UInt64) -> UInt64 {
        var x = h ^ (h >> 33)
        x = x &* 0xFF51_AFD7_ED55_8CCD
        return x ^ (x >> 33)
    }
}
