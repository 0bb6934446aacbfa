import AssayCore

/// The grammar of ``SpelledNumberParser/read(_:)``: reads pieces one after the other, keeping
/// the value so far and what the last piece was, and remembers the longest prefix that is a
/// complete number.
struct SpelledNumberReader {
    /// What the previous piece was, which decides what may follow.
    private enum Last {
        case none, minus, article, half, halfArticle, unit, teen, tens, hundred, scale, and, point, decimal, fraction

        /// Whether a number can end here.
        var isComplete: Bool {
            switch self {
            case .unit, .teen, .tens, .hundred, .scale, .fraction, .decimal: return true
            default: return false
            }
        }
    }

    /// What reading one piece did.
    private enum Step {
        /// The number ended before this piece.
        case stop
        /// Took `count` pieces; the number so far counts if it is complete.
        case advance(count: Int)
        /// Took one piece that cannot end a number (a hyphen inside `fifty-two`).
        case skip
    }

    private typealias Piece = SpelledNumberParser.Piece
    private let pieces: [Piece]
    private var k = 0

    /// The whole number of complete scales read (`two million` of `two million three hundred`).
    private var total = 0.0
    /// The number below the last scale (`three hundred`).
    private var group = 0.0
    /// The last scale word, which a later one must be smaller than (`million` then `thousand`).
    private var lastScale = Double.infinity
    private var last = Last.none
    private var negative = false
    private var form = Quantity.Form.integer
    /// After `point`: the integer part and the digits of the decimals.
    private var integerPart = 0.0
    private var decimalDigits: [Int] = []
    /// The last decimal digit came from a tens word (`point twenty`), which a unit may complete
    /// (`point twenty-five`).
    private var tensPending = false

    /// The longest number read so far.
    private(set) var best: SpelledNumberParser.Result?

    init(_ pieces: [SpelledNumberParser.Piece]) { self.pieces = pieces }

    mutating func read() {
        while k < pieces.count {
            let step: Step
            switch pieces[k].role {
            case .other: step = .stop
            case .hyphen: step = readHyphen()
            case .article: step = readArticle()
            case .and: step = readAnd()
            case .number(let w): step = last == .point || last == .decimal ? readDecimalDigit(w) : readNumberWord(w)
            }
            switch step {
            case .stop:
                return
            case .advance(let count):
                k += count
                if last.isComplete { accept(k) }
            case .skip:
                k += 1
            }
        }
    }

    private func word(_ k: Int) -> NumberWord? {
        guard k < pieces.count, case .number(let w) = pieces[k].role else { return nil }
        return w
    }

    private var current: Double { (total + group) * (negative ? -1 : 1) }

    private mutating func accept(_ count: Int, ordinal: Bool = false, value: Double? = nil) {
        best = SpelledNumberParser.Result(pieceCount: count, value: value ?? current, form: form, isOrdinal: ordinal)
    }

    private var decimalValue: Double {
        var f = 0.0, scale = 0.1
        for d in decimalDigits {
            f += Double(d) * scale
            scale /= 10
        }
        return integerPart + f
    }

    /// "fifty - two", "one - fourth": a spaced hyphen inside a number.
    private mutating func readHyphen() -> Step {
        guard let next = word(k + 1) else { return .stop }
        if last == .tens, case .unit(let u) = next, u > 0 { return .skip }
        if [.unit, .teen, .tens].contains(last), pieces[k + 1].isDenominator { return .skip }
        return .stop
    }

    /// `a` or `an`: `a hundred`, `a third`, `half a million`.
    private mutating func readArticle() -> Step {
        guard last == .none || last == .half else { return .stop }
        last = last == .half ? .halfArticle : .article
        return .advance(count: 1)
    }

    /// `and` before the rest of a number (`three hundred and twelve`) or a fraction tail.
    private mutating func readAnd() -> Step {
        guard [.unit, .teen, .tens, .hundred, .scale].contains(last) else { return .stop }
        if let step = readFractionTail() { return step }
        guard last == .hundred || last == .scale, let next = word(k + 1) else { return .stop }
        switch next {
        case .unit, .teen, .tens: last = .and
        // "one hundred and twenty-first", "a thousand and first": an ordinal ends the number.
        case .ordinal(let d, false, true) where d < 100: last = .and
        default: return .stop
        }
        return .advance(count: 1)
    }

    /// A fraction after `and`: "one and a half", "two million and one half", "forty two and a
    /// third", "one and a half million".
    private mutating func readFractionTail() -> Step? {
        guard k + 2 < pieces.count, pieces[k + 2].isDenominator,
            case .number(.ordinal(let d, _, _)) = pieces[k + 2].role
        else { return nil }
        let numerator: Double
        switch pieces[k + 1].role {
        case .article: numerator = 1
        case .number(.unit(let u)) where u > 0: numerator = Double(u)
        default: return nil
        }
        let fraction = numerator / d
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
        return .advance(count: used)
    }

    /// A digit after `point`: `two point five`, `point seven five`, `point twenty-five`, and a
    /// scale after the decimals (`two point five million`).
    private mutating func readDecimalDigit(_ w: NumberWord) -> Step {
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
            group = decimalValue
            total += group * s
            group = 0
            lastScale = s
            last = .scale
            return .advance(count: 1)
        default:
            return .stop
        }
        last = .decimal
        group = decimalValue
        form = .decimal
        return .advance(count: 1)
    }

    /// A cardinal, scale, sign or ordinal word.
    private mutating func readNumberWord(_ w: NumberWord) -> Step {
        switch w {
        case .unit(let u):
            guard [.none, .minus, .tens, .hundred, .scale, .and].contains(last) else { return .stop }
            if last == .tens && u == 0 { return .stop }
            group += Double(u)
            last = .unit
        case .teen(let t):
            guard [.none, .minus, .hundred, .scale, .and].contains(last) else { return .stop }
            group += Double(t)
            last = .teen
        case .tens(let t):
            guard [.none, .minus, .hundred, .scale, .and].contains(last) else { return .stop }
            group += Double(t)
            last = .tens
        case .hundred:
            guard [.unit, .teen, .tens, .article].contains(last), group < 100 else { return .stop }
            group = (last == .article ? 1 : group) * 100
            last = .hundred
        case .scale(let s):
            return readScale(s)
        case .point:
            guard [.unit, .teen, .tens, .hundred, .none].contains(last), let next = word(k + 1) else { return .stop }
            switch next {
            case .unit, .teen, .tens: break
            default: return .stop
            }
            integerPart = group
            decimalDigits = []
            last = .point
            return .skip
        case .minus:
            guard last == .none, word(k + 1) != nil else { return .stop }
            negative = true
            last = .minus
            return .skip
        case .ordinal(let d, let plural, let isOrdinal):
            return readOrdinal(d, plural: plural, isOrdinal: isOrdinal)
        }
        return .advance(count: 1)
    }

    /// `thousand`, `million`, `dozen`, `lakh`: multiplies the group, after a number, an article
    /// (`a million`), `half a` or a fraction; each scale must be smaller than the one before.
    private mutating func readScale(_ s: Double) -> Step {
        guard [.unit, .teen, .tens, .hundred, .article, .halfArticle, .fraction].contains(last), s < lastScale else {
            return .stop
        }
        if last == .article { group = 1 }
        if last == .halfArticle {
            group = 0.5
            form = .fraction
        }
        total += group * s
        group = 0
        lastScale = s
        last = .scale
        return .advance(count: 1)
    }

    /// An ordinal or fraction word: `first`, `twenty-first`, `a third`, `two thirds`, `half a`,
    /// `one hundred and first`, `one hundredth`.
    private mutating func readOrdinal(_ d: Double, plural: Bool, isOrdinal: Bool) -> Step {
        let denominator = pieces[k].isDenominator
        switch last {
        case .none:
            if isOrdinal, !plural {
                accept(k + 1, ordinal: true, value: d)
                return .stop
            }
            if !isOrdinal, d == 2, !plural, k + 1 < pieces.count, case .article = pieces[k + 1].role {
                last = .half
                return .skip
            }
            return .stop
        case .article:
            guard denominator else { return .stop }
            group = 1 / d
            form = .fraction
            last = .fraction
            return .advance(count: 1)
        case .and:
            // Only a compound ordinal can follow "and" here (checked there).
            accept(k + 1, ordinal: true, value: total + group + d)
            return .stop
        case .unit, .teen, .tens, .hundred, .scale:
            return readOrdinalAfterNumber(d, plural: plural, isOrdinal: isOrdinal, denominator: denominator)
        default:
            return .stop
        }
    }

    /// An ordinal or fraction word after a number: `two thirds`, `one third`, `twenty first`,
    /// `one hundred fifth`, `three hundredth`.
    private mutating func readOrdinalAfterNumber(_ d: Double, plural: Bool, isOrdinal: Bool, denominator: Bool)
        -> Step
    {
        let numerator = total + group
        if plural && denominator {
            total = 0
            group = numerator / d
            form = .fraction
            last = .fraction
            return .advance(count: 1)
        }
        if !plural, denominator, numerator == 1, last == .unit {
            group = 1 / d
            form = .fraction
            last = .fraction
            return .advance(count: 1)
        }
        if !plural, isOrdinal, (last == .tens && d < 10) || ((last == .hundred || last == .scale) && d < 100) {
            accept(k + 1, ordinal: true, value: numerator + d)
        } else if !plural, isOrdinal, d >= 100, [.unit, .teen, .tens, .hundred].contains(last) {
            accept(k + 1, ordinal: true, value: total + group * d)
        }
        return .stop
    }
}
