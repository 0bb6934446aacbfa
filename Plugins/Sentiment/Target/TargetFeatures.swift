import AssayCore

/// Receives the features of one target, by identifier and, when it asks, by name.
protocol TargetFeatureSink {
    /// Adds a feature by identifier; `name` is evaluated only by sinks that want names
    /// (training, explanations), never by scoring.
    mutating func add(_ id: UInt64, _ value: Float, name: @autoclosure () -> String)
    /// Takes the side-word features (`L=w`, `R=w`) of the words of `left` and `right` at once,
    /// from sums the context keeps; false asks for them one by one through ``add(_:_:name:)``.
    mutating func addSideWords(left: Range<Int>, right: Range<Int>, of context: TargetSentenceContext) -> Bool
    /// Adds the feature `template=` the text of token `token`; by default through its identifier.
    mutating func addWord(
        _ template: WordTemplate, token: Int, of context: TargetSentenceContext, name: @autoclosure () -> String)
    /// Adds a flag; by default through its identifier.
    mutating func addFlag(_ flag: Flag, _ value: Float)
}

extension TargetFeatureSink {
    func addSideWords(left: Range<Int>, right: Range<Int>, of context: TargetSentenceContext) -> Bool { false }

    mutating func addWord(
        _ template: WordTemplate, token: Int, of context: TargetSentenceContext, name: @autoclosure () -> String
    ) {
        add(FeatureHash.combine(template.hash, context.hash(ofToken: token)), 1, name: name())
    }

    mutating func addFlag(_ flag: Flag, _ value: Float) { add(flag.id, value, name: flag.name) }
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
/// A class, so that the scorer's cache hands it out without copying its arrays.
final class TargetSentenceContext {
    let document: AnalyzedDocument
    let tokens: Range<Int>
    /// Sentence model probabilities of (negative, neutral, positive).
    let sentence: SIMD3<Float>
    /// What the features read of each token, indexed from `tokens.lowerBound`: one array
    /// rather than one per fact, as a sentence is read once per target-bearing sentence and
    /// each array is an allocation.
    let facts: [TokenFacts]
    /// Lexicon hits (their first token and adjusted valence are read): the analysis's own
    /// array, held rather than mapped to a new one, which cost an allocation per sentence.
    private let hits: [RuleAnalysis.Hit]
    private let hasQuote: Bool
    /// Index of the first contrast or concession word, if any.
    private let contrast: Int?
    /// Indices of the negation words.
    private let negators: [Int]
    /// Whether ``sideSums(before:)`` has sums: only with a model's weights.
    let hasSideSums: Bool
    /// The side sums over all the sentence's tokens (``sideSums(before:)`` of its end).
    private let sideSumsTotal: SideSums

    /// One token's facts.
    struct TokenFacts {
        /// The lowercased text's hash (``FeatureHash/token(_:_:)``; `<num>`'s for a number).
        var hash: UInt64
        /// Its record in the model's ``FeatureWeights`` (-1 for a word it has no weights of, or
        /// without a model).
        var record: Int32
        var clause: Int32
        var role: WordRole
        var inQuote: Bool
        var isPunctuation: Bool
        /// With a model's weights: the sums of the weights of the `L=w` and `R=w` features of the
        /// sentence's words (not punctuation) before this token, so a target's side words cost
        /// two subtractions instead of a look-up each. Kept here rather than in an array of
        /// their own, which cost an allocation and a free per sentence.
        var sidesBefore = SideSums(left: .zero, right: .zero)
    }

    struct SideSums {
        var left: SIMD3<Float>
        var right: SIMD3<Float>
    }

    /// The sums of the side-word weights over the sentence's first `k` tokens (zero for 0), with
    /// a model's weights.
    @inline(__always)
    func sideSums(before k: Int) -> SideSums { k < facts.count ? facts[k].sidesBefore : sideSumsTotal }

    /// The lowercased hash of a token of the sentence (a document token index).
    func hash(ofToken i: Int) -> UInt64 { facts[i - tokens.lowerBound].hash }

    /// Words the features single out, looked up by hash.
    enum WordRole: UInt8 {
        case none, negator, contrast, speech, by, according, number
    }

    /// Reads the sentence `tokens` of `document`; with `weights` (a model's, not while training)
    /// it also looks each word up in them once, for the records of ``facts`` and ``sideSums``.
    init(
        document: AnalyzedDocument, tokens: Range<Int>, analysis: RuleAnalysis, probabilities: SIMD3<Float>,
        weights: FeatureWeights? = nil
    ) {
        self.document = document
        self.tokens = tokens
        self.sentence = probabilities
        var facts: [TokenFacts] = [], negators: [Int] = []
        facts.reserveCapacity(tokens.count)
        var quoted = false, hasQuote = false
        var contrast: Int?
        var clauseNumber: Int32 = 0
        let roles = Self.wordRoles, numberHash = Self.numberHash
        // Through buffer pointers, as the loop reads every byte of the sentence.
        document.utf8.withUnsafeBufferPointer { bytes in
            document.tokens.withUnsafeBufferPointer { documentTokens in
                FeatureHash.lowercaseTable.withUnsafeBufferPointer { lowercase in
                    for i in tokens {
                        let token = documentTokens[i]
                        let h =
                            token.kind == .number
                            ? numberHash : FeatureHash.token(bytes, token.span, lowercase: lowercase)
                        var role = token.kind == .number ? WordRole.number : roles.role(of: h)
                        if token.kind == .punctuation {
                            switch Self.quoteMark(bytes, token) {
                            case 1:
                                quoted.toggle()
                                hasQuote = true
                            case 2:
                                quoted = true
                                hasQuote = true
                            case 3:
                                quoted = false
                                hasQuote = true
                            default: if RuleEngine.breaksClause(document, token) { clauseNumber += 1 }
                            }
                        }
                        if role == .contrast {
                            clauseNumber += 1
                            if contrast == nil, i > tokens.lowerBound {
                                contrast = i
                            } else if i == tokens.lowerBound {
                                role = .none
                            }
                        }
                        if role == .negator { negators.append(i) }
                        facts.append(
                            TokenFacts(
                                hash: h, record: -1, clause: clauseNumber, role: role, inQuote: quoted,
                                isPunctuation: token.kind == .punctuation))
                    }
                }
            }
        }
        // The words' look-ups in a loop of their own, after the facts: with little else in it the
        // processor has several of their cache misses in flight at once, where each used to wait.
        var sums = SideSums(left: .zero, right: .zero)
        if let words = weights?.wordTable {
            facts.withUnsafeMutableBufferPointer { facts in
                for k in facts.indices {
                    let entry = words.entry(facts[k].hash)
                    facts[k].record = entry.record
                    facts[k].sidesBefore = sums
                    if !facts[k].isPunctuation {
                        sums.left += entry.left
                        sums.right += entry.right
                    }
                }
            }
        }
        self.facts = facts
        self.hasSideSums = weights != nil
        self.sideSumsTotal = sums
        self.negators = negators
        self.hasQuote = hasQuote
        self.contrast = contrast
        self.hits = analysis.hits
    }

    /// 1: a straight double quote (toggles), 2: an opening curly quote, 3: a closing one, 0: no quote mark.
    private static func quoteMark(_ utf8: UnsafeBufferPointer<UInt8>, _ token: Token) -> Int {
        let b = utf8[token.span.start]
        if b == UInt8(ascii: "\"") { return 1 }
        if b == 0xE2, token.span.length == 3, utf8[token.span.start + 1] == 0x80 {
            switch utf8[token.span.start + 2] {
            case 0x9C: return 2  // “
            case 0x9D: return 3  // ”
            default: return 0
            }
        }
        if token.span.length == 2, b == UInt8(ascii: "`") { return 2 }
        if token.span.length == 2, b == UInt8(ascii: "'"), utf8[token.span.start + 1] == UInt8(ascii: "'") {
            return 3
        }
        return 0
    }

    private static let numberHash = FeatureHash.of("<num>")

    /// The few words with a role, in a small open-addressing table (looked up for every token).
    struct RoleTable {
        private var keys = [UInt64](repeating: 0, count: 256)
        private var values = [WordRole](repeating: .none, count: 256)

        init(_ roles: [UInt64: WordRole]) {
            for (word, role) in roles.sorted(by: { $0.key < $1.key }) {
                var slot = Int(truncatingIfNeeded: word) & 255
                while keys[slot] != 0 { slot = (slot + 1) & 255 }
                keys[slot] = word
                values[slot] = role
            }
        }

        func role(of word: UInt64) -> WordRole {
            var slot = Int(truncatingIfNeeded: word) & 255
            while keys[slot] != 0 {
                if keys[slot] == word { return values[slot] }
                slot = (slot + 1) & 255
            }
            return .none
        }
    }

    private static let wordRoles: RoleTable = {
        var roles: [UInt64: WordRole] = [:]
        for w in ["not", "n't", "no", "never", "neither", "nor", "without", "cannot", "nothing", "none"] {
            roles[FeatureHash.of(w)] = .negator
        }
        for w in SentimentLexicon.contrasts + ["although", "though", "despite", "while", "whereas"] {
            roles[FeatureHash.of(w)] = .contrast
        }
        for w in [
            "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "argued", "argues", "claimed",
            "claims", "insisted", "insists", "tweeted", "tweets", "stated", "asserted", "declared", "explained",
            "noted", "warned", "warns", "acknowledged", "admitted", "asked", "replied", "responded", "suggested"
        ] {
            roles[FeatureHash.of(w)] = .speech
        }
        roles[FeatureHash.of("by")] = .by
        roles[FeatureHash.of("according")] = .according
        return RoleTable(roles)
    }()

    // Templates: their names are the model file's vocabulary, so renaming one means retraining.

    /// Side and distance bucket (1, 2-3, 4-7 tokens away).
    private static let near: [[WordTemplate]] = [[.L1, .L2, .L3], [.R1, .R2, .R3]]
    private static let leftBigram = FeatureTemplate("LB")
    private static let rightBigram = FeatureTemplate("RB")

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
        let f = Flags.shared, facts = self.facts, documentTokens = document.tokens, near = Self.near
        let hits = self.hits, negators = self.negators
        let a = min(max(target.lowerBound, s), e), b = max(a, min(target.upperBound, e))
        func add(_ t: FeatureTemplate, _ valueHash: UInt64, _ v: Float = 1, _ name: @autoclosure () -> String) {
            sink.add(FeatureHash.combine(t.hash, valueHash), v, name: t.name + "=" + name())
        }
        // Inlined: called some sixty times a target, and each call site knows its template.
        @inline(__always) func flag(_ f: Flag, _ v: Float = 1) { sink.addFlag(f, v) }
        @inline(__always) func word(_ t: WordTemplate, _ i: Int) {
            sink.addWord(t, token: i, of: self, name: t.name + "=" + value(i))
        }

        // The target's own words ("President", "critics", "she").
        for i in a..<b where documentTokens[i].kind != .punctuation {
            word(.T, i)
        }

        // Where the target stands.
        let targetQuoted = a < e && facts[a - s].inQuote
        let targetClause = a < e ? facts[a - s].clause : facts.last?.clause ?? 0
        var firstWord = s
        while firstWord < a, documentTokens[firstWord].kind == .punctuation { firstWord += 1 }
        if firstWord == a { flag(f.initial) }
        if b >= e || (b == e - 1 && documentTokens[b].kind == .punctuation) { flag(f.final) }
        let role = targetQuoted ? 0 : isSpeaker(a, b) ? 1 : hasQuote ? 2 : 3
        flag(f.role[role])
        if let c = contrast { flag(a > c ? f.afterContrast : f.beforeContrast) }
        if b - a == 1, a < e, facts[a - s].role == .none, documentTokens[a].kind == .word,
            document.utf8[documentTokens[a].span.start] &- 97 < 26
        {
            flag(f.lowercaseSingle)
        }

        // The sentence model's reading, alone and by the target's role.
        flag(f.sentence[0], sentence[0])
        flag(f.sentence[1], sentence[2])
        flag(f.sentenceByRole[0][role], sentence[0])
        flag(f.sentenceByRole[1][role], sentence[2])
        if firstWord == a {
            flag(f.sentenceInitial[0], sentence[0])
            flag(f.sentenceInitial[1], sentence[2])
        }

        // Context words by side, and by distance up to 7 tokens away. (The sentence's words
        // regardless of side, the target's clause's words, long words' first letters, words
        // weighed by 1/distance, the words up to the next target, side words scaled by their
        // number, words paired with the sentence's tone, the target's position and the
        // sentence's length were tried as well: cross-validation found them worth at most
        // 0.005 macro-F1 once these are there. Features of the other targets of the sentence
        // are left out on purpose: only 13% of the training sentences have several targets,
        // and what the model learns from them did not carry over to sentences that do.)
        let sidesSummed = sink.addSideWords(left: s..<a, right: b..<e, of: self)
        // With the side words summed, only the 7 tokens on each side remain to be read one by one.
        let window = sidesSummed ? max(s, a - 7)..<min(e, b + 7) : s..<e
        for i in window where i < a || i >= b {
            let left = i < a
            let d = left ? a - i : i - b + 1
            let punctuation = documentTokens[i].kind == .punctuation
            if punctuation && d > 1 { continue }
            if !sidesSummed || punctuation { word(left ? .L : .R, i) }
            if d <= 7 { word(near[left ? 0 : 1][Self.bucket(d)], i) }
        }
        var negatedClause = false
        for i in negators where i < a || i >= b {
            if facts[i - s].clause == targetClause { negatedClause = true }
            if i >= b && i - b < 3 { flag(f.negatedAfter) }
        }
        if negatedClause { flag(f.negatedClause) }
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
        // The target's own sentiment words ("terrorists", "heroes", "critics"), for role words
        // too rare to have learnt a weight of their own.
        for found in hits where found.tokens.lowerBound >= a && found.tokens.lowerBound < b {
            flag(f.targetLexicon[found.adjusted < 0 ? 0 : 1], abs(found.adjusted) / 2)
        }
        for found in hits where found.tokens.lowerBound < a || found.tokens.lowerBound >= b {
            let hit = (token: found.tokens.lowerBound, valence: found.adjusted)
            let left = hit.token < a
            let d = left ? a - hit.token : hit.token - b + 1
            let pol = hit.valence < 0 ? 0 : 1
            let v = abs(hit.valence) / 2
            let sameClause = facts[hit.token - s].clause == targetClause
            flag(f.lexicon[left ? 0 : 1][Self.bucket(d)][pol], v)
            flag(f.lexiconTotal[pol], v)
            flag(f.lexiconByDistance[left ? 0 : 1][pol], v / Float(d))
            if sameClause { flag(f.lexiconClause[pol], v) }
            if facts[hit.token - s].inQuote { quotedSum[pol] += v } else { unquotedSum[pol] += v }
            if sameClause && d <= 4 {
                if left {
                    if object == nil || hit.token > object!.token { object = hit }
                } else if subject == nil {
                    subject = hit
                }
            }
        }
        for pol in 0..<2 {
            if quotedSum[pol] > 0 { flag(f.lexiconQuoted[pol][role], quotedSum[pol]) }
            if unquotedSum[pol] > 0 { flag(f.lexiconUnquoted[pol][role], unquotedSum[pol]) }
        }
        if let hit = subject {
            flag(f.subjectOf[hit.valence < 0 ? 0 : 1], abs(hit.valence) / 2)
            word(.SV, hit.token)
        }
        if let hit = object {
            let agent = a - 1 >= s && facts[a - 1 - s].role == .by
            flag((agent ? f.agentOf : f.objectOf)[hit.valence < 0 ? 0 : 1], abs(hit.valence) / 2)
            word(.OV, hit.token)
        }
    }

    /// Whether the target is who speaks: a speech verb right after it ("Trump said", "Trump
    /// has said"), right before it ("said Trump"), or "according to" before it.
    private func isSpeaker(_ a: Int, _ b: Int) -> Bool {
        let s = tokens.lowerBound, e = tokens.upperBound
        for i in b..<min(e, b + 3) where facts[i - s].role == .speech { return true }
        for i in max(s, a - 2)..<a where facts[i - s].role == .speech { return true }
        return a - 2 >= s && facts[a - 2 - s].role == .according
    }

    /// The hash of "w1 w2" for tokens `i` and `i + 1`, as ``FeatureHash/of(_:)`` hashes the text.
    private func bigramHash(_ i: Int) -> UInt64 {
        let h = FeatureHash.continuing(facts[i - tokens.lowerBound].hash, [0x20])
        let next = document.tokens[i + 1]
        if next.kind == .number { return FeatureHash.continuing(h, "<num>".utf8) }
        return FeatureHash.continuing(
            h, document.utf8[next.span.start..<next.span.end].lazy.map(FeatureHash.lowercased))
    }
}

/// A feature without a value (a flag, or a number such as a lexicon sum), named `f=NAME`.
struct Flag: Sendable {
    static let prefix = "f="
    let name: String
    let id: UInt64
    /// Its place in ``Flags/all``: scoring reads a flag's weights and hidden-layer vector from
    /// arrays at this index rather than probing tables by ``id`` (some forty flags a target).
    let index: Int

    fileprivate init(_ name: String, index: Int) {
        self.name = Self.prefix + name
        self.id = FeatureHash.feature(named: self.name)
        self.index = index
    }
}

/// The flags of ``TargetSentenceContext``, built once. Index conventions: polarity 0 negative,
/// 1 positive; side 0 left, 1 right; role 0 inside a quote, 1 the speaker, 2 beside a quote,
/// 3 no quote in the sentence.
struct Flags: Sendable {
    /// The one set, read once per target rather than once per flag.
    static let shared = Flags()
    static let roles = ["quoted", "speaker", "beside_quote", "plain"]
    static let polarities = ["neg", "pos"]
    /// Every flag, by ``Flag/index``.
    let all: [Flag]
    let initial: Flag, final: Flag
    let afterContrast: Flag, beforeContrast: Flag
    let lowercaseSingle: Flag
    let negatedAfter: Flag, negatedClause: Flag
    let role: [Flag]
    let sentence: [Flag]
    let sentenceByRole: [[Flag]]
    let lexicon: [[[Flag]]]
    let lexiconTotal: [Flag]
    let targetLexicon: [Flag]
    /// Hits weighed by the inverse of their distance to the target, per side.
    let lexiconByDistance: [[Flag]]
    /// The sentence model's tone when the target opens the sentence (often its subject).
    let sentenceInitial: [Flag]
    let lexiconClause: [Flag]
    let lexiconQuoted: [[Flag]]
    let lexiconUnquoted: [[Flag]]
    let subjectOf: [Flag]
    let objectOf: [Flag]
    let agentOf: [Flag]

    private init() {
        var all: [Flag] = []
        func make(_ name: String) -> Flag {
            let flag = Flag(name, index: all.count)
            all.append(flag)
            return flag
        }
        func byPolarity(_ prefix: String, _ suffix: String = "") -> [Flag] {
            Self.polarities.map { make(prefix + $0 + suffix) }
        }
        initial = make("initial")
        final = make("final")
        afterContrast = make("after_contrast")
        beforeContrast = make("before_contrast")
        lowercaseSingle = make("lowercase_single")
        negatedAfter = make("negated_after")
        negatedClause = make("negated_clause")
        role = Self.roles.map { make("role_" + $0) }
        sentence = byPolarity("sent_")
        sentenceByRole = Self.polarities.map { p in Self.roles.map { make("sent_" + p + "_" + $0) } }
        lexicon = ["L", "R"].map { side in (1...4).map { b in byPolarity("lex_" + side + String(b) + "_") } }
        lexiconTotal = byPolarity("lex_")
        targetLexicon = byPolarity("lex_target_")
        lexiconByDistance = ["L", "R"].map { side in byPolarity("lexd_" + side + "_") }
        sentenceInitial = byPolarity("sent_", "_initial")
        lexiconClause = byPolarity("lex_clause_")
        lexiconQuoted = Self.polarities.map { p in Self.roles.map { make("lex_quoted_" + p + "_" + $0) } }
        lexiconUnquoted = Self.polarities.map { p in Self.roles.map { make("lex_unquoted_" + p + "_" + $0) } }
        subjectOf = byPolarity("subject_of_")
        objectOf = byPolarity("object_of_")
        agentOf = byPolarity("agent_of_")
        self.all = all
    }
}
