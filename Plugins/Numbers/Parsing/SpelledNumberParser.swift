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

    static let a = WordKey("a"), an = WordKey("an"), and = WordKey("and"), one = WordKey("one")

    /// Whether token `i` can start a spelled number (cheap test before building pieces).
    static func canStart(_ v: TokenView, at i: Int, key: WordKey) -> Bool {
        if key == a || key == an {
            // "a" only starts "a hundred", "a million", "a dozen", "a third", "a quarter".
            guard let next = v.key(i + 1), let w = NumberWords.table[next] else { return false }
            switch w {
            case .hundred, .scale: return true
            case .ordinal(let value, let plural, let isOrdinal): return !plural && !(isOrdinal && value <= 2)
            default: return false
            }
        }
        if NumberWords.table[key] != nil { return true }
        // Hyphenated words starting with a number word: twenty-five, three-quarters, four-year.
        guard key.count > 3 else { return false }
        for k in 1..<Int(key.count) where key.byte(k) == UInt8(ascii: "-") {
            guard let head = WordKey(v.bytes, v.start(i), v.start(i) + k) else { return false }
            return NumberWords.table[head] != nil
        }
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
                    let role: Piece.Role
                    if let key = WordKey(v.bytes, partStart, p) {
                        if let w = NumberWords.table[key] {
                            role = .number(w)
                        } else if key == a || key == an {
                            role = .article
                        } else if key == and {
                            role = .and
                        } else {
                            role = .other
                        }
                    } else {
                        role = .other
                    }
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
