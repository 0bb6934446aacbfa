import AssayCore

/// Which tokens may stand for a speaker by themselves: a pronoun ("he", "they") or the head noun
/// of a description ("spokeswoman", "council", "crowd"), told by one look-up per token.
struct CandidateWords: Sendable {
    /// What a token is, when it is a pronoun or a description's head noun: the pronoun's kind,
    /// or the kind of candidate a description with that head is.
    enum Answer {
        case pronoun(SpeakerCandidate.Kind)
        case head(SpeakerCandidate.Kind)
    }

    /// The pronouns and nouns, in one list so that a token costs one look-up.
    private let words: SingleWordList
    /// The answer for each word of `words`, and whether it holds in any case (pronouns: "He")
    /// or only in lower case (nouns: "Council" is a name's word).
    private let answers: [(answer: Answer, anyCase: Bool)]

    /// The list, made once.
    static let shared = CandidateWords()

    private init() {
        var words: [String] = []
        var answers: [(answer: Answer, anyCase: Bool)] = []
        // A word in two lists keeps its first answer.
        func add<S: Sequence<String>>(_ list: S, _ answer: Answer, anyCase: Bool = false) {
            for w in list where !words.contains(w) {
                words.append(w)
                answers.append((answer, anyCase))
            }
        }
        let pronouns: [(String, SpeakerCandidate.Kind)] = [
            ("he", .he), ("she", .she), ("they", .they), ("we", .we), ("it", .it)
        ]
        for (w, kind) in pronouns { add([w], .pronoun(kind), anyCase: true) }
        add(SpeechLexicon.roleNouns.keys.sorted(), .head(.description))
        // "sources at the commission said": unnamed people, not the organisation's voice.
        add(["source", "sources"], .head(.plural))
        add(SpeechLexicon.organisationNouns.sorted(), .head(.group))
        add(SpeechLexicon.crowdNouns.sorted(), .head(.plural))
        self.words = SingleWordList(words)
        self.answers = answers
    }

    /// What token `t` of the reader's document is, if it is a pronoun or a head noun.
    func answer(at t: Int, in reader: TokenReader) -> Answer? {
        guard reader.isWord(t), let k = words.index(of: t, in: reader.document) else { return nil }
        let found = answers[k]
        return found.anyCase || reader.isLowercaseWord(t) ? found.answer : nil
    }
}
