import AssayCore

/// The words the quote extractor recognises: speech verbs in all their forms, pronouns, titles
/// and the nouns that describe speakers or documents that "speak" (a readout, a statement).
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
    static let verbAfterSubjectOnly: Set<String> = ["reports", "notes", "tweets", "remarks", "comments", "posts"]

    /// Forms that are speech verbs only right after a document noun ("the letter reads", "the
    /// sign reads"); after a person they mean reading ("she reads the news").
    static let verbAfterDocumentOnly: Set<String> = ["reads"]

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
                    takesListener: listenerVerbs.contains(lemma), isParticiple: participle)
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
    /// once; ``verbForms`` and ``verbCues`` are indexed like it.
    static let verbFormList: [VerbForm] = verbs.map { form, verb in
        let particle = needsParticle[verb.lemma]
        return VerbForm(
            verb: verb, text: form, particle: particle,
            textWithParticle: particle.map { $0.isEmpty ? form : form + " " + $0 } ?? form,
            afterDocumentOnly: verbAfterDocumentOnly.contains(form),
            afterSubjectOnly: verbAfterSubjectOnly.contains(form))
    }

    /// The same forms, matched against a token's bytes in place: the quote extractor asks about
    /// most tokens of a document, and a `Dictionary` look-up would build a lowercased String
    /// for each.
    static let verbForms = SingleWordList(verbFormList.map(\.text))

    /// The cues a verb form gives, two per form (index `2 * form`, plus one with its particle):
    /// the per-document verb table stores these indices, so it copies no Strings.
    static let verbCues: [(verb: Verb, text: String, length: Int)] = verbFormList.flatMap { form in
        [(form.verb, form.text, 1), (form.verb, form.textWithParticle, 2)]
    }

    /// ``determiners`` matched against a token's bytes in place (asked before every speech verb).
    static let determinerList = SingleWordList(Array(determiners))

    /// Which two-letter beginnings any verb form has (26 x 26, lower-case ASCII): a cheap test
    /// that rules out most words before a dictionary look-up.
    static let verbPrefixes: [Bool] = {
        var table = [Bool](repeating: false, count: 26 * 26)
        for form in verbs.keys {
            let b = Array(form.utf8)
            guard b.count >= 2, (97...122).contains(b[0]), (97...122).contains(b[1]) else { continue }
            table[Int(b[0] - 97) * 26 + Int(b[1] - 97)] = true
        }
        return table
    }()

    /// Which three-letter beginnings any verb form has (26 x 26 x 26, lower-case ASCII): the
    /// two-letter test lets through "the", "that", "and", "was"; this one rules them out. An
    /// entry is 0 for none, else an index into ``verbEndings``.
    static let verbPrefixes3: [UInt8] = verbBeginningsAndEndings.index

    /// For each three-letter beginning in ``verbPrefixes3``, the last letters its forms have (bit
    /// 0 for "a"): "that" begins like "thanked" but ends like none of "thank"'s forms.
    static let verbEndings: [UInt32] = verbBeginningsAndEndings.endings

    /// The shape of a word for ``verbShapes``: its first two bytes as written, its third and
    /// last with the ASCII lower-case bit set (so "saiD" has the shape of "said").
    @inline(__always)
    static func verbShapeBit(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ last: UInt8) -> (word: Int, bit: UInt64) {
        let key = UInt32(b0) | UInt32(b1) << 8 | UInt32(b2 | 0x20) << 16 | UInt32(last | 0x20) << 24
        let h = Int((key &* 0x9E37_79B1) >> 16)
        return (h >> 6, 1 << UInt64(h & 63))
    }

    /// A bit per hashed shape (see ``verbShapeBit(_:_:_:_:)``) of any verb form of three or more
    /// letters: one load and a test rule out nearly every word, where the beginning and ending
    /// tables below take several. It lets through every word those tables let through (they
    /// read the same four bytes, and a word they pass has a verb form's shape), and some others
    /// that share a hash; those tables then decide.
    static let verbShapes: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        for form in verbs.keys {
            let b = Array(form.utf8)
            guard b.count >= 3 else { continue }
            let (word, bit) = verbShapeBit(b[0], b[1], b[2], b[b.count - 1])
            bits[word] |= bit
        }
        return bits
    }()

    private static let verbBeginningsAndEndings: (index: [UInt8], endings: [UInt32]) = {
        var index = [UInt8](repeating: 0, count: 26 * 26 * 26)
        var endings: [UInt32] = [0]
        for form in verbs.keys.sorted() {
            let b = Array(form.utf8)
            guard b.count >= 3, b.allSatisfy({ (97...122).contains($0) }) else { continue }
            let slot = (Int(b[0] - 97) * 26 + Int(b[1] - 97)) * 26 + Int(b[2] - 97)
            if index[slot] == 0 {
                precondition(endings.count < 256, "too many verb beginnings for a byte index")
                index[slot] = UInt8(endings.count)
                endings.append(0)
            }
            endings[Int(index[slot])] |= 1 << UInt32(b[b.count - 1] - 97)
        }
        return (index, endings)
    }()

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

    /// Personal pronouns a speaker can be: the value says whether it is singular.
    static let pronouns: [String: Pronoun] = [
        "he": .male, "she": .female, "they": .plural, "we": .plural, "i": .firstPerson, "it": .neuter,
        "him": .male, "her": .female
    ]
    enum Pronoun { case male, female, plural, firstPerson, neuter }

    /// Titles and roles that precede a name ("President Xi Jinping", "Commissioner Jane Doe").
    static let titles: Set<String> = [
        "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "senator", "sen.",
        "rep.", "representative", "gov.", "governor", "mayor", "commissioner", "chairman", "chairwoman",
        "chair", "spokesperson", "spokesman", "spokeswoman", "director", "ceo", "chief", "general", "gen.",
        "mr.", "mrs.", "ms.", "dr.", "prof.", "professor", "king", "queen", "prince", "princess", "pope",
        "judge", "justice", "ambassador", "leader", "deputy", "foreign", "defense", "defence", "interior",
        "finance", "state", "attorney", "sheriff", "officer", "commander", "admiral", "adm.", "col.",
        "colonel", "lt.", "captain", "capt.", "sgt.", "sergeant", "lord", "lady", "sir", "dame", "speaker",
        "founder", "executive", "economist", "analyst", "coach", "host", "anchor", "reporter", "editor",
        "candidate", "nominee", "pastor", "rev.", "father", "bishop", "cardinal", "rabbi", "imam", "sheikh",
        "emir", "sultan", "chairperson", "treasurer", "mp", "lawmaker", "congressman", "congresswoman",
        "councillor", "councilman", "councilwoman", "former", "acting", "then", "first", "head", "boss",
        "manager", "inspector", "superintendent", "detective", "det.", "supt.", "insp.", "hon."
    ]

    /// ``titles`` matched over a token's bytes in place.
    static let titleList = SingleWordList(Array(titles))

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

    /// Nouns for things that carry an organisation's words ("a Kremlin readout", "a White House
    /// statement"): the speaker is the organisation that modifies them.
    static let documentNouns: Set<String> = [
        "readout", "statement", "report", "communique", "communiqué", "release", "transcript", "memo",
        "letter", "spokesperson", "spokesman", "spokeswoman", "official", "officials", "source", "sources",
        "note", "tweet", "post", "filing", "announcement", "briefing", "website", "account", "notice",
        "ad", "advertisement", "commercial", "spot", "video", "narrator", "sign", "banner", "editorial",
        "op-ed", "petition", "resolution", "complaint", "lawsuit", "email", "message", "mailer"
    ]

    /// Generic nouns a story uses for an organisation it has named ("the company").
    static let organisationNouns: Set<String> = [
        "company", "firm", "utility", "agency", "bank", "ministry", "department", "party", "union", "campaign",
        "committee", "council", "network", "newspaper", "airline", "carrier", "retailer", "automaker", "insurer",
        "group", "organisation", "organization", "charity", "university", "club", "league", "studio", "publisher",
        "office", "commission", "administration", "board", "team", "panel"
    ]

    /// Nouns for a crowd or a group of people who may be quoted together ("the crowd chanted",
    /// "critics called it"): a speaker, but never one name.
    static let crowdNouns: Set<String> = [
        "crowd", "crowds", "audience", "critics", "supporters", "protesters", "demonstrators", "attendees", "fans",
        "opponents", "delegates", "respondents", "activists", "advocates", "residents", "observers"
    ]

    /// Nouns for things someone says, whose owner a possessive names: "Trump’s claim that there
    /// have been “…”", "Clinton’s remark that …" quote the owner.
    static let utteranceNouns: Set<String> = [
        "claim", "claims", "remark", "remarks", "statement", "statements", "comment", "comments", "assertion",
        "insistence", "argument", "suggestion", "warning", "promise", "pledge", "vow", "boast", "charge",
        "accusation", "allegation", "admission", "prediction", "contention", "declaration", "complaint",
        "observation", "answer", "response", "reply", "quip", "joke", "words", "message", "tweet", "post"
    ]

    /// ``utteranceNouns`` matched over a token's bytes in place (every token before a quote is tried).
    static let utteranceNounList = SingleWordList(Array(utteranceNouns))

    /// Words that may sit between a subject and its verb ("Xi also said", "he has repeatedly argued").
    static let adverbsAndAuxiliaries: Set<String> = [
        "also", "then", "later", "again", "once", "has", "had", "have", "would", "will", "did", "does",
        "do", "may", "might", "could", "should", "can", "previously", "earlier", "further", "still", "even",
        "just", "recently", "often", "repeatedly", "publicly", "reportedly", "allegedly", "similarly",
        "separately", "subsequently", "simply", "only", "frequently", "always", "never", "not", "quickly",
        "firmly", "strongly", "openly", "bluntly", "candidly", "told", "is", "was", "were", "are", "been"
    ]

    /// Words that end a speaker phrase after an inverted verb ("said Putin on Tuesday").
    static let phraseBreakers: Set<String> = [
        "on", "in", "at", "during", "after", "before", "while", "when", "as", "to", "for", "from", "with",
        "about", "of", "that", "according", "adding", "speaking", "noting", "referring", "and", "but",
        "who", "which", "whose", "where", "because", "since", "though", "although", "if", "by", "through",
        "told", "last", "this", "yesterday", "today", "tonight", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "earlier", "later", "afterwards", "recently", "then",
        "again", "also", "once", "repeatedly"
    ]

    /// Words that make a quoted fragment a name or a term when they introduce it (`the "new era"`).
    static let determiners: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those",
        "so-called", "what", "some", "any", "such"
    ]

    /// Words that introduce a speaker after `according to` that are not a speaker themselves.
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tonight", "tomorrow"
    ]
}
