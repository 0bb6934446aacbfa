import AssayCore

/// The single-word lists the quote extractor asks tokens about, declared once as word classes:
/// per document, ``TokenReader`` holds each token's classes, so "is this a title?" is an array
/// read and a bit test. Matched ignoring case, as the lowercased token.
///
/// Building the declaration rejects a word listed twice in a class and an entry of more than
/// one word (`QuoteWordTests` builds it). Payload tables keyed by a lemma (a verb's forms, a
/// role's synonyms) stay in ``SpeechLexicon``.
enum QuoteWord: Int, CaseIterable, Sendable {
    /// Titles and roles that precede a name ("President Xi Jinping", "Commissioner Jane Doe").
    case title
    /// Words that make a quoted fragment a name or a term when they introduce it (`the "new era"`).
    case determiner
    /// "a", "an": an apposition or a new, unnamed person ("a spokeswoman").
    case indefiniteArticle
    /// The prepositions of ``FunctionWords/prepositions``.
    case preposition
    /// Conjunctions, as neighbours of a speaker candidate.
    case conjunction
    /// A conjunction before a verb: its subject is the clause's, not a phrase before it.
    case clauseConjunction
    /// Words that end a subject phrase when read backwards from a verb.
    case stopWord
    /// Words that end a speaker phrase after an inverted verb ("said Putin on Tuesday").
    case phraseBreaker
    /// Words that may sit between a subject and its verb ("Xi also said", "he has repeatedly argued").
    case adverbOrAuxiliary
    /// Words that open an introductory phrase before a sentence's subject.
    case introducer
    /// Words that may open the clause after a quote before its speech verb ("and then said").
    case clauseOpener
    /// Prepositions that open a phrase after a quote which is no subject ("during opening remarks").
    case clausePreposition
    /// Pronouns a speaker can be, by what they refer to.
    case malePronoun
    case femalePronoun
    case pluralPronoun
    case firstPersonPronoun
    case neuterPronoun
    /// The pronouns that may open a clause as its subject.
    case subjectPronoun
    /// The forms that carry on a reference to a man or a woman ("On Wednesday, he told a crowd").
    case maleReference
    case femaleReference
    /// A line in the speaker's own voice.
    case firstPersonWord
    /// Titles that tell a man or a woman.
    case maleTitle
    case femaleTitle
    /// Common first names by gender (``FirstNames``).
    case femaleName
    case maleName
    /// Particles inside a capitalised name ("Charles de Gaulle", "Osama bin Laden").
    case nameParticle
    /// Nouns that name a speaker's role (the keys of ``SpeechLexicon/roleNouns``).
    case roleNoun
    /// Nouns for things that carry an organisation's words ("a Kremlin readout", "a White House statement").
    case documentNoun
    /// Nouns for one kind of campaign material: "the spot" may refer back to "a new ad".
    case adNoun
    /// Generic nouns a story uses for an organisation it has named ("the company").
    case organisationNoun
    /// Nouns for a crowd or a group of people who may be quoted together ("the crowd chanted").
    case crowdNoun
    /// "sources at the commission said": unnamed people, not the organisation's voice.
    case sourceNoun
    /// Words for the people of an organisation ("officials at X", "a spokeswoman for X").
    case memberNoun
    /// Words for whom a person works for, between that person and the one who does ("Obama
    /// consultant Cornell Belcher", "Trump campaign adviser Sam Clovis").
    case affiliationNoun
    /// The prepositions that tie a member noun to its organisation.
    case memberPreposition
    /// The prepositions after a document noun that name its owner ("a statement from the ministry").
    case documentPreposition
    /// Lower-case words inside an organisation's name ("Commission on Presidential Debates").
    case nameConnector
    /// Words that make a subject several people ("both", "officials").
    case pluralWord
    /// Nouns for things someone says, whose owner a possessive names ("Trump’s claim that …").
    case utteranceNoun
    /// Every inflected form of a speech verb (``SpeechLexicon/verbs``).
    case speechVerbForm
    /// Small words that do not break title case ("Power of Siberia", "War and Peace").
    case minorWord
    /// Words after "said" that do not start a reported clause.
    case notClauseStart
    /// Words of the labels outlets put before a headline or paragraph, never a speaker's name.
    case sectionLabel
    /// Networks an outlet's footer points to ("Follow Pam Key on Twitter").
    case socialNetwork
    /// The possessive the tokeniser splits off.
    case possessiveMarker
    /// Words an apostrophe opens ('em, 'n', 'til): the apostrophe is no quote mark.
    case elision
    /// Days and months ("A report published Wednesday said"), which the tagger sometimes takes
    /// for a person or an organisation: never a speaker on their own. "May", "Jan" and "Jun" are
    /// left out, being names too.
    case calendarName
}

extension QuoteWord {
    /// The classes, built once.
    static let classes: WordClasses<QuoteWord> = {
        do {
            return try WordClasses(lists)
        } catch {
            preconditionFailure("the quote word lists are malformed: \(error)")
        }
    }()

    /// The words of every class.
    static let lists: [QuoteWord: [String]] = [
        .title: [
            "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "senator", "sen.",
            "rep.", "representative", "gov.", "governor", "mayor", "commissioner", "chairman", "chairwoman", "chair",
            "spokesperson", "spokesman", "spokeswoman", "director", "ceo", "chief", "general", "gen.", "mr.", "mrs.",
            "ms.", "dr.", "prof.", "professor", "king", "queen", "prince", "princess", "pope", "judge", "justice",
            "ambassador", "leader", "deputy", "foreign", "defense", "defence", "interior", "finance", "state",
            "attorney", "sheriff", "officer", "commander", "admiral", "adm.", "col.", "colonel", "lt.", "captain",
            "capt.", "sgt.", "sergeant", "lord", "lady", "sir", "dame", "speaker", "founder", "executive",
            "economist", "analyst", "coach", "host", "anchor", "reporter", "editor", "candidate", "nominee",
            "pastor", "rev.", "father", "bishop", "cardinal", "rabbi", "imam", "sheikh", "emir", "sultan",
            "chairperson", "treasurer", "mp", "lawmaker", "congressman", "congresswoman", "councillor", "councilman",
            "councilwoman", "former", "acting", "then", "first", "head", "boss", "manager", "inspector",
            "superintendent", "detective", "det.", "supt.", "insp.", "hon."
        ],
        .determiner: [
            "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those",
            "so-called", "what", "some", "any", "such"
        ],
        .indefiniteArticle: [
            "a", "an"
        ],
        .preposition: FunctionWords.prepositions.sorted(),
        .conjunction: [
            "and", "or", "but", "nor"
        ],
        .clauseConjunction: [
            "and", "but", "or", "then"
        ],
        .stopWord: [
            "that", "who", "which", "what", "and", "but", "or", "when", "while", "as", "if", "because", "after",
            "before", "where", "whom", "whose", "than", "so", "though", "although", "since", "until", "unless"
        ],
        .phraseBreaker: [
            "on", "in", "at", "during", "after", "before", "while", "when", "as", "to", "for", "from", "with",
            "about", "of", "that", "according", "adding", "speaking", "noting", "referring", "and", "but", "who",
            "which", "whose", "where", "because", "since", "though", "although", "if", "by", "through", "told",
            "last", "this", "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "earlier", "later", "afterwards", "recently", "then", "again", "also", "once",
            "repeatedly"
        ],
        .adverbOrAuxiliary: [
            "also", "then", "later", "again", "once", "has", "had", "have", "would", "will", "did", "does", "do",
            "may", "might", "could", "should", "can", "previously", "earlier", "further", "still", "even", "just",
            "recently", "often", "repeatedly", "publicly", "reportedly", "allegedly", "similarly", "separately",
            "subsequently", "simply", "only", "frequently", "always", "never", "not", "quickly", "firmly",
            "strongly", "openly", "bluntly", "candidly", "told", "is", "was", "were", "are", "been"
        ],
        .introducer: [
            "in", "on", "at", "during", "after", "before", "earlier", "later", "ahead", "despite", "following",
            "while", "as", "with", "against", "amid", "amidst", "meanwhile", "however", "still", "speaking", "asked",
            "addressing", "over", "since", "when", "under", "for", "from", "according", "then", "but", "and", "yet",
            "also", "separately", "similarly", "instead", "last", "this", "next", "now", "today", "yesterday",
            "additionally", "moreover", "furthermore", "by", "writing", "responding", "if", "once", "although",
            "though", "because", "to", "unlike", "like", "besides"
        ],
        .clauseOpener: [
            "and", "but", "then", "later", "also", "earlier", "so", "yet"
        ],
        .clausePreposition: [
            "during", "in", "on", "to", "with", "after", "before", "while", "into", "when", "as"
        ],
        .malePronoun: [
            "he", "him"
        ],
        .femalePronoun: [
            "she", "her"
        ],
        .pluralPronoun: [
            "they", "we"
        ],
        .firstPersonPronoun: [
            "i"
        ],
        .neuterPronoun: [
            "it"
        ],
        .subjectPronoun: [
            "he", "she", "they", "we", "i", "it"
        ],
        .maleReference: [
            "he", "him", "his"
        ],
        .femaleReference: [
            "she", "her", "hers"
        ],
        .firstPersonWord: [
            "i", "we", "my", "our", "us", "me"
        ],
        .maleTitle: [
            "mr.", "mr", "sir", "king", "prince", "lord", "father"
        ],
        .femaleTitle: [
            "mrs.", "ms.", "mrs", "ms", "madam", "queen", "princess", "lady", "dame"
        ],
        .femaleName: FirstNames.female,
        .maleName: FirstNames.male,
        .nameParticle: [
            "de", "van", "von", "bin", "al"
        ],
        .roleNoun: SpeechLexicon.roleNouns.keys.sorted(),
        .documentNoun: [
            "readout", "statement", "report", "communique", "communiqué", "release", "transcript", "memo", "letter",
            "spokesperson", "spokesman", "spokeswoman", "official", "officials", "source", "sources", "note",
            "tweet", "post", "filing", "announcement", "briefing", "website", "account", "notice", "ad",
            "advertisement", "commercial", "spot", "video", "narrator", "sign", "banner", "editorial", "op-ed",
            "petition", "resolution", "complaint", "lawsuit", "email", "message", "mailer"
        ],
        .adNoun: [
            "ad", "advertisement", "commercial", "spot", "video"
        ],
        .organisationNoun: [
            "company", "firm", "utility", "agency", "bank", "ministry", "department", "party", "union", "campaign",
            "committee", "council", "network", "newspaper", "airline", "carrier", "retailer", "automaker", "insurer",
            "group", "organisation", "organization", "charity", "university", "club", "league", "studio",
            "publisher", "office", "commission", "administration", "board", "team", "panel"
        ],
        .crowdNoun: [
            "crowd", "crowds", "audience", "critics", "supporters", "protesters", "demonstrators", "attendees",
            "fans", "opponents", "delegates", "respondents", "activists", "advocates", "residents", "observers"
        ],
        .sourceNoun: [
            "source", "sources"
        ],
        .memberNoun: [
            "official", "officials", "spokesman", "spokeswoman", "spokesperson", "representative", "representatives",
            "staff", "staffers", "aides", "aide", "executives", "leaders", "lawyers", "attorneys", "researchers"
        ],
        .affiliationNoun: [
            "adviser", "advisor", "advisers", "aide", "aides", "ally", "campaign", "communications", "consultant",
            "counsel", "lawyer", "pollster", "press", "senior", "strategist", "surrogate", "top", "longtime",
            "political", "policy", "national", "transition", "team"
        ],
        .memberPreposition: [
            "at", "of", "for", "from", "with"
        ],
        .documentPreposition: [
            "for", "of", "from", "at"
        ],
        .nameConnector: [
            "of", "on", "for", "and"
        ],
        .pluralWord: [
            "both", "two", "leaders", "officials", "sources", "three"
        ],
        .utteranceNoun: [
            "claim", "claims", "remark", "remarks", "statement", "statements", "comment", "comments", "assertion",
            "insistence", "argument", "suggestion", "warning", "promise", "pledge", "vow", "boast", "charge",
            "accusation", "allegation", "admission", "prediction", "contention", "declaration", "complaint",
            "observation", "answer", "response", "reply", "quip", "joke", "words", "message", "tweet", "post"
        ],
        .speechVerbForm: SpeechLexicon.verbs.keys.sorted(),
        .minorWord: [
            "of", "and", "the", "in", "on", "for", "to", "a", "an", "at", "by", "with", "or"
        ],
        .notClauseStart: [
            "on", "in", "at", "to", "during", "after", "with", "for", "of", "about", "so", "no", "yes", "as", "by",
            "from", "before", "when", "while", "and", "but", "or", "nothing", "anything", "something", "goodbye",
            "hello", "thanks", "last", "earlier", "later", "recently", "previously", "told", "then", "too"
        ],
        .sectionLabel: [
            "watch", "update", "updated", "breaking", "exclusive", "video", "photos", "photo", "read", "more",
            "note", "editor's", "editor’s", "correction", "analysis", "opinion", "live", "file", "related", "listen",
            "see", "also"
        ],
        .socialNetwork: [
            "twitter", "facebook", "instagram"
        ],
        .possessiveMarker: [
            "’s", "'s"
        ],
        .elision: [
            "em", "n", "til", "cause", "tis", "twas", "s"
        ],
        .calendarName: [
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "june", "july", "august", "september", "october", "november", "december", "feb",
            "aug", "sept", "oct", "nov", "dec"
        ]
    ]
}
