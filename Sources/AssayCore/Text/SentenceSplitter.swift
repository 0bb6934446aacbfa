/// Groups tokens into sentences and paragraphs.
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes and brackets that
/// follow) when the next token can start a sentence; after an abbreviation only when a typical
/// sentence starter follows; never after a title or an initial. A blank line always ends a
/// sentence and a paragraph; a single line break ends both (headlines, list items, outlets that
/// print one paragraph per line) unless the next line carries on in lower case, as hard-wrapped
/// text does.
public struct SentenceSplitter: Sendable {
    public init() {}

    func split(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> (
        sentences: [Sentence], paragraphs: [Span]
    ) {
        guard !tokens.isEmpty else { return ([], []) }
        var sentences: [Sentence] = []
        var paragraphs: [Span] = []
        var paragraphStart = 0
        var sentenceStart = 0

        /// The token's bytes equal `literal` (compared without building a string).
        func isToken(_ i: Int, _ literal: StaticString) -> Bool {
            let sp = tokens[i].span
            guard sp.length == literal.utf8CodeUnitCount else { return false }
            let l = literal.utf8Start
            for k in 0..<sp.length where bytes[sp.start + k] != l[k] { return false }
            return true
        }
        func text(_ i: Int) -> Substring {
            let s = tokens[i].span
            return Substring(decoding: UnsafeBufferPointer(rebasing: bytes[s.start..<s.end]), as: UTF8.self)
        }
        func firstScalar(_ i: Int) -> Unicode.Scalar { ScalarReader.scalar(in: bytes, at: tokens[i].span.start).0 }
        /// The line breaks in the white space before token `i` (which starts a line), up to 2
        /// (a blank line): "\n" counts one, U+2028 and U+2029 two, as the tokeniser cuts lines.
        func breaks(before i: Int) -> Int {
            var count = 0
            var k = tokens[i - 1].span.end
            let end = tokens[i].span.start
            while k < end, count < 2 {
                if bytes[k] == 0x0A {
                    count += 1
                } else if bytes[k] == 0xE2, k + 2 < end, bytes[k + 1] == 0x80,
                    bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9
                {
                    count += 2
                }
                k += 1
            }
            return count
        }
        func isParagraphBreak(_ i: Int) -> Bool {
            let lines = breaks(before: i)
            return lines >= 2 || (lines == 1 && !TextBytes.startsLowercase(bytes, tokens[i].span))
        }
        func closeSentence(at end: Int) {
            guard end > sentenceStart else { return }
            sentences.append(
                Sentence(
                    span: Span(tokens[sentenceStart].span.start, tokens[end - 1].span.end),
                    tokens: sentenceStart..<end, paragraph: paragraphs.count))
            sentenceStart = end
        }

        var i = 0
        while i < tokens.count {
            if i > 0, tokens[i].lineStart {
                if isParagraphBreak(i) {
                    closeSentence(at: i)
                    paragraphs.append(Span(tokens[paragraphStart].span.start, tokens[i - 1].span.end))
                    paragraphStart = i
                }
            }
            let sp = tokens[i].span
            let lastByte = bytes[sp.end - 1]
            var ends = false
            var requiresStarter = false
            if tokens[i].kind == .punctuation {
                ends =
                    isToken(i, ".") || isToken(i, "!") || isToken(i, "?") || isToken(i, "…")
                    || isToken(i, "?!") || isToken(i, "!?")
                    || (sp.length >= 2 && bytes[sp.start] == 0x2E && bytes[sp.start + 1] == 0x2E)
            } else {
                if tokens[i].kind == .word, lastByte == 0x2E, sp.length >= 2 {
                    switch Abbreviations.role(bytes, sp) {
                    case .title: ends = false
                    case .other:
                        ends = true
                        requiresStarter = true
                    case .none: ends = true
                    }
                }
            }
            // "1." opening a list item is a marker, not a sentence.
            if ends, isToken(i, "."), i == sentenceStart + 1, tokens[sentenceStart].kind == .number,
                !tokens[i].spaceBefore
            {
                ends = false
            }
            guard ends else {
                i += 1
                continue
            }
            // Absorb closing quotes and brackets that hug the terminator: stated.” / (sic.)
            var j = i + 1
            while j < tokens.count, !tokens[j].spaceBefore, tokens[j].kind == .punctuation,
                Self.isCloser(bytes, tokens[j].span)
            { j += 1 }
            if j == tokens.count {
                i = j
                break
            }
            if tokens[j].lineStart {
                i = j
                continue
            }  // the line-break rule decides
            let next = firstScalar(j)
            let starts: Bool
            if requiresStarter {
                starts =
                    TextBytes.isCapitalized(bytes, tokens[j].span)
                    && Abbreviations.classes.contains(.sentenceStarter, word: String(text(j)))
            } else {
                starts =
                    TextBytes.isCapitalized(bytes, tokens[j].span) || ScalarReader.classify(next) == .digit
                    || (tokens[j].kind == .punctuation && Self.isOpener(bytes, tokens[j].span))
                    || (!isToken(i, ".") && !TextBytes.startsLowercase(bytes, tokens[j].span)
                        && tokens[j].kind != .punctuation)
            }
            if starts { closeSentence(at: j) }
            i = j
        }
        closeSentence(at: tokens.count)
        paragraphs.append(Span(tokens[paragraphStart].span.start, tokens[tokens.count - 1].span.end))
        return (sentences, paragraphs)
    }

    /// Whether the bytes of `span` are one of `"`, `”`, `’`, `'`, `)`, `]`, `}`, `»`, `›` (asked after every
    /// sentence end, so told by the bytes rather than by comparing Strings).
    private static func isCloser(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> Bool {
        let s = span.start
        switch span.length {
        case 1:
            switch bytes[s] {
            case 0x22, 0x27, 0x29, 0x5D, 0x7D: return true
            default: return false
            }
        case 2: return bytes[s] == 0xC2 && bytes[s + 1] == 0xBB
        case 3:
            guard bytes[s] == 0xE2, bytes[s + 1] == 0x80 else { return false }
            switch bytes[s + 2] {
            case 0x9D, 0x99, 0xBA: return true
            default: return false
            }
        default: return false
        }
    }

    /// Whether the bytes of `span` are one of `"`, `“`, `‘`, `'`, `(`, `[`, `{`, `«`, `‹`, `„`.
    private static func isOpener(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> Bool {
        let s = span.start
        switch span.length {
        case 1:
            switch bytes[s] {
            case 0x22, 0x27, 0x28, 0x5B, 0x7B: return true
            default: return false
            }
        case 2: return bytes[s] == 0xC2 && bytes[s + 1] == 0xAB
        case 3:
            guard bytes[s] == 0xE2, bytes[s + 1] == 0x80 else { return false }
            switch bytes[s + 2] {
            case 0x9C, 0x98, 0xB9, 0x9E: return true
            default: return false
            }
        default: return false
        }
    }
}
