import AssayCore

/// Who a quotation is attributed to and how the text says so.
struct Attribution {
    /// The phrase naming the speaker; nil when the cue names nobody.
    var phrase: SpeakerPhrase?
    /// The speech verb as written ("stated", "pointed out", "according to"); nil for a dash.
    var verb: String?
    /// Where the attribution sits.
    var cue: AttributionCue
    /// The tokens of the speech verb (or "according to"), when the cue has one: they bound the
    /// content the attribution frames, which decides whether a quote is most of it.
    var verbTokens: Range<Int>? = nil
}

/// Where an attribution sits relative to its quote; the raw value is what the `cue` field reports.
enum AttributionCue: String, CaseIterable {
    /// `"…," Xi stated.`
    case after
    /// `"…," said Putin.`
    case inverted
    /// `Xi emphasized: "…"`
    case before
    /// `Obama is rolling out a new message: "…"`, or `Caddell continued:` ending the sentence before.
    case colon
    /// Between the pieces of a split quote: `"…," he said, "…"`.
    case middle
    /// `"…" – Commissioner Jane Doe`
    case dash
    case accordingTo = "according-to"
    /// The speaker of the quote before carries on.
    case continuation
    case precedingSentence = "preceding-sentence"
    case followingSentence = "following-sentence"
    /// A line of speech printed without marks, then `Putin said.`
    case unmarked
    /// Indirect speech: `Putin noted that …`.
    case thatClause = "that-clause"
    /// A transcript's speaker label: `PENCE: …`.
    case transcript
    /// `Trump’s claim that “…”`
    case possessive
    /// The sentence's subject, with no speech verb.
    case subject
}

/// Finds the attribution of a quoted passage in every common position: after the quote
/// ("…," Xi stated), inverted ("…," said Putin), before it (Xi emphasized: "…"), in the middle
/// ("…," he said, "…"), by a dash, by "according to", and in a neighbouring sentence.
struct AttributionFinder {
    let reader: TokenReader
    let phrases: SpeakerPhraseFinder

    // MARK: - After the quote

    /// `"…," Xi stated.` / `"…," said Putin.` / `"…" – Commissioner Jane Doe` / `"…," according to X.`
    /// - Parameter nextOpen: the next quote's opening mark, which bounds the search.
    func after(_ passage: QuotedPassage, nextOpen: Int?) -> Attribution? {
        let closeToken = passage.lastToken
        var k = closeToken + 1
        guard k < reader.count, reader.paragraph(of: k) == reader.paragraph(of: closeToken) else { return nil }
        let nextSentence = reader.sentence(of: k) != reader.sentence(of: closeToken)
        if nextSentence, !passage.closed { return nil }
        let sentence = reader.sentenceTokens(of: k)
        let limit = min(sentence.upperBound, nextOpen ?? reader.count)
        while k < limit, reader.isChar(k, ",") { k += 1 }
        guard k < limit else { return nil }
        // A dash and a name: the byline of a pull quote.
        if reader.isDash(k), !nextSentence || k == sentence.lowerBound {
            if let p = phrases.speaker(after: k + 1, limit: limit), p.namesSomeone || isDescription(p) {
                return Attribution(phrase: p, verb: nil, cue: .dash)
            }
            return nil
        }
        if let according = accordingTo(at: k, limit: limit) { return according }
        // "“… pay his?” a narrator in the ad asks.": the splitter ends a sentence at "?”", but a
        // lower-case word after the mark carries on the same sentence.
        let reach = nextSentence && !reader.isLowercaseWord(k) ? 4 : 40
        var i = k
        while i < min(limit, k + reach) {
            if reader.isQuoteMark(i) || reader.isChar(i, ";") || reader.isChar(i, ":") { break }
            if let (v, text, length) = phrases.verb(at: i) {
                if i == k {
                    // "…," told reporters: "told" never inverts; its object is the listener.
                    guard !v.neverInverts else { return nil }
                    let p = phrases.speaker(after: i + length, limit: limit)
                    return Attribution(phrase: p, verb: text, cue: .inverted, verbTokens: i..<(i + length))
                }
                if v.isParticiple { return nil }  // "…," adding that: not an attribution of this quote
                if i - k > 10 {
                    // Far from the quote only after a long apposition: "…," Michael McFaul, a
                    // senior fellow at the Hoover Institution, told The Daily Beast.
                    guard let p = phrases.appositiveSubject(before: i, floor: k), p.tokens.lowerBound <= k + 2 else {
                        return nil
                    }
                    return Attribution(phrase: p, verb: text, cue: .after, verbTokens: i..<(i + length))
                }
                // "during opening remarks": a prepositional phrase is no subject.
                // A preposition after a noun phrase is part of the subject ("a narrator in the
                // Clinton ad asks").
                if let prep = (k..<i).first(where: { reader.is($0, .clausePreposition) }),
                    (k..<prep).allSatisfy({ !reader.isWord($0) || reader.is($0, .clauseOpener) })
                {
                    return nil
                }
                let p = phrases.subject(before: i, floor: k)
                return Attribution(phrase: p, verb: text, cue: .after, verbTokens: i..<(i + length))
            }
            i += 1
        }
        return nil
    }

    /// `Trump’s claim that there have been “…”`, `Clinton’s remark that “…”`: an utterance noun
    /// owned by a possessive, whose content clause holds the quote, quotes its owner.
    /// - Parameters:
    ///   - anchor: the opening mark.
    ///   - floor: where the search stops.
    func possessiveUtterance(anchor: Int, floor: Int) -> Attribution? {
        var i = anchor - 1
        while i > floor, anchor - i <= 14 {
            if reader.isQuoteMark(i) || reader.isChar(i, ";") { return nil }
            if reader.isWord(i), reader.is(i, .utteranceNoun), i + 1 <= anchor,
                i + 1 == anchor || reader.lowerIs(i + 1, "that") || reader.isChar(i + 1, ":")
                    || reader.isChar(i + 1, ",")
            {
                // The owner: "Trump’s" (one token or two) right before the noun, with at most one
                // modifier between ("Trump’s latest claim").
                for gap in 0...1 {
                    let p = i - 1 - gap
                    guard p > floor else { break }
                    var nameEnd = p
                    if reader.isPossessiveMarker(p) {
                        nameEnd = p - 1
                    } else if !reader.endsWithPossessive(p) {
                        continue
                    }
                    guard nameEnd >= floor,
                        let m = phrases.entities.mentions(overlapping: reader.document.tokens[nameEnd].span).last,
                        m.label == .person || m.label == .org
                    else { continue }
                    let r = m.tokens
                    return Attribution(
                        phrase: SpeakerPhrase(kind: .entity(m), tokens: r.lowerBound..<min(r.upperBound, nameEnd + 1)),
                        verb: nil, cue: .possessive, verbTokens: i..<(i + 1))
                }
                return nil
            }
            i -= 1
        }
        return nil
    }

    private func isDescription(_ p: SpeakerPhrase) -> Bool {
        if case .description = p.kind { return true }
        return false
    }

    /// `according to X` starting at token `k`.
    ///
    /// Inlined, with a test of the first byte, as it is asked at the start of every sentence and
    /// after every comma that may end one: nearly every token is ruled out without a call.
    @inline(__always)
    func accordingTo(at k: Int, limit: Int) -> Attribution? {
        guard k + 2 < limit else { return nil }
        // An ASCII first character other than "a" or "A" cannot lowercase to "according"'s.
        let first = reader.firstByte(k)
        guard first >= 0x80 || first | 0x20 == 0x61 else { return nil }
        return accordingToPhrase(at: k, limit: limit)
    }

    private func accordingToPhrase(at k: Int, limit: Int) -> Attribution? {
        guard reader.lowerIs(k, "according"), reader.lowerIs(k + 1, "to") else { return nil }
        let p = phrases.speaker(after: k + 2, limit: limit)
        return Attribution(phrase: p, verb: "according to", cue: .accordingTo, verbTokens: k..<(k + 2))
    }

    // MARK: - Before the quote

    /// `Xi … emphasized: "…"`, `Putin said, "…"`, `calling the two countries "…"`, and the
    /// middle of a split quote (`"…," he said, "…"`).
    /// - Parameters:
    ///   - anchor: the token the attribution precedes (the opening mark, or a colon).
    ///   - floor: where the search stops (sentence start, or the previous quote's close).
    func before(anchor: Int, floor: Int, cue: AttributionCue) -> Attribution? {
        guard anchor > floor else { return nil }
        var k = floor
        while k < anchor, reader.isChar(k, ",") || reader.isDash(k) { k += 1 }
        if let according = accordingTo(at: k, limit: anchor) { return according }
        // The nearest speech verb before the anchor and not before `k`, found without a scan.
        if let i = phrases.lastVerb(atOrBefore: anchor - 1), i >= k {
            if let (v, text, length) = phrases.verb(at: i) {
                var p: SpeakerPhrase?
                if v.isParticiple {
                    // "footage of Trump saying, “…”": a person right before the participle speaks.
                    if i > k, let m = phrases.entities.mentions(overlapping: reader.document.tokens[i - 1].span).last,
                        m.label == .person, m.span.end == reader.document.tokens[i - 1].span.end
                    {
                        p = SpeakerPhrase(kind: .entity(m), tokens: m.tokens)
                    } else {
                        p = phrases.mainSubject(ofSentenceContaining: i, before: i)
                    }
                } else {
                    p = phrases.subject(before: i, floor: k)
                    if p == nil, i > k { p = phrases.mainSubject(ofSentenceContaining: i, before: i) }
                    if p == nil, !v.takesListener { p = phrases.speaker(after: i + length, limit: anchor) }
                }
                // "She says it underscores that …": a thing cannot speak, so the speaker is the
                // one reporting it earlier in the sentence.
                if let phrase = p, case .pronoun(.neuter) = phrase.kind, i > k,
                    let outer = before(anchor: i, floor: floor, cue: cue), outer.phrase?.namesSomeone == true
                {
                    return Attribution(phrase: outer.phrase, verb: outer.verb, cue: cue, verbTokens: i..<(i + length))
                }
                return Attribution(phrase: p, verb: text, cue: cue, verbTokens: i..<(i + length))
            }
        }
        return nil
    }
}
