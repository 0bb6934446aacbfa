import AssayCore

/// Turns a speaker phrase into a canonical person or organisation name, or nil when the text
/// does not say who it is: pronouns to their antecedent, names to the fullest form in the
/// document, descriptions ("the Chinese leader", "a Kremlin readout") to the one entity they fit.
struct SpeakerResolver {
    let reader: TokenReader
    let entities: EntityIndex
    let phrases: SpeakerPhraseFinder
    /// Quoted spans (bytes), sorted: mentions inside quotes are not antecedents.
    let quotedSpans: [Span]
    /// What has been worked out per mention: a document resolves the same people again and
    /// again (every pronoun, every description checks every person), and the answers depend on
    /// the mention alone.
    private let memo: MentionMemo

    init(reader: TokenReader, entities: EntityIndex, phrases: SpeakerPhraseFinder, quotedSpans: [Span]) {
        self.reader = reader
        self.entities = entities
        self.phrases = phrases
        self.quotedSpans = quotedSpans
        memo = MentionMemo(count: entities.mentions.count)
    }

    func resolve(_ phrase: SpeakerPhrase) -> String? {
        switch phrase.kind {
        case .entity(let m):
            if m.label == .person || m.label == .org { return canonicalize(m) }
            return entities.canonical(m)
        case .name:
            return canonicalName(phrase.tokens)
        case .pronoun(let p):
            return antecedent(of: phrase.tokens.lowerBound, pronoun: p)
        case .description:
            return describe(phrase.tokens)
        case .plural:
            return nil
        }
    }

    /// A mention's canonical form. The entities extractor's canonical name is trusted when it
    /// looks like a name and contains the mention; otherwise (or for a bare surname) the fullest
    /// name-like mention of the document that contains the mention's words is used.
    private func canonicalize(_ m: EntityIndex.Mention) -> String {
        if let known = memo.canonical(of: m.index) { return known }
        let text = reader.document.text(of: m.span)
        let canonical = entities.canonical(m)
        // Most mentions are written as their canonical name ("Xi Jinping"): when it has a space
        // and looks like a name, it is the answer (as `fullestForm` would find) without a look-up.
        if text.utf8.elementsEqual(canonical.utf8), Self.isNameLike(text), Self.hasSpace(text) {
            memo.setCanonical(text, of: m.index)
            return text
        }
        // The answer depends on the mention's text, label and canonical name only, which
        // repeat ("Putin" ten times in a story).
        let form = MentionMemo.Form(text: text, label: m.label, canonical: canonical)
        let name: String
        if let known = memo.canonicalOfForm[form] {
            name = known
        } else {
            name = fullestForm(of: m, text: form.text)
            memo.canonicalOfForm[form] = name
        }
        memo.setCanonical(name, of: m.index)
        return name
    }

    private func fullestForm(of m: EntityIndex.Mention, text: String) -> String {
        // The words as lists, not sets: a name has a few.
        let words = SpaceSeparatedWords.of(text)
        let canonical = entities.canonical(m)
        let canonicalFits = Self.isNameLike(canonical) && Self.allIn(words, SpaceSeparatedWords.of(canonical))
        if canonicalFits, Self.hasSpace(canonical) {
            return canonical
        }
        let best = canonicalFits ? canonical : text
        return entities.nameForms.fullest(
            label: m.label, containing: words, best: best, bestLength: CharacterCount.of(best))
    }

    /// Whether a name has a space: ASCII by its bytes, other text as `contains(" ")` says.
    private static func hasSpace(_ s: String) -> Bool {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.utf8.contains(0x20) }
        return s.contains(" ")
    }

    /// Whether every word of `words` is one of `others` (`Set(words).isSubset(of: Set(others))`).
    static func allIn(_ words: [Substring], _ others: [Substring]) -> Bool {
        words.allSatisfy { others.contains($0) }
    }

    /// The distinct words of `s` (as ``SpaceSeparatedWords`` has them), in order, or nil when there are
    /// more than `limit`: a short array is cheaper to build and search than a set.
    static func distinctWords(_ s: String, atMost limit: Int) -> [Substring]? {
        var out: [Substring] = []
        for w in SpaceSeparatedWords.of(s) where !out.contains(w) {
            if out.count == limit { return nil }
            out.append(w)
        }
        return out
    }

    private static let particles: Set<Substring> = [
        "of", "the", "for", "and", "de", "da", "van", "von", "bin", "al", "la", "le", "du", "del", "di", "el"
    ]

    /// Whether every word is capitalised or a name particle ("Bank of America", "Luiz Inácio Lula da Silva").
    static func isNameLike(_ s: String) -> Bool {
        // ASCII (nearly every name) is read word by word from the bytes, with no array of words;
        // other text goes by Characters, where a space may carry a combining mark.
        let utf8 = s.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var i = utf8.startIndex
            while i < utf8.endIndex {
                let b = utf8[i]
                var j = utf8.index(after: i)
                if b == 0x20 {
                    i = j
                    continue
                }
                while j < utf8.endIndex, utf8[j] != 0x20 { j = utf8.index(after: j) }
                if !((65...90).contains(b) || (48...57).contains(b) || particles.contains(s[i..<j])) { return false }
                i = j
            }
            return true
        }
        return s.split(separator: " ").allSatisfy { w in
            guard let b = w.utf8.first else { return true }
            if b < 0x80 { return (65...90).contains(b) || (48...57).contains(b) || particles.contains(w) }
            return w.unicodeScalars.first?.properties.isUppercase ?? false
        }
    }

    /// The canonical form of a capitalised name the entities extractor missed: a known entity
    /// that contains it, else the longest capitalised run in the document that ends with it.
    func canonicalName(_ tokens: Range<Int>) -> String? {
        guard !tokens.isEmpty else { return nil }
        let last = reader.text(tokens.upperBound - 1)
        let name = reader.text(tokens)
        if let known = fullestName(endingWith: last, label: nil), Self.isNameLike(known) {
            return known.count >= name.count ? known : name
        }
        // Scan the text for the longest run of capitalised words ending with the same word (the
        // same spelling: a number compared per token rather than its bytes).
        var best = name
        let spellingOfSpan = reader.types.spellingOfSpan
        let spelling = spellingOfSpan[tokens.upperBound - 1]
        for i in 0..<reader.count where spellingOfSpan[i] == spelling {
            var s = i
            while s - 1 >= 0 {
                let p = s - 1
                guard reader.isCapitalized(p), !reader.document.tokens[s].lineStart,
                    !reader.is(p, .title), !reader.is(p, .determiner), reader.pronoun(p) == nil
                else { break }
                // "Pollster Pat Caddell": a sentence's first word is capitalised by position only,
                // unless the document capitalises it elsewhere too.
                if phrases.isSentenceInitial(p), !phrases.isCapitalizedElsewhere(p) { break }
                s = p
            }
            if isNonSpeakerRun(s..<i) { continue }
            let candidate = reader.text(s..<(i + 1))
            if candidate.count > best.count, SpaceSeparatedWords.of(candidate).count <= 4 { best = candidate }
        }
        return best
    }

    /// The speaker a transcript label names ("PENCE" -> "Mike Pence"): the fullest person the
    /// document names with that surname, or the label in title case.
    func resolveLabel(_ tokens: Range<Int>) -> String? {
        let words = tokens.map { w -> String in
            let t = reader.text(w)
            return t.prefix(1).uppercased() + t.dropFirst().lowercased()
        }
        guard let last = words.last else { return nil }
        if let known = fullestName(endingWith: last, label: .person) { return known }
        return words.joined(separator: " ")
    }

    private func isNonSpeakerRun(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        return entities.mentions(overlapping: reader.span(r)).contains { $0.label == .loc || $0.label == .misc }
    }

    /// The longest canonical PERSON/ORG name whose last word is `word` (or which equals it).
    private func fullestName(endingWith word: String, label: EntityLabel?) -> String? {
        var best: String?
        for m in entities.mentions where m.isSpeakerLike && (label == nil || m.label == label) {
            let canonical = entities.canonical(m)
            guard SpaceSeparatedWords.last(of: canonical) == word[...] || canonical == word else { continue }
            if best == nil || canonical.count > best!.count { best = canonical }
        }
        return best
    }

    // MARK: - Pronouns

    /// The person a pronoun refers to: the subject-most person of the nearest sentence before it
    /// (in the same sentence, only before the pronoun), outside quotations, agreeing in gender
    /// when the name tells. Up to three sentences back, within two paragraphs.
    func antecedent(of token: Int, pronoun: SpeechLexicon.Pronoun) -> String? {
        if case .named(let name) = antecedentSearch(of: token, pronoun: pronoun) { return name }
        return nil
    }

    /// What the search for a pronoun's antecedent found.
    enum Antecedent: Equatable {
        case named(String)
        /// Someone new the text leaves unnamed ("Britain’s trade secretary said … she told").
        case unnamed
        /// No one within reach.
        case notFound
    }

    /// The search ``antecedent(of:pronoun:)`` makes, telling a referent left unnamed on purpose
    /// from none found.
    func antecedentSearch(of token: Int, pronoun: SpeechLexicon.Pronoun) -> Antecedent {
        guard pronoun == .male || pronoun == .female else { return .notFound }
        let here = reader.sentence(of: token)
        let paragraph = reader.document.sentences[here].paragraph
        let offset = reader.document.tokens[token].span.start
        var s = here
        // Sentences that carry the referent on (see below) do not use up the window.
        var sentenceWindow = 3, paragraphWindow = 1
        while s >= 0, here - s <= sentenceWindow, paragraph - reader.document.sentences[s].paragraph <= paragraphWindow
        {
            let sentence = reader.document.sentences[s]
            let end = s == here ? offset : sentence.span.end
            let people = entities.mentions(overlapping: sentence.span).filter { $0.label == .person }
            let candidates =
                people
                .filter { $0.span.end <= end && !isQuoted($0.span) }
                .filter { gender(of: $0) != opposite(pronoun) && !qualifiesNextPerson($0, among: people) }
            // "He added a note of caution, should Clinton return …", "Asked who leads the party, he
            // said Ryan": a sentence whose subject is the same pronoun carries its referent on, and
            // the people after that pronoun are not who it is; so does one that refers to its
            // referent before naming people in other roles only ("During his tour of the wildlife
            // on Midway, he paused").
            if s != here, let first = candidates.first,
                hasSubjectPronoun(pronoun, from: sentence.tokens.lowerBound, before: first.span)
                    || !candidates.contains(where: { isSubjectLike($0) })
                        && hasReference(
                            pronoun,
                            in: sentence.tokens.lowerBound..<first.tokens.lowerBound)
            {
                sentenceWindow += 1
                paragraphWindow = max(paragraphWindow, paragraph - sentence.paragraph + 1)
                s -= 1
                continue
            }
            // Prefer a subject: a mention not right after a preposition and not possessive.
            if let subject = candidates.first(where: { isSubjectLike($0) }) ?? candidates.first {
                return .named(canonicalize(subject))
            }
            if s != here, candidates.isEmpty {
                if let role = openingRoleDescription(sentence: s) {
                    // "The Republican nominee noted …": the description is the referent; it
                    // names someone only when the document allows exactly one.
                    if let name = describe(role) { return .named(name) }
                } else if introducesUnnamedPerson(sentence: s) {
                    // "Britain’s trade secretary said … ‘…,’ she told reporters": someone new and
                    // unnamed is the referent, not a person named before.
                    return .unnamed
                } else if opensWithPronoun(sentence: s, pronoun) || isQuotation(sentence: s)
                    || hasPronoun(sentence: s, pronoun)
                {
                    // The same pronoun (opening the sentence or anywhere in it: "On Wednesday, he
                    // told a crowd …") carries the referent on, and the sentences of a quotation
                    // ("“…¶“… ,” he said") are the speaker's words, not the story's referents.
                    sentenceWindow += 1
                    paragraphWindow = max(paragraphWindow, paragraph - sentence.paragraph + 1)
                }
            }
            s -= 1
        }
        return .notFound
    }

    /// Whether person mention `m` only says whom the person named right after it works for
    /// ("Obama consultant Cornell Belcher", "Clinton campaign spokesman Brian Fallon"): up to four
    /// words between them, each a title, a role or an affiliation, or a possessive. Such a person
    /// is not the sentence's subject, whom a later "he" or "she" means.
    private func qualifiesNextPerson(_ m: EntityIndex.Mention, among people: [EntityIndex.Mention]) -> Bool {
        guard let next = people.first(where: { $0.span.start >= m.span.end }) else { return false }
        let between = m.tokens.upperBound..<next.tokens.lowerBound
        guard between.count <= 4, between.contains(where: { reader.isWord($0) }) else { return false }
        return between.allSatisfy { t in
            reader.isPossessiveMarker(t)
                || reader.isWord(t)
                    && (reader.is(t, .title) || reader.is(t, .roleNoun) || reader.is(t, .memberNoun)
                        || reader.is(t, .organisationNoun) || reader.is(t, .affiliationNoun))
        }
    }

    /// Whether "he" (or "she", as `pronoun` is) occurs outside quotations from token `start` to
    /// the mention at `span`.
    private func hasSubjectPronoun(_ pronoun: SpeechLexicon.Pronoun, from start: Int, before span: Span) -> Bool {
        let word = pronoun == .male ? "he" : "she"
        var t = start
        while t < reader.count, reader.document.tokens[t].span.end <= span.start {
            // The word class is a bit test; the word itself is compared only for the six subject pronouns.
            if reader.is(t, .subjectPronoun), reader.lowerIs(t, word), !isQuoted(reader.document.tokens[t].span) {
                return true
            }
            t += 1
        }
        return false
    }

    /// Whether all the words of sentence `s` are inside quotation marks.
    private func isQuotation(sentence s: Int) -> Bool {
        let tokens = reader.document.sentences[s].tokens
        guard let first = firstWord(ofSentence: s), let last = tokens.last(where: { reader.isWord($0) }) else {
            return false
        }
        return isQuoted(reader.document.tokens[first].span) && isQuoted(reader.document.tokens[last].span)
    }

    /// "A spokeswoman said …", "Britain’s trade secretary said …": a sentence opened by an
    /// indefinite or possessive description with a role noun within four words.
    private func introducesUnnamedPerson(sentence s: Int) -> Bool {
        guard let first = firstWord(ofSentence: s) else { return false }
        var start = first + 1
        if reader.is(first, .indefiniteArticle) {
            // "A spokeswoman"
        } else if reader.isCapitalized(first), start < reader.document.sentences[s].tokens.upperBound,
            reader.isPossessiveMarker(start)
        {
            start += 1  // "Britain’s trade secretary"
        } else {
            return false
        }
        return roleNoun(from: start, inSentence: s) != nil
    }

    /// Whether sentence `s` opens with "he" or "she" agreeing with `pronoun`: its subject is
    /// someone already introduced, so the search may go on past it.
    private func opensWithPronoun(sentence s: Int, _ pronoun: SpeechLexicon.Pronoun) -> Bool {
        guard let first = firstWord(ofSentence: s) else { return false }
        return pronoun == .male && reader.lowerIs(first, "he") || pronoun == .female && reader.lowerIs(first, "she")
    }

    /// Whether sentence `s` refers to someone by `pronoun` outside quotations ("On Wednesday,
    /// he told a crowd …"): the referent is carried on from further back.
    private func hasPronoun(sentence s: Int, _ pronoun: SpeechLexicon.Pronoun) -> Bool {
        hasReference(pronoun, in: reader.document.sentences[s].tokens)
    }

    /// Whether a word referring to someone as `pronoun` does ("he", "his", "him") occurs among
    /// `tokens` outside quotations.
    private func hasReference(_ pronoun: SpeechLexicon.Pronoun, in tokens: Range<Int>) -> Bool {
        let forms: QuoteWord = pronoun == .male ? .maleReference : .femaleReference
        return tokens.contains { t in
            reader.isWord(t) && reader.is(t, forms) && !isQuoted(reader.document.tokens[t].span)
        }
    }

    /// "The Republican presidential nominee" opening sentence `s`: "the" and a role noun within
    /// four words, with no possessive after it ("The candidate’s response" is about a thing).
    private func openingRoleDescription(sentence s: Int) -> Range<Int>? {
        guard let first = firstWord(ofSentence: s), reader.lowerIs(first, "the"),
            let head = roleNoun(from: first + 1, inSentence: s), !reader.isPossessiveMarker(head + 1)
        else { return nil }
        return first..<(head + 1)
    }

    private func firstWord(ofSentence s: Int) -> Int? {
        reader.document.sentences[s].tokens.first { reader.isWord($0) }
    }

    /// The first role noun ("secretary", "nominee") among the four tokens from `start`, within
    /// sentence `s`.
    private func roleNoun(from start: Int, inSentence s: Int) -> Int? {
        (start..<min(reader.document.sentences[s].tokens.upperBound, start + 4)).first {
            reader.isWord($0) && reader.is($0, .roleNoun)
        }
    }

    private func opposite(_ p: SpeechLexicon.Pronoun) -> SpeechLexicon.Pronoun { p == .male ? .female : .male }

    private func isSubjectLike(_ m: EntityIndex.Mention) -> Bool {
        let r = m.tokens
        guard !r.isEmpty else { return false }
        if reader.isPossessiveMarker(r.upperBound) { return false }
        if r.lowerBound > 0, reader.is(r.lowerBound - 1, .preposition) { return false }
        return true
    }

    func isQuoted(_ span: Span) -> Bool {
        var lo = 0, hi = quotedSpans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quotedSpans[mid].end <= span.start { lo = mid + 1 } else { hi = mid }
        }
        return lo < quotedSpans.count && quotedSpans[lo].contains(span)
    }

    /// Gender from a title before the mention or a common first name; nil when unknown.
    /// Worked out once per mention: every pronoun checks the people of the sentences before it.
    private func gender(of m: EntityIndex.Mention) -> SpeechLexicon.Pronoun? {
        if case .notWorkedOut = memo.gender[m.index] { memo.gender[m.index] = genderFromText(of: m) }
        return memo.gender[m.index].pronoun
    }

    private func genderFromText(of m: EntityIndex.Mention) -> MentionMemo.Gender {
        let r = m.tokens
        if r.lowerBound > 0 {
            if reader.is(r.lowerBound - 1, .maleTitle) { return .male }
            if reader.is(r.lowerBound - 1, .femaleTitle) { return .female }
        }
        let first = SpaceSeparatedWords.of(entities.canonical(m)).first.map { String($0) } ?? ""
        if QuoteWord.classes.contains(.femaleName, word: first) { return .female }
        if QuoteWord.classes.contains(.maleName, word: first) { return .male }
        return .unknown
    }

    // MARK: - Descriptions

    /// The entity a description stands for, if the document allows exactly one.
    func describe(_ tokens: Range<Int>) -> String? {
        // "the spokesperson, Lin Jian": a name inside the description wins.
        guard let headToken = tokens.last(where: { reader.is($0, .roleNoun) || reader.is($0, .documentNoun) }) else {
            return organisation(namedBy: tokens)
        }
        let head = reader.lowercased(headToken)
        // Modifiers that narrow the role: nationalities and other capitalised words.
        let modifiers = tokens.filter {
            reader.isCapitalized($0) && !reader.is($0, .title) && !reader.is($0, .determiner)
        }.map { reader.lowercased($0) }
        if let synonyms = SpeechLexicon.roleNouns[head] {
            switch people(withRole: head, synonyms: synonyms, modifiers: modifiers) {
            case .one(let name): return name
            case .several: return nil
            case .none: break
            }
        }
        // "a Kremlin readout", "a spokesperson for the Foreign Ministry": the organisation.
        if reader.is(headToken, .documentNoun) {
            let span = reader.span(tokens)
            var scan = tokens.upperBound
            // Include "for/of/from the X" after the noun.
            if scan < reader.count, reader.is(scan, .documentPreposition) {
                var e = scan + 1
                while e < reader.count, e - scan < 7, !reader.document.tokens[e].kind.isPunctuationLike { e += 1 }
                scan = e
            }
            let wide = Span(span.start, reader.document.tokens[max(tokens.lowerBound, scan - 1)].span.end)
            if let org = entities.mentions(overlapping: wide).last(where: { $0.label == .org }) {
                return canonicalize(org)
            }
            if let run = phrases.nameRun(in: tokens.lowerBound..<max(tokens.upperBound, scan), nearEnd: true) {
                return canonicalName(run)
            }
            return owner(ofDocumentIn: tokens)
        }
        return nil
    }

    /// The people the document introduces with a role ("Chinese President Xi Jinping", "Lin
    /// Jian, a spokesperson"), narrowed by modifiers: the same for every description with that
    /// noun and those modifiers, so worked out once per document.
    private func people(withRole head: String, synonyms: [String], modifiers: [String]) -> MentionMemo.RoleHolders {
        let query = MentionMemo.RoleQuery(head: head, modifiers: modifiers)
        if let known = memo.roleHolders[query] { return known }
        // "Sen." may be one token or "Sen" and ".", depending on the tokenizer: a word
        // counts when it is a synonym or a synonym without its period.
        let targets = (synonyms + synonyms.filter { $0.hasSuffix(".") }.map { String($0.dropLast()) })
            .map(LowercaseWord.init)
        var found = Set<String>()
        for k in entities.mentions.indices where entities.mentions[k].label == .person {
            let m = entities.mentions[k]
            let context = roleContext(of: m)
            guard
                context.tokens.contains(where: { t in targets.contains { reader.lowerIs(t, $0) } })
                    || context.titleWords.contains(where: { w in targets.contains { w == $0.text } })
            else { continue }
            guard
                modifiers.allSatisfy({ mod in contains(context, mod) || entities.canonical(m).lowercased().contains(mod)
                })
            else { continue }
            found.insert(canonicalize(m))
        }
        let answer: MentionMemo.RoleHolders = found.count == 1 ? .one(found.first!) : found.isEmpty ? .none : .several
        memo.roleHolders[query] = answer
        return answer
    }

    /// "The commission says": a definite description whose noun is a word of an organisation
    /// named earlier ("the Commission on Presidential Debates") stands for the nearest such one.
    private func organisation(namedBy tokens: Range<Int>) -> String? {
        let words = tokens.filter { reader.isWord($0) }
        guard words.count == 2, reader.lowerIs(words[0], "the"), let noun = words.last,
            !reader.isCapitalized(noun) || phrases.isSentenceInitial(noun)
        else { return nil }
        let target = reader.lowercased(noun)
        guard target.count >= 4, !target.hasSuffix("s") || target.hasSuffix("ss") else { return nil }
        let before = reader.document.tokens[tokens.lowerBound].span.start
        let org = entities.mentions.last { m in
            m.label == .org && m.span.end <= before
                && SpaceSeparatedWords.of(entities.canonical(m).lowercased()).contains { $0 == target }
        }
        if let org { return canonicalize(org) }
        // "Con Edison said … The company added": a generic noun for an organisation stands for
        // the organisation named last, outside quotations, within the last three paragraphs.
        if reader.is(noun, .organisationNoun),
            let last = entities.mentions.last(where: {
                $0.label == .org && $0.span.end <= before && !isQuoted($0.span)
            }),
            reader.paragraph(of: tokens.lowerBound)
                - reader.paragraph(of: last.tokens.lowerBound) <= 2
        {
            return canonicalize(last)
        }
        // The tagger may have missed the name ("Commission on Presidential Debates"): the
        // capitalised run of two words or more around an earlier capitalised use of the noun.
        let capital = target.prefix(1).uppercased() + target.dropFirst()
        // With an ASCII first letter, only a token of the noun's type can be written so: the
        // others are ruled out without building their text.
        let asciiInitial = target.utf8.first.map { $0 < 0x80 } ?? false
        let targetWord = LowercaseWord(target)
        guard
            let t = (0..<tokens.lowerBound).last(where: {
                (!asciiInitial || reader.lowerIs($0, targetWord)) && reader.text($0) == capital
                    && !phrases.isSentenceInitial($0)
            })
        else { return nil }
        var lo = t, hi = t + 1
        while lo - 1 >= 0, reader.isCapitalized(lo - 1), !phrases.isSentenceInitial(lo - 1) { lo -= 1 }
        while hi < tokens.lowerBound, hi - t < 6,
            reader.isCapitalized(hi)
                || (reader.is(hi, .nameConnector) && hi + 1 < reader.count
                    && reader.isCapitalized(hi + 1))
        {
            hi += 1
        }
        // A proper name of two capitalised words or more, not a person's or a place's.
        guard (lo..<hi).filter({ reader.isCapitalized($0) }).count >= 2,
            !entities.mentions(overlapping: reader.span(lo..<hi)).contains(where: {
                $0.label == .person || $0.label == .loc
            })
        else { return nil }
        return reader.text(lo..<hi)
    }

    /// Who owns the document a description refers to ("the ad’s narrator", "the letter"): where
    /// the document was mentioned before, a person or organisation right before the noun ("the
    /// Clinton ad", "Clinton’s new ad") or, where it was introduced ("Hillary Clinton has a new
    /// campaign ad"), the subject of that sentence. Nil when the text does not say.
    private func owner(ofDocumentIn tokens: Range<Int>) -> String? {
        let nouns = tokens.map { reader.lowercased($0) }.map { w -> String in
            w.hasSuffix("’s") || w.hasSuffix("'s") ? String(w.dropLast(2)) : w
        }
        guard
            let noun = nouns.last(where: { QuoteWord.classes.contains(.documentNoun, word: $0) && $0 != "narrator" })
        else { return nil }
        // "the spot" may refer back to "a new ad": one kind of campaign material.
        let isAd = QuoteWord.classes.contains(.adNoun, word: noun)
        let here = reader.sentence(of: tokens.lowerBound)
        let paragraph = reader.document.sentences[here].paragraph
        var t = tokens.lowerBound - 1
        while t >= 0 {
            let s = reader.sentence(of: t)
            if here - s > 8 || paragraph - reader.document.sentences[s].paragraph > 3 { return nil }
            defer { t -= 1 }
            guard isAd ? reader.is(t, .adNoun) : reader.lowerIs(t, noun), !isQuoted(reader.document.tokens[t].span)
            else {
                continue
            }
            let sentenceStart = reader.sentenceTokens(of: t).lowerBound
            var k = t - 1
            while k >= max(sentenceStart, t - 5), reader.isWord(k) || reader.is(k, "’s") || reader.is(k, "'s") {
                if let m = entities.mentions(overlapping: reader.document.tokens[k].span).last(where: {
                    $0.isSpeakerLike
                }) {
                    return canonicalize(m)
                }
                if reader.is(k, .indefiniteArticle) {
                    // Introduced here: its subject made it.
                    if let p = phrases.mainSubject(ofSentenceContaining: t, before: k), case .entity(let m) = p.kind,
                        m.isSpeakerLike
                    {
                        return canonicalize(m)
                    }
                    return nil
                }
                k -= 1
            }
        }
        return nil
    }

    /// The words describing a person where the document names them: the words before the name
    /// ("Chinese President Xi Jinping"), an apposition after it ("Lin Jian, a spokesperson") or
    /// before it ("the spokesperson, Lin Jian"), and the extractor's title. Words of the text
    /// are kept as tokens, compared lowercased in place.
    struct RoleContext {
        /// The tokens before the name, then those of an apposition after it.
        var tokens: [Int]
        /// The words of the extractor's title, lowercased (split once per mention, as every
        /// role noun asked about is compared with them).
        var titleWords: [Substring]
    }

    /// Whether `word` (lowercase) is one of the context's words.
    private func contains(_ context: RoleContext, _ word: String) -> Bool {
        context.tokens.contains { reader.lowerIs($0, word) } || context.titleWords.contains { $0 == word }
    }

    private func roleContext(of m: EntityIndex.Mention) -> RoleContext {
        if let known = memo.roleContext(of: m.index) { return known }
        let words = describingWords(of: m)
        memo.setRoleContext(words, of: m.index)
        return words
    }

    private func describingWords(of m: EntityIndex.Mention) -> RoleContext {
        let r = m.tokens
        guard !r.isEmpty else { return RoleContext(tokens: [], titleWords: []) }
        let sentence = reader.sentenceTokens(of: r.lowerBound)
        var words: [Int] = []
        // Six tokens before the name and six after it at most.
        words.reserveCapacity(12)
        var i = r.lowerBound - 1
        var commas = 0
        // A title the sentence splitter took for a sentence end ("Sen. | Tim Kaine") still counts.
        var floor = sentence.lowerBound
        if r.lowerBound == floor, floor > 0, reader.is(floor - 1, .title) { floor -= 1 }
        while i >= floor, r.lowerBound - i <= 6 {
            if reader.isChar(i, ",") {
                commas += 1
                if commas > 1 { break }
            } else if reader.isQuoteMark(i) {
                break
            }
            // "Senator Tim Kaine spoke in Richmond": a title before another person is theirs.
            if entities.mentions(overlapping: reader.document.tokens[i].span).contains(where: { $0.label == .person }) {
                break
            }
            words.append(i)
            i -= 1
        }
        if r.upperBound < sentence.upperBound, reader.isChar(r.upperBound, ",") {
            var j = r.upperBound + 1
            while j < sentence.upperBound, j - r.upperBound <= 6, !reader.isChar(j, ",") {
                words.append(j)
                j += 1
            }
        }
        return RoleContext(
            tokens: words, titleWords: entities.title(m).map { SpaceSeparatedWords.of($0.lowercased()) } ?? [])
    }
}

/// Per-mention answers of one document's ``SpeakerResolver``, filled in as they are asked for.
///
/// The per-mention tables hold plain integers where they can, and the role contexts are made
/// only when first asked for: tearing down an array of optional Strings walks every element,
/// and most documents never ask.
final class MentionMemo {
    /// The canonical name of each mention once resolved, as an index into `names`, or -1.
    private var canonicalIndex: [Int32]
    private var names: [String] = []
    /// The words describing each mention, once collected; empty until the first is.
    private var roleContexts: [SpeakerResolver.RoleContext?] = []
    private let count: Int
    /// The gender of each mention, once worked out.
    var gender: [Gender]
    /// Canonical names by what they are worked out from.
    var canonicalOfForm: [Form: String] = [:]
    /// Who holds a role, by the role noun and modifiers asked about.
    var roleHolders: [RoleQuery: RoleHolders] = [:]

    /// What is known of a mention's gender.
    enum Gender {
        case notWorkedOut
        /// Neither a title nor a first name tells.
        case unknown
        case male, female

        /// The pronoun the gender agrees with, nil when unknown (or not worked out).
        var pronoun: SpeechLexicon.Pronoun? {
            switch self {
            case .male: return .male
            case .female: return .female
            case .notWorkedOut, .unknown: return nil
            }
        }
    }

    struct RoleQuery: Hashable {
        var head: String
        var modifiers: [String]
    }

    enum RoleHolders {
        case none
        case one(String)
        case several
    }

    struct Form: Hashable {
        var text: String
        var label: EntityLabel?
        var canonical: String
    }

    init(count: Int) {
        self.count = count
        canonicalIndex = Array(repeating: -1, count: count)
        gender = Array(repeating: .notWorkedOut, count: count)
    }

    func canonical(of mention: Int) -> String? {
        let k = canonicalIndex[mention]
        return k < 0 ? nil : names[Int(k)]
    }

    func setCanonical(_ name: String, of mention: Int) {
        canonicalIndex[mention] = Int32(names.count)
        names.append(name)
    }

    func roleContext(of mention: Int) -> SpeakerResolver.RoleContext? {
        roleContexts.isEmpty ? nil : roleContexts[mention]
    }

    func setRoleContext(_ context: SpeakerResolver.RoleContext, of mention: Int) {
        if roleContexts.isEmpty { roleContexts = Array(repeating: nil, count: count) }
        roleContexts[mention] = context
    }
}

extension Token.Kind {
    var isPunctuationLike: Bool { self == .punctuation || self == .symbol }
}
