import AssayCore

/// What a spelled-out number word contributes to a number.
enum NumberWord: Sendable, Equatable {
    /// `zero` … `nine` (and `nought`, `naught`, `oh` is not included: too ambiguous).
    case unit(Int)
    /// `ten` … `nineteen`.
    case teen(Int)
    /// `twenty` … `ninety`.
    case tens(Int)
    /// `hundred`.
    case hundred
    /// `thousand`, `million`, `billion`, `trillion`, `quadrillion`, and `dozen` (a scale of 12).
    case scale(Double)
    /// An ordinal word, which is also a fraction's denominator: `third` (3), `thirds` (3, plural),
    /// `hundredth` (100). `half` and `quarter` are denominators only (`ordinal` false).
    case ordinal(Double, plural: Bool, isOrdinal: Bool)
    /// `point`, the decimal point of a spelled number.
    case point
    /// `minus` / `negative`, a sign.
    case minus
}

/// The spelled-out number vocabulary: cardinal words, scale words and ordinal/fraction words.
enum NumberWords {
    static let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    static let teens = [
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"
    ]
    static let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let unitOrdinals = [
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"
    ]
    static let teenOrdinals = [
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth"
    ]
    static let tensOrdinals = [
        "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
        "ninetieth"
    ]
    static let scales: [(String, Double)] = [
        ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("quadrillion", 1e15)
    ]

    /// Every number word with its role.
    static let table = Lexicon(roles.map { ($0.key, $0.value) })

    /// The number words.
    static let words = roles.keys.sorted()

    private static let roles: [String: NumberWord] = {
        var t: [String: NumberWord] = [:]
        for (i, w) in units.enumerated() { t[w] = .unit(i) }
        t["nought"] = .unit(0)
        t["naught"] = .unit(0)
        for (i, w) in teens.enumerated() { t[w] = .teen(10 + i) }
        for (i, w) in tens.enumerated() { t[w] = .tens(20 + 10 * i) }
        t["hundred"] = .hundred
        for (w, v) in scales { t[w] = .scale(v) }
        t["dozen"] = .scale(12)
        // "three dozens" is 36 like "three dozen"; "dozens" alone is an indefinite amount, read elsewhere.
        t["dozens"] = .scale(12)
        // Plural scales after a number (`five hundreds`, `two millions`) multiply as the singular;
        // alone (`hundreds of people`) they are indefinite amounts, read elsewhere.
        t["hundreds"] = .hundred
        for (w, v) in scales { t[w + "s"] = .scale(v) }
        // South Asian scales: 20 lakh (2 million), 1.5 crore (15 million).
        t["lakh"] = .scale(1e5)
        t["lakhs"] = .scale(1e5)
        t["crore"] = .scale(1e7)
        t["crores"] = .scale(1e7)
        func ordinal(_ w: String, _ v: Double) {
            t[w] = .ordinal(v, plural: false, isOrdinal: true)
            t[w + "s"] = .ordinal(v, plural: true, isOrdinal: true)
        }
        for (i, w) in unitOrdinals.enumerated() where i > 0 { ordinal(w, Double(i)) }
        for (i, w) in teenOrdinals.enumerated() { ordinal(w, Double(10 + i)) }
        for (i, w) in tensOrdinals.enumerated() { ordinal(w, Double(20 + 10 * i)) }
        ordinal("hundredth", 100)
        for (w, v) in scales { ordinal(w + "th", v) }
        // "seconds" is a unit of time, never "two seconds" = 2/2: only the singular is an ordinal.
        t["seconds"] = nil
        t["half"] = .ordinal(2, plural: false, isOrdinal: false)
        t["halves"] = .ordinal(2, plural: true, isOrdinal: false)
        t["quarter"] = .ordinal(4, plural: false, isOrdinal: false)
        t["quarters"] = .ordinal(4, plural: true, isOrdinal: false)
        t["point"] = .point
        t["minus"] = .minus
        t["negative"] = .minus
        return t
    }()

    /// Plural scales that start an indefinite amount (`dozens of`, `tens of thousands`), which
    /// the scanner reads before the number words.
    static let indefiniteStarts = ["dozens", "hundreds", "thousands", "millions", "billions", "trillions", "tens"]

    /// The words a number can start with: the number words, the articles of `a hundred` and
    /// `a couple of`, and the indefinite amounts. Web-address prefixes are added for the scanner,
    /// which skips whole addresses.
    static let starts: [String] = Array(Set(roles.keys).union(["a", "an"] + indefiniteStarts)).sorted()

    /// Scale abbreviations written after digits, glued (`1.2bn`, `3m`, `10k`) or spaced (`2.5 bn`).
    static let scaleSuffixes: Lexicon<Double> = Lexicon(
        [
            "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
            "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
            "tr": 1e12
        ].map { ($0.key, $0.value) })

    /// Scale abbreviations safe to read after a space in any text (`2.33 k`, `$5 bn`); `m` and
    /// `b` alone are metres and other things unless a currency sign precedes the number.
    static let spacedScaleSuffixes: [String] = [
        "k", "bn", "mn", "mln",
        "bln", "tn", "trn"
    ]

    /// Fractions written as one character (`½`, `¾`), alone or after digits (`3½`).
    static let vulgarFractions: [Unicode.Scalar: Double] = [
        "\u{BD}": 1.0 / 2, "\u{2153}": 1.0 / 3, "\u{2154}": 2.0 / 3, "\u{BC}": 1.0 / 4, "\u{BE}": 3.0 / 4,
        "\u{2155}": 1.0 / 5, "\u{2156}": 2.0 / 5, "\u{2157}": 3.0 / 5, "\u{2158}": 4.0 / 5, "\u{2159}": 1.0 / 6,
        "\u{215A}": 5.0 / 6, "\u{215B}": 1.0 / 8, "\u{215C}": 3.0 / 8, "\u{215D}": 5.0 / 8, "\u{215E}": 7.0 / 8
    ]

    /// English ordinal suffixes of digits (`1st`, `22nd`, `80th`).
    static let ordinalSuffixes: [String] = ["st", "nd", "rd", "th"]
}
