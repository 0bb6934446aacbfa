/// A dictionary of words and multi-word phrases matched against a document's tokens.
///
/// Shared by every extractor that needs word lists (speech verbs, gazetteers, sentiment
/// valences, currency names), so matching and case handling live in one place. Phrases are
/// matched case-insensitively, token by token, longest match first.
public struct Lexicon<Payload: Sendable>: Sendable {
    // Inlinable so that callers get a version specialised for their payload: unspecialised
    // generic code pays for type metadata lookups on every token.

    /// The payloads, indexed by ``Slot/payload``.
    @usableFromInline var payloads: [Payload] = []
    /// Every phrase (one or more lowercased words joined by single spaces) and every first word
    /// of a phrase, by the FNV-1a hash of its bytes, in an open-addressing table (linear
    /// probing, at most half full). Matching hashes a token's bytes in place, one token after
    /// the other, so no String is built per token; the stored bytes are compared on a hit, so two
    /// phrases with one hash cannot be confused. A slot holds all a look-up reads but the bytes:
    /// on real text the look-ups are bound by cache misses, one per separate table touched.
    @usableFromInline var slots: [Slot] = Array(repeating: Slot(), count: 16)
    /// The number of slots in use.
    @usableFromInline var used = 0
    /// One bit per hash value (its top bits), set for every stored phrase: most tokens of a text
    /// are in no lexicon, and this answers them from a bit array small enough to stay in cache
    /// (16 bits per slot, so about 3% of absent words reach the slots).
    @usableFromInline var filter = [UInt64](repeating: 0, count: 4)
    /// The bytes of every phrase, one after the other (``Slot/start``, ``Slot/length``).
    @usableFromInline var text: [UInt8] = []
    /// The payload index of every single word that packs (short ASCII, nearly every word): a
    /// token is asked about with a look-up of two integers, without hashing its bytes one by one.
    @usableFromInline var singleWords = PackedWordTable<Int32>()

    @usableFromInline struct Slot: Sendable {
        /// The FNV-1a hash of the phrase's bytes, never 0 (0 marks a free slot).
        @usableFromInline var hash: UInt64 = 0
        /// Where the phrase's lowercased bytes (words separated by one space) lie in ``Lexicon/text``.
        @usableFromInline var start: Int32 = 0
        @usableFromInline var length: Int32 = 0
        /// Index into ``Lexicon/payloads``, or -1 for a word that only starts longer phrases.
        @usableFromInline var payload: Int32 = -1
        /// For a first word: the word count of the longest phrase it starts.
        @usableFromInline var longest: Int32 = 1
        @usableFromInline init() {}
    }

    public init() {}

    /// Builds a lexicon from phrases (words separated by spaces) and their payloads.
    @inlinable
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Payload) {
        reserve(pairs.underestimatedCount)
        for (k, v) in pairs { insert(k, v) }
    }

    /// Sizes the empty tables for `count` phrases at once, so that building a lexicon of tens
    /// of thousands does not grow and refill each table a dozen times.
    @inlinable
    mutating func reserve(_ count: Int) {
        guard count > 0, used == 0 else { return }
        payloads.reserveCapacity(count)
        singleWords = PackedWordTable(capacity: count)
        // At most half full (see `slotIndex`), with room for the first words of phrases.
        var size = slots.count
        while size < 2 * count + 2 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
        filter = [UInt64](repeating: 0, count: size / 4)
    }

    /// Adds a phrase (words separated by spaces), replacing the payload of one already there.
    @inlinable
    public mutating func insert(_ phrase: String, _ payload: Payload) {
        let (bytes, words, firstEnd) = Self.joinedWords(phrase)
        guard words > 0 else { return }
        let whole = slotIndex(bytes[...])
        let index = slots[whole].payload
        if index >= 0 {
            payloads[Int(index)] = payload
        } else {
            slots[whole].payload = Int32(payloads.count)
            payloads.append(payload)
            if words == 1, let key = bytes.withUnsafeBufferPointer({ PackedWord(lowercasing: $0, Span(0, $0.count)) }) {
                singleWords.set(Int32(payloads.count - 1), for: key)
            }
        }
        let head = slotIndex(bytes[..<firstEnd])
        slots[head].longest = max(slots[head].longest, Int32(words))
    }

    /// A phrase's words lowercased and joined by single spaces, their count and the end of the
    /// first, in one pass over the bytes: lexicons of tens of thousands of entries are built at
    /// startup. Only text with a non-ASCII byte goes through Unicode lowercasing.
    @inlinable
    static func joinedWords(_ phrase: String) -> (bytes: [UInt8], words: Int, firstEnd: Int) {
        var phrase = phrase
        if phrase.withUTF8({ $0.contains { $0 >= 0x80 } }) { phrase = phrase.lowercased() }
        var words = 0, firstEnd = 0
        let bytes = phrase.withUTF8 { source -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(source.count)
            var inWord = false
            for b in source {
                if b == UInt8(ascii: " ") {
                    if inWord, words == 1 { firstEnd = out.count }
                    inWord = false
                    continue
                }
                if !inWord {
                    if words > 0 { out.append(UInt8(ascii: " ")) }
                    words += 1
                    inWord = true
                }
                out.append(asciiLowercased(b))
            }
            if inWord, words == 1 { firstEnd = out.count }
            return out
        }
        return (bytes, words, firstEnd)
    }

    /// The payload index of the phrase whose stored bytes are `text`'s (lowercased, words joined
    /// by single spaces), or nil.
    @inlinable
    func payloadIndex(ofText text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            let (i, found) = probe(bytes, hash: Self.hash(bytes))
            return found && slots[i].payload >= 0 ? Int(slots[i].payload) : nil
        }
    }

    /// The hash a phrase's stored bytes are kept under (FNV-1a, never 0, which marks a free slot).
    @inlinable
    static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        nonZero(FNV1a.hash(bytes))
    }

    /// The slot holding the phrase with these bytes and hash, or the free slot where it would go.
    @inlinable
    func probe<Bytes: Collection<UInt8>>(_ bytes: Bytes, hash h: UInt64) -> (index: Int, found: Bool) {
        var i = Int(truncatingIfNeeded: h) & (slots.count - 1)
        while slots[i].hash != 0 {
            let s = slots[i]
            if s.hash == h, text[Int(s.start)..<Int(s.start + s.length)].elementsEqual(bytes) { return (i, true) }
            i = (i + 1) & (slots.count - 1)
        }
        return (i, false)
    }

    /// The slot of the phrase with these bytes, added (without a payload) if new. Valid until
    /// the next phrase is added, which may move every slot.
    @inlinable
    mutating func slotIndex(_ bytes: ArraySlice<UInt8>) -> Int {
        let h = Self.hash(bytes)
        var (i, found) = probe(bytes, hash: h)
        if found { return i }
        if (used + 1) * 2 > slots.count {
            grow()
            i = probe(bytes, hash: h).index
        }
        slots[i].hash = h
        Self.setBit(h, in: &filter)
        slots[i].start = Int32(text.count)
        slots[i].length = Int32(bytes.count)
        text += bytes
        used += 1
        return i
    }

    /// Doubles the slot count (and the filter) and places every phrase again.
    @inlinable
    mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        filter = [UInt64](repeating: 0, count: slots.count / 4)
        for s in old where s.hash != 0 {
            var i = Int(truncatingIfNeeded: s.hash) & (slots.count - 1)
            while slots[i].hash != 0 { i = (i + 1) & (slots.count - 1) }
            slots[i] = s
            Self.setBit(s.hash, in: &filter)
        }
    }

    /// The filter bit of a hash: its top bits, independent of the low bits that pick its slot.
    @inlinable @inline(__always)
    static func filterBit(_ h: UInt64, words: Int) -> (word: Int, mask: UInt64) {
        let bit = Int(truncatingIfNeeded: h >> 32) & (words * 64 - 1)
        return (bit >> 6, 1 << UInt64(bit & 63))
    }

    @inlinable
    static func setBit(_ h: UInt64, in filter: inout [UInt64]) {
        let (word, mask) = filterBit(h, words: filter.count)
        filter[word] |= mask
    }

    /// A hash as stored: 0 marks a free slot, so a phrase hashing to 0 is stored as 1.
    @inlinable @inline(__always)
    static func nonZero(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    public var count: Int { payloads.count }

    /// The payload of a single word or a phrase, ignoring case.
    public subscript(phrase: String) -> Payload? { payloadIndex(ofText: phrase.lowercased()).map { payloads[$0] } }

    public func contains(_ phrase: String) -> Bool { payloadIndex(ofText: phrase.lowercased()) != nil }

    /// The words of every phrase of more than one word, lowercased as stored, in no set order:
    /// for a plugin that must know which words begin or continue a phrase.
    public var wordsOfPhrases: [[String]] { storedWords(includingSingleWords: false) }

    /// The words of every entry, single words included, lowercased as stored, in no set order:
    /// for a plugin that must know what a stored phrase ends or begins with.
    public var wordsOfEntries: [[String]] { storedWords(includingSingleWords: true) }

    private func storedWords(includingSingleWords: Bool) -> [[String]] {
        text.withUnsafeBufferPointer { text in
            var phrases: [[String]] = []
            for s in slots where s.payload >= 0 {
                let stored = UnsafeBufferPointer(rebasing: text[Int(s.start)..<Int(s.start + s.length)])
                guard includingSingleWords || stored.contains(UInt8(ascii: " ")) else { continue }
                phrases.append(stored.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) })
            }
            return phrases
        }
    }

    /// The payload of the single word token `i` is, ignoring case: the answer of
    /// `match(in: document, at: i, limit: i + 1)`, faster.
    ///
    /// An ASCII token of at most ``PackedWord/maxLength`` bytes (nearly every token) is
    /// lowercased and packed in place and looked up as two integers; other tokens go through
    /// ``match(in:at:limit:)``, which knows how Unicode lowercases.
    @inlinable
    public func payload(ofWordAt i: Int, in document: AnalyzedDocument) -> Payload? {
        guard
            let index = document.utf8.withUnsafeBufferPointer({ bytes in
                document.tokens.withUnsafeBufferPointer { tokens in
                    payloadIndex(ofWordAt: i, bytes: bytes, tokens: tokens, document: document)
                }
            })
        else { return nil }
        return payloads[index]
    }

    /// ``payload(ofWordAt:in:)`` as an index into the payloads, over the document's bytes and
    /// tokens already in hand (for loops over every token).
    @inlinable @inline(__always)
    public func payloadIndex(
        ofWordAt i: Int, bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>,
        document: AnalyzedDocument
    ) -> Int? {
        if let key = PackedWord(lowercasing: bytes, tokens[i].span) { return singleWords[key].map { Int($0) } }
        guard i < tokens.count, let (length, payload) = matchIndex(in: document, at: i, end: i + 1), length == 1
        else { return nil }
        return payload
    }

    /// The payload of the single word that type `t` of `types` is, ignoring case.
    @inlinable
    public func payload(ofType t: Int, in types: TokenTypes) -> Payload? {
        if let key = types.packedWord(ofType: t) { return singleWords[key].map { payloads[Int($0)] } }
        return payloadIndex(ofText: types.text(ofType: t)).map { payloads[$0] }
    }

    /// The payload at `index`, as ``payloadIndex(ofWordAt:bytes:tokens:document:)`` gives it.
    @inlinable
    public func payload(at index: Int) -> Payload { payloads[index] }

    /// The longest phrase starting at token `i`: its token count and payload.
    @inlinable
    public func match(in document: AnalyzedDocument, at i: Int, limit: Int? = nil) -> (length: Int, payload: Payload)? {
        let end = min(limit ?? document.tokens.count, document.tokens.count)
        guard i < end else { return nil }
        guard let (length, payload) = matchIndex(in: document, at: i, end: end) else { return nil }
        return (length, payloads[payload])
    }

    /// The longest phrase starting at token `i` before token `end`: its token count and the
    /// index of its payload.
    @inlinable
    func matchIndex(in document: AnalyzedDocument, at i: Int, end: Int) -> (length: Int, payload: Int)? {
        document.utf8.withUnsafeBufferPointer { bytes in
            document.tokens.withUnsafeBufferPointer { tokens in
                slots.withUnsafeBufferPointer { slots in
                    text.withUnsafeBufferPointer { text -> (length: Int, payload: Int)? in
                        var h = FNV1a.offsetBasis
                        Self.hashLowered(bytes, tokens[i].span, into: &h)
                        let (word, mask) = Self.filterBit(Self.nonZero(h), words: filter.count)
                        guard filter[word] & mask != 0 else { return nil }
                        guard let head = find(h, slots, text, bytes, tokens, i..<(i + 1)) else { return nil }
                        var best: (length: Int, payload: Int)? = head.payload >= 0 ? (1, Int(head.payload)) : nil
                        let longest = min(Int(head.longest), end - i)
                        var n = 1
                        while n < longest {
                            h = FNV1a.step(h, 0x20)
                            Self.hashLowered(bytes, tokens[i + n].span, into: &h)
                            n += 1
                            if let s = find(h, slots, text, bytes, tokens, i..<(i + n)), s.payload >= 0 {
                                best = (n, Int(s.payload))
                            }
                        }
                        return best
                    }
                }
            }
        }
    }

    /// The slot of the phrase whose hash is `h` and whose bytes are those of `run`, lowercased
    /// and joined.
    @inlinable
    func find(
        _ h: UInt64, _ slots: UnsafeBufferPointer<Slot>, _ text: UnsafeBufferPointer<UInt8>,
        _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>, _ run: Range<Int>
    ) -> Slot? {
        let h = Self.nonZero(h)
        var i = Int(truncatingIfNeeded: h) & (slots.count - 1)
        while slots[i].hash != 0 {
            let s = slots[i]
            if s.hash == h,
                Self.equal(
                    UnsafeBufferPointer(rebasing: text[Int(s.start)..<Int(s.start + s.length)]), bytes, tokens, run)
            {
                return s
            }
            i = (i + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Feeds a token's lowercased bytes to an FNV-1a hash: ASCII in place, in one pass; other
    /// text lowercased through String, which also knows "É" → "é".
    @inlinable
    static func hashLowered(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span, into h: inout UInt64) {
        var hashed = h
        for k in span.start..<span.end {
            let b = bytes[k]
            if b >= 0x80 {
                for c in lowered(bytes, span) { h = FNV1a.step(h, c) }
                return
            }
            hashed = FNV1a.step(hashed, asciiLowercased(b))
        }
        h = hashed
    }

    @inlinable @inline(__always)
    static func asciiLowercased(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    /// A non-ASCII token's bytes, lowercased.
    @usableFromInline
    static func lowered(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> [UInt8] {
        Array(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self).lowercased()
                .utf8)
    }

    /// Whether `stored` equals the tokens of `run`, lowercased and joined by single spaces.
    @inlinable
    static func equal(
        _ stored: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
        _ run: Range<Int>
    ) -> Bool {
        var p = 0
        for t in run {
            if t > run.lowerBound {
                guard p < stored.count, stored[p] == 0x20 else { return false }
                p += 1
            }
            let span = tokens[t].span
            let tokenStart = p
            var ascii = true
            for k in span.start..<span.end {
                let b = bytes[k]
                if b >= 0x80 {
                    ascii = false
                    break
                }
                guard p < stored.count, stored[p] == asciiLowercased(b) else { return false }
                p += 1
            }
            if !ascii {
                p = tokenStart
                for c in lowered(bytes, span) {
                    guard p < stored.count, stored[p] == c else { return false }
                    p += 1
                }
            }
        }
        return p == stored.count
    }

    /// All non-overlapping longest matches among the tokens `range`.
    @inlinable
    public func matches(in document: AnalyzedDocument, tokens range: Range<Int>) -> [(
        tokens: Range<Int>, payload: Payload
    )] {
        var out: [(Range<Int>, Payload)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let (len, p) = match(in: document, at: i, limit: range.upperBound) {
                out.append((i..<(i + len), p))
                i += len
            } else {
                i += 1
            }
        }
        return out
    }
}

extension Lexicon where Payload == Bool {
    /// A word list: one phrase per line; blank lines and `#` comments are skipped.
    public init(wordList text: String) {
        self.init()
        for line in text.split(whereSeparator: \.isNewline) {
            let t = line.trimmingCharacters(in: " \t")
            if t.isEmpty || t.hasPrefix("#") { continue }
            insert(String(t), true)
        }
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> Substring {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return Substring(s)
    }
}
