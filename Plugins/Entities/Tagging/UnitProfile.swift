/// How a unit is written, for features that generalise beyond the exact word.
enum CaseClass: UInt8 {
    case none = 0  // no letters: numbers, punctuation
    case lower  // "talks"
    case title  // "Moscow"
    case upper  // "BRICS", "U.S."
    case mixed  // "iPhone", "McDonald" starts upper → title; this is lower-first with capitals

    var isCapitalised: Bool { self == .title || self == .upper }
    /// Written as a name's words are: capitalised, or lower-first with capitals ("iPhone").
    var startsName: Bool { self == .title || self == .upper || self == .mixed }
}

/// The lexical facts of one unit, hashed once and shared by every feature template that reads
/// the unit or its neighbours.
struct UnitProfile {
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

    /// Decodes the scalar starting at byte `i` (which must start one).
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar {
        let b0 = b[i]
        if b0 < 0x80 { return Unicode.Scalar(b0) }
        var v: UInt32, n: Int
        if b0 & 0xE0 == 0xC0 {
            v = UInt32(b0 & 0x1F)
            n = 1
        } else if b0 & 0xF0 == 0xE0 {
            v = UInt32(b0 & 0x0F)
            n = 2
        } else {
            v = UInt32(b0 & 0x07)
            n = 3
        }
        for k in 1...n where i + k < b.count { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }

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

    init(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        var ascii = true
        for i in start..<end where b[i] >= 0x80 {
            ascii = false
            break
        }
        if !ascii, let plain = Self.asciiPunctuation(b, start, end) {
            self = plain.withUnsafeBufferPointer { UnitProfile($0, 0, $0.count) }
            return
        }
        length = UInt8(min(end - start, 255))
        var w = FeatureHash.offset, l = FeatureHash.offset, s = FeatureHash.offset
        var lastShape: UInt8 = 0
        var uppers = 0, lowers = 0, firstUpper = false, letters = 0
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
                if c >= 65 && c <= 90 {
                    lc = c | 0x20
                    uppers += 1
                    letters += 1
                    addShape(88)  // X
                    if i == start { firstUpper = true }
                } else if c >= 97 && c <= 122 {
                    lowers += 1
                    letters += 1
                    addShape(120)  // x
                } else if c >= 48 && c <= 57 {
                    hasDigit = true
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
                    h = FeatureHash.step(h, c >= 65 && c <= 90 ? c | 0x20 : c)
                }
                suffixes[k - 1] = FeatureHash.mix(h, UInt64(100 + k))
            }
        } else {
            // Non-ASCII (accented names, curly quotes): decode scalars and lower-case properly.
            var loweredBytes: [UInt8] = []
            var i = start
            while i < end {
                let sc = UnitProfile.scalar(b, i)
                let len = sc.value < 0x80 ? 1 : sc.value < 0x800 ? 2 : sc.value < 0x10000 ? 3 : 4
                for k in i..<min(i + len, end) { w = FeatureHash.step(w, b[k]) }
                let p = sc.properties
                if p.isUppercase {
                    uppers += 1
                    letters += 1
                    addShape(88)
                    if i == start { firstUpper = true }
                    loweredBytes += Array(p.lowercaseMapping.utf8)
                } else {
                    if p.isLowercase || p.isAlphabetic {
                        lowers += 1
                        letters += 1
                        addShape(120)
                    } else if p.numericType == .decimal {
                        hasDigit = true
                        addShape(100)
                    } else {
                        addShape(sc.value < 0x80 ? UInt8(sc.value) : 111)
                    }
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
        word = FeatureHash.mix(w, 1)
        lower = FeatureHash.mix(l, 2)
        shape = FeatureHash.mix(s, 3)
        if letters == 0 {
            caseClass = .none
        } else if firstUpper {
            caseClass = lowers > 0 ? .title : .upper
        } else {
            caseClass = uppers > 0 ? .mixed : .lower
        }
    }
}
