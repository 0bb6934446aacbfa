import Foundation

/// A faithful Swift port of VADER 3.3.2's `polarity_scores` compound score (Hutto & Gilbert,
/// 2014; `vaderSentiment.py`, MIT licence), used as the baseline our evaluation reports side by
/// side with the model. It keeps VADER's own whitespace tokenisation, its rules and even its
/// quirks (the "but" rule finds items by value), so its figures are VADER's figures. Only the
/// emoji-to-description step is left out: news text has no emoji and the emoji table is not
/// shipped.
struct VaderBaseline: Sendable {
    let lexicon: [String: Double]

    static let bundled: VaderBaseline = {
        do {
            return VaderBaseline(
                lexicon: Dictionary(
                    try VaderLexiconFile.parse(ResourceFile.text("vader_lexicon.txt")),
                    uniquingKeysWith: { $1 }))
        } catch {
            fatalError("VADER lexicon unavailable: \(error)")
        }
    }()

    static let bIncr = 0.293, bDecr = -0.293, cIncr = 0.733, nScalar = -0.74

    static let negate: Set<String> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite"
    ]

    static let boosters: [String: Double] = {
        let up = [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly",
            "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
            "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
            "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
            "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly",
            "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually",
            "utter", "utterly", "very"
        ]
        let down = [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
            "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely",
            "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of"
        ]
        var d: [String: Double] = [:]
        for w in up { d[w] = bIncr }
        for w in down { d[w] = bDecr }
        return d
    }()

    static let specialCases: [String: Double] = [
        "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0,
        "yeah right": -2, "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5
    ]

    /// VADER's compound score of `text`, rounded to 4 decimals as VADER reports it.
    func compound(_ text: String) -> Double {
        let words = VaderBaseline.wordsAndEmoticons(text.trimmingCharacters(in: .whitespacesAndNewlines))
        let lower = words.map { $0.lowercased() }
        let isCapDiff = VaderBaseline.allcapDifferential(words)
        var sentiments: [Double] = []
        for (i, item) in words.enumerated() {
            if VaderBaseline.boosters[lower[i]] != nil
                || (i < words.count - 1 && lower[i] == "kind" && lower[i + 1] == "of")
            {
                sentiments.append(0)
                continue
            }
            sentiments.append(valence(words, lower, i, item, isCapDiff))
        }
        sentiments = VaderBaseline.butCheck(lower, sentiments)
        guard !sentiments.isEmpty else { return 0 }
        var sum = sentiments.reduce(0, +)
        let emphasis = VaderBaseline.punctuationEmphasis(text)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        let compound = min(1, max(-1, sum / (sum * sum + 15).squareRoot()))
        return (compound * 10000).rounded(.toNearestOrEven) / 10000
    }

    private func valence(_ words: [String], _ lower: [String], _ i: Int, _ item: String, _ isCapDiff: Bool) -> Double {
        guard let base = lexicon[lower[i]] else { return 0 }
        var v = base
        if lower[i] == "no", i != words.count - 1, lexicon[lower[i + 1]] != nil { v = 0 }
        if (i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no")
            || (i > 2 && lower[i - 3] == "no" && ["or", "nor"].contains(lower[i - 1]))
        {
            v = base * VaderBaseline.nScalar
        }
        if VaderBaseline.isUpper(item), isCapDiff { v += v > 0 ? VaderBaseline.cIncr : -VaderBaseline.cIncr }
        for startI in 0..<3 {
            if i > startI, lexicon[lower[i - (startI + 1)]] == nil {
                var s = VaderBaseline.scalarIncDec(words[i - (startI + 1)], v, isCapDiff)
                if startI == 1, s != 0 { s *= 0.95 }
                if startI == 2, s != 0 { s *= 0.9 }
                v += s
                v = VaderBaseline.negationCheck(v, lower, startI, i)
                if startI == 2 { v = VaderBaseline.specialIdiomsCheck(v, lower, i) }
            }
        }
        return leastCheck(v, lower, i)
    }

    private func leastCheck(_ v: Double, _ lower: [String], _ i: Int) -> Double {
        if i > 1, lexicon[lower[i - 1]] == nil, lower[i - 1] == "least" {
            if lower[i - 2] != "at", lower[i - 2] != "very" { return v * VaderBaseline.nScalar }
        } else if i > 0, lexicon[lower[i - 1]] == nil, lower[i - 1] == "least" {
            return v * VaderBaseline.nScalar
        }
        return v
    }

    static func scalarIncDec(_ word: String, _ valence: Double, _ isCapDiff: Bool) -> Double {
        guard var scalar = boosters[word.lowercased()] else { return 0 }
        if valence < 0 { scalar *= -1 }
        if isUpper(word), isCapDiff { scalar += valence > 0 ? cIncr : -cIncr }
        return scalar
    }

    static func negated(_ word: String) -> Bool { negate.contains(word) || word.contains("n't") }

    static func negationCheck(_ valence: Double, _ lower: [String], _ startI: Int, _ i: Int) -> Double {
        var v = valence
        switch startI {
        case 0:
            if negated(lower[i - 1]) { v *= nScalar }
        case 1:
            if lower[i - 2] == "never", lower[i - 1] == "so" || lower[i - 1] == "this" {
                v *= 1.25
            } else if lower[i - 2] == "without", lower[i - 1] == "doubt" {
            } else if negated(lower[i - 2]) {
                v *= nScalar
            }
        default:
            if (lower[i - 3] == "never" && (lower[i - 2] == "so" || lower[i - 2] == "this"))
                || (lower[i - 1] == "so" || lower[i - 1] == "this")
            {
                v *= 1.25
            } else if lower[i - 3] == "without", lower[i - 2] == "doubt" || lower[i - 1] == "doubt" {
            } else if negated(lower[i - 3]) {
                v *= nScalar
            }
        }
        return v
    }

    static func specialIdiomsCheck(_ valence: Double, _ lower: [String], _ i: Int) -> Double {
        var v = valence
        let oneZero = "\(lower[i - 1]) \(lower[i])"
        let twoOneZero = "\(lower[i - 2]) \(lower[i - 1]) \(lower[i])"
        let twoOne = "\(lower[i - 2]) \(lower[i - 1])"
        let threeTwoOne = "\(lower[i - 3]) \(lower[i - 2]) \(lower[i - 1])"
        let threeTwo = "\(lower[i - 3]) \(lower[i - 2])"
        for seq in [oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo] {
            if let s = specialCases[seq] {
                v = s
                break
            }
        }
        if lower.count - 1 > i, let s = specialCases["\(lower[i]) \(lower[i + 1])"] { v = s }
        if lower.count - 1 > i + 1, let s = specialCases["\(lower[i]) \(lower[i + 1]) \(lower[i + 2])"] { v = s }
        for gram in [threeTwoOne, threeTwo, twoOne] {
            if let b = boosters[gram] { v += b }
        }
        return v
    }

    /// VADER's "but" rule, including its lookup of items by value (`list.index`), which
    /// reweights the first equal item rather than the current one.
    static func butCheck(_ lower: [String], _ input: [Double]) -> [Double] {
        guard let bi = lower.firstIndex(of: "but") else { return input }
        var s = input
        for p in s.indices {
            let sentiment = s[p]
            let si = s.firstIndex(of: sentiment)!
            if si < bi { s[si] = sentiment * 0.5 } else if si > bi { s[si] = sentiment * 1.5 }
        }
        return s
    }

    static func punctuationEmphasis(_ text: String) -> Double {
        let ep = min(4, text.filter { $0 == "!" }.count)
        let qm = text.filter { $0 == "?" }.count
        let qmAmp = qm > 1 ? (qm <= 3 ? Double(qm) * 0.18 : 0.96) : 0
        return Double(ep) * 0.292 + qmAmp
    }

    /// Python's `str.isupper()`: some cased letter and no lowercase one.
    static func isUpper(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            if c.properties.isLowercase { return false }
            if c.properties.isUppercase { cased = true }
        }
        return cased
    }

    static func allcapDifferential(_ words: [String]) -> Bool {
        let caps = words.filter(isUpper).count
        let diff = words.count - caps
        return diff > 0 && diff < words.count
    }

    /// `text.split()`, then leading and trailing ASCII punctuation stripped unless that leaves
    /// two characters or fewer (VADER keeps such tokens whole, taking them for emoticons).
    static func wordsAndEmoticons(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map { token in
            let stripped = token.unicodeScalars.drop(while: isASCIIPunctuation).reversed().drop(
                while: isASCIIPunctuation)
            let count = stripped.count
            if count <= 2 { return String(token) }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: stripped.reversed())
            return String(scalars)
        }
    }

    static func isASCIIPunctuation(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(s)
    }
}
