import AssayCore
import Foundation

/// The word knowledge of the sentiment model: VADER's valences, the news vocabulary and
/// multi-word expressions, the rule words (negators, intensifiers, hedges, contrast markers)
/// and, once a model is loaded, the fitted n-gram weights, merged into one core ``Lexicon``.
struct SentimentLexicon: Sendable {
    /// The multi-word entries and the words that do not pack (longer than
    /// ``PackedWord/maxLength`` bytes, or not ASCII); the others are in ``packedWords`` alone.
    let words: Lexicon<WordEntry>
    /// Every word that packs (``PackedWord``: short ASCII, nearly every word of a text) and is
    /// a single-word entry or a word of one of the multi-word entries of ``words``: its entry
    /// and its places in the phrases. One look-up of two integers answers a token
    /// (``DocumentWords``), where asking ``words`` hashes and compares its bytes one by one; only
    /// a token that may start a phrase, or does not pack, is matched in ``words``.
    let packedWords: PackedWordTable<PackedLookup>

    /// Which places a word takes in the multi-word entries.
    struct PhraseParts: OptionSet, Sendable {
        let rawValue: UInt8
        static let first = PhraseParts(rawValue: 1)
        static let second = PhraseParts(rawValue: 2)
    }

    /// What ``packedWords`` knows of a word.
    struct PackedLookup: Sendable {
        /// Its single-word entry.
        var entry: WordEntry?
        var parts: PhraseParts = []
    }

    /// Negation cues. "n't" is a token of its own (the core tokeniser splits "didn't" into
    /// "did" + "n't"); "despite" is a concession here, not a negator as in VADER.
    static let negators = [
        "not", "n't", "no", "never", "neither", "nor", "none", "nobody", "nothing", "nowhere",
        "without", "cannot", "lack", "lacks", "lacking", "lacked", "failed to", "fails to", "fail to",
        "refused to", "refuses to", "refuse to", "rarely", "seldom"
    ]

    /// Degree adverbs: > 1 intensifies, < 1 hedges. Values follow VADER's booster increment
    /// (0.293 on a typical valence of about 1.5-2) and are refined by the fitted model.
    static let modifiers: [(String, Float)] = [
        ("absolutely", 1.3), ("completely", 1.3), ("considerably", 1.3), ("deeply", 1.4), ("entirely", 1.3),
        ("especially", 1.2), ("exceptionally", 1.3), ("extremely", 1.4), ("fully", 1.2), ("greatly", 1.3),
        ("highly", 1.3), ("hugely", 1.3), ("incredibly", 1.4), ("intensely", 1.3), ("most", 1.2), ("more", 1.1),
        ("particularly", 1.2), ("really", 1.2), ("remarkably", 1.3), ("so", 1.2), ("substantially", 1.3),
        ("thoroughly", 1.3), ("totally", 1.3), ("tremendously", 1.4), ("utterly", 1.4), ("very", 1.3),
        ("sharply", 1.3), ("strongly", 1.3), ("fiercely", 1.4), ("bitterly", 1.4), ("severely", 1.4),
        ("gravely", 1.4), ("seriously", 1.3), ("vehemently", 1.4), ("harshly", 1.3), ("widely", 1.1),
        ("heavily", 1.3), ("profoundly", 1.4), ("truly", 1.2), ("too", 1.2),
        ("almost", 0.7), ("barely", 0.5), ("hardly", 0.5), ("scarcely", 0.5), ("slightly", 0.5),
        ("somewhat", 0.6), ("partly", 0.6), ("partially", 0.6), ("marginally", 0.5), ("mildly", 0.6),
        ("modestly", 0.6), ("relatively", 0.7), ("fairly", 0.8), ("rather", 0.8), ("a bit", 0.6),
        ("a little", 0.6), ("kind of", 0.6), ("sort of", 0.6), ("less", 0.6), ("little", 0.6),
        ("reportedly", 0.8), ("allegedly", 0.8), ("possibly", 0.8), ("perhaps", 0.8), ("may", 0.9), ("might", 0.9)
    ]

    static let contrasts = ["but", "however", "yet", "nevertheless", "nonetheless"]
    static let concessions = [
        "despite", "in spite of", "although", "though", "even though", "even if", "notwithstanding"
    ]

    /// Verbs that reverse a following negative word: less of a bad thing is good.
    static let reducers = inflect([
        "reduce", "cut", "curb", "prevent", "avoid", "ease", "fight", "combat", "end", "eliminate", "stop", "halt",
        "overcome", "defeat", "eradicate", "lower", "decrease", "tackle", "resolve", "solve", "alleviate", "relieve",
        "fix", "contain", "counter", "deter", "ban", "abolish", "limit", "minimize", "mitigate", "cure", "treat",
        "protect", "protect against", "escape", "survive", "recover from", "rescue"
    ])
    /// Verbs that reverse a following positive word: damage to a good thing is bad.
    static let underminers = inflect([
        "undermine", "erode", "threaten", "jeopardize", "damage", "hurt", "destroy", "lose", "block", "abandon",
        "weaken", "sabotage", "squander", "hinder", "impede", "obstruct", "stifle", "derail", "reverse", "wreck",
        "ruin", "betray", "violate", "breach", "deny", "reject", "oppose", "scuttle", "torpedo", "undercut"
    ])

    /// Forms that regular inflection would produce but that mean something else in news.
    static let falseInflections: Set<String> = [
        "means", "wells", "goods", "arms", "forces", "interests", "fines", "matters",
        "charges", "parties", "shares", "rests", "fits", "troubles", "lied"
    ]

    /// Regular -s, -ed, -ing (and -ly for adjectives) forms of a single word.
    static func inflections(of word: String) -> [String] {
        guard word.utf8.count >= 3, word.utf8.allSatisfy(isASCIILetter),
            !["s", "ed", "ing", "ly"].contains(where: { word.hasSuffix($0) })
        else { return [] }
        var forms: [String]
        if word.hasSuffix("e") {
            let stem = String(word.dropLast())
            forms = [word + "s", word + "d", stem + "ing", word.hasSuffix("le") ? stem + "y" : word + "ly"]
        } else if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) {
            let stem = String(word.dropLast())
            forms = [stem + "ies", stem + "ied", word + "ing", stem + "ily"]
        } else {
            forms = [
                word + (word.hasSuffix("sh") || word.hasSuffix("ch") || word.hasSuffix("x") ? "es" : "s"),
                word + "ed", word + "ing", word + "ly"
            ]
        }
        return forms.filter { !falseInflections.contains($0) }
    }

    /// A verb's common forms ("cut" → cuts, cutting, cutted is harmless) for word lists.
    static func inflect(_ verbs: [String]) -> [String] {
        verbs.flatMap { phrase -> [String] in
            var words = phrase.split(separator: " ").map(String.init)
            let verb = words.removeFirst()
            let rest = words.isEmpty ? "" : " " + words.joined(separator: " ")
            let stem = verb.hasSuffix("e") ? String(verb.dropLast()) : verb
            let irregular: [String: [String]] = [
                "cut": ["cut", "cuts", "cutting"], "lose": ["lose", "loses", "losing", "lost"],
                "stop": ["stop", "stops", "stopped", "stopping"],
                "overcome": ["overcome", "overcomes", "overcame", "overcoming"],
                "ban": ["ban", "bans", "banned", "banning"], "block": ["block", "blocks", "blocked", "blocking"],
                "fight": ["fight", "fights", "fought", "fighting"], "deny": ["deny", "denies", "denied", "denying"],
                "wreck": ["wreck", "wrecks", "wrecked", "wrecking"],
                "scuttle": ["scuttle", "scuttles", "scuttled", "scuttling"]
            ]
            let forms =
                irregular[verb]
                ?? [
                    verb, verb.hasSuffix("s") || verb.hasSuffix("x") ? verb + "es" : verb + "s",
                    stem + (verb.hasSuffix("e") ? "ed" : "ed"), stem + "ing"
                ]
                .map { $0.replacingOccurrences(of: "ys", with: "ies") }
            return forms.map { $0 + rest }
        }
    }

    /// The lexicon of the bundled resources (the compiled entries), without fitted weights.
    static let bundled: SentimentLexicon = {
        do {
            return try SentimentLexicon.compiled()
        } catch {
            // The resources are part of the build; a missing file is a packaging error.
            fatalError("sentiment resources unavailable: \(error)")
        }
    }()

    /// The lexicon of VADER's file and the news vocabulary (``entries(vader:news:)``) with the
    /// fitted weights.
    init(
        vader: String, news: String, weights: [String: Float] = [:],
        classWeights: [String: SIMD3<Float>] = [:]
    ) throws {
        self.init(entries: try Self.entries(vader: vader, news: news), weights: weights, classWeights: classWeights)
    }

    /// The word entries of VADER's file and the news vocabulary: their valences, the regular
    /// inflections of their sentiment words, and the rule words' roles. What
    /// `Resources/sentiment_lexicon.tsv` holds compiled (``CompiledLexicon``).
    static func entries(vader: String, news: String) throws -> [String: WordEntry] {
        var entries: [String: WordEntry] = [:]
        entries.reserveCapacity(32_000)
        func entry(_ key: String) -> WordEntry { entries[key] ?? WordEntry() }
        for (word, valence) in try VaderLexiconFile.parse(vader) {
            // Letters-only words are keys as they are; emoticons and "can't stand" are split the
            // way the tokeniser splits text.
            let key = SentimentLexicon.isLetters(word) ? word : SentimentLexicon.normalize(word)
            if key.isEmpty { continue }
            entries[key] = WordEntry(valence: Float(valence))
        }
        try TabSeparatedLines.forEach(news) { line, fields in
            if line.first == UInt8(ascii: "#") || line.allSatisfy(SentimentLexicon.isBlank) { return }
            let parts = fields.filter { !$0.isEmpty }
            guard parts.count == 2,
                let valence = Float(SentimentLexicon.trimmed(parts[1]))
            else {
                throw AssayError(
                    .modelUnavailable, "news_lexicon.tsv: malformed line '\(String(decoding: line, as: UTF8.self))'")
            }
            for form in parts[0].split(separator: UInt8(ascii: ",")) {
                let key = SentimentLexicon.normalize(String(decoding: form, as: UTF8.self))
                var e = entry(key)
                e.valence = valence
                entries[key] = e
            }
        }
        // Regular inflections of sentiment words that the lists lack ("plague" → "plagues",
        // "plagued", "plaguing"), never overriding an entry of their own.
        // Sorted, so that a form two words could produce ("hoped": "hope", "hop") always goes to
        // the same one, whatever the dictionary's order.
        for key in entries.keys.sorted() {
            guard let e = entries[key], e.valence != 0, e.role == .none else { continue }
            for form in SentimentLexicon.inflections(of: key) where entries[form] == nil {
                entries[form] = WordEntry(valence: e.valence)
            }
        }
        for word in SentimentLexicon.negators {
            var e = entry(word)
            e.role = .negator
            e.valence = 0
            entries[word] = e
        }
        for (word, factor) in SentimentLexicon.modifiers {
            var e = entry(word)
            e.role = .modifier
            e.factor = factor
            e.valence = 0
            entries[word] = e
        }
        // In this order: a word in two lists takes the later list's role.
        let roleLists: [(WordEntry.Role, [String])] = [
            (.reducer, SentimentLexicon.reducers), (.underminer, SentimentLexicon.underminers),
            (.contrast, SentimentLexicon.contrasts), (.concession, SentimentLexicon.concessions)
        ]
        for (role, words) in roleLists {
            for word in words {
                var e = entry(word)
                e.role = role
                entries[word] = e
            }
        }
        return entries
    }

    /// The lexicon of `entries` (``entries(vader:news:)``) with the fitted weights.
    init(entries: [String: WordEntry], weights: [String: Float] = [:], classWeights: [String: SIMD3<Float>] = [:]) {
        self.init(
            sorted: entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, weights: weights,
            classWeights: classWeights)
    }

    /// The lexicon of entries sorted by key (as ``CompiledLexicon`` reads them) with the fitted
    /// weights.
    init(
        sorted: [(key: String, entry: WordEntry)], weights: [String: Float] = [:],
        classWeights: [String: SIMD3<Float>] = [:]
    ) {
        var text: [UInt8] = [], keys: [Range<Int>] = []
        keys.reserveCapacity(sorted.count)
        for (key, _) in sorted {
            let start = text.count
            text += key.utf8
            keys.append(start..<text.count)
        }
        self.init(keyText: text, keys: keys, entries: sorted.map(\.entry), weights: weights, classWeights: classWeights)
    }

    /// The lexicon of the bundled compiled entries (``CompiledLexicon``) with the fitted weights,
    /// read from the file's bytes without a String per entry: this runs at every start.
    static func compiled(weights: [String: Float] = [:], classWeights: [String: SIMD3<Float>] = [:]) throws
        -> SentimentLexicon
    {
        let bytes = try ResourceFile.bytes(CompiledLexicon.resourceName)
        let (keys, entries) = try bytes.withUnsafeBufferPointer { try CompiledLexicon.read($0) }
        return SentimentLexicon(
            keyText: bytes, keys: keys, entries: entries, weights: weights, classWeights: classWeights)
    }

    /// The lexicon of `entries`, whose keys are the ranges `keys` of `keyText`, in the order of
    /// their bytes (which for these keys is the order of their Strings), with the fitted weights.
    ///
    /// The weights' words are found among the keys by bisection: a dictionary of every entry
    /// would cost more to make than the few thousand look-ups. Then each key goes, in order (the
    /// weights' words without an entry last), where the look-ups will ask for it: a word that
    /// packs to ``packedWords`` alone, any other key (a phrase, a long or non-ASCII word) to
    /// ``words``; a key given twice keeps its last entry, as ``Lexicon`` would. Building the core
    /// ``Lexicon`` of every entry took half of the model's loading.
    private init(
        keyText: [UInt8], keys: [Range<Int>], entries sorted: [WordEntry], weights: [String: Float],
        classWeights: [String: SIMD3<Float>]
    ) {
        var entries = sorted
        // Words with weights but no entry of their own.
        var others: [String: WordEntry] = [:]
        var packed = PackedWordTable<PackedLookup>(capacity: entries.count + weights.count)
        var words = Lexicon<WordEntry>()
        var packedEntries = 0
        keyText.withUnsafeBufferPointer { text in
            func update(_ key: String, _ change: (inout WordEntry) -> Void) {
                var key = key
                let found = key.withUTF8 { key -> Int? in
                    var low = 0, high = keys.count
                    while low < high {
                        let middle = (low + high) / 2
                        if text[keys[middle]].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
                    }
                    return low < keys.count && text[keys[low]].elementsEqual(key) ? low : nil
                }
                if let found {
                    change(&entries[found])
                } else {
                    change(&others[key, default: WordEntry()])
                }
            }
            for (key, w) in weights { update(key) { $0.weight = w } }
            for (key, w) in classWeights {
                update(key) { ($0.negativeWeight, $0.neutralWeight, $0.positiveWeight) = (w[0], w[1], w[2]) }
            }
            func add(_ key: UnsafeBufferPointer<UInt8>, _ entry: WordEntry) {
                guard let word = Self.packedSingleWord(key) else {
                    words.insert(String(decoding: key, as: UTF8.self), entry)
                    return
                }
                var lookup = packed[word] ?? PackedLookup()
                if lookup.entry == nil { packedEntries += 1 }
                lookup.entry = entry
                packed.set(lookup, for: word)
            }
            for (key, entry) in zip(keys, entries) { add(UnsafeBufferPointer(rebasing: text[key]), entry) }
            for (key, entry) in others {
                var key = key
                key.withUTF8 { add($0, entry) }
            }
        }
        for phrase in words.wordsOfPhrases {
            for (k, part) in [(0, PhraseParts.first), (1, .second)] {
                guard let word = PackedWord(phrase[k]) else { continue }
                var lookup = packed[word] ?? PackedLookup()
                lookup.parts.insert(part)
                packed.set(lookup, for: word)
            }
        }
        self.words = words
        self.packedWords = packed
        self.count = packedEntries + words.count
    }

    /// The number of entries (words and phrases).
    let count: Int

    /// The entry of a word or phrase (lowercase, words joined by single spaces).
    subscript(key: String) -> WordEntry? {
        var key = key
        guard let word = key.withUTF8(Self.packedSingleWord) else { return words[key] }
        return packedWords[word]?.entry
    }

    /// The packed form of a key that ``Lexicon`` takes for one word (no other word between its
    /// spaces), nil for a phrase or a word that does not pack. On the key's bytes in one pass:
    /// this runs for every entry at startup.
    private static func packedSingleWord(_ bytes: UnsafeBufferPointer<UInt8>) -> PackedWord? {
        var word: Span?
        var k = 0
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: " ") {
                k += 1
                continue
            }
            guard word == nil else { return nil }
            let start = k
            while k < bytes.count, bytes[k] != UInt8(ascii: " ") { k += 1 }
            word = Span(start, k)
        }
        return word.flatMap { PackedWord(lowercasing: bytes, $0) }
    }

    /// Whether a word is letters only (checked on bytes for ASCII: this runs for every entry at
    /// startup).
    static func isLetters(_ word: String) -> Bool {
        word.utf8.allSatisfy(isASCIILetter) || word.allSatisfy(\.isLetter)
    }

    /// A space or tab: what may stand around a news lexicon line's fields.
    private static func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }

    /// A field's text without the blanks around it.
    private static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> String {
        var text = field[...]
        while let b = text.first, isBlank(b) { text = text.dropFirst() }
        while let b = text.last, isBlank(b) { text = text.dropLast() }
        return String(decoding: text, as: UTF8.self)
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    /// Lowercases and splits clitics the way the core tokeniser does, so that a phrase written
    /// "didn't agree" matches the tokens "did", "n't", "agree".
    static func normalize(_ phrase: String) -> String {
        let tokens = Tokenizer().tokenize(phrase)
        let utf8 = Array(phrase.utf8)
        return tokens.map { String(decoding: utf8[$0.span.start..<$0.span.end], as: UTF8.self).lowercased() }
            .joined(separator: " ")
    }
}

/// Reads VADER's lexicon format: `token<TAB>mean<TAB>sd<TAB>[ratings]`.
enum VaderLexiconFile {
    static func parse(_ text: String) throws -> [(String, Double)] {
        var out: [(String, Double)] = []
        out.reserveCapacity(7600)
        try TabSeparatedLines.forEach(text) { line, fields in
            guard fields.count >= 2, let v = Double(String(decoding: fields[1], as: UTF8.self)) else {
                throw AssayError(
                    .modelUnavailable,
                    "vader_lexicon.txt: malformed line '\(String(decoding: line.prefix(60), as: UTF8.self))'")
            }
            out.append((String(decoding: fields[0], as: UTF8.self), v))
        }
        return out
    }
}

/// Bundled resource files of the plugin.
enum ResourceFile {
    static func url(_ name: String) throws -> URL {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if let url = Bundle.module.url(
            forResource: parts[0], withExtension: parts.count > 1 ? parts[1] : nil,
            subdirectory: "Resources")
        {
            return url
        }
        if let url = Bundle.module.url(forResource: parts[0], withExtension: parts.count > 1 ? parts[1] : nil) {
            return url
        }
        throw AssayError(.modelUnavailable, "sentiment resource '\(name)' is missing from the bundle")
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }
}
