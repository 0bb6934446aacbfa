import AssayCore

/// One way of naming a quote's speaker that the ranker weighs: a mention in reach of the quote
/// (a name, a pronoun, a description), the speaker the hand rules read, the speaker of the
/// quote before, or no one.
struct SpeakerCandidate {
    /// What kind of mention it is, as the model tells candidates apart.
    enum Kind: Int, CaseIterable {
        /// `description`: a role ("the spokeswoman"); `group`: an organisation's generic noun
        /// ("the council"); `plural`: several people ("the crowd", "Xi and Putin").
        case person, organisation, place, he, she, they, we, it, name, description, group, plural, nobody

        /// The case's name, as feature names in the model file spell it.
        var name: String { Self.names[rawValue] }

        /// The cases' names, written out: `String(describing:)` of a case goes through
        /// reflection, about 90,000 instructions a name when the model is read at every start.
        static let names = [
            "person", "organisation", "place", "he", "she", "they", "we", "it", "name", "description", "group",
            "plural", "nobody"
        ]

        static let count = 13
    }

    /// Where the candidate's phrase comes from, kept as plain values (an index, a flag) so
    /// that listing and sorting candidates copies no Strings; the phrase is made for the chosen one.
    enum Source {
        /// The entities extractor's mention with this index.
        case mention(Int)
        /// A pronoun or description of the text itself, of the candidate's kind.
        case words
        /// The hand rules' phrase.
        case rule
        /// The phrase of the quote before, with its speaker.
        case previous
        /// No one.
        case nobody
    }

    var kind: Kind
    /// The mention's tokens: what `speaker_start`/`speaker_end` point at; nil for no one.
    var tokens: Range<Int>?
    var source: Source
    /// The hand rules' reading, when this candidate is (or overlaps) it.
    var isRuleChoice = false
    /// Whether the quote before was attributed to this mention.
    var isPreviousSpeaker = false
    /// What the model weighs about it (see ``SpeakerFeatures``), once the finder has worked it out.
    var facts: SpeakerFeatures.Facts?
    /// Its features, for training.
    var features: [Int32] { facts?.ids ?? [] }

    /// The phrase to resolve and report, given the entities and the two phrases a candidate may stand for.
    func phrase(entities: EntityIndex, rule: SpeakerPhrase?, previous: SpeakerPhrase?) -> SpeakerPhrase? {
        guard let tokens else { return nil }
        switch source {
        case .mention(let m): return SpeakerPhrase(kind: .entity(entities.mentions[m]), tokens: tokens)
        case .words:
            switch kind {
            case .he: return SpeakerPhrase(kind: .pronoun(.male), tokens: tokens)
            case .she: return SpeakerPhrase(kind: .pronoun(.female), tokens: tokens)
            case .it: return SpeakerPhrase(kind: .pronoun(.neuter), tokens: tokens)
            case .description, .group: return SpeakerPhrase(kind: .description, tokens: tokens)
            default: return SpeakerPhrase(kind: .plural, tokens: tokens)
            }
        case .rule: return rule
        case .previous: return previous
        case .nobody: return nil
        }
    }
}
