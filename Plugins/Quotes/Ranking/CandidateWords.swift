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
    @inline(__always)
    static func answer(at t: Int, in reader: TokenReader) -> Answer? {
        // Asked of every token near every quote, and nearly every token is none of these: one
        // look-up of the token's classes, in the caller's loop, rules it out before a call.
        guard reader.words.classes(token: t) & anyClass != 0 else { return nil }
        return classify(t, in: reader)
    }

    /// ``answer(at:in:)`` for a token of one of the classes.
    private static func classify(_ t: Int, in reader: TokenReader) -> Answer? {
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

    /// The classes a candidate word belongs to, as a bit set.
    private static var anyClass: UInt64 {
        func bit(_ c: QuoteWord) -> UInt64 { 1 << UInt64(c.rawValue) }
        return bit(.subjectPronoun) | bit(.roleNoun) | bit(.sourceNoun) | bit(.organisationNoun) | bit(.crowdNoun)
    }
}
