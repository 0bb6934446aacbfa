import AssayCore

/// What the quote extractor reports for each quotation it finds.
enum QuoteKind: String {
    /// A full quoted utterance.
    case direct
    /// A quoted fragment inside reported speech.
    case partial
    /// Scare quotes or a title: no speaker.
    case term
    /// Reported speech without quote marks ("Putin noted that ...").
    case indirect
}

/// One quotation found in a document, before it becomes annotations (one per paragraph piece).
struct FoundQuote {
    var pieces: [Span]
    var kind: QuoteKind
    var attribution: Attribution?
    var speaker: String?
    /// Sentence indices of the first and last piece, for continuation across sentences.
    var firstSentence: Int
    var lastSentence: Int
}

/// Finds every quotation of one document and its speaker: marked quotes (paired marks), quotes
/// printed without marks (a speech line followed by "Putin said."), and indirect speech.
struct QuoteAnalyzer {
    let reader: TokenReader
    let entities: EntityIndex
    let phrases: SpeakerPhraseFinder
    let attributions: AttributionFinder
    let scanner: QuoteMarkScanner
    let candidateFinder: SpeakerCandidateFinder
    /// The document's passages, and whether each token lies inside one (between its marks).
    let passages: [QuotedPassage]
    let quotedTokens: [Bool]
    /// The first token at or after each token that is a word or a number (the token count when
    /// none is): whether a quote starts or ends its sentence is asked for every quote, and a
    /// scan each time would take time quadratic in a sentence of thousands of quotes.
    private let nextWordOrNumber: [Int32]

    init(document: AnalyzedDocument, entityAnnotations: [Annotation]) {
        reader = TokenReader(document)
        entities = EntityIndex(entityAnnotations, document: document)
        phrases = SpeakerPhraseFinder(reader: reader, entities: entities)
        attributions = AttributionFinder(reader: reader, phrases: phrases)
        scanner = QuoteMarkScanner(document: document, words: reader.words)
        let found = scanner.passages()
        passages = found
        var mask = [Bool](repeating: false, count: document.tokens.count)
        mask.withUnsafeMutableBufferPointer { m in
            for p in found {
                for segment in p.segments {
                    UnsafeMutableBufferPointer(rebasing: m[segment.content.clamped(to: 0..<m.count)]).update(
                        repeating: true)
                }
            }
        }
        quotedTokens = mask
        var next = [Int32](repeating: Int32(document.tokens.count), count: document.tokens.count + 1)
        for i in document.tokens.indices.reversed() { next[i] = reader.isWordOrNumber(i) ? Int32(i) : next[i + 1] }
        nextWordOrNumber = next
        candidateFinder = SpeakerCandidateFinder(
            reader: reader, entities: entities, phrases: phrases, quotedTokens: mask)
    }

    /// The document's quotations and their speakers.
    /// - Parameters:
    ///   - model: the speaker ranker, which reweighs the hand rules' reading of each marked
    ///     quote against the other candidates in reach; nil keeps the hand rules' reading.
    ///   - observe: told each marked quote as the hand rules read it with its candidates (for training).
    func quotes(model: SpeakerModel?, observe: ((FoundQuote, [SpeakerCandidate]) -> Void)? = nil) -> [FoundQuote] {
        let resolver = SpeakerResolver(
            reader: reader, entities: entities, phrases: phrases, quotedSpans: quotedSpans())
        var found: [FoundQuote] = []
        for (index, passage) in passages.enumerated() {
            let turns = transcriptTurns(passage, resolver: resolver)
            if !turns.isEmpty {
                found += turns
                continue
            }
            let previous = index > 0 ? passages[index - 1] : nil
            let next = index + 1 < passages.count ? passages[index + 1] : nil
            guard var q = analyze(passage, previous: previous, next: next, earlier: found, resolver: resolver) else {
                continue
            }
            if model != nil || observe != nil {
                rank(&q, passage, earlier: found, model: model, observe: observe, resolver: resolver)
            }
            if q.speaker == nil, q.kind == .direct || q.kind == .partial {
                q.speaker = lastSpeaker(for: q, earlier: found, resolver: resolver)
            }
            found.append(q)
        }
        found += unmarkedQuotes(avoiding: passages, resolver: resolver)
        found += transcriptTurns(resolver: resolver)
        found += indirectSpeech(skipping: sentencesWithQuotes(found), resolver: resolver)
        return found
    }

    /// The byte spans of every non-empty passage segment, sorted.
    private func quotedSpans() -> [Span] {
        var quoted: [Span] = []
        for passage in passages {
            for segment in passage.segments where !segment.content.isEmpty {
                quoted.append(reader.span(segment.content))
            }
        }
        return quoted.sorted()
    }

    /// Which sentences hold a found quote or a quoted passage: indirect speech is looked for in
    /// the others.
    private func sentencesWithQuotes(_ found: [FoundQuote]) -> [Bool] {
        var busy = [Bool](repeating: false, count: reader.document.sentences.count)
        for q in found { for s in q.firstSentence...q.lastSentence { busy[s] = true } }
        for p in passages {
            for s in reader.sentence(of: p.firstOpen)...reader.sentence(of: p.lastToken) { busy[s] = true }
        }
        return busy
    }

    // MARK: - Ranking

    /// "“…,” he said" where the sentences before name no one the pronoun can be: the speaker of
    /// the quote before (within two paragraphs), when the pronoun agrees with that name's gender
    /// or the name does not tell it. Nil for any other phrase, and for a pronoun whose referent
    /// the text introduces without a name.
    private func lastSpeaker(for q: FoundQuote, earlier: [FoundQuote], resolver: SpeakerResolver) -> String? {
        guard let phrase = q.attribution?.phrase, case .pronoun(let pronoun) = phrase.kind,
            pronoun == .male || pronoun == .female,
            resolver.antecedentSearch(of: phrase.tokens.lowerBound, pronoun: pronoun) == .notFound,
            let last = earlier.last(where: { ($0.kind == .direct || $0.kind == .partial) && $0.speaker != nil }),
            let speaker = last.speaker,
            reader.document.sentences[q.firstSentence].paragraph
                - reader.document.sentences[last.lastSentence].paragraph <= 2
        else { return nil }
        let first = SpaceSeparatedWords.of(speaker).first.map { String($0) } ?? ""
        if pronoun == .male, QuoteWord.classes.contains(.femaleName, word: first) { return nil }
        if pronoun == .female, QuoteWord.classes.contains(.maleName, word: first) { return nil }
        return speaker
    }

    /// Weighs the hand rules' reading of a full or partial quote against the other candidates
    /// in reach, and gives it the model's choice when that differs. A possessive cue ("Reed’s
    /// claim that “…”" with no speech verb in the sentence quotes the claim's owner) stays as the
    /// hand rules read it: the training data has too few of them (two in 840 articles) to learn
    /// otherwise.
    private func rank(
        _ q: inout FoundQuote, _ passage: QuotedPassage, earlier: [FoundQuote], model: SpeakerModel?,
        observe: ((FoundQuote, [SpeakerCandidate]) -> Void)?, resolver: SpeakerResolver
    ) {
        guard q.kind == .direct || q.kind == .partial, q.attribution?.cue != .possessive else { return }
        let ranked = rankingQuote(q, passage, earlier: earlier)
        let candidates = candidateFinder.candidates(for: ranked)
        observe?(q, candidates)
        if let model, let k = model.best(of: candidates), !candidates[k].isRuleChoice,
            !Self.isPartOfSeveral(candidates[k], rule: q.attribution?.phrase)
        {
            rerank(&q, as: candidates[k], previous: ranked.previous, resolver: resolver)
        }
    }

    /// What the candidate finder needs to know of a marked quote: its tokens, its attribution
    /// and the quote before it when that is in the same paragraph or the two before.
    private func rankingQuote(_ q: FoundQuote, _ passage: QuotedPassage, earlier: [FoundQuote])
        -> SpeakerCandidateFinder.Quote
    {
        let content =
            passage.segments[0].content.lowerBound..<passage.segments[passage.segments.count - 1].content.upperBound
        var previous: (attribution: Attribution, speaker: String?)?
        if let last = earlier.last(where: { $0.kind == .direct || $0.kind == .partial }), let a = last.attribution,
            a.phrase != nil,
            reader.paragraph(of: passage.firstOpen) - reader.document.sentences[last.lastSentence].paragraph <= 2
        {
            previous = (a, last.speaker)
        }
        return SpeakerCandidateFinder.Quote(
            content: content, open: passage.firstOpen, close: passage.lastToken,
            attribution: q.attribution, isPartial: q.kind == .partial, previous: previous)
    }

    /// Whether a candidate is a name inside the phrase the hand rules read as several unnamed
    /// speakers ("sources at the Harbor Commission said", "Xi and Putin said"): one of them, or
    /// what they belong to, is not who speaks.
    private static func isPartOfSeveral(_ c: SpeakerCandidate, rule: SpeakerPhrase?) -> Bool {
        guard let rule, case .plural = rule.kind, let r = c.tokens else { return false }
        return r.lowerBound >= rule.tokens.lowerBound && r.upperBound <= rule.tokens.upperBound
    }

    /// Gives `q` the speaker the model chose instead of the hand rules' reading.
    private func rerank(
        _ q: inout FoundQuote, as c: SpeakerCandidate, previous: (attribution: Attribution, speaker: String?)?,
        resolver: SpeakerResolver
    ) {
        guard
            let phrase = c.phrase(
                entities: entities, rule: q.attribution?.phrase, previous: previous?.attribution.phrase)
        else {
            q.attribution = nil
            q.speaker = nil
            return
        }
        let verb = candidateFinder.verbText(phrase.tokens)
        let s = reader.sentence(of: phrase.tokens.lowerBound)
        let cue: AttributionCue
        if c.isPreviousSpeaker {
            cue = .continuation
        } else if s < q.firstSentence {
            cue = .precedingSentence
        } else if s > q.lastSentence {
            cue = .followingSentence
        } else {
            cue = phrase.tokens.lowerBound < reader.document.tokenRange(in: q.pieces[0]).lowerBound ? .before : .after
        }
        q.attribution = Attribution(phrase: phrase, verb: verb, cue: cue)
        if case .previous = c.source { q.speaker = previous?.speaker } else { q.speaker = resolver.resolve(phrase) }
    }

    // MARK: - Marked quotes

    /// Where a marked quote sits in its sentence, which decides where its attribution is
    /// looked for first.
    private struct Placement {
        /// The opening mark and its sentence.
        var open: Int
        var sentence: Int
        var sentenceStart: Int
        /// No word comes before the quote in its sentence.
        var startsSentence: Bool
        /// The quote stands where speech goes: it starts its sentence, opens like speech or
        /// follows a speech verb. Its attribution is then looked for after it first.
        var isSpeechPosition: Bool
    }

    private func placement(of passage: QuotedPassage) -> Placement {
        let open = passage.firstOpen
        let sentence = reader.sentence(of: open)
        let sentenceStart = reader.document.sentences[sentence].tokens.lowerBound
        let startsSentence = firstWordIndex(from: sentenceStart, to: open) == nil
        let isSpeechPosition =
            startsSentence || scanner.opensLikeSpeech(open)
            || followsSpeechVerb(open, contentStart: passage.segments[0].content.lowerBound)
        return Placement(
            open: open, sentence: sentence, sentenceStart: sentenceStart, startsSentence: startsSentence,
            isSpeechPosition: isSpeechPosition)
    }

    private func analyze(
        _ passage: QuotedPassage, previous: QuotedPassage?, next: QuotedPassage?,
        earlier: [FoundQuote], resolver: SpeakerResolver
    ) -> FoundQuote? {
        let pieces = passage.segments.compactMap { segment -> Span? in
            let r = trimmingTrailingCommas(segment.content)
            return r.isEmpty ? nil : reader.span(r)
        }
        guard !pieces.isEmpty else { return nil }
        let place = placement(of: passage)
        let endSentence = reader.sentence(of: passage.lastToken)
        // Nearest evidence first.
        var attribution =
            attributionInSentence(of: passage, place, previous: previous, next: next) ?? colonAttribution(place)
        var speaker: String?
        if attribution == nil, place.startsSentence, let last = earlier.last, isContinuation(of: last, at: place.open) {
            attribution = last.attribution.map { Attribution(phrase: $0.phrase, verb: $0.verb, cue: .continuation) }
            speaker = last.speaker
        } else {
            if attribution == nil, place.startsSentence, endsSentence(passage) {
                attribution = neighbourAttribution(openSentence: place.sentence, endSentence: endSentence)
            }
            speaker = attribution?.phrase.flatMap { resolver.resolve($0) }
        }
        let kind = classify(passage, speechPosition: place.isSpeechPosition, attribution: attribution, speaker: speaker)
        if kind == .term {
            attribution = nil
            speaker = nil
        }
        return FoundQuote(
            pieces: pieces, kind: kind, attribution: attribution, speaker: speaker,
            firstSentence: place.sentence, lastSentence: endSentence)
    }

    /// `r` without the commas that end it.
    private func trimmingTrailingCommas(_ r: Range<Int>) -> Range<Int> {
        var r = r
        while !r.isEmpty, reader.isChar(r.upperBound - 1, ",") { r = r.lowerBound..<(r.upperBound - 1) }
        return r
    }

    /// The attribution within the quote's sentence: a speech verb before or after the quote
    /// (after first when the quote stands where speech goes), an utterance's owner, and for a
    /// fragment the framing verb or subject of its sentence.
    private func attributionInSentence(
        of passage: QuotedPassage, _ place: Placement, previous: QuotedPassage?, next: QuotedPassage?
    ) -> Attribution? {
        // The middle of a split quote looks back only to the piece before.
        var floor = place.sentenceStart
        var beforeCue = AttributionCue.before
        if let prev = previous, prev.lastToken >= place.sentenceStart, prev.lastToken < place.open {
            floor = prev.lastToken + 1
            beforeCue = .middle
        }
        let nextOpen = next?.firstOpen
        let verbAttribution =
            place.isSpeechPosition
            ? attributions.after(passage, nextOpen: nextOpen)
                ?? attributions.before(anchor: place.open, floor: floor, cue: beforeCue)
            : attributions.before(anchor: place.open, floor: floor, cue: beforeCue)
                ?? attributions.after(passage, nextOpen: nextOpen)
        if let verbAttribution { return verbAttribution }
        // "Trump’s claim that there have been “…”": the owner of the utterance, when no speech
        // verb frames the quote ("Fallon responded, calling Trump’s charge “…”" and "… said
        // Clinton’s remark was “…”" are the words of who responds or says).
        if let owned = attributions.possessiveUtterance(anchor: place.open, floor: place.sentenceStart) {
            return owned
        }
        return place.isSpeechPosition ? nil : fragmentAttribution(place, floor: floor)
    }

    /// A fragment shares the framing verb of the sentence ("tweeted that Machado was
    /// "disgusting" and "a con""), or failing one, the sentence's subject speaks.
    private func fragmentAttribution(_ place: Placement, floor: Int) -> Attribution? {
        if floor != place.sentenceStart,
            let framing = attributions.before(anchor: place.open, floor: place.sentenceStart, cue: .before)
        {
            return framing
        }
        // "Tea Party “super PACs” supported by …": a name right before the quote modifies it;
        // it is part of the subject, not its speaker.
        if let p = phrases.mainSubject(ofSentenceContaining: place.open, before: place.open), p.namesSomeone,
            p.tokens.upperBound < place.open
        {
            return Attribution(phrase: p, verb: nil, cue: .subject)
        }
        return nil
    }

    /// A colon before the quote with no speech verb: "Obama is rolling out a new message: “It's
    /// about me.”" (the clause's subject is who the quotation belongs to), or "Caddell
    /// continued:" ending the sentence or paragraph before.
    private func colonAttribution(_ place: Placement) -> Attribution? {
        let open = place.open
        if open > place.sentenceStart, reader.isChar(open - 1, ":"),
            let p = phrases.mainSubject(ofSentenceContaining: open, before: open - 1), isPerson(p)
        {
            return Attribution(phrase: p, verb: nil, cue: .colon)
        }
        guard place.startsSentence, place.sentence > 0 else { return nil }
        let prevSentence = reader.document.sentences[place.sentence - 1]
        let colon = prevSentence.tokens.upperBound - 1
        guard reader.isChar(colon, ":"), reader.paragraph(of: open) - prevSentence.paragraph <= 1 else { return nil }
        return attributions.before(anchor: colon, floor: prevSentence.tokens.lowerBound, cue: .colon)
    }

    /// The first word token in `from..<to`, if any.
    private func firstWordIndex(from: Int, to: Int) -> Int? {
        guard from < to, from >= 0, from < nextWordOrNumber.count else { return nil }
        let k = Int(nextWordOrNumber[from])
        return k < to ? k : nil
    }

    /// `he said "We will win."` (no comma): a quote right after a speech verb.
    private func followsSpeechVerb(_ open: Int, contentStart: Int) -> Bool {
        guard open > 0, let _ = phrases.verb(at: open - 1), contentStart < reader.count else { return false }
        return reader.isCapitalized(contentStart)
    }

    private func endsSentence(_ passage: QuotedPassage) -> Bool {
        let last = passage.lastToken
        let sentence = reader.sentenceTokens(of: last)
        return firstWordIndex(from: last + 1, to: sentence.upperBound) == nil
    }

    /// Whether a quote opening at `open` continues the speech of the quote before it: in the
    /// next sentence or two of the same paragraph, or opening the paragraph after it.
    private func isContinuation(of last: FoundQuote, at open: Int) -> Bool {
        guard last.kind == .direct || (last.kind == .partial && last.speaker != nil), last.attribution?.phrase != nil
        else { return false }
        let here = reader.sentence(of: open)
        let lastParagraph = reader.document.sentences[last.lastSentence].paragraph
        let paragraph = reader.paragraph(of: open)
        if paragraph == lastParagraph { return here - last.lastSentence <= 2 && here > last.lastSentence }
        let paragraphStart = reader.document.tokenRange(in: reader.document.paragraphs[paragraph]).lowerBound
        return paragraph == lastParagraph + 1 && firstWordIndex(from: paragraphStart, to: open) == nil
    }

    /// A quote standing alone as a sentence: the subject of the sentence before it (Alice turned
    /// to Bob. "…") or the pronoun or name opening the sentence after it ("…" She smiled.).
    private func neighbourAttribution(openSentence: Int, endSentence: Int) -> Attribution? {
        let sentences = reader.document.sentences
        let paragraph = sentences[openSentence].paragraph
        if openSentence > 0, sentences[openSentence - 1].paragraph == paragraph {
            let prev = sentences[openSentence - 1]
            let hasQuote = prev.tokens.contains { reader.isQuoteMark($0) }
            if !hasQuote,
                let p = phrases.mainSubject(
                    ofSentenceContaining: prev.tokens.lowerBound, before: prev.tokens.upperBound),
                isPerson(p)
            {
                return Attribution(phrase: p, verb: nil, cue: .precedingSentence)
            }
        }
        // A paragraph that is nothing but the quotation, after a paragraph ending on what a
        // person did ("Clinton restricted comments about …"): that person is quoted.
        if openSentence > 0, sentences[openSentence - 1].paragraph == paragraph - 1,
            endSentence + 1 >= sentences.count || sentences[endSentence + 1].paragraph != paragraph
        {
            let prev = sentences[openSentence - 1]
            let hasQuote = prev.tokens.contains { reader.isQuoteMark($0) }
            if !hasQuote,
                let p = phrases.mainSubject(
                    ofSentenceContaining: prev.tokens.lowerBound, before: prev.tokens.upperBound),
                isPerson(p), !isBareName(p)
            {
                return Attribution(phrase: p, verb: nil, cue: .precedingSentence)
            }
        }
        if endSentence + 1 < sentences.count, sentences[endSentence + 1].paragraph == paragraph {
            let nextSentence = sentences[endSentence + 1]
            if let first = firstWordIndex(from: nextSentence.tokens.lowerBound, to: nextSentence.tokens.upperBound),
                let p = phrases.mainSubject(
                    ofSentenceContaining: first, before: min(first + 4, nextSentence.tokens.upperBound)),
                p.tokens.lowerBound == first, isPerson(p)
            {
                return Attribution(phrase: p, verb: nil, cue: .followingSentence)
            }
        }
        return nil
    }

    /// Whether a phrase is only a capitalised run the entities extractor did not confirm.
    private func isBareName(_ p: SpeakerPhrase) -> Bool {
        if case .name = p.kind { return true }
        return false
    }

    /// Whether a phrase names one person (a PERSON mention, a he/she pronoun or a name).
    private func isPerson(_ p: SpeakerPhrase) -> Bool {
        switch p.kind {
        case .entity(let m): return m.label == .person
        case .pronoun(let g): return g == .male || g == .female
        case .name: return true
        default: return false
        }
    }

    // MARK: - Kind

    /// What a marked quote's words look like, worked out once for the tests of ``classify``.
    private struct QuoteText {
        /// The tokens of its segments, in order.
        var content: [Int]
        /// Its words and numbers.
        var words: [Int]
        var hasSentenceEnd: Bool
        /// Every lower-case word is a minor word of a title ("Power of Siberia").
        var isTitleCase: Bool
        /// A comma closes the quote ("“That,” he added").
        var isClosedByComma: Bool
    }

    private func quoteText(_ passage: QuotedPassage) -> QuoteText {
        var content: [Int] = []
        content.reserveCapacity(passage.segments.reduce(0) { $0 + $1.content.count })
        for segment in passage.segments { content.append(contentsOf: segment.content) }
        var words: [Int] = []
        words.reserveCapacity(content.count)
        for t in content where reader.isWordOrNumber(t) { words.append(t) }
        return QuoteText(
            content: content, words: words,
            hasSentenceEnd: content.contains { reader.isSentencePunctuation($0) || reader.hasPrefix($0, "...") },
            isTitleCase: words.allSatisfy { !reader.isLowercaseWord($0) || reader.is($0, .minorWord) },
            isClosedByComma: content.last.map { reader.isChar($0, ",") } == true)
    }

    /// A marked quote is a term (a name, a title, a stage direction, scare quotes), a full
    /// quotation, or a fragment of someone's words inside the reporter's sentence.
    private func classify(_ passage: QuotedPassage, speechPosition: Bool, attribution: Attribution?, speaker: String?)
        -> QuoteKind
    {
        let text = quoteText(passage)
        guard let firstWord = text.words.first else { return .term }
        if isStageDirection(text.content)
            || isTitleOrName(passage, text, speechPosition: speechPosition, attribution: attribution, speaker: speaker)
        {
            return .term
        }
        // PolNeAR's rule: a quotation is full when it is most of what the attribution frames
        // ("Trump says voter fraud “would be one hell of a way to lose.”"), a fragment when the
        // reporter's own words carry most of it ("called the pact “a fresh engine” of growth").
        if !opensInsideNounPhrase(passage.firstOpen, words: text.words.count),
            !isNaming(attribution, before: passage.firstOpen, firstWord: firstWord),
            quotedShare(passage, attribution: attribution) >= 0.5
        {
            return .direct
        }
        return fragmentKind(passage, text, attribution: attribution, speaker: speaker)
    }

    /// "(CROSSTALK.)", "[APPLAUSE]": a stage direction, not speech.
    private func isStageDirection(_ content: [Int]) -> Bool {
        guard let f = content.first, let l = content.last(where: { !reader.isSentencePunctuation($0) }) else {
            return false
        }
        return (reader.isChar(f, "(") && reader.isChar(l, ")")) || (reader.isChar(f, "[") && reader.isChar(l, "]"))
    }

    /// Whether a speech verb after the quote attributes it ("“…,” he said", "“…,” said Putin").
    private static func isAttributedByVerbAfter(_ attribution: Attribution?) -> Bool {
        attribution?.verb != nil && (attribution?.cue == .after || attribution?.cue == .inverted)
    }

    /// Whether a quote in title case names a work or a thing rather than quoting speech: a title
    /// after a preposition, determiner or possessive, a headline, a subheading, or a short
    /// title-case quote no speech verb attributes ("America First", "American Skin (41 Shots)").
    private func isTitleOrName(
        _ passage: QuotedPassage, _ text: QuoteText, speechPosition: Bool, attribution: Attribution?, speaker: String?
    ) -> Bool {
        let words = text.words
        let shortTitle = text.isTitleCase && words.count <= 6 && !text.hasSentenceEnd
        // "the broadcast of “Fox News Sunday,”", "MSNBC’s “Morning Joe”": a title after a
        // preposition, determiner or possessive names a work, whoever speaks nearby.
        let open = passage.firstOpen
        if shortTitle, open > 0, reader.isWord(open - 1), phrases.verb(at: open - 1) == nil,
            reader.isLowercaseWord(open - 1) || reader.endsWithPossessive(open - 1)
        {
            return true
        }
        // A headline ("Bill Clinton calls Obamacare ‘crazy system’"): the document's first
        // paragraph, short and followed by the story, quotes in single marks or title case.
        if isHeadline(reader.paragraph(of: open)), passage.isSingle || text.isTitleCase { return true }
        // "'All Bets Are Off.'" alone on its line: a subheading in title case, not speech.
        if words.count >= 2, words.count <= 8, words.allSatisfy({ reader.isCapitalized($0) || reader.isNumber($0) }),
            passage.segments.count == 1, isWholeParagraph(passage)
        {
            return true
        }
        // A comma closing the quote and a speech verb right after it ("“That,” he added, “…”")
        // make it speech, even when the speaker stays unnamed ("“Shots” was written by" does not).
        let attributedAfter = Self.isAttributedByVerbAfter(attribution) && text.isClosedByComma
        let after = passage.lastToken + 1
        let continuesLowercase =
            after < reader.count && reader.isLowercaseWord(after)
            && reader.sentence(of: after) == reader.sentence(of: passage.lastToken)
        return shortTitle && (attribution?.verb == nil || speaker == nil) && !attributedAfter
            && passage.segments.count == 1 && (continuesLowercase || !speechPosition)
    }

    /// A quote that is not most of what its attribution frames: someone's words when someone
    /// identifiable says them or a speech verb reports them, else a term.
    private func fragmentKind(_ passage: QuotedPassage, _ text: QuoteText, attribution: Attribution?, speaker: String?)
        -> QuoteKind
    {
        let words = text.words.count
        // A short fragment is a quotation only when someone identifiable says it; otherwise
        // ("what they termed the "new era"") it is a term.
        // "the notorious ''carried interest'' loophole", "what is known as the ''Buffett rule''":
        // a short name inside the reporter's noun phrase, with no speech verb framing it, is a term
        // even when the sentence has a subject who might speak.
        if words <= 4, attribution?.verb == nil, followsDeterminer(passage.firstOpen) { return .term }
        let namesSpeaker = attribution?.phrase?.namesSomeone == true && speaker != nil
        if namesSpeaker || words > 4 { return .partial }
        // "Critics say the plan is “unworkable.”": a fragment inside the clause a speech verb
        // reports is someone's word, even when the speaker is not named. A verb followed by a
        // preposition ("agreed on new projects and “equality”") frames a topic, not a clause.
        if attribution?.phrase != nil, let v = attribution?.verbTokens, v.upperBound < passage.firstOpen,
            attribution?.cue == .accordingTo || phrases.verb(at: v.lowerBound)?.verb.reportsContent == true,
            !reader.is(v.upperBound, .preposition)
        {
            return .partial
        }
        // "It was the school’s ‘best year ever,’ the headteacher said.": the same with the
        // attribution after the quote.
        let after = passage.lastToken + 1
        let commaAfter = after < reader.count && reader.isChar(after, ",")  // British style: ‘…’, she said
        if attribution?.phrase != nil, Self.isAttributedByVerbAfter(attribution), text.isClosedByComma || commaAfter {
            return .partial
        }
        return .term
    }

    /// Whether the quote follows a determiner or a possessive (`the “new era”`, `Machado’s “sex
    /// tape”`) or a verb other than the speech verb (`in countering “…”`): it is then a piece of
    /// the reporter's phrase, never a full utterance.
    private func opensInsideNounPhrase(_ open: Int, words: Int) -> Bool {
        guard open > 0, reader.isWord(open - 1) else { return false }
        let w = open - 1
        let endsInIng = reader.lowercasedHasSuffix(w, "ing")
        // A long quote after "the" is still mostly someone's words ("represents the “same
        // rigged system that he claims he’s going to change.”"); a short one is a name.
        guard words <= 4 || endsInIng else { return false }
        // "role in countering “…”": the object of another verb than the speech verb.
        if endsInIng, reader.characterCount(w) > 5, phrases.verb(at: w) == nil { return true }
        return reader.is(w, .determiner) || reader.isPossessiveMarker(w) || reader.endsWithPossessive(w)
    }

    /// Whether a passage is all its paragraph holds (besides punctuation).
    private func isWholeParagraph(_ passage: QuotedPassage) -> Bool {
        let tokens = reader.document.tokenRange(in: reader.document.paragraphs[reader.paragraph(of: passage.firstOpen)])
        let inside = passage.firstOpen..<(passage.lastToken + 1)
        return tokens.allSatisfy {
            inside.contains($0) || !reader.isWordOrNumber($0)
        }
    }

    /// Whether a definite determiner opens the noun phrase the quote starts in, right before it
    /// or before one adjective (`the “Buffett rule”`, `the notorious “carried interest”`): a
    /// name the reader is meant to know. "a “spoiled brat”" characterises someone instead, which
    /// is often a speaker's word.
    private func followsDeterminer(_ open: Int) -> Bool {
        guard open > 0, reader.isWord(open - 1) else { return false }
        func isDefinite(_ i: Int) -> Bool { reader.lowerIs(i, "the") || reader.lowerIs(i, "so-called") }
        if isDefinite(open - 1) { return true }
        return open > 1 && reader.isLowercaseWord(open - 1) && phrases.verb(at: open - 1) == nil && isDefinite(open - 2)
    }

    /// Whether paragraph `p` is the document's headline: the first paragraph, one line of at
    /// most 25 words, with more text after it.
    private func isHeadline(_ p: Int) -> Bool {
        guard p == 0, reader.document.paragraphs.count > 1 else { return false }
        let tokens = reader.document.tokenRange(in: reader.document.paragraphs[0])
        guard !tokens.contains(where: { $0 > tokens.lowerBound && reader.document.tokens[$0].lineStart }) else {
            return false
        }
        return tokens.reduce(0) { $0 + (reader.isWord($1) ? 1 : 0) } <= 25
    }

    /// Whether a naming verb before the quote frames it (`called the talks “a fresh engine”`,
    /// `was described as “rock solid”`): such verbs take a name or a characterisation, not an
    /// utterance, unless the quote opens like a sentence (`asked, “Why now?”`).
    private func isNaming(_ attribution: Attribution?, before open: Int, firstWord: Int) -> Bool {
        guard let v = attribution?.verbTokens, v.upperBound <= open, let (verb, _, _) = phrases.verb(at: v.lowerBound)
        else { return false }
        return !verb.reportsContent && reader.isLowercaseWord(firstWord)
    }

    /// The share of quoted words in the content an attribution frames: the words after the
    /// speech verb (or "that") to the end of the sentence when the verb comes first, the words
    /// before the speaker when the attribution follows, the words after the subject when there is
    /// no verb; the speaker's own words ("said Putin") never count. Quoted words of every passage
    /// in that stretch count, so "“go to your place” and then “go sit there”" is mostly quoted.
    private func quotedShare(_ passage: QuotedPassage, attribution: Attribution?) -> Double {
        var lo = reader.sentenceTokens(of: passage.firstOpen).lowerBound
        var hi = reader.sentenceTokens(of: passage.lastToken).upperBound
        let phrase = attribution?.phrase?.tokens
        if let v = attribution?.verbTokens, v.lowerBound >= lo, v.upperBound <= hi {
            if v.upperBound <= passage.firstOpen {
                // "As Ms. Simonyan put it in July, RT is “…”": the clause after "as …," is what the
                // attribution frames; the words between the verb and the comma are its adjuncts.
                let opensWithAs = reader.lowerIs(lo, "as")
                lo = v.upperBound
                if opensWithAs, let comma = (lo..<passage.firstOpen).first(where: { reader.isChar($0, ",") }) {
                    lo = comma + 1
                }
                if lo < passage.firstOpen, reader.lowerIs(lo, "that") { lo += 1 }
                // "called the talks “…” and described the ties as “…”": the next verb frames its own.
                // A dash or semicolon after the quote ends the framed clause too.
                if let next = ((passage.lastToken + 1)..<hi).first(where: {
                    phrases.verb(at: $0) != nil || reader.isDash($0) || reader.isChar($0, ";")
                }) {
                    hi = next
                }
            } else if v.lowerBound > passage.lastToken {
                hi = v.lowerBound
                if let p = phrase, p.lowerBound > passage.lastToken, p.lowerBound < hi { hi = p.lowerBound }
            }
        } else if passage.firstOpen > lo, reader.isChar(passage.firstOpen - 1, ":") {
            lo = passage.firstOpen  // "… a new message: “It's about me.”": the colon hands over.
        } else if let p = phrase, p.lowerBound >= lo, p.upperBound <= passage.firstOpen {
            lo = p.upperBound
        }
        var quotedWords = 0, allWords = 0
        for t in lo..<max(lo, hi) where reader.isWordOrNumber(t) {
            if let p = phrase, p.contains(t) { continue }
            allWords += 1
            if quotedTokens[t] { quotedWords += 1 }
        }
        return allWords == 0 ? 1 : Double(quotedWords) / Double(allWords)
    }

    // MARK: - Transcripts

    /// The speaker label of a transcript turn starting at token `i` ("PENCE:", "CHRIS WALLACE:"):
    /// one to three upper-case words and a colon at the start of a line (after an opening mark).
    private func transcriptLabel(at i: Int) -> Range<Int>? {
        guard i < reader.count else { return nil }
        let lineStart =
            reader.document.tokens[i].lineStart
            || (i > 0 && reader.isQuoteMark(i - 1) && reader.document.tokens[i - 1].lineStart)
        guard lineStart else { return nil }
        var k = i
        while k < min(reader.count, i + 3), isUpperCaseWord(k) { k += 1 }
        guard k > i, k < reader.count, reader.isChar(k, ":"), !reader.document.tokens[k].lineStart else { return nil }
        // "WATCH:", "UPDATE:", "Q&A:": the outlet's section labels name nobody.
        guard
            !(i..<k).contains(where: { reader.is($0, .sectionLabel) || reader.text($0).contains("&") })
        else { return nil }
        return i..<k
    }

    private func isUpperCaseWord(_ i: Int) -> Bool {
        guard reader.isWord(i) else { return false }
        // An ASCII word (nearly all) is answered from its bytes: two or more characters, an
        // upper-case letter and no lower-case one.
        let span = reader.document.tokens[i].span
        var upper = false, lower = false, ascii = true
        for k in span.start..<span.end {
            let b = reader.document.utf8[k]
            if b >= 0x80 {
                ascii = false
                break
            }
            if b >= 97 && b <= 122 { lower = true }
            if b >= 65 && b <= 90 { upper = true }
        }
        if ascii { return span.length >= 2 && upper && !lower }
        let text = reader.text(i)
        return text.count >= 2 && text.allSatisfy { !$0.isLetter || $0.isUppercase } && text.contains { $0.isLetter }
    }

    /// The transcript turns of a quoted passage ("PENCE: Well, look, …"), each paragraph being
    /// a turn of the label that opens it or continuing the turn before; none when the passage
    /// does not open with a label.
    private func transcriptTurns(_ passage: QuotedPassage, resolver: SpeakerResolver) -> [FoundQuote] {
        guard transcriptLabel(at: passage.segments[0].content.lowerBound) != nil else { return [] }
        var out: [FoundQuote] = []
        for segment in passage.segments {
            let content = trimmingTrailingCommas(segment.content)
            guard !content.isEmpty else { continue }
            let sentence = reader.sentence(of: content.lowerBound), last = reader.sentence(of: content.upperBound - 1)
            let label = transcriptLabel(at: content.lowerBound)
            let from = label.map { $0.upperBound + 1 } ?? content.lowerBound
            guard from < content.upperBound else { continue }
            // "(CROSSTALK.)": a stage direction belongs to no one.
            if reader.isChar(from, "(") || reader.isChar(from, "[") {
                out.append(
                    FoundQuote(
                        pieces: [reader.span(from..<content.upperBound)], kind: .term, attribution: nil, speaker: nil,
                        firstSentence: sentence, lastSentence: last))
                continue
            }
            if let label {
                let phrase = SpeakerPhrase(kind: .name, tokens: label)
                out.append(
                    FoundQuote(
                        pieces: [reader.span(from..<content.upperBound)], kind: .direct,
                        attribution: Attribution(phrase: phrase, verb: nil, cue: .transcript),
                        speaker: resolver.resolveLabel(label), firstSentence: sentence, lastSentence: last))
            } else if let turn = out.last(where: { $0.kind == .direct }), !isFollowLine(from..<content.upperBound) {
                out.append(
                    FoundQuote(
                        pieces: [reader.span(from..<content.upperBound)], kind: .direct,
                        attribution: turn.attribution.map {
                            Attribution(phrase: $0.phrase, verb: nil, cue: .continuation)
                        },
                        speaker: turn.speaker, firstSentence: sentence, lastSentence: last))
            }
        }
        return out
    }

    /// "Follow Pam Key on Twitter @pamkeyNEN.": the outlet's footer after a transcript, which
    /// speaks for no one in it.
    private func isFollowLine(_ tokens: Range<Int>) -> Bool {
        guard tokens.count <= 12, reader.lowerIs(tokens.lowerBound, "follow") else { return false }
        return tokens.contains {
            reader.hasPrefix($0, "@") || reader.is($0, .socialNetwork)
        }
    }

    /// Transcript turns printed without quote marks, one per line.
    private func transcriptTurns(resolver: SpeakerResolver) -> [FoundQuote] {
        var out: [FoundQuote] = []
        let tokenList = reader.document.tokens
        // The paragraph's first token (what `tokenRange(in:)` starts with): the first token
        // starting at or after the paragraph, found by binary search; its whole range only for
        // a label.
        for paragraph in reader.document.paragraphs {
            var first = 0, high = tokenList.count
            while first < high {
                let mid = (first + high) / 2
                if tokenList[mid].span.start < paragraph.start { first = mid + 1 } else { high = mid }
            }
            guard first < tokenList.count, tokenList[first].span.end <= paragraph.end, !quotedTokens[first],
                !reader.isQuoteMark(first),
                transcriptLabel(at: first) != nil
            else { continue }
            let tokens = reader.document.tokenRange(in: paragraph)
            guard let label = transcriptLabel(at: tokens.lowerBound) else { continue }
            // The turn runs to the end of its line.
            var end = label.upperBound + 1
            while end < tokens.upperBound, !reader.document.tokens[end].lineStart { end += 1 }
            guard end > label.upperBound + 1 else { continue }
            let phrase = SpeakerPhrase(kind: .name, tokens: label)
            out.append(
                FoundQuote(
                    pieces: [reader.span((label.upperBound + 1)..<end)], kind: .direct,
                    attribution: Attribution(phrase: phrase, verb: nil, cue: .transcript),
                    speaker: resolver.resolveLabel(label), firstSentence: reader.sentence(of: label.lowerBound),
                    lastSentence: reader.sentence(of: end - 1)))
        }
        return out
    }

    // MARK: - Quotes without marks

    /// A line of speech followed by a line that attributes it ("Putin said, opening the
    /// meeting."), as some outlets print quotations without quote marks.
    private func unmarkedQuotes(avoiding passages: [QuotedPassage], resolver: SpeakerResolver) -> [FoundQuote] {
        let sentences = reader.document.sentences
        var marked = [Bool](repeating: false, count: sentences.count)
        for p in passages {
            for s in reader.sentence(of: p.firstOpen)...reader.sentence(of: p.lastToken) { marked[s] = true }
        }
        var out: [FoundQuote] = []
        for (s, sentence) in sentences.enumerated() where s > 0 {
            let first = sentence.tokens.lowerBound
            guard reader.document.tokens[first].lineStart, sentence.tokens.count <= 14, !marked[s] else { continue }
            // The attribution line must end where the sentence ends.
            let end = sentence.tokens.upperBound
            guard end == reader.count || reader.document.tokens[end].lineStart else { continue }
            // "Putin said." / "Xi Jinping said, opening the meeting."
            guard let verbIndex = (first..<min(end, first + 5)).first(where: { phrases.verb(at: $0) != nil }),
                let (v, text, _) = phrases.verb(at: verbIndex), !v.isParticiple,
                v.attributesUnmarkedSpeech,
                let subject = phrases.subject(before: verbIndex, floor: first),
                subject.tokens.lowerBound == first || first + 1 >= subject.tokens.lowerBound,
                subject.namesSomeone
            else { continue }
            let afterVerb = verbIndex + 1
            let closesLine = afterVerb < end && (reader.isChar(afterVerb, ".") || reader.isChar(afterVerb, ","))
            guard closesLine else { continue }
            // The speech: the line before, back to its start, ending with a comma (or a period
            // when the attribution is a bare "Name said.").
            let speechEnd = first - 1
            let endsWithComma = reader.isChar(speechEnd, ",")
            guard endsWithComma || reader.isSentencePunctuation(speechEnd) else { continue }
            var speechStart = speechEnd
            while speechStart > 0, !reader.document.tokens[speechStart].lineStart { speechStart -= 1 }
            // A line closed by a period is speech before a bare "Name said." or, before "Name
            // said, opening the meeting.", when it speaks in the first person ("We will …").
            let bareAttribution = reader.isChar(afterVerb, ".") && afterVerb + 1 == end
            guard endsWithComma || bareAttribution || (speechStart..<speechEnd).contains(where: { isFirstPerson($0) })
            else { continue }
            let speechSentence = reader.sentence(of: speechStart)
            guard !marked[reader.sentence(of: speechEnd)], !marked[speechSentence] else { continue }
            let content = speechStart..<(endsWithComma ? speechEnd : speechEnd + 1)
            let wordCount = content.filter { reader.isWord($0) }.count
            guard wordCount >= 6, !reader.isDash(speechStart),
                !(speechStart..<speechEnd).contains(where: { reader.isQuoteMark($0) })
            else { continue }
            let attribution = Attribution(phrase: subject, verb: text, cue: .unmarked)
            out.append(
                FoundQuote(
                    pieces: [reader.span(content)], kind: .direct, attribution: attribution,
                    speaker: resolver.resolve(subject), firstSentence: speechSentence, lastSentence: s))
        }
        return out
    }

    /// "I", "we", "my", "our", "us", "me": a line in the speaker's own voice.
    private func isFirstPerson(_ t: Int) -> Bool {
        reader.isWord(t) && reader.is(t, .firstPersonWord)
    }

    // MARK: - Indirect speech

    /// Reported speech without quote marks: "Putin noted that …", "…, sources said.",
    /// "according to X, …".
    private func indirectSpeech(skipping busy: [Bool], resolver: SpeakerResolver) -> [FoundQuote] {
        var out: [FoundQuote] = []
        for (s, sentence) in reader.document.sentences.enumerated() where !busy[s] && sentence.tokens.count >= 5 {
            if let q = indirect(in: s, resolver: resolver) { out.append(q) }
        }
        return out
    }

    private func indirect(in s: Int, resolver: SpeakerResolver) -> FoundQuote? {
        let range = reader.document.sentences[s].tokens
        var end = range.upperBound
        while end > range.lowerBound, !reader.isWordOrNumber(end - 1) { end -= 1 }
        guard end - range.lowerBound >= 4 else { return nil }
        let sentence = range.lowerBound..<end
        guard
            let (content, attribution) = trailingAttribution(sentence) ?? leadingAccordingTo(sentence)
                ?? reportingVerbClause(sentence)
        else { return nil }
        return indirectQuote(content, attribution, s, resolver)
    }

    /// "…, sources said." / "…, said the official." / "…, according to X.": the content before
    /// the last comma and the attribution after it, which must run to the sentence's end.
    /// - Parameter sentence: the sentence up to its last word or number.
    private func trailingAttribution(_ sentence: Range<Int>) -> (Range<Int>, Attribution)? {
        let start = sentence.lowerBound, end = sentence.upperBound
        // The last comma is looked for among the last twelve tokens only: one further back is
        // too far from the end anyway.
        guard let comma = (max(start, end - 12)..<end).last(where: { reader.isChar($0, ",") }), comma - start >= 4
        else { return nil }
        if let a = attributions.accordingTo(at: comma + 1, limit: end) { return (start..<comma, a) }
        guard let v = ((comma + 1)..<end).first(where: { phrases.verb(at: $0)?.verb.reportsContent == true }),
            let (verb, text, length) = phrases.verb(at: v),
            !verb.isParticiple, !verb.neverInverts || v > comma + 1
        else { return nil }
        let inverted = v == comma + 1
        let p = inverted ? phrases.speaker(after: v + length, limit: end) : phrases.subject(before: v, floor: comma + 1)
        guard let p, v + length + (inverted ? p.tokens.count : 0) >= end - 2 else { return nil }
        return (start..<comma, Attribution(phrase: p, verb: text, cue: .after))
    }

    /// "According to X, …": the content after the first comma.
    private func leadingAccordingTo(_ sentence: Range<Int>) -> (Range<Int>, Attribution)? {
        guard let a = attributions.accordingTo(at: sentence.lowerBound, limit: sentence.upperBound),
            let comma = sentence.first(where: { reader.isChar($0, ",") }), comma + 4 < sentence.upperBound
        else { return nil }
        return ((comma + 1)..<sentence.upperBound, a)
    }

    /// "Putin noted that …", "Kyiv says these attacks …", "he told reporters that …": the first
    /// verb that reports content and the clause after it.
    private func reportingVerbClause(_ sentence: Range<Int>) -> (Range<Int>, Attribution)? {
        let end = sentence.upperBound
        var i = sentence.lowerBound + 1
        while i < end - 2 {
            guard let (verb, text, length) = phrases.verb(at: i), verb.reportsContent,
                let clauseStart = reportedClauseStart(afterVerb: i, length: length, lemma: verb.lemma, end: end)
            else {
                i += 1
                continue
            }
            guard end - clauseStart >= 3 else { return nil }
            let p =
                verb.isParticiple
                ? phrases.mainSubject(ofSentenceContaining: i, before: i)
                : phrases.subject(before: i, floor: sentence.lowerBound)
                    ?? phrases.mainSubject(ofSentenceContaining: i, before: i)
            guard let p else { return nil }
            return (clauseStart..<end, Attribution(phrase: p, verb: text, cue: .thatClause))
        }
        return nil
    }

    /// Where the clause a reporting verb at `verb` reports starts: after "that", which may follow
    /// a listener or a short adverbial ("told reporters on Tuesday that"), or right after "say"
    /// with a bare clause ("Kyiv says these attacks …", not "said on Tuesday"); nil for neither.
    private func reportedClauseStart(afterVerb verb: Int, length: Int, lemma: String, end: Int) -> Int? {
        let k = verb + length
        var look = k
        while look < min(end, k + 6), !reader.isChar(look, ",") || look == k {
            if reader.lowerIs(look, "that") { return look + 1 }
            look += 1
        }
        guard lemma == "say", k < end, reader.isWordOrNumber(k), !reader.is(k, .notClauseStart) else {
            return nil
        }
        return k
    }

    private func indirectQuote(_ content: Range<Int>, _ attribution: Attribution, _ s: Int, _ resolver: SpeakerResolver)
        -> FoundQuote?
    {
        var r = content
        while !r.isEmpty, !reader.isWordOrNumber(r.upperBound - 1) {
            r = r.lowerBound..<(r.upperBound - 1)
        }
        guard r.count >= 3 else { return nil }
        let speaker = attribution.phrase.flatMap { resolver.resolve($0) }
        return FoundQuote(
            pieces: [reader.span(r)], kind: .indirect, attribution: attribution, speaker: speaker,
            firstSentence: s, lastSentence: s)
    }
}
