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

    /// The longest number the pieces start with.
    struct Result {
        var pieceCount: Int
        var value: Double
        var form: Quantity.Form
        var isOrdinal: Bool
    }

    private enum Last {
        case none, minus, article, half, halfArticle, unit, teen, tens, hundred, scale, and, point, decimal, fraction
    }

    static func read(_ pieces: [Piece]) -> Result? {
        var total = 0.0, group = 0.0
        var lastScale = Double.infinity
        var last = Last.none
        var negative = false
        var form = Quantity.Form.integer
        var best: Result?
        var decimalDigits: [Int] = []
        var integerPart = 0.0
        var tensPending = false

        func word(_ k: Int) -> NumberWord? {
            guard k < pieces.count, case .number(let w) = pieces[k].role else { return nil }
            return w
        }
        func current() -> Double { (total + group) * (negative ? -1 : 1) }
        func accept(_ count: Int, ordinal: Bool = false, value: Double? = nil) {
            best = Result(pieceCount: count, value: value ?? current(), form: form, isOrdinal: ordinal)
        }
        func decimalValue() -> Double {
            var f = 0.0, scale = 0.1
            for d in decimalDigits {
                f += Double(d) * scale
                scale /= 10
            }
            return integerPart + f
        }

        var k = 0
        loop: while k < pieces.count {
            let piece = pieces[k]
            switch piece.role {
            case .other:
                break loop
            case .hyphen:
                // "fifty - two", "one - fourth"
                guard let next = word(k + 1) else { break loop }
                if last == .tens, case .unit(let u) = next, u > 0 {
                    k += 1
                    continue
                }
                if [.unit, .teen, .tens].contains(last), pieces[k + 1].isDenominator {
                    k += 1
                    continue
                }
                break loop
            case .article:
                guard last == .none || last == .half else { break loop }
                last = last == .half ? .halfArticle : .article
            case .and:
                guard [.unit, .teen, .tens, .hundred, .scale].contains(last) else { break loop }
                // A fraction tail: "one and a half", "two million and one half", "forty two and a third".
                if k + 2 < pieces.count, pieces[k + 2].isDenominator,
                    case .number(.ordinal(let d, _, _)) = pieces[k + 2].role
                {
                    var numerator: Double?
                    if case .article = pieces[k + 1].role { numerator = 1 }
                    if case .number(.unit(let u)) = pieces[k + 1].role, u > 0 { numerator = Double(u) }
                    if let n = numerator {
                        let fraction = n / d
                        var used = 3
                        if case .scale(let s)? = word(k + 3), s < lastScale, s > 12 {
                            if last == .scale {
                                total += fraction * s
                            } else {
                                total += (group + fraction) * s
                                group = 0
                            }
                            lastScale = s
                            used = 4
                        } else if last == .scale {
                            total += fraction * lastScale
                        } else {
                            group += fraction
                        }
                        form = .fraction
                        last = .fraction
                        k += used
                        accept(k)
                        continue
                    }
                }
                guard last == .hundred || last == .scale, let next = word(k + 1) else { break loop }
                switch next {
                case .unit, .teen, .tens: last = .and
                // "one hundred and twenty-first", "a thousand and first": an ordinal ends the number.
                case .ordinal(let d, false, true) where d < 100: last = .and
                default: break loop
                }
            case .number(let w):
                if last == .point || last == .decimal {
                    switch w {
                    case .unit(let u):
                        if tensPending {
                            decimalDigits[decimalDigits.count - 1] = u
                            tensPending = false
                        } else {
                            decimalDigits.append(u)
                        }
                    case .teen(let t):
                        decimalDigits += [1, t - 10]
                        tensPending = false
                    case .tens(let t):
                        decimalDigits += [t / 10, 0]
                        tensPending = true
                    case .scale(let s) where last == .decimal && s > 12 && s < lastScale:
                        group = decimalValue()
                        total += group * s
                        group = 0
                        lastScale = s
                        last = .scale
                        k += 1
                        accept(k)
                        continue loop
                    default: break loop
                    }
                    last = .decimal
                    group = decimalValue()
                    form = .decimal
                    k += 1
                    accept(k)
                    continue loop
                }
                switch w {
                case .unit(let u):
                    guard [.none, .minus, .tens, .hundred, .scale, .and].contains(last) else { break loop }
                    if last == .tens && u == 0 { break loop }
                    group += Double(u)
                    last = .unit
                case .teen(let t):
                    guard [.none, .minus, .hundred, .scale, .and].contains(last) else { break loop }
                    group += Double(t)
                    last = .teen
                case .tens(let t):
                    guard [.none, .minus, .hundred, .scale, .and].contains(last) else { break loop }
                    group += Double(t)
                    last = .tens
                case .hundred:
                    guard [.unit, .teen, .tens, .article].contains(last), group < 100 else { break loop }
                    group = (last == .article ? 1 : group) * 100
                    last = .hundred
                case .scale(let s):
                    guard [.unit, .teen, .tens, .hundred, .article, .halfArticle, .fraction].contains(last),
                        s < lastScale
                    else { break loop }
                    if last == .article { group = 1 }
                    if last == .halfArticle {
                        group = 0.5
                        form = .fraction
                    }
                    total += group * s
                    group = 0
                    lastScale = s
                    last = .scale
                case .point:
                    guard [.unit, .teen, .tens, .hundred, .none].contains(last), let next = word(k + 1) else {
                        break loop
                    }
                    switch next {
                    case .unit, .teen, .tens: break
                    default: break loop
                    }
                    integerPart = group
                    decimalDigits = []
                    last = .point
                    k += 1
                    continue loop
                case .minus:
                    guard last == .none, word(k + 1) != nil else { break loop }
                    negative = true
                    last = .minus
                    k += 1
                    continue loop
                case .ordinal(let d, let plural, let isOrdinal):
                    let denominator = pieces[k].isDenominator
                    switch last {
                    case .none:
                        if isOrdinal, !plural {
                            accept(k + 1, ordinal: true, value: d)
                            break loop
                        }
                        if !isOrdinal, d == 2, !plural, k + 1 < pieces.count, case .article = pieces[k + 1].role {
                            last = .half
                            k += 1
                            continue loop
                        }
                        break loop
                    case .article:
                        guard denominator else { break loop }
                        group = 1 / d
                        form = .fraction
                        last = .fraction
                    case .and:
                        // Only a compound ordinal can follow "and" here (checked above).
                        accept(k + 1, ordinal: true, value: total + group + d)
                        break loop
                    case .unit, .teen, .tens, .hundred, .scale:
                        let numerator = total + group
                        if plural && denominator {
                            total = 0
                            group = numerator / d
                            form = .fraction
                            last = .fraction
                        } else if !plural, denominator, numerator == 1, last == .unit {
                            group = 1 / d
                            form = .fraction
                            last = .fraction
                        } else if !plural, isOrdinal,
                            (last == .tens && d < 10) || ((last == .hundred || last == .scale) && d < 100)
                        {
                            accept(k + 1, ordinal: true, value: numerator + d)
                            break loop
                        } else if !plural, isOrdinal, d >= 100, [.unit, .teen, .tens, .hundred].contains(last) {
                            accept(k + 1, ordinal: true, value: total + group * d)
                            break loop
                        } else {
                            break loop
                        }
                    default:
                        break loop
                    }
                }
            }
            k += 1
            if [.unit, .teen, .tens, .hundred, .scale, .fraction, .decimal].contains(last) { accept(k) }
        }
        return best
    }
}
