import AssayCore

/// Receives the features of one target, by identifier and, when it asks, by name.
protocol TargetFeatureSink {
    /// Whether ``add(_:_:name:)`` should build names (training, explanations); scoring does not.
    var wantsNames: Bool { get }
    mutating func add(_ id: UInt64, _ value: Float, name: @autoclosure () -> String)
}

/// A feature template: the part of a feature name before `=`, with its hash precomputed.
struct FeatureTemplate: Sendable {
    let name: String
    let hash: UInt64
    init(_ name: String) {
        self.name = name
        self.hash = FeatureHash.of(name)
    }
}

/// One sentence read once for the targets in it: each token's lowercased hash, the lexicon
/// hits of the sentence model (after its negation and contrast rules), which tokens are inside
/// quotation marks, clause numbers, and the sentence model's class probabilities.
///
/// Several targets of one sentence share it; ``features(of:into:)`` then reads one target.
struct TargetSentenceContext {
    let document: AnalyzedDocument
    let tokens: Range<Int>
    /// Sentence model probabilities of (negative, neutral, positive).
    let sentence: SIMD3<Float>
    /// Lowercased token hashes, indexed from `tokens.lowerBound`.
    private var hashes: [UInt64] = []
    private var inQuote: [Bool] = []
    private var clause: [Int32] = []
    private var roles: [WordRole] = []
    /// Lexicon hits: first token, adjusted valence.
    private var hits: [(token: Int, valence: Float)] = []
    private var hasQuote = false
    /// Index of the first contrast or concession word, if any.
    private var contrast: Int?

    /// Words the features single out, looked up by hash.
    enum WordRole: UInt8 {
        case none, negator, contrast, speech, by, according, number
    }

    init(document: AnalyzedDocument, tokens: Range<Int>, analysis: RuleAnalysis, probabilities: SIMD3<Float>) {
        self.document = document
        self.tokens = tokens
        self.sentence = probabilities
        let n = tokens.count
        hashes.reserveCapacity(n)
        inQuote.reserveCapacity(n)
        clause.reserveCapacity(n)
        roles.reserveCapacity(n)
        var quoted = false
        var clauseNumber: Int32 = 0
        for i in tokens {
            let token = document.tokens[i]
            let h = token.kind == .number ? Self.numberHash : FeatureHash.token(document, i)
            var role = token.kind == .number ? WordRole.number : Self.wordRoles[h] ?? .none
            if token.kind == .punctuation {
                switch Self.quoteMark(document, token) {
                case 1: quoted.toggle(); hasQuote = true
                case 2: quoted = true; hasQuote = true
                case 3: quoted = false; hasQuote = true
                default: if RuleEngine.breaksClause(document, token) { clauseNumber += 1 }
                }
            }
            if role == .contrast {
                clauseNumber += 1
                if contrast == nil, i > tokens.lowerBound { contrast = i } else if i == tokens.lowerBound { role = .none }
            }
            hashes.append(h)
            inQuote.append(quoted)
            clause.append(clauseNumber)
            roles.append(role)
        }
        hits = analysis.hits.map { ($0.tokens.lowerBound, $0.adjusted) }
    }

    /// 1: a straight double quote (toggles), 2: an opening curly quote, 3: a closing one, 0: no quote mark.
    private static func quoteMark(_ document: AnalyzedDocument, _ token: Token) -> Int {
        let b = document.utf8[token.span.start]
        if b == UInt8(ascii: "\"") { return 1 }
        if b == 0xE2, token.span.length == 3, document.utf8[token.span.start + 1] == 0x80 {
            switch document.utf8[token.span.start + 2] {
            case 0x9C: return 2  // “
            case 0x9D: return 3  // ”
            default: return 0
            }
        }
        if token.span.length == 2, b == UInt8(ascii: "`") { return 2 }
        if token.span.length == 2, b == UInt8(ascii: "'"), document.utf8[token.span.start + 1] == UInt8(ascii: "'") { return 3 }
        return 0
    }

    private static let numberHash = FeatureHash.of("<num>")

    private static let wordRoles: [UInt64: WordRole] = {
        var roles: [UInt64: WordRole] = [:]
        for w in ["not", "n't", "no", "never", "neither", "nor", "without", "cannot", "nothing", "none"] { roles[FeatureHash.of(w)] = .negator }
        for w in SentimentLexicon.contrasts + ["although", "though", "despite", "while", "whereas"] { roles[FeatureHash.of(w)] = .contrast }
        for w in ["said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "argued", "argues", "claimed",
                  "claims", "insisted", "insists", "tweeted", "tweets", "stated", "asserted", "declared", "explained",
                  "noted", "warned", "warns", "acknowledged", "admitted", "asked", "replied", "responded", "suggested"] {
            roles[FeatureHash.of(w)] = .speech
        }
        roles[FeatureHash.of("by")] = .by
        roles[FeatureHash.of("according")] = .according
        return roles
    }()

    // Templates: their names are the model file's vocabulary, so renaming one means retraining.
    private static let targetWord = FeatureTemplate("T")
    private static let sentenceWord = FeatureTemplate("W")
    private static let sideWord = [FeatureTemplate("L"), FeatureTemplate("R")]
    /// Side and distance bucket (1, 2-3, 4-7 tokens away).
    private static let nearWord = [[FeatureTemplate("L1"), FeatureTemplate("L2"), FeatureTemplate("L3")],
                                   [FeatureTemplate("R1"), FeatureTemplate("R2"), FeatureTemplate("R3")]]
    private static let clauseWord = FeatureTemplate("C")
    private static let sidePrefix = [FeatureTemplate("Lp"), FeatureTemplate("Rp")]
    private static let clausePrefix = FeatureTemplate("Cp")
    /// How many leading bytes of a word of at least ``prefixLength`` + 2 letters make its prefix.
    private static let prefixLength = 5
    private static let leftBigram = FeatureTemplate("LB")
    private static let rightBigram = FeatureTemplate("RB")
    private static let subjectVerb = FeatureTemplate("SV")
    private static let objectVerb = FeatureTemplate("OV")

    /// Distance bucket of a token `d` ≥ 1 tokens away: 0 for 1, 1 for 2-3, 2 for 4-7, 3 beyond.
    @inline(__always)
    private static func bucket(_ d: Int) -> Int { d == 1 ? 0 : d <= 3 ? 1 : d <= 7 ? 2 : 3 }

    private func word(_ i: Int) -> String { FeatureHash.lowercasedText(document, i) }
    private func value(_ i: Int) -> String {
        document.tokens[i].kind == .number ? "<num>" : word(i)
    }

    /// Emits the features of the target covering tokens `target` (clamped to this sentence).
    func features<Sink: TargetFeatureSink>(of target: Range<Int>, into sink: inout Sink) {
        let s = tokens.lowerBound, e = tokens.upperBound
        let a = min(max(target.lowerBound, s), e), b = max(a, min(target.upperBound, e))
        func add(_ t: FeatureTemplate, _ valueHash: UInt64, _ v: Float = 1, _ name: @autoclosure () -> String) {
            sink.add(FeatureHash.combine(t.hash, valueHash), v, name: t.name + "=" + name())
        }
        func flag(_ f: Flag, _ v: Float = 1) { sink.add(f.id, v, name: f.name) }

        // The target's own words ("President", "critics", "she").
        for i in a..<b where document.tokens[i].kind != .punctuation {
            add(Self.targetWord, hashes[i - s], 1, value(i))
        }

        // Where the target stands.
        let targetQuoted = a < e && inQuote[a - s]
        let targetClause = a < e ? clause[a - s] : clause.last ?? 0
        var firstWord = s
        while firstWord < a, document.tokens[firstWord].kind == .punctuation { firstWord += 1 }
        if firstWord == a { flag(Flags.initial) }
        if b >= e || (b == e - 1 && document.tokens[b].kind == .punctuation) { flag(Flags.final) }
        let role = targetQuoted ? 0 : isSpeaker(a, b) ? 1 : hasQuote ? 2 : 3
        flag(Flags.role[role])
        if let c = contrast { flag(a > c ? Flags.afterContrast : Flags.beforeContrast) }
        if b - a == 1, a < e, roles[a - s] == .none, document.tokens[a].kind == .word,
           document.utf8[document.tokens[a].span.start] &- 97 < 26 { flag(Flags.lowercaseSingle) }

        // The sentence model's reading, alone and by the target's role.
        flag(Flags.sentence[0], sentence[0])
        flag(Flags.sentence[1], sentence[2])
        flag(Flags.sentenceByRole[0][role], sentence[0])
        flag(Flags.sentenceByRole[1][role], sentence[2])

        // Context words by side, distance and clause.
        var negatedClause = false
        for i in s..<e where i < a || i >= b {
            let h = hashes[i - s]
            let left = i < a
            let d = left ? a - i : i - b + 1
            let side = left ? 0 : 1
            let kind = document.tokens[i].kind
            if roles[i - s] == .negator {
                if clause[i - s] == targetClause { negatedClause = true }
                if !left && d <= 3 { flag(Flags.negatedAfter) }
            }
            if kind == .punctuation && d > 1 { continue }
            add(Self.sentenceWord, h, 1, value(i))
            add(Self.sideWord[side], h, 1, value(i))
            let bk = Self.bucket(d)
            if bk < 3 { add(Self.nearWord[side][bk], h, 1, value(i)) }
            if clause[i - s] == targetClause { add(Self.clauseWord, h, 1, value(i)) }
            // A long word's first letters also stand for it, so that "criticised", "criticized"
            // and "criticism" share what any of them taught.
            if let p = prefixHash(i) {
                add(Self.sidePrefix[side], p, 1, prefix(i))
                if clause[i - s] == targetClause { add(Self.clausePrefix, p, 1, prefix(i)) }
            }
        }
        if negatedClause { flag(Flags.negatedClause) }
        if a - 2 >= s {
            add(Self.leftBigram, bigramHash(a - 2), 1, value(a - 2) + " " + value(a - 1))
        }
        if b + 1 < e {
            add(Self.rightBigram, bigramHash(b), 1, value(b) + " " + value(b + 1))
        }

        // Lexicon hits by side and distance; the nearest on each side in the target's clause
        // stand for the verb it is the subject or the object of.
        var subject: (token: Int, valence: Float)?
        var object: (token: Int, valence: Float)?
        var quotedSum: SIMD2<Float> = .zero, unquotedSum: SIMD2<Float> = .zero
        for hit in hits where hit.token < a || hit.token >= b {
            let left = hit.token < a
            let d = left ? a - hit.token : hit.token - b + 1
            let pol = hit.valence < 0 ? 0 : 1
            let v = abs(hit.valence) / 2
            let sameClause = clause[hit.token - s] == targetClause
            flag(Flags.lexicon[left ? 0 : 1][Self.bucket(d)][pol], v)
            flag(Flags.lexiconTotal[pol], v)
            if sameClause { flag(Flags.lexiconClause[pol], v) }
            if inQuote[hit.token - s] { quotedSum[pol] += v } else { unquotedSum[pol] += v }
            if sameClause && d <= 4 {
                if left { if object == nil || hit.token > object!.token { object = hit } } else if subject == nil { subject = hit }
            }
        }
        for pol in 0..<2 {
            if quotedSum[pol] > 0 { flag(Flags.lexiconQuoted[pol][role], quotedSum[pol]) }
            if unquotedSum[pol] > 0 { flag(Flags.lexiconUnquoted[pol][role], unquotedSum[pol]) }
        }
        if let hit = subject {
            flag(Flags.subjectOf[hit.valence < 0 ? 0 : 1], abs(hit.valence) / 2)
            add(Self.subjectVerb, hashes[hit.token - s], 1, value(hit.token))
        }
        if let hit = object {
            let agent = a - 1 >= s && roles[a - 1 - s] == .by
            flag((agent ? Flags.agentOf : Flags.objectOf)[hit.valence < 0 ? 0 : 1], abs(hit.valence) / 2)
            add(Self.objectVerb, hashes[hit.token - s], 1, value(hit.token))
        }
    }

    /// Whether the target is who speaks: a speech verb right after it ("Trump said", "Trump
    /// has said"), right before it ("said Trump"), or "according to" before it.
    private func isSpeaker(_ a: Int, _ b: Int) -> Bool {
        let s = tokens.lowerBound, e = tokens.upperBound
        for i in b..<min(e, b + 3) where roles[i - s] == .speech { return true }
        for i in max(s, a - 2)..<a where roles[i - s] == .speech { return true }
        return a - 2 >= s && roles[a - 2 - s] == .according
    }

    /// The hash of a long word's first ``prefixLength`` bytes lowercased, nil for short words
    /// and anything but letters.
    private func prefixHash(_ i: Int) -> UInt64? {
        let span = document.tokens[i].span
        guard document.tokens[i].kind == .word, span.length >= Self.prefixLength + 2 else { return nil }
        let bytes = document.utf8[span.start..<(span.start + Self.prefixLength)]
        guard bytes.allSatisfy({ $0 < 0x80 && (FeatureHash.lowercased($0) &- 97 < 26) }) else { return nil }
        return FeatureHash.continuing(FeatureHash.offset, bytes.lazy.map(FeatureHash.lowercased))
    }

    private func prefix(_ i: Int) -> String {
        String(FeatureHash.lowercasedText(document, i).prefix(Self.prefixLength))
    }

    /// The hash of "w1 w2" for tokens `i` and `i + 1`, as ``FeatureHash/of(_:)`` hashes the text.
    private func bigramHash(_ i: Int) -> UInt64 {
        let h = FeatureHash.continuing(hashes[i - tokens.lowerBound], [0x20])
        let next = document.tokens[i + 1]
        if next.kind == .number { return FeatureHash.continuing(h, "<num>".utf8) }
        return FeatureHash.continuing(h, document.utf8[next.span.start..<next.span.end].lazy.map(FeatureHash.lowercased))
    }
}

/// A feature without a value (a flag, or a number such as a lexicon sum), named `f=NAME`.
struct Flag: Sendable {
    let name: String
    let id: UInt64
    init(_ name: String) {
        self.name = "f=" + name
        self.id = FeatureHash.feature(named: self.name)
    }
}

/// The flags of ``TargetSentenceContext``, built once. Index conventions: polarity 0 negative,
/// 1 positive; side 0 left, 1 right; role 0 inside a quote, 1 the speaker, 2 beside a quote,
/// 3 no quote in the sentence.
enum Flags {
    static let initial = Flag("initial"), final = Flag("final")
    static let afterContrast = Flag("after_contrast"), beforeContrast = Flag("before_contrast")
    static let lowercaseSingle = Flag("lowercase_single")
    static let negatedAfter = Flag("negated_after"), negatedClause = Flag("negated_clause")
    static let roles = ["quoted", "speaker", "beside_quote", "plain"]
    static let polarities = ["neg", "pos"]
    static let role = roles.map { Flag("role_" + $0) }
    static let sentence = polarities.map { Flag("sent_" + $0) }
    static let sentenceByRole = polarities.map { p in roles.map { Flag("sent_" + p + "_" + $0) } }
    static let lexicon = ["L", "R"].map { side in (1...4).map { b in polarities.map { Flag("lex_" + side + String(b) + "_" + $0) } } }
    static let lexiconTotal = polarities.map { Flag("lex_" + $0) }
    static let lexiconClause = polarities.map { Flag("lex_clause_" + $0) }
    static let lexiconQuoted = polarities.map { p in roles.map { Flag("lex_quoted_" + p + "_" + $0) } }
    static let lexiconUnquoted = polarities.map { p in roles.map { Flag("lex_unquoted_" + p + "_" + $0) } }
    static let subjectOf = polarities.map { Flag("subject_of_" + $0) }
    static let objectOf = polarities.map { Flag("object_of_" + $0) }
    static let agentOf = polarities.map { Flag("agent_of_" + $0) }
}
