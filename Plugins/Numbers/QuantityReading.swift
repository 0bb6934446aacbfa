import AssayCore

/// The first step of reading a mention: what is written at a token, digits or words, before its
/// neighbours say what kind of number it is.
extension NumberScanner {
    enum QuantityRead {
        case quantity(Quantity)
        case skip(to: Int)
    }

    /// The quantity at token `i` (digits or words), or where to skip to if the token starts a code.
    func quantity(at i: Int) -> QuantityRead? {
        let v = view
        let b = v.firstByte(i)
        if b >= NumberBytes.firstMultiByteLead, v.kind(i) != .word, let s = v.scalar(i),
            let f = NumberWords.vulgarFractions[s]
        {
            var q = Quantity(tokens: i..<(i + 1), start: v.start(i), end: v.end(i), value: f)
            q.form = .fraction
            return .quantity(q)
        }
        if TextBytes.isASCIIDigit(b) || v.kind(i) == .number { return digitQuantity(at: i) }
        return spelledQuantity(at: i)
    }

    /// The amount written with digits at token `i`, with a decimal point, sign or thousands
    /// groups written apart from them; nothing for phone numbers and codes.
    @inline(__always)
    private func digitQuantity(at i: Int) -> QuantityRead? {
        let v = view
        // +1 555 123 4567: an international phone number, digit groups and all; +2 is an amount.
        if v.firstByte(i) == UInt8(ascii: "+"), isPhoneNumber(i) { return .skip(to: phoneNumberEnd(after: i)) }
        let leadingPoint = hasLeadingPoint(i)
        if !leadingPoint, isCodeContinuation(i) {
            var j = i
            while j + 1 < v.upper, !v.tokens[j + 1].spaceBefore { j += 1 }
            return .skip(to: j + 1)
        }
        switch NumericLiteralParser.parse(v, at: i, leadingPoint: leadingPoint) {
        case .quantity(let q)?: return .quantity(leadingPoint ? q : applyingSeparateSign(joiningSpacedThousands(q)))
        case .code(let next)?: return .skip(to: next)
        case nil: return nil
        }
    }

    /// The amount written with words from token `i`, or `half of`.
    @inline(__always)
    private func spelledQuantity(at i: Int) -> QuantityRead? {
        let v = view
        let pieces = SpelledNumberParser.pieces(v, from: i)
        guard let r = SpelledNumberParser.read(pieces) else { return halfOf(at: i).map(QuantityRead.quantity) }
        // "tested negative three times", "plus or minus two": not a sign; read what follows alone.
        if case .number(.minus) = pieces[0].role, !isWordSign(at: i) { return .skip(to: i + 1) }
        let lastPiece = pieces[r.pieceCount - 1]
        var q = Quantity(tokens: i..<(lastPiece.token + 1), start: pieces[0].start, end: lastPiece.end, value: r.value)
        q.form = r.form
        q.isOrdinal = r.isOrdinal
        q.isSpelled = true
        q.spelledPieces = r.pieceCount
        if let d = isOrdinalAfterDeterminer(pieces, r, at: i) {
            q.value = d
            q.form = .integer
            q.isOrdinal = true
            return .quantity(q)
        }
        if lastPiece.endsToken, let fraction = overFraction(numerator: q) { return .quantity(fraction) }
        if let ordinal = ordinalAfterArticle(pieces, r) { return .quantity(ordinal) }
        if !lastPiece.endsToken {
            // four-year, first-ever: the rest of the word is what the amount counts.
            let rest = pieces[r.pieceCount]
            if case .number = rest.role { return nil }
            // one-off, one-time, zero-sum: idioms, not amounts.
            if r.pieceCount == 1, r.value <= 1, !r.isOrdinal { return .skip(to: lastPiece.token + 1) }
            q.gluedNoun = v.vocabularyText(rest.start, rest.end)
        }
        return .quantity(q)
    }

    /// "a third term", "a fifth consecutive win": the ordinal after the article, not a fraction.
    private func ordinalAfterArticle(_ pieces: [SpelledNumberParser.Piece], _ r: SpelledNumberParser.Result)
        -> Quantity?
    {
        let v = view
        let lastPiece = pieces[r.pieceCount - 1]
        guard r.pieceCount == 2, case .article = pieces[0].role,
            case .number(.ordinal(let d, false, true)) = pieces[1].role,
            lastPiece.endsToken, lastPiece.token + 1 < v.upper, v.kind(lastPiece.token + 1) == .word,
            v.isVocabularyWord(lastPiece.token + 1), !v.isIn(.countStop, lastPiece.token + 1),
            v.numberWord(lastPiece.token + 1) == nil,
            !v.isCapitalized(lastPiece.token + 1)
        else { return nil }
        var q = Quantity(
            tokens: lastPiece.token..<(lastPiece.token + 1), start: lastPiece.start, end: lastPiece.end, value: d)
        q.isOrdinal = true
        q.isSpelled = true
        q.spelledPieces = 1
        return q
    }

    /// Whether digits at token `i` continue a word or code they are glued to (`v2.0`, `A4.5`).
    private func isCodeContinuation(_ i: Int) -> Bool {
        let v = view
        guard v.isGlued(i) else { return false }
        let p = i - 1
        if v.kind(p) == .word || v.kind(p) == .number { return true }
        guard let s = v.scalar(p), s == "." || s == "-" || s == "/" || s == ":" || s == "_" || s == "#", v.isGlued(p)
        else { return false }
        return v.kind(p - 1) == .word || v.kind(p - 1) == .number
    }
}
