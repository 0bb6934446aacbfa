import AssayCore

/// Which tokens of a document may stand for a speaker by themselves: a pronoun ("he", "they")
/// or the head noun of a description ("spokeswoman", "council", "crowd"). Each token is asked once and the answer kept, as the windows
/// of neighbouring quotes overlap and asked the same tokens over and over.
final class CandidateWords {
    private let reader: TokenReader
    /// Per token: -1 not yet asked, 0 none, 1 a role noun, 2 an organisation noun, 3 a crowd noun
    /// or "source(s)" (never one name), else 4 + the pronoun's kind.
    private var answers: [Int8]

    init(reader: TokenReader) {
        self.reader = reader
        answers = []
    }

    /// What token `t` is, when it is a pronoun or a description's head noun: the pronoun's
    /// kind, or the kind of candidate a description with that head is.
    enum Answer {
        case pronoun(SpeakerCandidate.Kind)
        case head(SpeakerCandidate.Kind)
    }

    func answer(at t: Int) -> Answer? {
        if answers.isEmpty { answers = Array(repeating: -1, count: reader.count) }
        var a = answers[t]
        if a < 0 {
            a = compute(t)
            answers[t] = a
        }
        switch a {
        case 0: return nil
        case 1: return .head(.description)
        case 2: return .head(.group)
        case 3: return .head(.plural)
        default: return SpeakerCandidate.Kind(rawValue: Int(a) - 4).map { .pronoun($0) }
        }
    }

    private static let pronounList = SingleWordList(["he", "she", "they", "we", "it"])
    private static let pronounKinds: [SpeakerCandidate.Kind] = [.he, .she, .they, .we, .it]
    /// The nouns of ``SpeechLexicon``, matched over a token's bytes in place.
    private static let roleNounList = SingleWordList(Array(SpeechLexicon.roleNouns.keys))
    private static let organisationNounList = SingleWordList(Array(SpeechLexicon.organisationNouns))
    private static let crowdNounList = SingleWordList(Array(SpeechLexicon.crowdNouns))
    private static let sourceList = SingleWordList(["source", "sources"])

    private func compute(_ t: Int) -> Int8 {
        guard reader.isWord(t) else { return 0 }
        if reader.document.tokens[t].span.length <= 4, let k = Self.pronounList.index(of: t, in: reader.document) {
            return Int8(4 + Self.pronounKinds[k].rawValue)
        }
        guard reader.isLowercaseWord(t) else { return 0 }
        if reader.isLowered(t, in: Self.roleNounList) { return 1 }
        // "sources at the commission said": unnamed people, not the organisation's voice.
        if reader.isLowered(t, in: Self.sourceList) { return 3 }
        if reader.isLowered(t, in: Self.organisationNounList) { return 2 }
        if reader.isLowered(t, in: Self.crowdNounList) { return 3 }
        return 0
    }
}
