/// Cuts text into ``Token``s the way news corpora do (see ``Token`` for the conventions).
///
/// The tokeniser scans UTF-8 bytes once. White space (including non-breaking and other Unicode
/// spaces) separates chunks; inside a chunk, runs of letters and digits become pieces that are
/// joined again where a news reader sees one word or number.
public struct Tokenizer: Sendable {
    public init() {}

    /// The tokens of `text`, with how many line breaks precede each one.
    public func tokenize(_ text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { tokenize(utf8: $0) }
    }

    private struct Piece {
        var start: Int, end: Int
        var cls: CharacterClass  // .letter (alphanumeric run), .digit (digits only), .other (one mark)
        var scalar: Unicode.Scalar  // the mark, for `.other`; the first scalar otherwise
        var isAlnum: Bool { cls != .other }
    }

    /// The tokens of UTF-8 `bytes`. Only white space lies between two tokens, so the line breaks
    /// before a token are read from the bytes where they matter (see ``SentenceSplitter``).
    func tokenize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(bytes.count / 5)
        var pieces: [Piece] = []
        var i = 0
        let n = bytes.count
        /// Whether a line break ("\n", U+2028, U+2029) came since the previous token.
        var newline = false
        var sawSpace = false
        var first = true
        while i < n {
            let (s, len) = ScalarReader.scalar(in: bytes, at: i)
            if ScalarReader.classify(s) == .space {
                if s == "\n" || s == "\u{2028}" || s == "\u{2029}" { newline = true }
                sawSpace = true
                i += len
                continue
            }
            // Fast path: a plain ASCII word or number followed by white space (most chunks).
            var k = i
            var letters = false
            while k < n {
                let b = bytes[k]
                let lower = b | 0x20
                if lower >= 0x61 && lower <= 0x7A { letters = true } else if !(b >= 0x30 && b <= 0x39) { break }
                k += 1
            }
            if k > i, k == n || bytes[k] == 0x20 || bytes[k] == 0x0A || bytes[k] == 0x09 || bytes[k] == 0x0D {
                out.append(
                    Token(
                        span: Span(i, k), kind: letters ? .word : .number, spaceBefore: sawSpace || first,
                        lineStart: newline || first))
                first = false
                newline = false
                sawSpace = false
                i = k
                continue
            }
            // Next: one ASCII word or number with marks around it ("said,", "(Reuters)", "“We").
            if let chunk = Self.simpleChunk(bytes, at: i) {
                var k = i
                var opensChunk = true
                while k < chunk.end {
                    let span: Span
                    let kind: Token.Kind
                    if k == chunk.run.lowerBound, !chunk.run.isEmpty {
                        span = Span(k, chunk.run.upperBound)
                        kind = chunk.runIsWord ? .word : .number
                    } else {
                        let (s, length) = ScalarReader.scalar(in: bytes, at: k)
                        span = Span(k, k + length)
                        kind = Tokenizer.isSymbol(s) ? .symbol : .punctuation
                    }
                    out.append(
                        Token(
                            span: span, kind: kind, spaceBefore: opensChunk && (sawSpace || first),
                            lineStart: opensChunk && (newline || first)))
                    opensChunk = false
                    k = span.end
                }
                first = false
                newline = false
                sawSpace = false
                i = chunk.end
                continue
            }
            // A chunk: everything up to the next space.
            pieces.removeAll(keepingCapacity: true)
            var j = i
            while j < n {
                let (c, l) = ScalarReader.scalar(in: bytes, at: j)
                let cls = ScalarReader.classify(c)
                if cls == .space { break }
                if cls == .other {
                    pieces.append(Piece(start: j, end: j + l, cls: .other, scalar: c))
                } else if let last = pieces.last, last.isAlnum, last.end == j {
                    pieces[pieces.count - 1].end = j + l
                    if cls == .letter { pieces[pieces.count - 1].cls = .letter }
                } else {
                    pieces.append(Piece(start: j, end: j + l, cls: cls, scalar: c))
                }
                j += l
            }
            let before = out.count
            emit(pieces, bytes, &out)
            if out.count > before {
                out[before].spaceBefore = sawSpace || first
                out[before].lineStart = newline || first
            }
            first = false
            newline = false
            sawSpace = false
            i = j
        }
        return out
    }

    /// A chunk of marks around at most one run of ASCII letters and digits.
    private struct SimpleChunk {
        /// Where the chunk ends: at white space or the end of the text.
        var end: Int
        /// The run's token, with the period an abbreviation keeps; empty when the chunk is marks alone.
        var run: Range<Int>
        var runIsWord: Bool
    }

    /// The chunk starting at `start` when it is marks, at most one run of ASCII letters and
    /// digits, then marks ("said,", "(Reuters)", "“We", "year.", "5%"); nil for any other chunk.
    ///
    /// With a single run, none of the rules that read pieces together can apply (joining two runs
    /// over a hyphen or period, clitics, "n't", an ellipsis, a sign before a number): each mark is
    /// a token and the run is one, with its period when it is an abbreviation. A chunk where one
    /// of them might apply is left to ``emit(_:_:_:)``.
    @inline(__always)
    private static func simpleChunk(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> SimpleChunk? {
        let n = bytes.count
        var i = start
        var run = start..<start
        var runIsWord = false
        while i < n {
            let b = bytes[i]
            if TextBytes.isASCIIDigit(b) || TextBytes.isASCIILowercase(b | 0x20) {
                // A second run could join the first over the marks between them.
                guard run.isEmpty else { return nil }
                var k = i
                while k < n {
                    let c = bytes[k]
                    if TextBytes.isASCIILowercase(c | 0x20) {
                        runIsWord = true
                    } else if !TextBytes.isASCIIDigit(c) {
                        break
                    }
                    k += 1
                }
                // A letter or digit beyond ASCII would continue the run.
                if k < n, bytes[k] >= 0x80 {
                    let cls = ScalarReader.classify(ScalarReader.scalar(in: bytes, at: k).0)
                    if cls == .letter || cls == .digit { return nil }
                }
                if runIsWord, k < n, bytes[k] == UInt8(ascii: "."), !(k + 1 < n && bytes[k + 1] == UInt8(ascii: ".")),
                    Abbreviations.keepsPeriod(bytes, i, k)
                {
                    k += 1
                }
                run = i..<k
                i = k
                continue
            }
            let (s, length) = ScalarReader.scalar(in: bytes, at: i)
            switch ScalarReader.classify(s) {
            case .space: return SimpleChunk(end: i, run: run, runIsWord: runIsWord)
            case .letter, .digit: return nil
            case .other: break
            }
            // Before the run, a sign may belong to a number ("-3"); two periods may start an ellipsis.
            if run.isEmpty, s == "-" || s == "+" || s == "\u{2212}" { return nil }
            if s == ".", i + 1 < n, bytes[i + 1] == UInt8(ascii: ".") { return nil }
            i += length
        }
        return SimpleChunk(end: i, run: run, runIsWord: runIsWord)
    }

    // MARK: - Joining pieces into tokens

    private func emit(_ p: [Piece], _ b: UnsafeBufferPointer<UInt8>, _ out: inout [Token]) {
        var i = 0
        let n = p.count
        func push(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            out.append(Token(span: Span(start, end), kind: kind, spaceBefore: false, lineStart: false))
        }
        while i < n {
            let piece = p[i]
            if piece.isAlnum {
                var last = i
                var hasLetter = piece.cls == .letter
                var joinedPeriods = false
                while last + 2 < n {
                    let joiner = p[last + 1], next = p[last + 2]
                    guard joiner.cls == .other, next.isAlnum, joiner.start == p[last].end else { break }
                    if !joins(p[last], joiner.scalar, next, b, isLastPair: last + 3 >= n || !p[last + 3].isAlnum) {
                        break
                    }
                    if joiner.scalar == "." { joinedPeriods = true }
                    hasLetter = hasLetter || next.cls == .letter
                    last += 2
                }
                var end = p[last].end
                // "don't" -> "do" + "n't"; "can't" -> "ca" + "n't" (Treebank convention).
                if last + 2 < n, isApostrophe(p[last + 1].scalar), p[last + 2].isAlnum,
                    lowered(b, p[last + 2]) == Self.t, end - p[i].start >= 2,
                    b[end - 1] | 0x20 == UInt8(ascii: "n")
                {
                    if end - 1 > p[i].start { push(p[i].start, end - 1, hasLetter ? .word : .number) }
                    push(end - 1, p[last + 2].end, .word)
                    i = last + 3
                    continue
                }
                // An abbreviation keeps its period: U.S., Mr., J.
                if last + 1 < n, p[last + 1].scalar == ".", hasLetter,
                    !(last + 3 < n && p[last + 2].scalar == "." && p[last + 3].scalar == "."),
                    joinedPeriods || Abbreviations.keepsPeriod(b, p[i].start, end)
                {
                    end = p[last + 1].end
                    last += 1
                }
                push(p[i].start, end, hasLetter ? .word : .number)
                i = last + 1
                continue
            }
            let s = piece.scalar
            // Clitics split from their word: 's 're 've 'll 'd 'm.
            if isApostrophe(s), i > 0, p[i - 1].isAlnum, p[i - 1].end == piece.start, i + 1 < n, p[i + 1].isAlnum,
                let word = lowered(b, p[i + 1]), Self.clitics.contains(word)
            {
                push(piece.start, p[i + 1].end, .word)
                i += 2
                continue
            }
            // Ellipsis "..." as one token.
            if s == ".", i + 2 < n, p[i + 1].scalar == ".", p[i + 2].scalar == "." {
                var k = i + 2
                while k + 1 < n, p[k + 1].scalar == "." { k += 1 }
                push(piece.start, p[k].end, .punctuation)
                i = k + 1
                continue
            }
            // A sign that starts a number: -3, +0.5 (only where no word precedes it).
            if s == "-" || s == "+" || s == "\u{2212}", i + 1 < n, p[i + 1].cls == .digit,
                i == 0 || !p[i - 1].isAlnum
            {
                var last = i + 1
                while last + 2 < n, p[last + 1].cls == .other, p[last + 2].cls == .digit,
                    joins(p[last], p[last + 1].scalar, p[last + 2], b, isLastPair: false)
                {
                    last += 2
                }
                push(piece.start, p[last].end, .number)
                i = last + 1
                continue
            }
            push(piece.start, piece.end, Tokenizer.isSymbol(s) ? .symbol : .punctuation)
            i += 1
        }
    }

    /// Whether `left joiner right` is one token.
    private func joins(
        _ left: Piece, _ joiner: Unicode.Scalar, _ right: Piece, _ b: UnsafeBufferPointer<UInt8>,
        isLastPair: Bool
    ) -> Bool {
        let bothDigits = left.cls == .digit && right.cls == .digit
        switch joiner {
        case "-", "\u{2010}", "\u{2011}", "_":
            return true
        case ".":
            if bothDigits { return true }
            // U.S, e.g, a.m: single letters around the period.
            return left.end - left.start == 1 && right.end - right.start == 1 && left.cls == .letter
                && right.cls == .letter
        case ",":
            return bothDigits && right.end - right.start == 3
        case ":", "/":
            return bothDigits
        case "&":
            return left.cls == .letter && right.cls == .letter && left.end - left.start <= 3
                && right.end - right.start <= 3
                && isUpperASCII(b, left) && isUpperASCII(b, right)
        case "'", "\u{2019}":
            if isLastPair, let word = lowered(b, right), word == Self.t || Self.clitics.contains(word) { return false }
            return left.cls == .letter && right.cls == .letter
        default:
            return false
        }
    }

    private func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

    /// The clitics split from their word ("'s", "'re"…), and the "t" of "n't".
    private static let clitics = ["s", "re", "ve", "ll", "d", "m"].map { PackedWord($0)! }
    private static let t = PackedWord("t")!

    /// The piece lowercased, when it is ASCII (short enough to pack).
    private func lowered(_ b: UnsafeBufferPointer<UInt8>, _ p: Piece) -> PackedWord? {
        PackedWord(lowercasing: b, Span(p.start, p.end))
    }

    private func isUpperASCII(_ b: UnsafeBufferPointer<UInt8>, _ p: Piece) -> Bool {
        (p.start..<p.end).allSatisfy { b[$0] >= 65 && b[$0] <= 90 }
    }

    static func isSymbol(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 {
            switch UInt8(s.value) {
            case UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "+"),
                UInt8(ascii: "="), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "^"), UInt8(ascii: "~"),
                UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "`"):
                return true
            default:
                return false
            }
        }
        return isNonASCIISymbol(s)
    }

    /// Kept out of line: the Unicode property types it asks for are looked up on entry to any
    /// function holding it, which would tax every ASCII mark too.
    @inline(never)
    private static func isNonASCIISymbol(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "€", "£", "¥", "₽", "₹", "₩", "₺", "¢", "§", "°", "©", "®", "™", "‰", "\u{2212}":
            return true
        // Dashes, quotation marks and bullets, without a Unicode property look-up.
        case "\u{2010}"..."\u{2027}":
            return false
        default:
            return s.properties.generalCategory == .currencySymbol || s.properties.generalCategory == .mathSymbol
        }
    }
}
