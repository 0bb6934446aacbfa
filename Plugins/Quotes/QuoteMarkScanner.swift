import AssayCore

/// A passage between quote marks, possibly running over several paragraphs (each paragraph
/// reopening the quote and only the last one closing it).
struct QuotedPassage: Sendable {
    /// One paragraph's piece of the passage.
    struct Segment: Sendable {
        /// The opening mark's token.
        var open: Int
        /// The closing mark's token, or nil when the paragraph ends with the quote still open.
        var close: Int?
        /// The quoted tokens, without the marks.
        var content: Range<Int>
    }
    var segments: [Segment]
    var isSingle: Bool

    var firstOpen: Int { segments[0].open }
    /// The last token of the passage: its closing mark, or its last quoted token.
    var lastToken: Int { segments[segments.count - 1].close ?? (segments[segments.count - 1].content.upperBound - 1) }
    var closed: Bool { segments[segments.count - 1].close != nil }
    var contentTokenCount: Int { segments.reduce(0) { $0 + $1.content.count } }
}

/// Pairs quote marks into passages: curly and straight double quotes, single quotes used as
/// quote marks (never apostrophes), guillemets, and multi-paragraph quotes.
///
/// Unbalanced marks are contained: a quote still open when its block (paragraph, or a line that
/// starts a sentence) ends is cut there, and only kept when it opened where speech opens (at the
/// start of a sentence or after a colon or comma); otherwise the stray mark is ignored.
struct QuoteMarkScanner {
    /// Which marks pair with which.
    enum Family: Equatable { case curlyDouble, straightDouble, curlySingle, straightSingle, guillemet, angleSingle }

    struct Mark {
        var family: Family
        var opens: Bool
        var closes: Bool
        /// Tokens the mark spans: 2 for a doubled apostrophe ('' as some newspapers print ").
        var width = 1
    }

    let document: AnalyzedDocument
    /// The quote word classes of each token (for the words an apostrophe opens).
    let words: WordClassFlags<QuoteWord>

    /// Whether token `i` is “, ” or „ (what `mark(at:)` calls `.curlyDouble`), from its bytes
    /// alone, without working out the mark's roles.
    func isCurlyDouble(_ i: Int) -> Bool {
        let t = document.tokens[i]
        guard t.kind == .punctuation, t.span.length == 3 else { return false }
        let b = document.utf8, s = t.span.start
        return b[s] == 0xE2 && b[s + 1] == 0x80 && (b[s + 2] == 0x9C || b[s + 2] == 0x9D || b[s + 2] == 0x9E)
    }

    /// The kind of quote mark token `i` is, if any, with the roles its spacing allows.
    func mark(at i: Int) -> Mark? {
        let tokens = document.tokens
        let t = tokens[i]
        guard t.kind == .punctuation else { return nil }
        let b = document.utf8
        let s = t.span.start, len = t.span.length
        var family: Family
        var fixedRole: Bool?  // true: opener only, false: closer only, nil: decided by spacing
        switch len {
        case 1:
            switch b[s] {
            case 0x22: family = .straightDouble
            case 0x27: family = .straightSingle
            default: return nil
            }
        case 2 where b[s] == 0xC2:
            switch b[s + 1] {
            case 0xAB:
                family = .guillemet
                fixedRole = true
            case 0xBB:
                family = .guillemet
                fixedRole = false
            default: return nil
            }
        case 3 where b[s] == 0xE2 && b[s + 1] == 0x80:
            switch b[s + 2] {
            case 0x9C, 0x9E:
                family = .curlyDouble
                fixedRole = true  // “ „
            case 0x9D:
                family = .curlyDouble
                fixedRole = false  // ”
            case 0x98:
                family = .curlySingle
                fixedRole = true  // ‘
            case 0x99:
                family = .curlySingle
                fixedRole = false  // ’
            case 0xB9:
                family = .angleSingle
                fixedRole = true  // ‹
            case 0xBA:
                family = .angleSingle
                fixedRole = false  // ›
            default: return nil
            }
        default:
            return nil
        }
        var width = 1
        if family == .straightSingle, i + 1 < tokens.count, b[tokens[i + 1].span.start] == 0x27,
            tokens[i + 1].span.length == 1, !tokens[i + 1].spaceBefore
        {
            family = .straightDouble
            width = 2
        }
        let after = i + width
        let spaceBefore = i == 0 || t.spaceBefore || t.lineStart || isOpeningContext(i - 1)
        let attachedAfter = after < tokens.count && !tokens[after].spaceBefore && !tokens[after].lineStart
        let attachedBefore = !spaceBefore
        let followedByBoundary = !attachedAfter || isClosingContext(after)
        var opens = spaceBefore && attachedAfter
        var closes = attachedBefore && followedByBoundary
        switch fixedRole {
        case true?:
            opens = attachedAfter || opens
            closes = false
        case false?:
            closes = true
            opens = false
        case nil: break
        }
        if family == .straightSingle || family == .curlySingle, opens {
            // '90s, 'em, 'n': apostrophes that start a word are not quote marks.
            guard i + 1 < tokens.count, tokens[i + 1].kind == .word else {
                return Mark(family: family, opens: false, closes: closes)
            }
            if words.contains(.elision, token: i + 1) { opens = false }
        }
        return Mark(family: family, opens: opens, closes: closes, width: width)
    }

    /// A token after which a quote mark still counts as opening: brackets, dashes, other marks
    /// ( [ — – - : “ ‘ " ' « /), told by its bytes.
    private func isOpeningContext(_ i: Int) -> Bool {
        let span = document.tokens[i].span
        let b = document.utf8, s = span.start
        switch span.length {
        case 1: return [0x28, 0x5B, 0x2D, 0x3A, 0x22, 0x27, 0x2F].contains(b[s])
        case 2: return b[s] == 0xC2 && b[s + 1] == 0xAB
        case 3: return b[s] == 0xE2 && b[s + 1] == 0x80 && [0x94, 0x93, 0x9C, 0x98].contains(b[s + 2])
        default: return false
        }
    }

    /// A token before which a quote mark still counts as closing: punctuation that ends a phrase
    /// (, . ; : ! ? ) ] — – - … ” ’ " ' » or "..." and more), told by its bytes. The text was once
    /// compared as Strings, which also equate the Greek question mark (U+037E) with ";", so it
    /// still counts.
    private func isClosingContext(_ i: Int) -> Bool {
        let span = document.tokens[i].span
        let b = document.utf8, s = span.start
        switch span.length {
        case 1: return [0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x2D, 0x22, 0x27].contains(b[s])
        case 2: return (b[s] == 0xC2 && b[s + 1] == 0xBB) || (b[s] == 0xCD && b[s + 1] == 0xBE)
        case 3:
            if b[s] == 0xE2 && b[s + 1] == 0x80 && [0x94, 0x93, 0xA6, 0x9D, 0x99].contains(b[s + 2]) { return true }
        default: break
        }
        // `hasPrefix("...")` goes by Characters: a combining mark after the third dot makes it no
        // prefix, which only a non-ASCII byte after the dots can bring.
        guard span.length >= 3, b[s] == 0x2E, b[s + 1] == 0x2E, b[s + 2] == 0x2E else { return false }
        if span.length == 3 || b[s + 3] < 0x80 { return true }
        return document.text(ofToken: i).hasPrefix("...")
    }

    /// Whether token `i` may be a quote mark at all (the bytes every mark starts with): most
    /// tokens are ruled out before ``mark(at:)`` works anything out.
    private func mayBeMark(_ i: Int) -> Bool {
        let t = document.tokens[i]
        guard t.kind == .punctuation else { return false }
        let b = document.utf8[t.span.start]
        return b == 0x22 || b == 0x27 || b == 0xC2 || b == 0xE2
    }

    /// The first token from `start` on that ``mayBeMark(_:)`` lets through or, when
    /// `orLineStart` is set, that starts a line; the token count when none does.
    private func nextPossibleMark(from start: Int, orLineStart: Bool) -> Int {
        var i = start
        while i < document.tokens.count, !(orLineStart && document.tokens[i].lineStart), !mayBeMark(i) { i += 1 }
        return i
    }

    /// Whether token `i` begins a block: a paragraph, or a line that starts a sentence.
    func isBlockStart(_ i: Int) -> Bool {
        guard i > 0, document.tokens[i].lineStart else { return false }
        guard let s = document.sentenceIndex(containing: document.tokens[i].span.start) else { return true }
        return document.sentences[s].tokens.lowerBound == i
    }

    /// Whether a quote opening at token `i` sits where speech begins: at a block or sentence
    /// start, or after a colon, comma or dash.
    func opensLikeSpeech(_ i: Int) -> Bool {
        if i == 0 || document.tokens[i].lineStart { return true }
        if let s = document.sentenceIndex(containing: document.tokens[i].span.start),
            document.sentences[s].tokens.lowerBound == i
        {
            return true
        }
        return isSpeechLead(i - 1)
    }

    /// Whether token `i` is ":", ",", "—", "–" or "-", told by its bytes (no String, no array
    /// of Strings per question).
    private func isSpeechLead(_ i: Int) -> Bool {
        let span = document.tokens[i].span
        let b = document.utf8, s = span.start
        switch span.length {
        case 1: return b[s] == 0x3A || b[s] == 0x2C || b[s] == 0x2D
        case 3: return b[s] == 0xE2 && b[s + 1] == 0x80 && (b[s + 2] == 0x94 || b[s + 2] == 0x93)
        default: return false
        }
    }

    /// `segments` with `segment` after them, as one array: `segments + [segment]` made two (an
    /// array literal, then the sum), once per quote.
    private static func appending(_ segment: QuotedPassage.Segment, to segments: [QuotedPassage.Segment])
        -> [QuotedPassage.Segment]
    {
        var out = segments
        out.append(segment)
        return out
    }

    /// All passages of the document, in order.
    func passages() -> [QuotedPassage] {
        var out: [QuotedPassage] = []
        /// Double marks of the other kind than the open quote's, opened inside its current
        /// paragraph and not yet closed.
        var nestedOtherDoubles = 0
        // The open mark: its family, first token, width, and the paragraph pieces so far.
        var open: (family: Family, token: Int, width: Int, segments: [QuotedPassage.Segment])? {
            didSet { nestedOtherDoubles = 0 }
        }
        let n = document.tokens.count
        func isSingle(_ f: Family) -> Bool { f == .curlySingle || f == .straightSingle || f == .angleSingle }

        /// Ends a passage still open at a block boundary `end`, keeping it only if it opened like speech.
        func abandon(at end: Int) {
            guard let o = open else { return }
            open = nil
            let start = o.token + o.width
            guard !isSingle(o.family), opensLikeSpeech(o.segments.first?.open ?? o.token), end > start else { return }
            let segs = Self.appending(.init(open: o.token, close: nil, content: start..<end), to: o.segments)
            out.append(QuotedPassage(segments: segs, isSingle: false))
        }

        // Whether the document quotes with curly doubles, worked out when first asked.
        var curly: Bool?
        func usesCurlyDoubles() -> Bool {
            if let curly { return curly }
            let answer = (0..<n).contains { isCurlyDouble($0) }
            curly = answer
            return answer
        }
        var i = 0
        while i < n {
            // Tokens that are no possible mark, and (inside a quote) start no line, change
            // nothing below: they are skipped in a tight loop.
            i = nextPossibleMark(from: i, orLineStart: open != nil)
            guard i < n else { break }
            // Only the open mark's token is read per token (binding all of `open` would retain
            // its segments at every token inside a quote).
            if let openToken = open?.token, i > openToken, isBlockStart(i), let o = open {
                if let m = mark(at: i), m.opens, m.family == o.family,
                    opensLikeSpeech(o.segments.first?.open ?? o.token)
                {
                    // The quote runs on into this paragraph, which reopens it.
                    open!.segments.append(.init(open: o.token, close: nil, content: (o.token + o.width)..<i))
                    open!.token = i
                    open!.width = m.width
                    i += m.width
                    continue
                }
                abandon(at: i)
            }
            guard mayBeMark(i), let m = mark(at: i) else {
                i += 1
                continue
            }
            if let o = open {
                if m.family == o.family {
                    if m.closes || (!m.opens && i > o.token + o.width) {
                        let seg = QuotedPassage.Segment(
                            open: o.token, close: i + m.width - 1, content: (o.token + o.width)..<i)
                        let segs = Self.appending(seg, to: o.segments)
                        open = nil
                        if segs.contains(where: { !$0.content.isEmpty }) {
                            out.append(QuotedPassage(segments: segs, isSingle: isSingle(o.family)))
                        }
                    } else if m.opens {
                        // A second opener before any closer: the first mark was stray.
                        open = (m.family, i, m.width, [])
                    }
                } else if m.opens, isDouble(m.family), isSingle(o.family) {
                    // A double quote opening inside an unclosed single one: the single mark was an
                    // apostrophe after all.
                    open = (m.family, i, m.width, [])
                } else if isDouble(m.family), isDouble(o.family) {
                    // The other kind of double mark: a nested quote ("… “Shark Tank.” …"), or
                    // the closer of a quote that pasted text opened with one kind and closed
                    // with the other (“…," or "…,”), which no closer of the opener's kind follows
                    // in its sentence.
                    if m.opens {
                        nestedOtherDoubles += 1
                    } else if m.closes, nestedOtherDoubles > 0 {
                        nestedOtherDoubles -= 1
                    } else if m.closes, i > o.token + o.width, !closesInSentence(o.family, from: i + m.width) {
                        let seg = QuotedPassage.Segment(
                            open: o.token, close: i + m.width - 1, content: (o.token + o.width)..<i)
                        open = nil
                        out.append(QuotedPassage(segments: Self.appending(seg, to: o.segments), isSingle: false))
                    }
                }
                // Other marks inside a quote are nested quotes and belong to it.
            } else if m.opens, !isPastedBlockMarker(i, m, curlyInDocument: usesCurlyDoubles) {
                open = (m.family, i, m.width, [])
            }
            i += m.width
        }
        if open != nil { abandon(at: n) }
        return out
    }

    /// Whether a straight double mark opening a paragraph is left over from pasted text (a
    /// block quote's marker) rather than a quotation: the document quotes with curly marks, the
    /// paragraph never closes the straight mark and the next one does not reopen it; the
    /// paragraph's own quotations are then found inside it ("Trump walked onto the stage,
    /// chanting “U-S-A!”").
    private func isPastedBlockMarker(_ i: Int, _ m: Mark, curlyInDocument: () -> Bool) -> Bool {
        guard m.family == .straightDouble, m.width == 1, document.tokens[i].lineStart || i == 0, curlyInDocument()
        else { return false }
        var k = i + 1
        while k < document.tokens.count, !document.tokens[k].lineStart {
            if let other = mark(at: k), other.family == .straightDouble { return false }
            k += 1
        }
        // The next paragraph reopening with a straight mark continues a quotation over
        // paragraphs, as news style prints it.
        if k < document.tokens.count, let next = mark(at: k), next.family == .straightDouble, next.opens {
            return false
        }
        return true
    }

    private func isDouble(_ f: Family) -> Bool { f == .curlyDouble || f == .straightDouble }

    /// Whether a mark of `family` that may close comes from token `start` to the end of its
    /// sentence (or block, if that ends first).
    private func closesInSentence(_ family: Family, from start: Int) -> Bool {
        guard start < document.tokens.count else { return false }
        let end =
            document.sentenceIndex(containing: document.tokens[start].span.start).map {
                document.sentences[$0].tokens.upperBound
            } ?? document.tokens.count
        var k = start
        while k < end, !isBlockStart(k) {
            if mayBeMark(k), let m = mark(at: k), m.family == family, m.closes { return true }
            k += 1
        }
        return false
    }
}
