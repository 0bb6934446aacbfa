import AssayCore

/// Reads an amount written in words: `four`, `twenty-five`, `a hundred`, `two dozen`,
/// `three hundred and twelve`, `half a million`, `a third`, `three-quarters`, `one and a half`,
/// `two hundred point seventy-one`, `eleventh`, `twenty-first`, `one hundred twenty fifth`.
///
/// The words are cut into pieces (hyphenated tokens give one piece per part) and read by a small
/// grammar that remembers the last complete number, so that `two three` reads as `two` and
/// `four-year` as `four` followed by what it counts.
enum SpelledNumberParser {
    /// One word, or one part of a hyphenated word.
    struct Piece {
        enum Role { case number(NumberWord), article, and, hyphen, other }
        var token: Int
        var start: Int
        var end: Int
        var role: Role
        /// Whether this is the last part of its token.
        var endsToken: Bool
        var isDenominator: Bool {
            if case .number(.ordinal(let v, _, let isOrdinal)) = role { return !(isOrdinal && v <= 2) }
            return false
        }
    }

    /// Whether the vocabulary word at token `i` can start a spelled number (cheap test before
    /// building pieces).
    static func canStart(_ v: TokenView, at i: Int) -> Bool {
        if v.isWord(i, "a") || v.isWord(i, "an") {
            // "a" only starts "a hundred", "a million", "a dozen", "a third", "a quarter".
            guard let w = v.numberWord(i + 1) else { return false }
            switch w {
            case .hundred, .scale: return true
            case .ordinal(let value, let plural, let isOrdinal): return !plural && !(isOrdinal && value <= 2)
            default: return false
            }
        }
        return v.numberWord(i) != nil || startsWithNumberWord(v, at: i)
    }

    /// Whether the vocabulary word at token `i` is hyphenated after a number word: twenty-five,
    /// three-quarters, four-year.
    static func startsWithNumberWord(_ v: TokenView, at i: Int) -> Bool {
        let s = v.start(i), n = v.length(i)
        guard n > 3 else { return false }
        for k in 1..<n where v.bytes[s + k] == UInt8(ascii: "-") { return v.lookUp(NumberWords.table, s, s + k) != nil }
        return false
    }

    /// Cuts the words from token `i` into pieces, up to the first word that cannot be part of a number.
    static func pieces(_ v: TokenView, from i: Int) -> [Piece] {
        var out: [Piece] = []
        out.reserveCapacity(8)
        var t = i
        while t < v.upper, out.count < 24 {
            if t > i, v.isChar(t, UInt8(ascii: "-")) {
                out.append(Piece(token: t, start: v.start(t), end: v.end(t), role: .hyphen, endsToken: true))
                t += 1
                continue
            }
            guard v.kind(t) == .word else { break }
            let s = v.start(t), e = v.end(t)
            var partStart = s
            var stop = false
            var p = s
            while p <= e {
                if p == e || v.bytes[p] == UInt8(ascii: "-") {
                    let role = Self.role(v, partStart, p, ofToken: t)
                    out.append(Piece(token: t, start: partStart, end: p, role: role, endsToken: p == e))
                    if case .other = role {
                        stop = true
                        break
                    }
                    partStart = p + 1
                }
                p += 1
            }
            if stop { break }
            t += 1
        }
        mergeCompoundOrdinals(&out)
        return out
    }

    /// What the word part `bytes[from..<to]` of token `t` is to a number.
    private static func role(_ v: TokenView, _ from: Int, _ to: Int, ofToken t: Int) -> Piece.Role {
        guard v.isVocabularyWord(from, to) else { return .other }
        let isWholeToken = from == v.start(t) && to == v.end(t)
        if let w = isWholeToken ? v.numberWord(t) : v.lookUp(NumberWords.table, from, to) {
            return .number(w)
        }
        if v.isWord(from, to, "a") || v.isWord(from, to, "an") { return .article }
        if v.isWord(from, to, "and") { return .and }
        return .other
    }

    /// `thirty-fifth(s)` in one token is the ordinal 35, not `thirty` then `fifth`.
    private static func mergeCompoundOrdinals(_ pieces: inout [Piece]) {
        var k = 0
        while k + 1 < pieces.count {
            if case .number(.tens(let t)) = pieces[k].role, !pieces[k].endsToken,
                pieces[k + 1].token == pieces[k].token,
                case .number(.ordinal(let u, let plural, true)) = pieces[k + 1].role, u < 10
            {
                pieces[k] = Piece(
                    token: pieces[k].token, start: pieces[k].start, end: pieces[k + 1].end,
                    role: .number(.ordinal(Double(t) + u, plural: plural, isOrdinal: true)),
                    endsToken: pieces[k + 1].endsToken)
                pieces.remove(at: k + 1)
            }
            k += 1
        }
    }

    /// A number read from the first pieces: how many it took, its value and how it is written.
    struct Result {
        var pieceCount: Int
        var value: Double
        var form: Quantity.Form
        var isOrdinal: Bool
    }

    /// The longest number the pieces start with, nil if they start with none.
    static func read(_ pieces: [Piece]) -> Result? {
        var reader = SpelledNumberReader(pieces)
        reader.read()
        return reader.best
    }
}
