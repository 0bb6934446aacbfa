import AssayCore

/// Lists the candidate speakers in reach of a quote, with the facts the model weighs: people,
/// organisations and places the entities extractor found, pronouns and descriptions, from
/// two sentences before the quote (within the paragraph before) to the sentence after it, plus
/// the hand rules' reading, the speaker of the quote before, and no one.
struct SpeakerCandidateFinder {
    let reader: TokenReader
    let entities: EntityIndex
    let phrases: SpeakerPhraseFinder
    /// Whether each token lies inside a quotation.
    let quotedTokens: [Bool]
    /// How often each mention's canonical name is mentioned in the document, counted when first asked.
    private let mentionCounts = MentionCounts()
    /// Each sentence's main subject and whether it has a speech verb, worked out when first asked.
    private let sentenceFacts: SentenceFacts

    init(reader: TokenReader, entities: EntityIndex, phrases: SpeakerPhraseFinder, quotedTokens: [Bool]) {
        self.reader = reader
        self.entities = entities
        self.phrases = phrases
        self.quotedTokens = quotedTokens
        sentenceFacts = SentenceFacts(count: reader.document.sentences.count)
    }

    /// What the finder needs to know about the quote.
    struct Quote {
        /// The quoted tokens, from the first piece's first to the last piece's last.
        var content: Range<Int>
        /// The opening mark (or first token) and the closing mark (or last token).
        var open: Int, close: Int
        var attribution: Attribution?
        /// Whether the quote is a fragment of a sentence of the story ("called it “a disgrace”").
        var isPartial = false
        /// The attribution and speaker of the marked quote before, when it is near.
        var previous: (attribution: Attribution, speaker: String?)?
    }

    func candidates(for quote: Quote) -> [SpeakerCandidate] {
        let sentences = reader.document.sentences
        let first = reader.sentence(of: quote.open), last = reader.sentence(of: quote.close)
        let paragraph = sentences[first].paragraph
        var lo = first
        while lo > 0, first - (lo - 1) <= 2, paragraph - sentences[lo - 1].paragraph <= 1 { lo -= 1 }
        var hi = last
        if hi + 1 < sentences.count, sentences[hi + 1].paragraph == sentences[last].paragraph { hi += 1 }
        let window = sentences[lo].tokens.lowerBound..<sentences[hi].tokens.upperBound

        var out: [SpeakerCandidate] = []
        // Room for the candidates of a usual window, which grown one append at a time would be
        // copied four or five times.
        out.reserveCapacity(32)
        // Entity mentions.
        for m in entities.mentions(overlapping: reader.span(window)) where m.label != .misc {
            let r = m.tokens
            guard !r.isEmpty, !overlapsQuote(r, quote), !phrases.isCalendarName(r) else { continue }
            let kind: SpeakerCandidate.Kind = m.label == .person ? .person : m.label == .org ? .organisation : .place
            out.append(SpeakerCandidate(kind: kind, tokens: r, source: .mention(m.index)))
        }
        // Pronouns and descriptions (of a role, a document, an organisation, a crowd).
        for t in window where !quote.content.contains(t) {
            switch CandidateWords.answer(at: t, in: reader) {
            case .pronoun(let kind)?:
                out.append(SpeakerCandidate(kind: kind, tokens: t..<(t + 1), source: .words))
            case .head(let kind)?:
                guard entities.mentions(overlapping: reader.document.tokens[t].span).isEmpty, !Self.anyCovers(out, t)
                else { continue }
                var s = t
                while s > window.lowerBound, t - s < 4, reader.isWord(s - 1),
                    !reader.is(s - 1, .speechVerbForm)
                { s -= 1 }
                out.append(SpeakerCandidate(kind: kind, tokens: s..<(t + 1), source: .words))
            case nil:
                continue
            }
        }
        out.sort { Self.start($0) < Self.start($1) }
        // The hand rules' reading: marks the candidate it overlaps, or joins the list.
        if let rule = quote.attribution?.phrase {
            if let k = Self.firstOverlapping(out, rule.tokens) {
                out[k].isRuleChoice = true
                out[k].tokens = rule.tokens
                out[k].source = .rule
            } else {
                out.append(
                    SpeakerCandidate(
                        kind: Self.kind(of: rule, reader), tokens: rule.tokens, source: .rule, isRuleChoice: true))
            }
        }
        // The quote before's speaker.
        if let previous = quote.previous, let phrase = previous.attribution.phrase {
            if let k = Self.firstOverlapping(out, phrase.tokens) {
                out[k].isPreviousSpeaker = true
                if !out[k].isRuleChoice {
                    out[k].tokens = phrase.tokens
                    out[k].source = .previous
                }
            } else {
                out.append(
                    SpeakerCandidate(
                        kind: Self.kind(of: phrase, reader), tokens: phrase.tokens, source: .previous,
                        isPreviousSpeaker: true))
            }
        }
        out.append(
            SpeakerCandidate(
                kind: .nobody, tokens: nil, source: .nobody, isRuleChoice: quote.attribution?.phrase == nil))
        let ruleCue = SpeakerFeatures.cueIndex(quote.attribution?.phrase == nil ? nil : quote.attribution?.cue)
        let starts = reader.document.sentences[first].tokens.lowerBound
        let startsSentence = (starts..<quote.open).allSatisfy { !reader.isWord($0) }
        let paragraphStart = reader.document.tokenRange(in: reader.document.paragraphs[paragraph]).lowerBound
        let opensParagraph = (paragraphStart..<quote.open).allSatisfy { !reader.isWord($0) }
        // Room for all candidates made once: grown one append at a time (as `compactMap` does),
        // the list was copied two or three times per quote.
        var people: [Int] = []
        people.reserveCapacity(out.count)
        for c in out where c.kind == .person || c.kind == .he || c.kind == .she {
            if let t = c.tokens { people.append(t.lowerBound) }
        }
        // The first word of each sentence in the window after determiners and titles, for "first in its sentence".
        var openers: [Int] = []
        openers.reserveCapacity(hi - lo + 1)
        for s in lo...hi {
            let r = sentences[s].tokens
            openers.append(r.first { reader.isWord($0) && !isDeterminerOrTitle($0) } ?? r.upperBound)
        }
        for k in out.indices {
            out[k].facts = facts(
                of: out[k], quote: quote, ruleCue: ruleCue, people: people, startsSentence: startsSentence,
                opensParagraph: opensParagraph, openers: (lo, openers))
        }
        return out
    }

    /// The class of a small word a neighbour may be: a preposition, a determiner or title, or a
    /// conjunction (a word of two keeps the first).
    private func smallWordClass(_ t: Int) -> SpeakerFeatures.Neighbour? {
        if reader.is(t, .preposition) { return .preposition }
        if reader.is(t, .determiner) || reader.is(t, .title) { return .determiner }
        if reader.is(t, .conjunction) { return .conjunction }
        return nil
    }

    private func isDeterminerOrTitle(_ t: Int) -> Bool {
        reader.is(t, .determiner) || reader.is(t, .title)
    }

    private func overlapsQuote(_ r: Range<Int>, _ quote: Quote) -> Bool { r.overlaps(quote.content) }

    /// What token `t` is, as a neighbour of a candidate in sentence `sentence` (nothing outside it).
    private func neighbour(_ t: Int, sentence: Range<Int>, after: Bool) -> SpeakerFeatures.Neighbour {
        guard sentence.contains(t) else { return .none }
        // "’s" or "'s": its first byte rules out nearly every other token before the words are compared.
        let mayBePossessive = after && (reader.firstByte(t) == 0x27 || reader.firstByte(t) == 0xE2)
        switch reader.document.tokens[t].kind {
        case .word:
            if mayBePossessive, reader.isPossessiveMarker(t) { return .possessive }
            if phrases.hasVerb(at: t) { return .speechVerb }
            let known = smallWordClass(t)
            if reader.isCapitalized(t) { return known == .determiner ? .determiner : .capitalized }
            return known ?? .lowercase
        default:
            if reader.isChar(t, ",") { return .comma }
            if reader.isQuoteMark(t) { return .quoteMark }
            if mayBePossessive, reader.isPossessiveMarker(t) { return .possessive }
            if reader.isSentencePunctuation(t) { return .sentenceEnd }
            return .other
        }
    }

    /// Whether a candidate already covers token `t`.
    private static func anyCovers(_ candidates: [SpeakerCandidate], _ t: Int) -> Bool {
        for c in candidates { if let r = c.tokens, r.contains(t) { return true } }
        return false
    }

    /// The first candidate overlapping `range`.
    private static func firstOverlapping(_ candidates: [SpeakerCandidate], _ range: Range<Int>) -> Int? {
        for k in candidates.indices { if let r = candidates[k].tokens, r.overlaps(range) { return k } }
        return nil
    }

    private static func start(_ c: SpeakerCandidate) -> Int { c.tokens?.lowerBound ?? Int.max }

    /// The entities extractor's mention a candidate stands for, if any.
    private func entityIndex(of c: SpeakerCandidate, quote: Quote) -> Int? {
        switch c.source {
        case .mention(let m): return m
        case .rule: if case .entity(let m)? = quote.attribution?.phrase?.kind { return m.index }
        case .previous: if case .entity(let m)? = quote.previous?.attribution.phrase?.kind { return m.index }
        case .words, .nobody: break
        }
        return nil
    }

    /// The kind of a phrase the hand rules or the quote before gave.
    static func kind(of phrase: SpeakerPhrase, _ reader: TokenReader) -> SpeakerCandidate.Kind {
        switch phrase.kind {
        case .entity(let m): return m.label == .person ? .person : m.label == .org ? .organisation : .place
        case .name: return .name
        case .pronoun(let p):
            switch p {
            case .male: return .he
            case .female: return .she
            case .neuter: return .it
            case .firstPerson: return .we
            case .plural: return .they
            }
        case .description: return .description
        case .plural: return .plural
        }
    }

    private func facts(
        of c: SpeakerCandidate, quote: Quote, ruleCue: Int, people: [Int],
        startsSentence: Bool, opensParagraph: Bool, openers: (first: Int, tokens: [Int])
    ) -> SpeakerFeatures.Facts {
        guard let r = c.tokens else {
            return SpeakerFeatures.Facts(
                kind: .nobody, position: .none, distance: 0, isAfterQuote: false, isRuleChoice: c.isRuleChoice,
                ruleCue: ruleCue, verb: .none, peopleBetween: 0, afterPreposition: false, possessive: false,
                firstInSentence: false, isPreviousSpeaker: false, quoteOpensParagraph: opensParagraph,
                quoteStartsSentence: startsSentence, mentionsOfEntity: 0, quoted: false)
        }
        let after = r.lowerBound > quote.content.lowerBound
        let distance = after ? max(0, r.lowerBound - quote.close - 1) : max(0, quote.open - r.upperBound)
        let s = reader.sentence(of: r.lowerBound)
        let first = reader.sentence(of: quote.open), last = reader.sentence(of: quote.close)
        let position: SpeakerFeatures.Position
        if s >= first && s <= last {
            position = after ? .sameSentenceAfter : .sameSentenceBefore
        } else if s == first - 1 {
            position = .previousSentence
        } else if s == first - 2 {
            position = .twoSentencesBefore
        } else if s == last + 1 {
            position = .nextSentence
        } else {
            position = .further
        }
        var between = 0
        for t in people where after ? (t > quote.close && t < r.lowerBound) : (t >= r.upperBound && t < quote.open) {
            between += 1
        }
        var mentions = 0
        var qualifies = false
        if let m = entityIndex(of: c, quote: quote) {
            mentions = mentionCounts.count(of: m, in: entities)
            // (People too: the tagger takes some organisations for people, "Twitter's Adam Sharp".)
            qualifies = qualifiesPerson(r)
        }
        // (A candidate from outside the window, the quote before's speaker, is never first in it.)
        let opener = s - openers.first
        let firstInSentence = opener >= 0 && opener < openers.tokens.count && openers.tokens[opener] >= r.lowerBound
        // "of Trump", "for the Port Authority": a preposition before the mention, determiners aside.
        var before = r.lowerBound - 1
        while before >= 0, r.lowerBound - before <= 2, reader.isWord(before),
            reader.is(before, .determiner)
        { before -= 1 }
        let afterPreposition = before >= 0 && reader.is(before, .preposition)
        return SpeakerFeatures.Facts(
            kind: c.kind, position: position, distance: distance, isAfterQuote: after, isRuleChoice: c.isRuleChoice,
            ruleCue: ruleCue, verb: verbRelation(r).relation, peopleBetween: between,
            afterPreposition: afterPreposition,
            possessive: reader.isPossessiveMarker(r.upperBound), firstInSentence: firstInSentence,
            isPreviousSpeaker: c.isPreviousSpeaker, quoteOpensParagraph: opensParagraph,
            quoteStartsSentence: startsSentence,
            mentionsOfEntity: mentions, quoted: quotedTokens[r.lowerBound],
            sameParagraph: reader.paragraph(of: r.lowerBound) == reader.paragraph(of: quote.open),
            qualifiesPerson: qualifies,
            left: neighbour(r.lowerBound - 1, sentence: reader.sentenceTokens(of: r.lowerBound), after: false),
            right: neighbour(r.upperBound, sentence: reader.sentenceTokens(of: r.upperBound - 1), after: true),
            quoteIsPartial: quote.isPartial,
            mainSubject: sentenceFacts.subject(of: s, self)?.overlaps(r) ?? false,
            speechInSentence: sentenceFacts.hasSpeech(s, self),
            fullName: entityIndex(of: c, quote: quote) != nil && r.count(where: { reader.isCapitalized($0) }) >= 2)
    }

    /// The tokens of the subject of sentence `s`'s main clause, as the hand rules read it.
    func mainSubject(ofSentence s: Int) -> Range<Int>? {
        let r = reader.document.sentences[s].tokens
        guard !r.isEmpty else { return nil }
        return phrases.mainSubject(ofSentenceContaining: r.lowerBound, before: r.upperBound)?.tokens
    }

    /// Whether sentence `s` has a speech verb outside quotations ("…, Ham told the host that …").
    func hasSpeechVerb(sentence s: Int) -> Bool {
        reader.document.sentences[s].tokens.contains { phrases.hasVerb(at: $0) && !quotedTokens[$0] }
    }

    /// Whether the mention `r` modifies a person named right after it in the same noun phrase
    /// ("House Speaker Paul Ryan", "Virginia AFL-CIO President Doris Crouse-Mays"): up to four
    /// words between, each a title, a lower-case word, a possessive or part of another name, then
    /// a PERSON ("Twitter’s Adam Sharp").
    private func qualifiesPerson(_ r: Range<Int>) -> Bool {
        let limit = min(reader.sentenceTokens(of: r.lowerBound).upperBound, r.upperBound + 5)
        var j = r.upperBound
        while j < limit {
            // Only a capitalised word can start or be part of a name: the mentions are looked up for those alone.
            if reader.isCapitalized(j) {
                let here = entities.mentions(overlapping: reader.document.tokens[j].span)
                if here.contains(where: { $0.label == .person }) { return j > r.upperBound }
                guard !phrases.hasVerb(at: j), !here.isEmpty || reader.is(j, .title) else {
                    return false
                }
            } else {
                guard
                    reader.isLowercaseWord(j) && !phrases.hasVerb(at: j) || reader.isChar(j, ".")
                        || reader.isPossessiveMarker(j)
                else { return false }
            }
            j += 1
        }
        return false
    }

    /// How the mention `r` stands to a speech verb beside it, and the verb's token.
    ///
    /// Only whether a token holds a verb and the verb's two flags are read, not its cue's Strings.
    func verbRelation(_ r: Range<Int>) -> (relation: SpeakerFeatures.VerbRelation, verb: Int?) {
        if r.lowerBound >= 2, reader.lowerIs(r.lowerBound - 2, Self.according),
            reader.lowerIs(r.lowerBound - 1, Self.to)
        {
            return (.accordingTo, nil)
        }
        var b = r.lowerBound - 1
        while b >= 0, r.lowerBound - b <= 2, reader.isWord(b), isDeterminerOrTitle(b) { b -= 1 }
        if b >= 0, phrases.hasVerb(at: b) {
            return (phrases.takesListener(at: b) && !phrases.isParticiple(at: b) ? .listener : .afterVerb, b)
        }
        var k = r.upperBound
        while k < reader.count, k - r.upperBound < 4 {
            if phrases.hasVerb(at: k) { return (.subjectOfVerb, k) }
            if reader.isChar(k, ".") || reader.isQuoteMark(k) || reader.isChar(k, ";") || reader.isChar(k, ",") {
                break
            }
            k += 1
        }
        // ", a division of the Port Authority, said": a verb right after the apposition's closing comma.
        if k < reader.count, reader.isChar(k, ",") {
            var j = k + 1
            while j < reader.count, j - k <= 14, !reader.isChar(j, ","), !reader.isChar(j, "."), !reader.isQuoteMark(j),
                !phrases.hasVerb(at: j)
            { j += 1 }
            if j + 1 < reader.count, reader.isChar(j, ","), phrases.hasVerb(at: j + 1) {
                return (.subjectAcrossApposition, j + 1)
            }
        }
        return (.none, nil)
    }

    /// "according to", asked about before every candidate.
    private static let according = LowercaseWord("according"), to = LowercaseWord("to")

    /// The speech verb beside the mention `r` as written ("said", "according to"), if any.
    func verbText(_ r: Range<Int>) -> String? {
        let (relation, verb) = verbRelation(r)
        if relation == .accordingTo { return "according to" }
        return verb.flatMap { phrases.verb(at: $0)?.text }
    }
}

/// How often each mention's canonical name is mentioned (by people and organisations) in its
/// document, worked out for every mention at the first question (a document whose quotes ask
/// nothing pays nothing): one hash per mention, then an array read per question, as the mentions
/// near each quote are asked about again and again.
final class MentionCounts {
    /// Per mention, the number of people's and organisations' mentions with its canonical name;
    /// empty until first asked.
    private var counts: [Int32] = []

    func count(of mention: Int, in entities: EntityIndex) -> Int {
        if counts.isEmpty { counts = Self.counts(of: entities.mentions, names: entities.canonicals) }
        return Int(counts[mention])
    }

    /// Per mention, how many of `mentions` that are speaker-like share its canonical name.
    private static func counts(of mentions: [EntityIndex.Mention], names: [String]) -> [Int32] {
        let groupOfMention = asciiGroups(of: names) ?? groups(of: names)
        var sizes = [Int32](repeating: 0, count: mentions.count)
        for m in mentions.indices where mentions[m].isSpeakerLike { sizes[Int(groupOfMention[m])] += 1 }
        return groupOfMention.map { sizes[Int($0)] }
    }

    /// Per name, a number shared by the equal names (the index of the first of them), the names
    /// compared as Strings.
    private static func groups(of names: [String]) -> [Int32] {
        var groupOfName: [String: Int32] = [:]
        groupOfName.reserveCapacity(names.count)
        var groupOfMention: [Int32] = []
        groupOfMention.reserveCapacity(names.count)
        for (m, name) in names.enumerated() {
            let group = groupOfName[name] ?? Int32(m)
            if group == Int32(m) { groupOfName[name] = group }
            groupOfMention.append(group)
        }
        return groupOfMention
    }

    /// The grouping of ``groups(of:)`` (numbered in the order the distinct names are met), the
    /// names found by their bytes (``ASCIIStrings``) when every name is ASCII (nearly always);
    /// nil when one is not.
    private static func asciiGroups(of names: [String]) -> [Int32]? {
        var listed = ASCIIStrings(capacity: names.count)
        var groupOfMention: [Int32] = []
        groupOfMention.reserveCapacity(names.count)
        for name in names {
            guard let (number, _) = listed.insert(name) else { return nil }
            groupOfMention.append(Int32(number))
        }
        return groupOfMention
    }
}

/// Per sentence of a document, worked out when first asked (each sentence is in reach of several
/// quotes): the subject of its main clause and whether it has a speech verb outside quotations.
final class SentenceFacts {
    /// Per sentence: nil until worked out, then the subject's tokens (empty when none).
    /// (Both unchecked: read once per candidate, and the class never escapes the finder's one
    /// thread; the run-time exclusivity checks, two per read, cost 11 M on news.jsonl.)
    @exclusivity(unchecked) private var subjects: [Range<Int>?]
    /// Per sentence: 0 until worked out, then 1 (no speech verb) or 2.
    @exclusivity(unchecked) private var speech: [UInt8]

    init(count: Int) {
        subjects = Array(repeating: nil, count: count)
        speech = Array(repeating: 0, count: count)
    }

    func subject(of s: Int, _ finder: SpeakerCandidateFinder) -> Range<Int>? {
        if subjects[s] == nil { subjects[s] = finder.mainSubject(ofSentence: s) ?? 0..<0 }
        let r = subjects[s]!
        return r.isEmpty ? nil : r
    }

    func hasSpeech(_ s: Int, _ finder: SpeakerCandidateFinder) -> Bool {
        if speech[s] == 0 { speech[s] = finder.hasSpeechVerb(sentence: s) ? 2 : 1 }
        return speech[s] == 2
    }
}
