/// A dictionary of words and multi-word phrases matched against a document's tokens.
///
/// Shared by every extractor that needs word lists (speech verbs, gazetteers, sentiment
/// valences, currency names), so matching and case handling live in one place. Phrases are
/// matched case-insensitively, token by token, longest match first.
public struct Lexicon<Payload: Sendable>: Sendable {
    // Inlinable so that callers get a version specialised for their payload: unspecialised
    // generic code pays for type metadata lookups on every token.
    @usableFromInline var entries: [String: Payload] = [:]
    /// Every lowercased first word, keyed by a hash of its bytes: its own payload (if it is an
    /// entry) and the length of the longest phrase it starts. A one-word match hashes the token's
    /// bytes in place, with no String built; the stored bytes guard against hash collisions.
    @usableFromInline var heads: [UInt64: [Head]] = [:]

    @usableFromInline struct Head: Sendable {
        @usableFromInline var word: [UInt8]
        @usableFromInline var payload: Payload?
        @usableFromInline var longest: Int
        @usableFromInline init(word: [UInt8], payload: Payload?, longest: Int) {
            self.word = word
            self.payload = payload
            self.longest = longest
        }
    }

    public init() {}

    /// Builds a lexicon from phrases (words separated by spaces) and their payloads.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Payload) {
        for (k, v) in pairs { insert(k, v) }
    }

    public mutating func insert(_ phrase: String, _ payload: Payload) {
        let words = phrase.lowercased().split(separator: " ").map(String.init)
        guard let first = words.first else { return }
        entries[words.joined(separator: " ")] = payload
        let bytes = Array(first.utf8)
        let key = Self.hash(bytes)
        var bucket = heads[key] ?? []
        let index = bucket.firstIndex { $0.word == bytes } ?? { bucket.append(Head(word: bytes, payload: nil, longest: 0)); return bucket.count - 1 }()
        bucket[index].longest = max(bucket[index].longest, words.count)
        if words.count == 1 { bucket[index].payload = payload }
        heads[key] = bucket
    }

    /// FNV-1a over bytes.
    @inlinable
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    /// The head entry for token `i`, found by hashing its lowercased bytes in place.
    @inlinable
    func head(of document: AnalyzedDocument, token i: Int) -> Head? {
        let span = document.tokens[i].span
        return document.utf8.withUnsafeBufferPointer { bytes -> Head? in
            var ascii = true
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for k in span.start..<span.end {
                var b = bytes[k]
                if b >= 0x80 { ascii = false; break }
                if b >= 65 && b <= 90 { b |= 0x20 }
                h = (h ^ UInt64(b)) &* 0x100_0000_01B3
            }
            if ascii {
                guard let bucket = heads[h] else { return nil }
                for head in bucket where head.word.count == span.length {
                    var same = true
                    for k in 0..<span.length {
                        var b = bytes[span.start + k]
                        if b >= 65 && b <= 90 { b |= 0x20 }
                        if head.word[k] != b { same = false; break }
                    }
                    if same { return head }
                }
                return nil
            }
            let lowered = Array(String(decoding: bytes[span.start..<span.end], as: UTF8.self).lowercased().utf8)
            return heads[Self.hash(lowered)]?.first { $0.word == lowered }
        }
    }

    public var count: Int { entries.count }

    /// The payload of a single word or a phrase, ignoring case.
    public subscript(phrase: String) -> Payload? { entries[phrase.lowercased()] }

    public func contains(_ phrase: String) -> Bool { entries[phrase.lowercased()] != nil }

    /// The longest phrase starting at token `i`: its token count and payload.
    @inlinable
    public func match(in document: AnalyzedDocument, at i: Int, limit: Int? = nil) -> (length: Int, payload: Payload)? {
        let end = min(limit ?? document.tokens.count, document.tokens.count)
        guard let head = head(of: document, token: i) else { return nil }
        let maxLength = head.longest
        var best: (Int, Payload)? = head.payload.map { (1, $0) }
        guard maxLength > 1 else { return best }
        var key = String(decoding: head.word, as: UTF8.self)
        var n = 1
        while n < maxLength, i + n < end {
            key += " " + Self.lowercasedKey(document, token: i + n)
            n += 1
            if let p = entries[key] { best = (n, p) }
        }
        return best
    }

    /// A token's text, lowercased, built straight from the bytes for ASCII tokens (the common
    /// case, and the hot path of every lexicon lookup).
    @inlinable
    static func lowercasedKey(_ document: AnalyzedDocument, token i: Int) -> String {
        let span = document.tokens[i].span
        return document.utf8.withUnsafeBufferPointer { bytes in
            for k in span.start..<span.end where bytes[k] >= 0x80 {
                return String(decoding: bytes[span.start..<span.end], as: UTF8.self).lowercased()
            }
            return String(unsafeUninitializedCapacity: span.length) { out in
                for k in 0..<span.length {
                    let b = bytes[span.start + k]
                    out[k] = b >= 65 && b <= 90 ? b | 0x20 : b
                }
                return span.length
            }
        }
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
