import AssayCore

/// How a unit is written, for features that generalise beyond the exact word.
enum CaseClass: UInt8 {
    case none = 0  // no letters: numbers, punctuation
    case lower  // "talks"
    case title  // "Moscow"
    case upper  // "BRICS", "U.S."
    case mixed  // "iPhone", "McDonald" starts upper → title; this is lower-first with capitals

    /// The case class of a spelling of this shape.
    init(_ shape: TokenShape) {
        if !shape.contains(.hasLetter) {
            self = .none
        } else if shape.contains(.capitalized) {
            self = shape.contains(.allCaps) ? .upper : .title
        } else {
            self = shape.contains(.hasUppercase) ? .mixed : .lower
        }
    }

    var isCapitalised: Bool { self == .title || self == .upper }
    /// Written as a name's words are: capitalised, or lower-first with capitals ("iPhone").
    var startsName: Bool { self == .title || self == .upper || self == .mixed }
}

/// What a profile reads of one scalar of a word that is not all ASCII, from its Unicode
/// properties: its shape letter, and for an upper-case letter its lower-case bytes (at most
/// eight: only U+0130 lower-cases to more than one scalar, three bytes).
private struct ScalarFacts {
    var shape: UInt8
    var isUppercase: Bool
    var lowerCount: UInt8
    /// Up to eight lower-case UTF-8 bytes, the first lowest.
    var lower: UInt64

    init(_ scalar: Unicode.Scalar) {
        let p = scalar.properties
        isUppercase = p.isUppercase
        lowerCount = 0
        lower = 0
        if isUppercase {
            shape = 88  // X
            for (k, c) in p.lowercaseMapping.utf8.enumerated() {
                precondition(k < 8, "a lower-case mapping longer than eight bytes")
                lower |= UInt64(c) &<< (8 * k)
                lowerCount += 1
            }
        } else if p.isLowercase || p.isAlphabetic {
            shape = 120  // x
        } else if p.numericType == .decimal {
            shape = 100  // d
        } else {
            shape = scalar.value < 0x80 ? UInt8(scalar.value) : 111
        }
    }

    /// The scalars below U+0250 (ASCII, Latin-1 and Latin Extended-A and -B: the letters of
    /// most accented names) are looked up in ``table``, worked out once per process: their
    /// Unicode properties, asked for every scalar, made an accented word cost some eight
    /// thousand instructions, and the gazetteer and word clusters have thousands of them.
    static let tableEnd: UInt32 = 0x250
    static let table: [ScalarFacts] = (0..<tableEnd).map { ScalarFacts(Unicode.Scalar($0)!) }

    /// The facts of `scalar`, from the table when it is in it.
    @inline(__always) static func of(_ scalar: Unicode.Scalar) -> ScalarFacts {
        scalar.value < tableEnd ? table[Int(scalar.value)] : ScalarFacts(scalar)
    }
}

/// The lexical facts of one unit, hashed once and shared by every feature template that reads
/// the unit or its neighbours.
struct UnitProfile {
    /// What each hash of a unit's whole text is mixed with, so that the same bytes give
    /// different keys as a word, a lower-cased word and a shape. The model's features are keyed
    /// by these: every place that makes a `word` or `lower` hash uses them.
    static let wordSalt: UInt64 = 1
    static let lowerSalt: UInt64 = 2
    static let shapeSalt: UInt64 = 3

    var word: UInt64 = 0
    var lower: UInt64 = 0
    /// The word shape with repeats collapsed: `Xx` for "Moscow", `X.X.` for "U.S.", `d,d` for "1,000".
    var shape: UInt64 = 0
    /// Hashes of the lower-case prefixes and suffixes of 1...4 bytes (0 where the word is too short).
    var prefixes: SIMD4<UInt64> = .zero
    var suffixes: SIMD4<UInt64> = .zero
    var caseClass: CaseClass = .none
    var hasDigit = false
    /// Byte length, capped at 255.
    var length: UInt8 = 0
    /// The word's clusters learnt from unlabelled news, `coarse << 8 | fine` (0 when it has
    /// none): set by ``WordClusters/labelled(_:)``, not from the bytes alone.
    var cluster: UInt16 = 0
    var fineCluster: UInt64 { UInt64(cluster & 0xFF) }
    var coarseCluster: UInt64 { UInt64(cluster >> 8) }

    init() {}

    /// Typographic punctuation spelled as CoNLL's plain ASCII (the training news has `"` and
    /// `'s`, real news has `”` and `’s`); nil when nothing needs replacing.
    static func asciiPunctuation(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8]? {
        var out: [UInt8] = []
        var changed = false
        var i = start
        while i < end {
            if b[i] == 0xE2, i + 2 < end, b[i + 1] == 0x80 {
                switch b[i + 2] {
                case 0x98, 0x99:
                    out.append(UInt8(ascii: "'"))
                    changed = true
                    i += 3
                    continue
                case 0x9C, 0x9D, 0x9E:
                    out.append(UInt8(ascii: "\""))
                    changed = true
                    i += 3
                    continue
                case 0x93, 0x94:
                    out.append(UInt8(ascii: "-"))
                    changed = true
                    i += 3
                    continue
                default: break
                }
            }
            out.append(b[i])
            i += 1
        }
        return changed ? out : nil
    }

    /// The ``lower`` of the ASCII bytes `start..<end` of `b`, without the rest of the profile:
    /// the gazetteer hashes every word of its plain listed names this way on each process's first use.
    static func lower(ofASCII b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var l = FeatureHash.offset
        for i in start..<end { l = FeatureHash.step(l, TextBytes.asciiLowercased(b[i])) }
        return FeatureHash.mix(l, lowerSalt)
    }

    /// The ``lower`` of the bytes `start..<end` of `b`, without the rest of the profile: the
    /// gazetteer hashes the words of its listed names this way on each process's first use,
    /// and a whole profile of an accented word (its shape from Unicode properties first) cost
    /// several thousand instructions.
    static func lower(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var i = start, ascii = true
        while i < end {
            // Typographic punctuation is spelled as ASCII first (``asciiPunctuation(_:_:_:)``).
            if b[i] == 0xE2 { return UnitProfile(b, start, end).lower }
            if b[i] >= 0x80 { ascii = false }
            i += 1
        }
        if ascii { return lower(ofASCII: b, start, end) }
        var l = FeatureHash.offset
        i = start
        while i < end {
            let (sc, len) = TextBytes.scalar(in: b, at: i)
            let facts = ScalarFacts.of(sc)
            if facts.isUppercase {
                for k in 0..<Int(facts.lowerCount) {
                    l = FeatureHash.step(l, UInt8(truncatingIfNeeded: facts.lower &>> (8 * k)))
                }
            } else {
                for k in i..<min(i + len, end) { l = FeatureHash.step(l, b[k]) }
            }
            i += len
        }
        return FeatureHash.mix(l, lowerSalt)
    }

    /// The ``word`` and ``lower`` of the ASCII bytes `start..<end` of `b`, without the rest of
    /// the profile: the word clusters are keyed by these two on each process's first use.
    static func wordAndLower(ofASCII b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (
        word: UInt64, lower: UInt64
    ) {
        var w = FeatureHash.offset, l = FeatureHash.offset
        for i in start..<end {
            w = FeatureHash.step(w, b[i])
            l = FeatureHash.step(l, TextBytes.asciiLowercased(b[i]))
        }
        return (FeatureHash.mix(w, wordSalt), FeatureHash.mix(l, lowerSalt))
    }

    /// The profile of the bytes `start..<end` of `b`.
    init(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        self.init(b, Span(start, end), shape: TokenShape(b, Span(start, end)))
    }

    /// The profile of the bytes of `span`, whose shape is `shape`.
    init(_ b: UnsafeBufferPointer<UInt8>, _ span: Span, shape spelling: TokenShape) {
        caseClass = CaseClass(spelling)
        hasDigit = spelling.contains(.hasDigit)
        let start = span.start, end = span.end
        let ascii = spelling.contains(.ascii)
        if !ascii, let plain = Self.asciiPunctuation(b, start, end) {
            // Letters and digits are as they were: the shape holds, but for being ASCII.
            var plainShape = spelling
            if !plain.contains(where: { $0 >= 0x80 }) { plainShape.insert(.ascii) }
            self = plain.withUnsafeBufferPointer { UnitProfile($0, Span(0, $0.count), shape: plainShape) }
            return
        }
        length = UInt8(min(end - start, 255))
        var w = FeatureHash.offset, l = FeatureHash.offset, s = FeatureHash.offset
        var lastShape: UInt8 = 0
        @inline(__always) func addShape(_ c: UInt8) {
            if c != lastShape {
                s = FeatureHash.step(s, c)
                lastShape = c
            }
        }
        if ascii {
            for i in start..<end {
                let c = b[i]
                w = FeatureHash.step(w, c)
                var lc = c
                if TextBytes.isASCIIUppercase(c) {
                    lc = c | 0x20
                    addShape(88)  // X
                } else if TextBytes.isASCIILowercase(c) {
                    addShape(120)  // x
                } else if TextBytes.isASCIIDigit(c) {
                    addShape(100)  // d
                } else {
                    addShape(c)
                }
                l = FeatureHash.step(l, lc)
                let k = i - start
                if k < 4, k + 1 < end - start { prefixes[k] = FeatureHash.mix(l, UInt64(k + 1)) }
            }
            let n = end - start
            for k in 1...4 where k < n {
                var h = FeatureHash.offset
                for i in (end - k)..<end {
                    let c = b[i]
                    h = FeatureHash.step(h, TextBytes.asciiLowercased(c))
                }
                suffixes[k - 1] = FeatureHash.mix(h, UInt64(100 + k))
            }
        } else {
            // Non-ASCII (accented names, curly quotes): decode scalars and lower-case properly.
            var loweredBytes: [UInt8] = []
            var i = start
            while i < end {
                let (sc, len) = TextBytes.scalar(in: b, at: i)
                for k in i..<min(i + len, end) { w = FeatureHash.step(w, b[k]) }
                let facts = ScalarFacts.of(sc)
                addShape(facts.shape)
                if facts.isUppercase {
                    for k in 0..<Int(facts.lowerCount) {
                        loweredBytes.append(UInt8(truncatingIfNeeded: facts.lower &>> (8 * k)))
                    }
                } else {
                    loweredBytes += b[i..<min(i + len, end)]
                }
                i += len
            }
            for c in loweredBytes { l = FeatureHash.step(l, c) }
            let n = loweredBytes.count
            var h = FeatureHash.offset
            for k in 0..<min(4, max(0, n - 1)) {
                h = FeatureHash.step(h, loweredBytes[k])
                prefixes[k] = FeatureHash.mix(h, UInt64(k + 1))
            }
            for k in 1...4 where k < n {
                var h = FeatureHash.offset
                for c in loweredBytes[(n - k)...] { h = FeatureHash.step(h, c) }
                suffixes[k - 1] = FeatureHash.mix(h, UInt64(100 + k))
            }
        }
        word = FeatureHash.mix(w, Self.wordSalt)
        lower = FeatureHash.mix(l, Self.lowerSalt)
        shape = FeatureHash.mix(s, Self.shapeSalt)
    }
}
