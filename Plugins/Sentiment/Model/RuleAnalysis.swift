import AssayCore

/// The lexicon-and-rules reading of a stretch of text (a sentence, a quote): each sentiment
/// word's valence after negation, intensifiers and hedges, contrast and concession, and the
/// totals the fitted model reads.
struct RuleAnalysis: Sendable {
    /// One sentiment-bearing word or expression and what the rules did to it.
    struct Hit: Sendable {
        var tokens: Range<Int>
        /// The lexicon valence (VADER scale).
        var base: Float
        /// The valence after the rules.
        var adjusted: Float
        /// Which rules applied, in order, for explanations.
        var notes: [String]
    }

    var hits: [Hit] = []
    /// Word and phrase units (lexicon entries, or plain words when keys are collected).
    var wordCount = 0
    /// Sum of the fitted n-gram weights of the units (0 before a model is loaded).
    var ngramSum: Float = 0
    /// Sum of the classifier's word weights of the units, per class (negative, neutral, positive).
    var classSums: SIMD3<Float> = .zero
    /// The units carrying a fitted weight, for explanations: (key, weight); only when explaining.
    var weightedUnits: [(String, Float)] = []
    /// Lowercased unit keys, only when asked for (training).
    var keys: [String] = []
    var negations = 0
    var questions = 0
    var exclamations = 0
    var hasContrast = false

    var positiveSum: Float { hits.reduce(0) { $0 + max(0, $1.adjusted) } }
    var negativeSum: Float { hits.reduce(0) { $0 - min(0, $1.adjusted) } }
    var total: Float { hits.reduce(0) { $0 + $1.adjusted } }
}

/// Applies the rules over a token range. Stateless; one shared instance.
struct RuleEngine: Sendable {
    let lexicon: SentimentLexicon

    /// VADER's empirically derived negation scalar: "not good" is about -0.74 × "good".
    static let negationScalar: Float = -0.74
    /// How many words after a negator it reaches (stopping at clause punctuation).
    static let negationReach = 3
    /// How many words after a reducer or underminer it reaches, and what it does to them.
    static let shifterReach = 3
    static let shiftScalar: Float = -0.5
    /// How many words after a modifier it reaches.
    static let modifierReach = 2
    /// Weights of the outweighed and the dominant part around "but" / "despite".
    static let outweighed: Float = 0.5
    static let dominant: Float = 1.5

    /// Clause punctuation: , ; : ( ) . ! ? and dashes (checked on bytes: this runs per token).
    static func breaksClause(_ document: AnalyzedDocument, _ token: Token) -> Bool {
        let b = document.utf8[token.span.start]
        switch b {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
            return true
        case UInt8(ascii: "-"):
            return token.span.length >= 2
        case 0xE2:  // U+2013 en dash and U+2014 em dash are E2 80 93 / E2 80 94
            return token.span.length == 3 && document.utf8[token.span.start + 1] == 0x80
                && (document.utf8[token.span.start + 2] == 0x93 || document.utf8[token.span.start + 2] == 0x94)
        default:
            return false
        }
    }
    private static let sentenceOpeners: Set<String> = [
        ".", "!", "?", "\"", "“", "‘", "'", "(", ":", "—", "-", "--", "[", "``", "''"
    ]

    /// The part of a lexicon entry the rules read.
    struct RuleFields {
        var valence: Float
        var role: WordEntry.Role
        var factor: Float
    }

    private enum Unit {
        /// `entry` holds only what the rules read (no strings: this runs per token);
        /// `capitalized`: a single word with a capital, as the first pass found it.
        case word(tokens: Range<Int>, entry: RuleFields?, capitalized: Bool)
        case boundary
    }

    /// Reads `tokens` of `document`, whose lexicon entries `words` holds (made for the
    /// document when not given: give it when reading several stretches of one document). With
    /// `collectKeys`, the lowercased key of every word unit is kept (the n-gram features of
    /// training); with `explain`, each hit notes its rules.
    func analyze(
        _ document: AnalyzedDocument, tokens range: Range<Int>, words: DocumentWords? = nil,
        collectKeys: Bool = false, explain: Bool = true
    ) -> RuleAnalysis {
        let words = words ?? DocumentWords(document, lexicon: lexicon)
        var out = RuleAnalysis()
        var units: [Unit] = []
        units.reserveCapacity(range.count)
        var capitalized = 0
        // The first "but" not opening the text, or a concession word, found in this pass so
        // that the units are not read once more for it: (its tokens, its unit, concession).
        var marker: (word: Range<Int>, index: Int, concession: Bool)?
        var seenWord = false
        var i = range.lowerBound
        while i < range.upperBound {
            let token = document.tokens[i]
            if token.kind == .punctuation {
                let first = document.utf8[token.span.start]
                if first == UInt8(ascii: "?") { out.questions += 1 }
                if first == UInt8(ascii: "!") { out.exclamations += 1 }
                if RuleEngine.breaksClause(document, token) { units.append(.boundary) }
                i += 1
                continue
            }
            if token.kind == .number {
                i += 1
                continue
            }
            out.wordCount += 1
            let isCapital = isCapitalized(document, i)
            if isCapital { capitalized += 1 }
            defer { seenWord = true }
            if let (length, entry) = words.match(atToken: i, limit: range.upperBound) {
                if marker == nil, entry.role == .contrast ? seenWord : entry.role == .concession {
                    marker = (i..<(i + length), units.count, entry.role == .concession)
                }
                units.append(
                    .word(
                        tokens: i..<(i + length),
                        entry: RuleFields(valence: entry.valence, role: entry.role, factor: entry.factor),
                        capitalized: length == 1 && isCapital))
                if collectKeys { out.keys.append(key(i..<(i + length))) }
                out.ngramSum += entry.weight
                out.classSums += SIMD3(entry.negativeWeight, entry.neutralWeight, entry.positiveWeight)
                if explain, entry.weight != 0 { out.weightedUnits.append((key(i..<(i + length)), entry.weight)) }
                i += length
            } else {
                units.append(.word(tokens: i..<(i + 1), entry: nil, capitalized: isCapital))
                if collectKeys { out.keys.append(document.text(ofToken: i).lowercased()) }
                i += 1
            }
        }
        // A headline in Title Case would make every word look like part of a name.
        let titleCase = out.wordCount >= 4 && capitalized * 10 >= out.wordCount * 6

        // Contrast: the first "but" not opening the text, or a concession clause. The weight of
        // each unit is made only for a text that has one (most sentences do not).
        var weights: [Float] = []
        // Why a unit was reweighted, as (marker word, the unit comes after it, concession);
        // turned into text only for explanations.
        var contrastMarker: (word: Range<Int>, index: Int, end: Int, concession: Bool)?
        if let (t, u, concession) = marker {
            out.hasContrast = true
            if !concession {
                // "X but Y": Y is what the writer means.
                contrastMarker = (t, u, units.count, false)
                weights = [Float](repeating: 1, count: units.count)
                for k in 0..<u { weights[k] = RuleEngine.outweighed }
                for k in (u + 1)..<units.count { weights[k] = RuleEngine.dominant }
            } else {
                // "despite X, Y" / "Y despite X": the conceded clause X runs to the next clause break.
                let end =
                    units[(u + 1)...].firstIndex { if case .boundary = $0 { return true } else { return false } }
                    ?? units.count
                contrastMarker = (t, u, end, true)
                weights = [Float](repeating: 1, count: units.count)
                for k in 0..<units.count where k != u {
                    weights[k] = k > u && k < end ? RuleEngine.outweighed : RuleEngine.dominant
                }
            }
        }

        // Negation and degree modifiers, left to right within clauses.
        var negator: (word: Range<Int>, reach: Int)?
        var modifier: (word: Range<Int>, factor: Float, reach: Int)?
        var shifter: (word: Range<Int>, reducer: Bool, reach: Int)?
        var previousWasWord = false
        var previousCapitalized = false
        for (u, unit) in units.enumerated() {
            guard case .word(let t, let entry, let capitalized) = unit else {
                negator = nil
                modifier = nil
                shifter = nil
                previousWasWord = false
                previousCapitalized = false
                continue
            }
            defer {
                previousWasWord = true
                previousCapitalized = capitalized
                if let n = negator { negator = n.reach > 1 ? (n.word, n.reach - 1) : nil }
                if let m = modifier { modifier = m.reach > 1 ? (m.word, m.factor, m.reach - 1) : nil }
                if let v = shifter { shifter = v.reach > 1 ? (v.word, v.reducer, v.reach - 1) : nil }
            }
            guard let entry else { continue }
            switch entry.role {
            case .negator:
                // "not only" announces an addition, not a negation.
                if t.upperBound < range.upperBound, document.text(ofToken: t.upperBound).lowercased() == "only" {
                    continue
                }
                negator = (t, RuleEngine.negationReach + 1)
                out.negations += 1
                continue
            case .modifier:
                modifier = (t, (modifier?.factor ?? 1) * entry.factor, RuleEngine.modifierReach + 1)
                continue
            case .contrast, .concession:
                negator = nil
                continue
            case .reducer, .underminer:
                // "did not reduce crime": the two reversals cancel out.
                if negator != nil {
                    negator = nil
                } else {
                    shifter = (t, entry.role == .reducer, RuleEngine.shifterReach + 1)
                }
            case .none:
                break
            }
            guard entry.valence != 0 else { continue }
            var notes: [String] = []
            var v = entry.valence
            // A capitalised word inside a run of capitalised words is part of a name
            // ("Union Square Business Improvement District", "Justice Ruth Bader Ginsburg").
            if capitalized, !titleCase, previousWasWord,
                previousCapitalized || nextIsCapitalized(document, after: t.upperBound, limit: range.upperBound),
                !startsSentence(document, t.lowerBound, range: range)
            {
                continue
            }
            if let m = modifier {
                v *= m.factor
                if explain {
                    notes.append(
                        m.factor > 1
                            ? "intensified by '\(phrase(m.word).lowercased())'"
                            : "hedged by '\(phrase(m.word).lowercased())'")
                }
                modifier = nil
            }
            if let n = negator {
                v *= RuleEngine.negationScalar
                if explain { notes.append("negated by '\(phrase(n.word).lowercased())'") }
            } else if let sh = shifter, sh.word != t, sh.reducer ? v < 0 : v > 0 {
                v *= RuleEngine.shiftScalar
                if explain {
                    notes.append(
                        sh.reducer
                            ? "reversed by '\(phrase(sh.word).lowercased())'"
                            : "undermined by '\(phrase(sh.word).lowercased())'")
                }
                // "reduce poverty" is about less poverty: the reducer's own tone gives way.
                if sh.reducer, let h = out.hits.lastIndex(where: { $0.tokens == sh.word }) {
                    out.hits[h].adjusted = 0
                    if explain { out.hits[h].notes.append("gives way to '\(phrase(t))'") }
                }
                shifter = nil
            }
            if let c = contrastMarker, weights[u] != 1 {
                v *= weights[u]
                if explain {
                    let inside = u > c.index && u < c.end
                    notes.append(
                        c.concession
                            ? (inside
                                ? "×\(RuleEngine.outweighed) conceded by '\(phrase(c.word).lowercased())'"
                                : "×\(RuleEngine.dominant) outweighs '\(phrase(c.word).lowercased())'")
                            : (u < c.index
                                ? "×\(RuleEngine.outweighed) before '\(phrase(c.word).lowercased())'"
                                : "×\(RuleEngine.dominant) after '\(phrase(c.word).lowercased())'"))
                }
            }
            out.hits.append(.init(tokens: t, base: entry.valence, adjusted: v, notes: notes))
        }
        return out

        func phrase(_ t: Range<Int>) -> String {
            t.map { document.text(ofToken: $0) }.joined(separator: " ")
        }
        /// A lexicon unit's key: its words lowercased and joined by single spaces, which is how
        /// the lexicon stores the phrase it matched.
        func key(_ t: Range<Int>) -> String {
            t.map { document.text(ofToken: $0).lowercased() }.joined(separator: " ")
        }
    }

    private func isCapitalized(_ document: AnalyzedDocument, _ i: Int) -> Bool {
        let token = document.tokens[i]
        guard token.kind == .word else { return false }
        // Asked of every word: an ASCII first byte answers without decoding a scalar.
        let first = document.utf8[token.span.start]
        if first < 0x80 { return TextBytes.isASCIIUppercase(first) }
        return document.utf8.withUnsafeBufferPointer { TextBytes.isCapitalized($0, token.span) }
    }

    private func nextIsCapitalized(_ document: AnalyzedDocument, after i: Int, limit: Int) -> Bool {
        i < limit && isCapitalized(document, i)
    }

    private func startsSentence(_ document: AnalyzedDocument, _ i: Int, range: Range<Int>) -> Bool {
        if i == range.lowerBound { return true }
        if let s = document.sentenceIndex(containing: document.tokens[i].span.start),
            document.sentences[s].tokens.lowerBound == i
        {
            return true
        }
        return RuleEngine.sentenceOpeners.contains(document.text(ofToken: i - 1))
    }
}
