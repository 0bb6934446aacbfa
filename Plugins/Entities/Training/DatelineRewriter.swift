import AssayCore

/// Rewrites the datelines of training documents the way wire copy writes them today.
///
/// The 1996 training news puts each story's dateline on a line of its own ("BRUSSELS
/// 1996-08-22"); current wire copy starts the first sentence with it, the agency in brackets
/// ("BRUSSELS ( Reuters ) - The European Commission ...", "LONDON , Dec 7 ( Reuters ) - ...").
/// Read in that position, an all-caps place the tagger has only seen alone on its line looks
/// like anything ("RIO DE JANEIRO" as a person, "MILAN" as a team). A copy of the training
/// news with its datelines written both ways teaches the tagger the second one too; the
/// agency is an organisation, as the CoNLL guidelines label it.
enum DatelineRewriter {
    private static let months = [
        "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"
    ]

    /// `document` with a share `share` of its datelines joined to the next line, and its gold
    /// spans moved with the text.
    static func rewrite<R: RandomNumberGenerator>(
        _ document: AnalyzedDocument, gold: [GoldEntity], share: Double = 0.5, using rng: inout R
    ) -> (document: AnalyzedDocument, gold: [GoldEntity]) {
        let utf8 = document.utf8
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 256)
        // (old byte offset from which the shift applies, shift), in order.
        var shifts: [(from: Int, by: Int)] = []
        var added: [GoldEntity] = []
        var lineStart = 0
        while lineStart < utf8.count {
            var lineEnd = lineStart
            while lineEnd < utf8.count && utf8[lineEnd] != 10 { lineEnd += 1 }
            if lineEnd < utf8.count, let (placeEnd, month, day) = dateline(utf8, lineStart, lineEnd),
                Double(rng.next() % 10_000) / 10_000 < share
            {
                // "PLACE 1996-08-22\n" becomes "PLACE ( Reuters ) - " or "PLACE , Aug 22 ( Reuters ) - ".
                out += utf8[lineStart..<placeEnd]
                if rng.next() % 2 == 0 { out += Array(" , \(months[month - 1]) \(day)".utf8) }
                out += Array(" ( ".utf8)
                let agency = out.count
                out += Array("Reuters".utf8)
                added.append(GoldEntity(span: Span(agency, out.count), label: .org))
                out += Array(" ) - ".utf8)
                shifts.append((from: lineEnd + 1, by: out.count - (lineEnd + 1)))
            } else {
                out += utf8[lineStart..<min(lineEnd + 1, utf8.count)]
            }
            lineStart = lineEnd + 1
        }
        guard !shifts.isEmpty else { return (document, gold) }
        func moved(_ offset: Int) -> Int {
            var by = 0
            for s in shifts where s.from <= offset { by = s.by }
            return offset + by
        }
        var newGold: [GoldEntity] = []
        for g in gold {
            // An entity inside a rewritten date would have no place to go; datelines have none.
            let start = moved(g.span.start), end = moved(g.span.end)
            guard end > start else { continue }
            newGold.append(GoldEntity(span: Span(start, end), label: g.label))
        }
        newGold += added
        newGold.sort { $0.span.start < $1.span.start }
        let copy = AnalyzedDocument(Document(id: document.id, text: String(decoding: out, as: UTF8.self)))
        return (copy, newGold)
    }

    /// Where the place of a dateline line `start..<end` ends, and the date's month and day:
    /// capital letters, spaces, dots, apostrophes and hyphens, one space, then `YYYY-MM-DD`.
    private static func dateline(_ b: [UInt8], _ start: Int, _ end: Int) -> (placeEnd: Int, month: Int, day: Int)? {
        let dateLength = 10
        let placeEnd = end - dateLength - 1
        guard placeEnd > start, b[placeEnd] == 32, TextBytes.isASCIIUppercase(b[start]) else { return nil }
        for i in start..<placeEnd {
            let c = b[i]
            guard TextBytes.isASCIIUppercase(c) || c == 32 || c == 46 || c == 39 || c == 45 else { return nil }
        }
        let d = placeEnd + 1
        for (k, i) in (d..<end).enumerated() {
            let isDash = k == 4 || k == 7
            guard isDash ? b[i] == 45 : TextBytes.isASCIIDigit(b[i]) else { return nil }
        }
        func number(_ from: Int, _ count: Int) -> Int {
            (from..<(from + count)).reduce(0) { $0 * 10 + Int(b[$1] - 48) }
        }
        let month = number(d + 5, 2), day = number(d + 8, 2)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (placeEnd, month, day)
    }
}
