import AssayCore

/// A phrase that names who speaks, as found next to a speech cue.
struct SpeakerPhrase {
    enum Kind {
        /// A mention the entities extractor found.
        case entity(EntityIndex.Mention)
        /// A capitalised name the entities extractor missed.
        case name
        case pronoun(SpeechLexicon.Pronoun)
        /// A description without a name ("the Chinese leader", "a Kremlin readout").
        case description
        /// Several speakers ("Xi and Putin said", "the two leaders"): never one canonical name.
        case plural
    }
    var kind: Kind
    /// The local mention: what `speaker_start`/`speaker_end` point at.
    var tokens: Range<Int>
}

/// Finds speaker phrases around speech verbs: the subject before a verb, the speaker after an
/// inverted verb, the main subject of a clause, with appositions ("the spokesperson, Lin Jian").
struct SpeakerPhraseFinder {
    let reader: TokenReader
    let entities: EntityIndex
    /// The speech verb at each token (an index into `verbCues`, or -1), worked out once per
    /// document: indirect speech scans every sentence for verbs, and subjects, speakers and
    /// quote kinds ask about the same tokens again, so a look-up must cost no more than an
    /// array read.
    private let verbCueAt: [Int32]
    /// The nearest token at or before each token that holds a speech verb, or -1: a quote's
    /// attribution looks back for the nearest verb, and with thousands of quotes in one long
    /// sentence a scan per quote would take time quadratic in the sentence.
    private let verbAtOrBefore: [Int32]
    /// ``SpeechLexicon/verbCues``, held here so that a look-up does not check the static's
    /// initialisation.
    private let verbCues: [(verb: SpeechLexicon.Verb, text: String, length: Int)]
    /// Where each token text occurs (for ``isCapitalizedElsewhere(_:)``).
    private let tokenTexts: TokenTextIndex

    init(reader: TokenReader, entities: EntityIndex) {
        self.reader = reader
        self.entities = entities
        tokenTexts = TokenTextIndex(reader: reader)
        var at = [Int32](repeating: -1, count: reader.count)
        // Read once here: inside the loop each static would be checked for initialisation per token.
        let formIndex = SpeechLexicon.verbFormIndex, formList = SpeechLexicon.verbFormList
        let document = reader.document, words = reader.words, types = reader.types
        document.utf8.withUnsafeBufferPointer { bytes in
            for (i, t) in document.tokens.enumerated() where words.contains(.speechVerbForm, token: i) {
                // A speech verb is written in lower case, at least its first two letters ("Said"
                // opening a sentence is not asked), and is 3 to 14 bytes long.
                guard t.kind == .word, UInt(bitPattern: t.span.length &- 3) <= 11,
                    TextBytes.isASCIILowercase(bytes[t.span.start]),
                    TextBytes.isASCIILowercase(bytes[t.span.start + 1]),
                    let form = formIndex.payload(ofType: types.type(ofSpan: i), in: types)
                else { continue }
                at[i] = Self.cue(of: formList[form], index: form, at: i, reader: reader)
            }
        }
        verbCueAt = at
        var nearest = [Int32](repeating: -1, count: at.count)
        var last: Int32 = -1
        for i in at.indices {
            if at[i] >= 0 { last = Int32(i) }
            nearest[i] = last
        }
        verbAtOrBefore = nearest
        verbCues = SpeechLexicon.verbCues
    }

    /// Generational suffixes written after a name ("Martin Luther King Jr."), compared as
    /// written: "ii" or "jr" in lower case is no suffix.
    static let nameSuffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]

    /// Whether token `i` ends (reading backwards) or ends (reading forwards) a phrase.
    private func isBoundary(_ i: Int) -> Bool {
        let t = reader.document.tokens[i]
        if t.kind == .punctuation || t.kind == .symbol { return true }
        if reader.isLowercaseWord(i) {
            if reader.is(i, .stopWord) || reader.is(i, .speechVerbForm) { return true }
        }
        return false
    }

    /// The speech verb at token `i`, with its text ("said", "pointed out") and its token count.
    func verb(at i: Int) -> (verb: SpeechLexicon.Verb, text: String, length: Int)? {
        let k = verbCueAt[i]
        return k < 0 ? nil : verbCues[Int(k)]
    }

    /// The last token at or before `i` that holds a speech verb, or nil.
    func lastVerb(atOrBefore i: Int) -> Int? {
        guard i >= 0 else { return nil }
        let k = verbAtOrBefore[i]
        return k < 0 ? nil : Int(k)
    }

    /// Whether a speech verb is at token `i` (``verb(at:)`` without copying its cue).
    func hasVerb(at i: Int) -> Bool { verbCueAt[i] >= 0 }

    /// Whether the speech verb at token `i` takes the listener as its object (false without one).
    func takesListener(at i: Int) -> Bool { verbCueAt[i] >= 0 && verbCues[Int(verbCueAt[i])].verb.takesListener }

    /// Whether the speech verb at token `i` is a participle (false without one).
    func isParticiple(at i: Int) -> Bool { verbCueAt[i] >= 0 && verbCues[Int(verbCueAt[i])].verb.isParticiple }

    /// The cue (an index into ``SpeechLexicon/verbCues``) the verb form `form` (number `index`)
    /// gives at token `i`, or -1 when its context says it is no speech verb there.
    private static func cue(of form: SpeechLexicon.VerbForm, index: Int, at i: Int, reader: TokenReader) -> Int32 {
        if let particle = form.particle {
            guard i + 1 < reader.count else { return -1 }
            if particle.isEmpty {
                // "Caddell continued:": only right before the quotation it introduces.
                guard reader.isChar(i + 1, ":") || reader.isChar(i + 1, ",") else { return -1 }
                return Int32(2 * index)
            }
            guard reader.lowerIs(i + 1, particle) else { return -1 }
            return Int32(2 * index + 1)
        }
        if form.afterDocumentOnly {
            guard i > 0, reader.is(i - 1, .documentNoun) else { return -1 }
        }
        if form.afterSubjectOnly {
            guard i > 0, reader.isCapitalized(i - 1) || reader.pronoun(i - 1) != nil else {
                return -1
            }
        }
        // "the so-called", "a called meeting": a verb right after a determiner is a noun or adjective.
        if !form.verb.isParticiple, i > 0, reader.is(i - 1, .determiner) { return -1 }
        return Int32(2 * index)
    }

    /// What kind of speaker a phrase (comma-free) is, focusing on the mention nearest `end`
    /// (subject before a verb) or nearest its start (speaker after an inverted verb).
    func analyze(_ chunk: Range<Int>, nearEnd: Bool) -> SpeakerPhrase? {
        guard !chunk.isEmpty else { return nil }
        let span = reader.span(chunk)
        let found = entities.mentions(overlapping: span)
        // The person nearest the focus, found in place (no array of the people).
        if let m = nearEnd
            ? found.last(where: { $0.label == .person && !isCalendarName($0) })
            : found.first(where: { $0.label == .person && !isCalendarName($0) })
        {
            return SpeakerPhrase(kind: .entity(m), tokens: tokens(of: m, within: chunk))
        }
        if chunk.count == 1, let p = reader.pronoun(chunk.lowerBound) {
            return SpeakerPhrase(kind: p == .plural ? .plural : .pronoun(p), tokens: chunk)
        }
        // "in an interview with RT he blasted": a subject pronoun right before the verb.
        if nearEnd, let last = chunk.last, reader.isLowercaseWord(last),
            reader.is(last, .subjectPronoun), let p = reader.pronoun(last), p != .firstPerson, p != .neuter
        {
            return SpeakerPhrase(kind: p == .plural ? .plural : .pronoun(p), tokens: last..<(last + 1))
        }
        // "He went on to say", "she declined to say": a pronoun opening the clause whose verb takes
        // the speech verb's infinitive is its subject.
        if nearEnd, chunk.count <= 6, let last = chunk.last, reader.lowerIs(last, "to"),
            reader.is(chunk.lowerBound, .subjectPronoun), let p = reader.pronoun(chunk.lowerBound),
            p == .male || p == .female
        {
            return SpeakerPhrase(kind: .pronoun(p), tokens: chunk.lowerBound..<(chunk.lowerBound + 1))
        }
        // "Officials at Homeland Security Investigations", "a spokesman for the Pentagon": the
        // people of an organisation speak for it.
        if let org = memberOrganisation(in: chunk, mentions: found) { return org }
        // A lower-case word saying there are several.
        if chunk.contains(where: { reader.isLowercaseWord($0) && reader.is($0, .pluralWord) }) {
            return SpeakerPhrase(kind: .plural, tokens: chunk)
        }
        if let m = nearEnd
            ? found.last(where: { $0.label == .org && !isCalendarName($0) })
            : found.first(where: { $0.label == .org && !isCalendarName($0) })
        {
            return SpeakerPhrase(kind: .entity(m), tokens: tokens(of: m, within: chunk))
        }
        if let name = nameRun(in: chunk, nearEnd: nearEnd) {
            return SpeakerPhrase(kind: .name, tokens: name)
        }
        // A place standing for its government ("Kyiv says") only when it is the whole phrase.
        let content = chunk.filter { !reader.is($0, .determiner) }
        if let m = found.first, m.label == .loc || m.label == .misc, let f = content.first, let l = content.last,
            reader.span(f..<(l + 1)) == m.span, m.label == .loc
        {
            return SpeakerPhrase(kind: .entity(m), tokens: tokens(of: m, within: chunk))
        }
        return SpeakerPhrase(kind: .description, tokens: chunk)
    }

    /// The organisation a member noun belongs to when the chunk says so: the member noun, then
    /// "at/of/for/from/with" and an ORG mention.
    private func memberOrganisation(in chunk: Range<Int>, mentions: ArraySlice<EntityIndex.Mention>) -> SpeakerPhrase? {
        for i in chunk where i + 1 < chunk.upperBound && reader.is(i, .memberNoun) {
            guard reader.is(i + 1, .memberPreposition) else { continue }
            let after = reader.document.tokens[i + 1].span.end
            if let m = mentions.first(where: { $0.label == .org && $0.span.start >= after }) {
                return SpeakerPhrase(kind: .entity(m), tokens: tokens(of: m, within: chunk))
            }
        }
        return nil
    }

    private func tokens(of m: EntityIndex.Mention, within chunk: Range<Int>) -> Range<Int> {
        let r = m.tokens
        let lo = max(r.lowerBound, chunk.lowerBound), hi = min(r.upperBound, chunk.upperBound)
        return lo < hi ? lo..<hi : chunk
    }

    /// The run of capitalised words in `chunk` that looks like a name: not a title, not a
    /// nationality or place the entities extractor labelled, not a lone sentence-initial word.
    func nameRun(in chunk: Range<Int>, nearEnd: Bool) -> Range<Int>? {
        var runs: [Range<Int>] = []
        var start: Int?
        for i in chunk {
            let isNameWord =
                reader.isCapitalized(i) && !reader.is(i, .title) && !reader.is(i, .determiner)
                && !isNonSpeakerEntity(i) && reader.pronoun(i) == nil
            let isJoiner =
                start != nil
                && (reader.isChar(i, ".") || reader.is(i, .nameParticle))
            if isNameWord || isJoiner {
                if start == nil { start = i }
            } else {
                if let s = start { appendTrimmingCalendarNames(s..<i, to: &runs) }
                start = nil
            }
        }
        if let s = start { appendTrimmingCalendarNames(s..<chunk.upperBound, to: &runs) }
        // A lone capitalised word opening a sentence ("Speaking", "Though") is a name only if the
        // document also capitalises it elsewhere.
        runs = runs.filter { r in
            guard r.count == 1 else { return true }
            let i = r.lowerBound
            if reader.is(i, .introducer) { return false }
            return !isSentenceInitial(i) || isCapitalizedElsewhere(i)
        }
        return nearEnd ? runs.last : runs.first
    }

    /// Appends a run of capitalised words without the days or months that end it ("published
    /// Wednesday", "on Twitter Thursday"), if any word is left.
    private func appendTrimmingCalendarNames(_ run: Range<Int>, to runs: inout [Range<Int>]) {
        var r = run
        while let last = r.last,
            reader.is(last, .calendarName)
                || (r.count > 1 && reader.isChar(last, ".") && reader.is(last - 1, .calendarName))
        {
            r = r.lowerBound..<last
        }
        if !r.isEmpty { runs.append(r) }
    }

    func isSentenceInitial(_ i: Int) -> Bool {
        var first = reader.sentenceTokens(of: i).lowerBound
        while first < i, !reader.isWord(first) { first += 1 }
        return first == i || reader.document.tokens[i].lineStart
    }

    /// Whether token `i`'s text occurs elsewhere in the document where its position does not
    /// capitalise it.
    func isCapitalizedElsewhere(_ i: Int) -> Bool {
        tokenTexts.containsOther(withTextOf: i) { !isSentenceInitial($0) }
    }

    /// Whether a mention is a day or a month alone ("Wednesday", "Nov."), which the tagger
    /// sometimes takes for a person or an organisation.
    func isCalendarName(_ m: EntityIndex.Mention) -> Bool {
        // "September." is the longest: a longer mention is ruled out before its tokens are looked up.
        guard m.span.length <= 10 else { return false }
        return isCalendarName(m.tokens)
    }

    /// Whether the tokens `r` are a day or a month alone ("Wednesday", "Nov", "Nov.").
    func isCalendarName(_ r: Range<Int>) -> Bool {
        guard let first = r.first, reader.is(first, .calendarName) else { return false }
        return r.count == 1 || (r.count == 2 && reader.isChar(first + 1, "."))
    }

    private func isNonSpeakerEntity(_ i: Int) -> Bool {
        entities.mentions(overlapping: reader.document.tokens[i].span).contains {
            $0.label == .loc || $0.label == .misc
        }
    }

    /// Whether a description names one person's role ("a spokesperson", "the Chinese leader",
    /// "an economist"), so that a name beside it is its apposition; "the countries" is not.
    func isRoleDescription(_ chunk: Range<Int>) -> Bool {
        guard let last = chunk.last, reader.isWord(last) else { return false }
        if reader.is(last, .roleNoun) || reader.is(last, .title) || reader.is(last, .documentNoun) { return true }
        if reader.lowercasedHasSuffix(last, "s") { return false }
        return ["er", "or", "ist", "ian", "ant", "ent", "ee", "ive", "ess"].contains {
            reader.lowercasedHasSuffix(last, $0)
        }
    }

    /// Whether a lowercased word may stand between a subject and its verb ("also", "has",
    /// "reportedly").
    private func isAdverbOrAuxiliary(_ i: Int) -> Bool {
        reader.is(i, .adverbOrAuxiliary) || reader.lowercasedHasSuffix(i, "ly")
    }

    /// The subject of the verb at `verb`, reading back no further than `floor`.
    /// Returns nil when the verb follows a conjunction (its subject is the clause's) or nothing
    /// like a subject precedes it.
    func subject(before verb: Int, floor: Int) -> SpeakerPhrase? {
        var j = verb - 1
        while j >= floor, reader.isLowercaseWord(j), isAdverbOrAuxiliary(j) { j -= 1 }
        guard j >= floor else { return nil }
        // "Rep. Gwen Moore (D-Wis.) said": a bracketed affiliation sits between name and verb.
        if reader.isChar(j, ")"), let open = (max(floor, j - 8)..<j).last(where: { reader.isChar($0, "(") }),
            open - 1 >= floor
        {
            j = open - 1
        }
        if reader.is(j, .clauseConjunction) { return nil }
        // "Officials at X, a division of Y, said": an apposition opening with "a"/"an" between
        // commas describes the phrase before it, which is the subject.
        if reader.isChar(j, ","), let c = (max(floor, j - 14)..<j).last(where: { reader.isChar($0, ",") }), c > floor,
            c + 1 < j, reader.is(c + 1, .indefiniteArticle),
            !((c + 1)..<j).contains(where: { self.verb(at: $0) != nil || reader.isQuoteMark($0) }),
            let head = subject(before: c, floor: floor), head.namesSomeone
        {
            return head
        }
        var end = j + 1
        if reader.isChar(j, ",") { end = j }
        var chunks: [Range<Int>] = []
        var budget = 10
        while chunks.count < 2 {
            var start = end
            while start - 1 >= floor, budget > 0, !isBoundary(start - 1) {
                start -= 1
                budget -= 1
            }
            guard start < end else { break }
            chunks.append(start..<end)
            guard start - 1 >= floor, reader.isChar(start - 1, ",") else { break }
            end = start - 1
        }
        guard let headChunk = chunks.first else { return nil }
        // "Xi and Putin said": a coordinated subject has no single speaker.
        if headChunk.lowerBound - 2 >= floor, reader.lowerIs(headChunk.lowerBound - 1, "and"),
            reader.isCapitalized(headChunk.lowerBound - 2)
        {
            return SpeakerPhrase(kind: .plural, tokens: (headChunk.lowerBound - 2)..<headChunk.upperBound)
        }
        // "Minyon Moore, a senior adviser to the Clinton campaign, called": an apposition opening
        // with "a"/"an" describes the name before it; names inside it are not the subject.
        if reader.is(headChunk.lowerBound, .indefiniteArticle) {
            if chunks.count > 1, let appos = analyze(chunks[1], nearEnd: true), appos.namesSomeone { return appos }
            if let appos = appositiveSubject(before: verb, floor: floor) { return appos }
        }
        guard let head = analyze(headChunk, nearEnd: true) else { return appositiveSubject(before: verb, floor: floor) }
        if case .description = head.kind {
            if chunks.count > 1, isRoleDescription(headChunk), let appos = analyze(chunks[1], nearEnd: true),
                appos.namesSomeone
            {
                return appos  // "Lin Jian, a spokesperson for the ministry, said"
            }
            return appositiveSubject(before: verb, floor: floor) ?? head
        }
        return head
    }

    /// A person opening the clause with a long apposition before the verb: "Leonard E. Burman,
    /// director of the Tax Policy Center and a professor at Syracuse University, said".
    func appositiveSubject(before verb: Int, floor: Int) -> SpeakerPhrase? {
        let sentenceStart = reader.sentenceTokens(of: verb).lowerBound
        let lowest = max(floor, sentenceStart, verb - 40)
        var t = verb - 2
        // Only a name followed by a comma opens an apposition: the comma is tested first, as
        // the suffix test builds the token's String.
        while t >= lowest {
            // "Vann R. Newkirk II, a writer": a generational suffix may follow the name.
            if reader.isChar(t + 1, ","),
                case let ends = t > lowest && Self.nameSuffixes.contains(reader.text(t)) ? [t, t - 1] : [t],
                let nameEnd = ends.first(where: { e in
                    entities.mentions(overlapping: reader.document.tokens[e].span).last.map {
                        $0.label == .person && $0.span.end == reader.document.tokens[e].span.end
                    } ?? false
                }),
                let m = entities.mentions(overlapping: reader.document.tokens[nameEnd].span).last
            {
                let r = tokens(of: m, within: lowest..<verb)
                var before = r.lowerBound - 1
                // Titles and descriptions glued to the name ("Rep. Gwen Moore", "pollster Pat Caddell").
                while before >= lowest, reader.isWord(before), r.lowerBound - before <= 4,
                    !reader.is(before, .speechVerbForm) || !reader.isLowercaseWord(before)
                { before -= 1 }
                if before < lowest || !reader.isWord(before) {
                    return SpeakerPhrase(kind: .entity(m), tokens: r)
                }
            }
            t -= 1
        }
        return nil
    }

    /// The speaker after an inverted verb ("said Putin", "said the spokesperson, Lin Jian").
    func speaker(after verbEnd: Int, limit: Int) -> SpeakerPhrase? {
        var end = verbEnd
        while end < limit, end - verbEnd < 8, !isBoundary(end),
            !reader.is(end, .phraseBreaker)
        {
            end += 1
        }
        guard end > verbEnd else { return nil }
        // "according to a spokeswoman for the Treasury": the organisation after a member noun
        // belongs to the phrase, though a preposition would otherwise end it.
        if end < limit, reader.is(end - 1, .memberNoun), reader.is(end, .memberPreposition) {
            var e = end + 1
            while e < limit, e - end < 7, !isBoundary(e) { e += 1 }
            end = e
        }
        let chunk = verbEnd..<end
        guard let first = analyze(chunk, nearEnd: false) else { return nil }
        if case .description = first.kind, end < limit, reader.isChar(end, ","), isRoleDescription(chunk) {
            var e2 = end + 1
            while e2 < limit, e2 - end < 6, !isBoundary(e2) { e2 += 1 }
            if let appos = analyze((end + 1)..<e2, nearEnd: false), appos.namesSomeone { return appos }
        }
        return first
    }

    /// The subject of the clause that ends before `limit` in sentence `sentence`: after any
    /// introductory phrase, the first person, organisation, pronoun or name.
    func mainSubject(ofSentenceContaining token: Int, before limit: Int) -> SpeakerPhrase? {
        let range = reader.sentenceTokens(of: token)
        var start = range.lowerBound
        // "“Promise mama …,” Blige sings": a quotation opening the sentence is not its subject.
        if start < limit, reader.isQuoteMark(start),
            let close = ((start + 1)..<limit).first(where: { reader.isQuoteMark($0) })
        {
            start = close + 1
        }
        // Skip quote marks and dashes that open the sentence.
        while start < limit, !reader.isWord(start) { start += 1 }
        guard start < limit else { return nil }
        if reader.is(start, .introducer) {
            var k = start
            while k < min(limit, start + 30), !reader.isChar(k, ",") { k += 1 }
            if k < min(limit, start + 30) { start = k + 1 }
        }
        var i = start
        var seenCapital = false
        while i < limit, i < start + 12 {
            if reader.isQuoteMark(i) { break }
            // A subject pronoun, compared in place: the token's lowercased String and a
            // dictionary look-up are made only for one.
            if reader.isWord(i), reader.is(i, .subjectPronoun), let p = reader.pronoun(i) {
                return SpeakerPhrase(kind: p == .plural ? .plural : .pronoun(p), tokens: i..<(i + 1))
            }
            let here = entities.mentions(overlapping: reader.document.tokens[i].span)
            if var m = here.first(where: { $0.isSpeakerLike }) {
                // "Libertarian candidate Gary Johnson", "White House spokesman Josh Earnest": an
                // organisation that qualifies the person named after it is not the subject.
                if m.label != .person, let person = personQualified(after: m, limit: limit) { m = person }
                let r = tokens(of: m, within: i..<limit)
                let possessive = r.upperBound < limit && reader.isPossessiveMarker(r.upperBound)
                let afterPreposition = i > start && reader.is(i - 1, .preposition)
                if !possessive && !afterPreposition {
                    if r.upperBound < limit, reader.lowerIs(r.upperBound, "and"),
                        r.upperBound + 1 < limit, reader.isCapitalized(r.upperBound + 1)
                    {
                        return SpeakerPhrase(kind: .plural, tokens: r)
                    }
                    return SpeakerPhrase(kind: .entity(m), tokens: r)
                }
                i = r.upperBound
                continue
            }
            if reader.isCapitalized(i) { seenCapital = true }
            if reader.isLowercaseWord(i), verb(at: i) != nil { break }
            i += 1
        }
        // Entities found nothing: a capitalised name at the start of the clause.
        if let name = nameRun(in: start..<min(limit, start + 6), nearEnd: false), seenCapital {
            let after = name.upperBound
            let possessive = after < limit && reader.isPossessiveMarker(after)
            if !possessive { return SpeakerPhrase(kind: .name, tokens: name) }
        }
        // "The Republican nominee also vowed": a definite description of one person's role.
        if start < limit, reader.lowerIs(start, "the") {
            var k = start + 1
            while k < min(limit, start + 5), reader.isWord(k), !isBoundary(k) {
                if reader.is(k, .roleNoun) {
                    return SpeakerPhrase(kind: .description, tokens: start..<(k + 1))
                }
                k += 1
            }
        }
        return nil
    }
}

extension SpeakerPhraseFinder {
    /// The person named right after an organisation in one noun phrase: up to three
    /// lower-case words (a role), no verb, no punctuation, then a PERSON mention.
    func personQualified(after m: EntityIndex.Mention, limit: Int) -> EntityIndex.Mention? {
        var j = m.tokens.upperBound
        var roleWords = 0
        while j < limit, roleWords <= 3 {
            if let person = entities.mentions(overlapping: reader.document.tokens[j].span).first(where: {
                $0.label == .person
            }) {
                return roleWords > 0 ? person : nil
            }
            guard reader.isLowercaseWord(j), verb(at: j) == nil else { return nil }
            roleWords += 1
            j += 1
        }
        return nil
    }
}

extension SpeakerPhrase {
    /// Whether the phrase names one speaker (an entity, a name or a pronoun).
    var namesSomeone: Bool {
        switch kind {
        case .entity, .name, .pronoun: return true
        case .description, .plural: return false
        }
    }
}
