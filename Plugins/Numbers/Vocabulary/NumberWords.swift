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
    static let table = WordTable(words)

    private static let words: [WordKey: NumberWord] = {
        var t: [WordKey: NumberWord] = [:]
        for (i, w) in units.enumerated() { t[WordKey(w)] = .unit(i) }
        t[WordKey("nought")] = .unit(0)
        t[WordKey("naught")] = .unit(0)
        for (i, w) in teens.enumerated() { t[WordKey(w)] = .teen(10 + i) }
        for (i, w) in tens.enumerated() { t[WordKey(w)] = .tens(20 + 10 * i) }
        t[WordKey("hundred")] = .hundred
        for (w, v) in scales { t[WordKey(w)] = .scale(v) }
        t[WordKey("dozen")] = .scale(12)
        // "three dozens" is 36 like "three dozen"; "dozens" alone is an indefinite amount, read elsewhere.
        t[WordKey("dozens")] = .scale(12)
        // Plural scales after a number (`five hundreds`, `two millions`) multiply as the singular;
        // alone (`hundreds of people`) they are indefinite amounts, read elsewhere.
        t[WordKey("hundreds")] = .hundred
        for (w, v) in scales { t[WordKey(w + "s")] = .scale(v) }
        // South Asian scales: 20 lakh (2 million), 1.5 crore (15 million).
        t[WordKey("lakh")] = .scale(1e5)
        t[WordKey("lakhs")] = .scale(1e5)
        t[WordKey("crore")] = .scale(1e7)
        t[WordKey("crores")] = .scale(1e7)
        func ordinal(_ w: String, _ v: Double) {
            t[WordKey(w)] = .ordinal(v, plural: false, isOrdinal: true)
            t[WordKey(w + "s")] = .ordinal(v, plural: true, isOrdinal: true)
        }
        for (i, w) in unitOrdinals.enumerated() where i > 0 { ordinal(w, Double(i)) }
        for (i, w) in teenOrdinals.enumerated() { ordinal(w, Double(10 + i)) }
        for (i, w) in tensOrdinals.enumerated() { ordinal(w, Double(20 + 10 * i)) }
        ordinal("hundredth", 100)
        for (w, v) in scales { ordinal(w + "th", v) }
        // "seconds" is a unit of time, never "two seconds" = 2/2: only the singular is an ordinal.
        t[WordKey("seconds")] = nil
        t[WordKey("half")] = .ordinal(2, plural: false, isOrdinal: false)
        t[WordKey("halves")] = .ordinal(2, plural: true, isOrdinal: false)
        t[WordKey("quarter")] = .ordinal(4, plural: false, isOrdinal: false)
        t[WordKey("quarters")] = .ordinal(4, plural: true, isOrdinal: false)
        t[WordKey("point")] = .point
        t[WordKey("minus")] = .minus
        t[WordKey("negative")] = .minus
        return t
    }()

    /// A cheap filter run on every word before any look-up: for each first two letters, a bit per
    /// word length (1...31) for which some word that can start a number (or a web address)
    /// exists. Most words of running text fail it without being folded or hashed.
    static let startShapes: [UInt32] = {
        var shapes = [UInt32](repeating: 0, count: 26 * 27)
        let all =
            words.keys.map(\.string) + ["a", "an", "http", "https", "www", "ftp"]
            + ["dozens", "hundreds", "thousands", "millions", "billions", "trillions", "tens"]  // indefinite amounts
        for w in all {
            let b = Array(w.utf8)
            guard b.count < 32, (97...122).contains(b[0]) else { continue }
            let second = b.count > 1 && (97...122).contains(b[1]) ? Int(b[1] - 97) : 26
            shapes[Int(b[0] - 97) * 27 + second] |= 1 << UInt32(b.count)
        }
        return shapes
    }()

    /// First letters of number words, for hyphenated words such as `twenty-five` or `four-year`.
    static let headLetters: UInt32 = {
        var mask: UInt32 = 0
        for w in words.keys.map(\.string) { mask |= 1 << UInt32(w.utf8.first! - 97) }
        return mask
    }()

    /// Scale abbreviations written after digits, glued (`1.2bn`, `3m`, `10k`) or spaced (`2.5 bn`).
    static let scaleSuffixes: [WordKey: Double] = [
        WordKey("k"): 1e3, WordKey("m"): 1e6, WordKey("mn"): 1e6, WordKey("mln"): 1e6, WordKey("mil"): 1e6,
        WordKey("b"): 1e9, WordKey("bn"): 1e9, WordKey("bln"): 1e9, WordKey("tn"): 1e12, WordKey("trn"): 1e12,
        WordKey("tr"): 1e12
    ]

    /// Scale abbreviations safe to read after a space in any text (`2.33 k`, `$5 bn`); `m` and
    /// `b` alone are metres and other things unless a currency sign precedes the number.
    static let spacedScaleSuffixes: Set<WordKey> = [
        WordKey("k"), WordKey("bn"), WordKey("mn"), WordKey("mln"),
        WordKey("bln"), WordKey("tn"), WordKey("trn")
    ]

    /// Fractions written as one character (`½`, `¾`), alone or after digits (`3½`).
    static let vulgarFractions: [Unicode.Scalar: Double] = [
        "\u{BD}": 1.0 / 2, "\u{2153}": 1.0 / 3, "\u{2154}": 2.0 / 3, "\u{BC}": 1.0 / 4, "\u{BE}": 3.0 / 4,
        "\u{2155}": 1.0 / 5, "\u{2156}": 2.0 / 5, "\u{2157}": 3.0 / 5, "\u{2158}": 4.0 / 5, "\u{2159}": 1.0 / 6,
        "\u{215A}": 5.0 / 6, "\u{215B}": 1.0 / 8, "\u{215C}": 3.0 / 8, "\u{215D}": 5.0 / 8, "\u{215E}": 7.0 / 8
    ]

    /// English ordinal suffixes of digits (`1st`, `22nd`, `80th`).
    static let ordinalSuffixes: Set<WordKey> = [WordKey("st"), WordKey("nd"), WordKey("rd"), WordKey("th")]
}
