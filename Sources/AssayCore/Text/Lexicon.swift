/// A dictionary of words and multi-word phrases matched against a document's tokens.
///
/// Shared by every extractor that needs word lists (speech verbs, gazetteers, sentiment
/// valences, currency names), so matching and case handling live in one place. Phrases are
/// matched case-insensitively, token by token, longest match first.
public struct Lexicon<Payload: Sendable>: Sendable {
    // Inlinable so that callers get a version specialised for their payload: unspecialised
    // generic code pays for type metadata lookups on every token.

    /// The payloads, indexed by ``Phrase/payload``.
    @usableFromInline var payloads: [Payload] = []
    /// Every phrase (one or more lowercased words joined by single spaces) and every first word
    /// of a phrase, found by the FNV-1a hash of its bytes. Matching hashes a token's bytes in
    /// place, one token after the other, so no String is built per token; the stored bytes are
    /// compared on a hit, so two phrases with one hash cannot be confused.
    @usableFromInline var phrases: [Phrase] = []
    /// Hash of a phrase's bytes → index of its first ``Phrase`` with that hash (others chain).
    @usableFromInline var slots = HashedTable<Int32>(empty: -1)
    /// Lowercased phrase → payload index, for look-ups by text.
    @usableFromInline var indexOfText: [String: Int32] = [:]

    @usableFromInline struct Phrase: Sendable {
        /// The lowercased bytes, words separated by one space.
        @usableFromInline var bytes: [UInt8]
        /// Index into ``Lexicon/payloads``, or -1 for a word that only starts longer phrases.
        @usableFromInline var payload: Int32
        /// For a first word: the word count of the longest phrase it starts.
        @usableFromInline var longest: Int32
        /// The next phrase with the same hash, or -1.
        @usableFromInline var next: Int32
        @usableFromInline init(bytes: [UInt8], payload: Int32, longest: Int32, next: Int32) {
            self.bytes = bytes
            self.payload = payload
            self.longest = longest
            self.next = next
        }
    }

    public init() {}

    /// Builds a lexicon from phrases (words separated by spaces) and their payloads.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Payload) {
        for (k, v) in pairs { insert(k, v) }
    }

    /// Adds a phrase (words separated by spaces), replacing the payload of one already there.
    public mutating func insert(_ phrase: String, _ payload: Payload) {
        let words = phrase.lowercased().split(separator: " ").map(String.init)
        guard let first = words.first else { return }
        let text = words.joined(separator: " ")
        let payloadIndex: Int32
        if let existing = indexOfText[text] {
            payloads[Int(existing)] = payload
            payloadIndex = existing
        } else {
            payloadIndex = Int32(payloads.count)
            payloads.append(payload)
            indexOfText[text] = payloadIndex
        }
        let whole = phraseIndex(Array(text.utf8))
        phrases[whole].payload = payloadIndex
        let head = phraseIndex(Array(first.utf8))
        phrases[head].longest = max(phrases[head].longest, Int32(words.count))
    }

    /// The index of the phrase with these bytes, added (without a payload) if new.
    mutating func phraseIndex(_ bytes: [UInt8]) -> Int {
        let h = Self.hash(bytes)
        var k = slots[h] ?? -1
        while k >= 0 {
            if phrases[Int(k)].bytes == bytes { return Int(k) }
            k = phrases[Int(k)].next
        }
        phrases.append(Phrase(bytes: bytes, payload: -1, longest: 1, next: slots[h] ?? -1))
        slots.insert(Int32(phrases.count - 1), for: h)
        return phrases.count - 1
    }

    @usableFromInline static var offsetBasis: UInt64 { 0xCBF2_9CE4_8422_2325 }

    /// FNV-1a over bytes.
    @inlinable
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h = offsetBasis
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    public var count: Int { indexOfText.count }

    /// The payload of a single word or a phrase, ignoring case.
    public subscript(phrase: String) -> Payload? { indexOfText[phrase.lowercased()].map { payloads[Int($0)] } }

    public func contains(_ phrase: String) -> Bool { indexOfText[phrase.lowercased()] != nil }

    /// The longest phrase starting at token `i`: its token count and payload.
    @inlinable
    public func match(in document: AnalyzedDocument, at i: Int, limit: Int? = nil) -> (length: Int, payload: Payload)? {
        let end = min(limit ?? document.tokens.count, document.tokens.count)
        guard i < end else { return nil }
        return document.utf8.withUnsafeBufferPointer { bytes in
            document.tokens.withUnsafeBufferPointer { tokens -> (length: Int, payload: Payload)? in
                var h = Self.offsetBasis
                Self.hashLowered(bytes, tokens[i].span, into: &h)
                guard let head = find(h, bytes, tokens, i..<(i + 1)) else { return nil }
                let entry = phrases[head]
                var best: (length: Int, payload: Payload)? = entry.payload >= 0 ? (1, payloads[Int(entry.payload)]) : nil
                let longest = min(Int(entry.longest), end - i)
                var n = 1
                while n < longest {
                    h = (h ^ 0x20) &* 0x100_0000_01B3
                    Self.hashLowered(bytes, tokens[i + n].span, into: &h)
                    n += 1
                    if let k = find(h, bytes, tokens, i..<(i + n)), phrases[k].payload >= 0 {
                        best = (n, payloads[Int(phrases[k].payload)])
                    }
                }
                return best
            }
        }
    }

    /// The phrase whose hash is `h` and whose bytes are those of `run`, lowercased and joined.
    @inlinable
    func find(_ h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>, _ run: Range<Int>) -> Int? {
        guard var k = slots[h], k >= 0 else { return nil }
        while k >= 0 {
            if Self.equal(phrases[Int(k)].bytes, bytes, tokens, run) { return Int(k) }
            k = phrases[Int(k)].next
        }
        return nil
    }

    /// Feeds a token's lowercased bytes to an FNV-1a hash: ASCII in place; other text lowercased
    /// through String, which also knows "É" → "é".
    @inlinable
    static func hashLowered(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span, into h: inout UInt64) {
        for k in span.start..<span.end where bytes[k] >= 0x80 {
            for c in lowered(bytes, span) { h = (h ^ UInt64(c)) &* 0x100_0000_01B3 }
            return
        }
        for k in span.start..<span.end {
            let c = bytes[k] >= 65 && bytes[k] <= 90 ? bytes[k] | 0x20 : bytes[k]
            h = (h ^ UInt64(c)) &* 0x100_0000_01B3
        }
    }

    /// A non-ASCII token's bytes, lowercased.
    @usableFromInline
    static func lowered(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> [UInt8] {
        Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self).lowercased().utf8)
    }

    /// Whether `stored` equals the tokens of `run`, lowercased and joined by single spaces.
    @inlinable
    static func equal(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>, _ run: Range<Int>) -> Bool {
        var p = 0
        for t in run {
            if t > run.lowerBound {
                guard p < stored.count, stored[p] == 0x20 else { return false }
                p += 1
            }
            let span = tokens[t].span
            var ascii = true
            for k in span.start..<span.end where bytes[k] >= 0x80 { ascii = false; break }
            if ascii {
                guard stored.count - p >= span.length else { return false }
                for k in span.start..<span.end {
                    let c = bytes[k] >= 65 && bytes[k] <= 90 ? bytes[k] | 0x20 : bytes[k]
                    if stored[p] != c { return false }
                    p += 1
                }
            } else {
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
    public func matches(in document: AnalyzedDocument, tokens range: Range<Int>) -> [(tokens: Range<Int>, payload: Payload)] {
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
