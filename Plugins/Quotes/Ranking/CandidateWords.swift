import AssayCore

/// Which tokens may stand for a speaker by themselves: a pronoun ("he", "they") or the head noun
/// of a description ("spokeswoman", "council", "crowd"), told by one look-up per token.
enum CandidateWords {
    /// What a token is, when it is a pronoun or a description's head noun: the pronoun's kind,
    /// or the kind of candidate a description with that head is.
    enum Answer {
        case pronoun(SpeakerCandidate.Kind)
        case head(SpeakerCandidate.Kind)
    }

    /// What token `t` of the reader's document is, if it is a pronoun (in any case: "He") or
    /// a head noun in lower case ("Council" is a name's word).
    static func answer(at t: Int, in reader: TokenReader) -> Answer? {
        guard reader.isWord(t) else { return nil }
        if reader.is(t, .subjectPronoun) {
            switch reader.pronoun(t) {
            case .male?: return .pronoun(.he)
            case .female?: return .pronoun(.she)
            case .neuter?: return .pronoun(.it)
            case .plural?: return .pronoun(reader.lowerIs(t, "we") ? .we : .they)
            case .firstPerson?, nil: return nil
            }
        }
        guard reader.isLowercaseWord(t) else { return nil }
        if reader.is(t, .roleNoun) { return .head(.description) }
        // "sources at the commission said": unnamed people, not the organisation's voice.
        if reader.is(t, .sourceNoun) { return .head(.plural) }
        if reader.is(t, .organisationNoun) { return .head(.group) }
        if reader.is(t, .crowdNoun) { return .head(.plural) }
        return nil
    }
}
