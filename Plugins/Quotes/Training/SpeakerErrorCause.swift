import AssayCore

/// Why a found quote's speaker disagrees with the annotated one, as `assay eval quotes --errors N`
/// groups them: what a user can tell from the output alone (the mention the speaker was read
/// from and the name given), against the annotated mention.
enum SpeakerErrorCause: String, CaseIterable, Sendable {
    /// No mention at all: the quote was left without an attribution though the text names someone.
    case noAttribution = "null where named (no attribution)"
    /// The mention read is a pronoun the resolver left without a name.
    case unresolvedPronoun = "unresolved pronoun"
    /// The mention read is a description or other words the resolver left without a name.
    case unresolvedDescription = "unresolved description"
    /// The annotated mention, a pronoun, resolved to someone else.
    case pronounResolvedElsewhere = "pronoun resolved to someone else"
    /// The annotated mention, a name or description, given another canonical name.
    case otherName = "right mention, other name"
    /// Another mention than the annotated one, naming someone else.
    case wrongPersonInReach = "wrong person in reach"

    /// The cause of one speaker error.
    /// - Parameters:
    ///   - predictedMention: the found quote's speaker mention (bytes), if it has one.
    ///   - mentionText: its text.
    ///   - speaker: the found quote's canonical speaker.
    ///   - goldMention: the annotated speaker mention (bytes).
    static func of(predictedMention: Span?, mentionText: String?, speaker: String?, goldMention: Span?)
        -> SpeakerErrorCause
    {
        guard let predictedMention else { return .noAttribution }
        let pronoun = mentionText.map { SpeechLexicon.isPronoun($0) } ?? false
        let same = goldMention.map { predictedMention.overlaps($0) } ?? false
        if speaker == nil { return pronoun ? .unresolvedPronoun : .unresolvedDescription }
        if same { return pronoun ? .pronounResolvedElsewhere : .otherName }
        return .wrongPersonInReach
    }
}
