import AssayCore

/// What the quote extractor knows about words beyond their word classes (``QuoteWord``): the
/// speech verbs in all their forms with what each lemma allows, the pronouns, and the synonyms
/// of each role noun. The lemma lists below are the verb table's inputs, read once when it is
/// built; tokens are asked about through ``QuoteWord/speechVerbForm`` and ``verbFormIndex``.
///
/// Kept as code rather than a resource: the lists are small, and typed entries (a verb's lemma,
/// whether it can introduce a that-clause) are clearer here than in a text format.
enum SpeechLexicon {
    /// What a speech verb allows.
    struct Verb: Sendable {
        /// The dictionary form (`say` for `said`).
        var lemma: String
        /// Whether it reports content (`noted that ...`), so it can frame indirect speech.
        var reportsContent: Bool
        /// Whether its object is the listener (`told reporters`), so the word after it is never
        /// the speaker of an inverted attribution.
        var takesListener: Bool
        /// Whether it is a `-ing` or `-ed` participle form that hangs off a main clause
        /// (`..., saying` / `..., calling`): its speaker is the clause's subject.
        var isParticiple: Bool
        /// Whether it never inverts (`"…," told reporters`): the word after it is the listener.
        var neverInverts: Bool
        /// Whether it attributes a line of speech printed without marks ("Putin said."); others
        /// ("She agreed.", "He denied.") report an act more often than the line before.
        var attributesUnmarkedSpeech: Bool
    }

    /// Verbs that report what someone said; the first column reports content.
    private static let reporting: [String] = [
        "say", "state", "note", "emphasize", "emphasise", "warn", "add", "tell", "insist", "argue",
        "acknowledge", "write", "tweet", "explain", "claim", "declare", "announce", "assert", "stress",
        "remark", "reply", "respond", "admit", "comment", "observe", "recall", "suggest", "concede",
        "complain", "report", "confirm", "deny", "promise", "pledge", "vow", "predict", "caution",
        "contend", "maintain", "mention", "reiterate", "agree", "conclude", "answer", "post", "testify",
        "recount", "boast", "lament", "proclaim", "exclaim", "muse", "allege", "assure", "inform",
        "estimate", "underline", "underscore", "highlight", "point", "signal", "indicate", "affirm",
        "reaffirm", "counter", "retort", "continue", "urge", "demand", "put"
    ]
    /// Verbs that frame a quotation without reporting a clause (`called the pact "a fresh engine"`).
    private static let framing: [String] = [
        "call", "describe", "sigh", "ask", "shout", "whisper", "quip", "joke", "laugh", "scoff",
        "sing", "praise", "hail", "criticize", "criticise", "condemn", "denounce", "dub", "term",
        "label", "echo", "interject", "welcome", "thank", "blast", "slam", "mock", "cry", "yell",
        "plead", "question", "wonder", "snap", "chant", "brand", "characterize", "characterise",
        "tout", "invite", "greet", "read"
    ]
    /// Irregular forms: lemma -> [forms].
    private static let irregular: [String: [String]] = [
        "say": ["say", "says", "said", "saying"],
        "put": ["put", "puts", "putting"],
        "tell": ["tell", "tells", "told", "telling"],
        "write": ["write", "writes", "wrote", "written", "writing"],
        "sing": ["sing", "sings", "sang", "sung", "singing"],
        "cry": ["cry", "cries", "cried", "crying"],
        "reply": ["reply", "replies", "replied", "replying"],
        "deny": ["deny", "denies", "denied", "denying"],
        "testify": ["testify", "testifies", "testified", "testifying"],
        "admit": ["admit", "admits", "admitted", "admitting"],
        "quip": ["quip", "quips", "quipped", "quipping"],
        "dub": ["dub", "dubs", "dubbed", "dubbing"],
        "slam": ["slam", "slams", "slammed", "slamming"],
        "snap": ["snap", "snaps", "snapped", "snapping"],
        "plead": ["plead", "pleads", "pleaded", "pled", "pleading"],
        "underline": ["underline", "underlines", "underlined", "underlining"],
        "underscore": ["underscore", "underscores", "underscored", "underscoring"],
        "yell": ["yell", "yells", "yelled", "yelling"],
        // "the letter reads": only the present form, and only after a document (below).
        "read": ["reads"]
    ]
    /// Lemmas whose object is the listener.
    private static let listenerVerbs: Set<String> = [
        "tell", "assure", "inform", "urge", "ask", "thank", "invite", "warn", "greet"
    ]
    /// Reporting lemmas that cannot take a bare that-less clause or are too vague for indirect speech.
    private static let noIndirect: Set<String> = [
        "continue", "point", "signal", "urge", "demand", "post", "highlight",
        "underline", "underscore", "reaffirm", "promise", "pledge", "vow",
        "recount", "estimate", "indicate", "inform", "assure"
    ]

    /// Lemmas that never invert.
    private static let nonInvertingVerbs: Set<String> = ["tell", "inform", "assure"]

    /// Lemmas that attribute a line of speech printed without marks.
    private static let unmarkedSpeechVerbs: Set<String> = [
        "say", "add", "state", "note", "write", "tell", "stress", "emphasize", "emphasise", "explain", "declare",
        "conclude", "continue", "remark", "insist", "argue", "warn", "underline", "underscore"
    ]

    /// Lemmas whose base form counts as a verb (others are too often nouns: "state", "note").
    private static let baseFormAllowed: Set<String> = [
        "say", "put", "argue", "warn", "insist", "add", "tell", "write", "explain", "agree", "admit", "acknowledge",
        "contend", "suggest", "predict", "emphasize", "emphasise", "stress", "ask", "caution", "conclude",
        "concede", "complain", "assert", "declare", "urge", "describe", "deny", "confirm", "reply"
    ]

    /// Inflected forms that are far more often plural nouns ("opening remarks", "calls for").
    private static let nounForms: Set<String> = [
        "calls", "answers", "promises", "pledges", "echoes", "signals",
        "points", "questions", "demands", "counters", "labels", "terms", "statements",
        "jokes", "laughs", "cries", "welcomes", "thanks", "invites", "brands", "slams", "snaps"
    ]

    /// Forms whose everyday sense is not speech ("in countering the threat").
    private static let otherSenses: Set<String> = ["countering", "pointing", "signalling", "signaling"]

    /// Forms that are verbs only right after their subject ("The Post reports", "he notes");
    /// elsewhere they are nouns ("despite reports", "in his notes").
    private static let verbAfterSubjectOnly: Set<String> = [
        "reports", "notes", "tweets", "remarks", "comments", "posts"
    ]

    /// Forms that are speech verbs only right after a document noun ("the letter reads", "the
    /// sign reads"); after a person they mean reading ("she reads the news").
    private static let verbAfterDocumentOnly: Set<String> = ["reads"]

    /// Every inflected form -> its verb.
    static let verbs: [String: Verb] = {
        var out: [String: Verb] = [:]
        func add(_ lemma: String, reports: Bool) {
            let forms = irregular[lemma] ?? regularForms(lemma)
            for f in forms {
                // A bare base form is often a noun ("the state", "a note"); only verbs rarely
                // used as nouns keep it ("officials say", "critics argue").
                if f == lemma, !baseFormAllowed.contains(lemma) { continue }
                if nounForms.contains(f) || otherSenses.contains(f) { continue }
                let participle = f.hasSuffix("ing")
                let v = Verb(
                    lemma: lemma, reportsContent: reports && !noIndirect.contains(lemma),
                    takesListener: listenerVerbs.contains(lemma), isParticiple: participle,
                    neverInverts: nonInvertingVerbs.contains(lemma),
                    attributesUnmarkedSpeech: unmarkedSpeechVerbs.contains(lemma))
                if out[f] == nil { out[f] = v }
            }
        }
        for l in reporting { add(l, reports: true) }
        for l in framing { add(l, reports: false) }
        return out
    }()

    /// One inflected form of a speech verb with what the verb table needs to know about it,
    /// worked out once rather than for every occurrence in every document.
    struct VerbForm: Sendable {
        var verb: Verb
        /// The form as a lower-case word ("said").
        var text: String
        /// The particle it needs ("out" for "pointed"), "" when it needs a colon or comma after
        /// it instead, nil when it stands alone (see ``needsParticle``).
        var particle: String?
        /// The cue's text with its particle ("pointed out").
        var textWithParticle: String
        /// See ``verbAfterDocumentOnly`` and ``verbAfterSubjectOnly``.
        var afterDocumentOnly: Bool
        var afterSubjectOnly: Bool
    }

    /// The forms of ``verbs`` with what the verb table needs to know about each, worked out
    /// once; ``verbFormIndex`` and ``verbCues`` are indexed like it.
    static let verbFormList: [VerbForm] = verbs.map { form, verb in
        let particle = needsParticle[verb.lemma]
        return VerbForm(
            verb: verb, text: form, particle: particle,
            textWithParticle: particle.map { $0.isEmpty ? form : form + " " + $0 } ?? form,
            afterDocumentOnly: verbAfterDocumentOnly.contains(form),
            afterSubjectOnly: verbAfterSubjectOnly.contains(form))
    }

    /// The index in ``verbFormList`` of each form, asked per token type (the tokens that are
    /// ``QuoteWord/speechVerbForm`` words).
    static let verbFormIndex = Lexicon(verbFormList.enumerated().map { ($1.text, $0) })

    /// The cues a verb form gives, two per form (index `2 * form`, plus one with its particle):
    /// the per-document verb table stores these indices, so it copies no Strings.
    static let verbCues: [(verb: Verb, text: String, length: Int)] = verbFormList.flatMap { form in
        [(form.verb, form.text, 1), (form.verb, form.textWithParticle, 2)]
    }

    /// base, -s, -ed, -ing for a regular verb.
    private static func regularForms(_ base: String) -> [String] {
        if base.hasSuffix("e") {
            let stem = String(base.dropLast())
            return [base, base + "s", base + "d", stem + "ing"]
        }
        if base.hasSuffix("y"), let before = base.dropLast().last, !"aeiou".contains(before) {
            let stem = String(base.dropLast())
            return [base, stem + "ies", stem + "ied", base + "ing"]
        }
        if base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("s") || base.hasSuffix("x") {
            return [base, base + "es", base + "ed", base + "ing"]
        }
        return [base, base + "s", base + "ed", base + "ing"]
    }

    /// Speech verbs in their present or past forms (not participles) that are too common as other
    /// words to count without support: "post", "point" (only "pointed out"), "continue".
    static let needsParticle: [String: String] = ["point": "out", "post": "", "continue": "", "put": "it"]

    /// Personal pronouns a speaker can be.
    enum Pronoun { case male, female, plural, firstPerson, neuter }

    /// The pronoun a word of these ``QuoteWord`` classes is, if any.
    static func pronoun(ofClasses c: UInt64) -> Pronoun? {
        typealias W = WordClasses<QuoteWord>
        if c & W.bit(.malePronoun) != 0 { return .male }
        if c & W.bit(.femalePronoun) != 0 { return .female }
        if c & W.bit(.pluralPronoun) != 0 { return .plural }
        if c & W.bit(.firstPersonPronoun) != 0 { return .firstPerson }
        if c & W.bit(.neuterPronoun) != 0 { return .neuter }
        return nil
    }

    /// Whether `word` is a pronoun a speaker can be, ignoring case.
    static func isPronoun(_ word: String) -> Bool { pronoun(ofClasses: QuoteWord.classes.classes(of: word)) != nil }

    /// Nouns that name a speaker's role: a description made of these ("the spokesperson", "the
    /// Chinese leader") can be resolved to a person the document introduces with that role.
    static let roleNouns: [String: [String]] = [
        "leader": ["leader", "president", "premier", "chancellor", "prime", "chair", "chairman", "king", "head"],
        "president": ["president"],
        "premier": ["premier"],
        "chancellor": ["chancellor"],
        "minister": ["minister"],
        "spokesperson": ["spokesperson", "spokesman", "spokeswoman"],
        "spokesman": ["spokesperson", "spokesman", "spokeswoman"],
        "spokeswoman": ["spokesperson", "spokesman", "spokeswoman"],
        "secretary": ["secretary"],
        "senator": ["senator", "sen."],
        "governor": ["governor", "gov."],
        "mayor": ["mayor"],
        "commissioner": ["commissioner"],
        "chairman": ["chairman", "chair"],
        "chair": ["chair", "chairman", "chairwoman"],
        "ambassador": ["ambassador"],
        "director": ["director"],
        "candidate": ["candidate", "nominee"],
        "nominee": ["nominee", "candidate"],
        "ceo": ["ceo", "executive"],
        "executive": ["ceo", "executive"],
        "judge": ["judge", "justice"],
        "pope": ["pope"],
        "king": ["king"],
        "queen": ["queen"],
        "general": ["general", "gen.", "commander"],
        "commander": ["commander", "general", "gen."],
        "host": ["host"],
        "pollster": ["pollster"],
        "official": ["official"],
        "diplomat": ["diplomat", "ambassador", "minister"],
        "coach": ["coach", "manager"],
        "manager": ["manager", "coach"],
        "lawmaker": ["lawmaker", "senator", "representative", "congressman", "congresswoman", "mp"],
        "founder": ["founder"],
        "economist": ["economist"],
        "analyst": ["analyst"]
    ]
}
