import AssayCore

/// Turns the tagger's BILOU output into mention spans, and corrects the boundaries a linear
/// tagger trained on 1996 news gets wrong in today's news:
///
/// - punctuation is never at the edge of a name (a closing quote the tag path swallowed);
/// - in headline and list lines, where capitals say little, function words ("XI AND PUTIN
///   MEET") and headline verbs and labels ("Toqayev Receives", "TikTok Video") do not begin or
///   end a name, nor does a word the document otherwise writes in lower case and never
///   capitalises in running text; a person span is split at its function words and commas;
/// - a name followed directly by a short number that belongs to it ("Nord Stream 2 pipeline",
///   "Apollo 11 landed", "Formula 1 race") keeps the number, unless the number reads as a
///   quantity ("Gazprom 2 years ago", "Siemens 10 percent") or a score ("Bahia 2 Atletico 0");
/// - a name joined by a hyphen to a lower-case word is, with it, one MISC ("California-based",
///   "Saudi-led", "Trump-style"): the CoNLL convention, which the tagger, reading the parts,
///   misses for a name it knows well as a place or person;
/// - a one-word person whose capital inside the word follows a lower-case letter is a brand,
///   not a person ("TikTok", "YouTube", "PayPal"), unless the part before that capital is a
///   surname particle ("McDonald", "DeSantis", "LeBron"): the training news has almost no
///   such brands, and reads the shape as a Scottish surname;
/// - a hyphenated entity whose every part is a listed place, nationality or organisation is
///   split into those parts: the training news tags `Israeli-PLO` as one MISC, but
///   `China-Russia relations` are between two places.
///
/// The word lists are sections of the gazetteer resource (`[function-word]`, `[headline-word]`,
/// `[quantity-word]`), matched by the units' lower-case hashes, and `[name-particle]`.
struct MentionBoundaries: Sendable {
    let gazetteer: Gazetteer
    /// Lower-case hash → the list bits below.
    private var words = HashedTable<UInt8>(capacity: 512, empty: 0)
    private static let function: UInt8 = 1, headline: UInt8 = 2, quantity: UInt8 = 4, closing: UInt8 = 8,
        comma: UInt8 = 16,
        nameWord: UInt8 = 32
    /// The collapsed shape of a run of ASCII digits (`d`).
    private let digitsShape: UInt64
    /// The exact-spelling hash of a hyphen.
    private let hyphenWord: UInt64
    private let orgWordBit: UInt16
    /// Lower-case surname particles that a capital may follow inside a person's name ("mc", "de").
    private let particles: Set<[UInt8]>

    init(gazetteer: Gazetteer, sections: [String: [String]]) {
        self.gazetteer = gazetteer
        func lower(_ w: String) -> UInt64 {
            Array(w.utf8).withUnsafeBufferPointer { UnitProfile($0, 0, $0.count).lower }
        }
        for (name, bit) in [
            ("function-word", Self.function), ("headline-word", Self.headline), ("quantity-word", Self.quantity),
            ("name-word", Self.nameWord)
        ] {
            for w in sections[name] ?? [] { words.update(lower(w)) { $0 |= bit } }
        }
        for p in [".", ",", ";", ":", "!", "?", ")", "\"", "'"] { words.update(lower(p)) { $0 |= Self.closing } }
        words.update(lower(",")) { $0 |= Self.comma }
        digitsShape = Array("12".utf8).withUnsafeBufferPointer { UnitProfile($0, 0, $0.count).shape }
        hyphenWord = Array("-".utf8).withUnsafeBufferPointer { UnitProfile($0, 0, $0.count).word }
        orgWordBit = 1 << UInt16(Gazetteer.category(named: "org-word")!)
        particles = Set((sections["name-particle"] ?? []).map { Array($0.lowercased().utf8) })
    }

    private func bits(_ p: UnitProfile) -> UInt8 { words[p.lower] ?? 0 }

    /// The mentions the tags spell, with the corrections above.
    /// `utf8` is the text the units are spans of.
    func mentions<P: UnitProfileList>(
        tags: [Int], units: TaggingUnits, profiles p: P, casing: DocumentCasing, utf8: [UInt8]
    ) -> [Mention] {
        var out: [Mention] = []
        // Buffers reused by every sentence and name (see ``BILOU/entities(in:_:into:)``).
        var entities: [(units: Range<Int>, label: EntityLabel)] = []
        var parts: [ClosedRange<Int>] = []
        func isPunctuation(_ i: Int) -> Bool { p[i].caseClass == .none && !p[i].hasDigit }
        for (si, s) in units.sentences.enumerated() {
            let headline = casing.headlines[si]
            /// Whether unit `i` may not be the first (or, `trailing`, the last) unit of a name.
            func isEdgeNoise(_ i: Int, trailing: Bool) -> Bool {
                if isPunctuation(i) { return true }
                guard headline, p[i].caseClass != .none else { return false }
                let b = bits(p[i])
                if b & (Self.function | Self.headline) != 0 { return true }
                // The document's own casing: a word it writes in lower case and never capitalises
                // in running text. Not in all-caps lines, where the old news the tagger learnt
                // from writes names like "ENGLISH COUNTY CHAMPIONSHIP"; not for the nouns names
                // end with ("League", "Bank").
                return trailing && casing.lineCases[si] != .allCaps && p[i].length >= 3 && p[i].caseClass != .upper
                    && b & Self.nameWord == 0 && casing.isCommonWord(p[i].lower)
                    && gazetteer.categories(of: p, i...i) & orgWordBit == 0
            }
            BILOU.entities(in: tags, s, into: &entities)
            for e in entities {
                var lo = e.units.lowerBound, hi = e.units.upperBound - 1
                while lo < hi, isEdgeNoise(lo, trailing: false) { lo += 1 }
                while hi > lo, isEdgeNoise(hi, trailing: true) { hi -= 1 }
                if lo == hi, isEdgeNoise(lo, trailing: false) { continue }
                personParts(lo...hi, e.label, headline, p, into: &parts)
                for part in parts {
                    if let listed = listedParts(part, units, p) {
                        out += listed
                        continue
                    }
                    if let compound = lowerCaseCompound(after: part, sentence: s, units, p) {
                        out.append(
                            Mention(
                                span: Span(units.spans[part.lowerBound].start, units.spans[compound].end), label: .misc)
                        )
                        continue
                    }
                    let end = numberSuffix(after: part, e.label, sentence: s, units, p) ?? part.upperBound
                    let label =
                        e.label == .person && part.count == 1 && isBrandSpelling(units.spans[part.lowerBound], utf8)
                        ? .org : e.label
                    out.append(
                        Mention(span: Span(units.spans[part.lowerBound].start, units.spans[end].end), label: label))
                }
            }
        }
        return out
    }

    /// The unit index of the lower-case word that a hyphen right after the name `range` joins
    /// it to ("California" of "California-based"), if there is one: no space on either side of
    /// the hyphen, and the name not itself after a hyphen ("pro-Kremlin-backed" is left alone).
    private func lowerCaseCompound<P: UnitProfileList>(
        after range: ClosedRange<Int>, sentence s: Range<Int>, _ units: TaggingUnits, _ p: P
    ) -> Int? {
        let hyphen = range.upperBound + 1, word = hyphen + 1
        guard word < s.upperBound, p[hyphen].word == hyphenWord, p[word].caseClass == .lower,
            units.spans[hyphen].start == units.spans[range.upperBound].end,
            units.spans[word].start == units.spans[hyphen].end
        else { return nil }
        let first = range.lowerBound
        if first > s.lowerBound, units.spans[first - 1].end == units.spans[first].start, p[first - 1].word == hyphenWord
        {
            return nil
        }
        return word
    }

    /// Whether the word `span` has a capital right after a lower-case letter, with no surname
    /// particle before it ("TikTok", not "McDonald").
    private func isBrandSpelling(_ span: Span, _ utf8: [UInt8]) -> Bool {
        func isLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
        func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
        guard span.length >= 4, isUpper(utf8[span.start]) else { return false }
        for k in (span.start + 2)..<span.end where isUpper(utf8[k]) && isLower(utf8[k - 1]) {
            return !particles.contains(utf8[span.start..<k].map { isUpper($0) ? $0 | 0x20 : $0 })
        }
        return false
    }

    /// A person span cut at commas, and in headlines at function words ("XI AND PUTIN"), into
    /// `parts` (emptied first; the caller reuses it for every name).
    private func personParts<P: UnitProfileList>(
        _ range: ClosedRange<Int>, _ label: EntityLabel, _ headline: Bool, _ p: P,
        into parts: inout [ClosedRange<Int>]
    ) {
        parts.removeAll(keepingCapacity: true)
        guard label == .person, range.count > 2 else {
            parts.append(range)
            return
        }
        var start = range.lowerBound
        for i in range {
            let b = bits(p[i])
            let cut = b & Self.comma != 0 || (headline && b & Self.function != 0 && p[i].caseClass != .none)
            if cut {
                if i > start { parts.append(start...(i - 1)) }
                start = i + 1
            }
        }
        if start <= range.upperBound { parts.append(start...range.upperBound) }
        if parts.isEmpty { parts.append(range) }
    }

    /// The unit index of a one- or two-digit number that ends the name `range`, if one follows it.
    private func numberSuffix<P: UnitProfileList>(
        after range: ClosedRange<Int>, _ label: EntityLabel, sentence s: Range<Int>, _ units: TaggingUnits, _ p: P
    ) -> Int? {
        let multiword = range.count > 1
        guard label == .org || label == .misc || (label == .loc && multiword) else { return nil }
        let n = range.upperBound + 1
        guard n < s.upperBound, p[n].caseClass == .none, p[n].shape == digitsShape, p[n].length <= 2,
            units.spans[n].start == units.spans[n - 1].end + 1, !units.lineStart[n]
        else { return nil }
        // Score lines and tables ("Bahia 2 Atletico Paranaense 0", "Surrey 24 points ,
        // Warwickshire 2 .") are full of numbers, and put one before a name too.
        if range.lowerBound > s.lowerBound, p[range.lowerBound - 1].hasDigit { return nil }
        var numbers = 0
        for i in s where p[i].hasDigit { numbers += 1 }
        guard numbers < 3 else { return nil }
        let a = n + 1
        guard a < s.upperBound else { return multiword && numbers == 1 ? n : nil }  // "... Launches Power of Siberia 2"
        let after = p[a]
        switch after.caseClass {
        case .lower:
            // "Nord Stream 2 pipeline", not "Gazprom 2 years" nor "Borodino 70 miles".
            guard bits(after) & Self.quantity == 0 else { return nil }
            return multiword || !isPlural(after) ? n : nil
        case .none:
            // Closing punctuation, but not a decimal point or a clock ("Apollo 11:30").
            guard numbers == 1, !after.hasDigit, bits(after) & Self.closing != 0 else { return nil }
            if a + 1 < s.upperBound, p[a + 1].hasDigit, units.spans[a + 1].start == units.spans[a].end { return nil }
            return n
        default:
            return nil  // a capitalised word next: a score ("Sport Recife 1 Gremio")
        }
    }

    private static let pluralSuffix = Array("xs".utf8).withUnsafeBufferPointer { UnitProfile($0, 0, 2).suffixes[0] }

    /// Whether a lower-case word looks like a plural noun (a quantity's unit: "70 miles").
    private func isPlural(_ p: UnitProfile) -> Bool {
        p.length >= 4 && p.suffixes[0] == Self.pluralSuffix && p.suffixes[1] != Self.doubleS
    }
    private static let doubleS = Array("xss".utf8).withUnsafeBufferPointer { UnitProfile($0, 0, 3).suffixes[1] }

    /// The parts of a hyphenated entity, if every part is a listed place, nationality or organisation.
    private func listedParts<P: UnitProfileList>(_ range: ClosedRange<Int>, _ units: TaggingUnits, _ p: P) -> [Mention]?
    {
        // Hyphen units: one character, no letters or digits, touching both neighbours (so a
        // name of one or two units has none).
        guard range.count > 2 else { return nil }
        let cuts = range.filter { i in
            i > range.lowerBound && i < range.upperBound && p[i].caseClass == .none && !p[i].hasDigit
                && units.spans[i - 1].end == units.spans[i].start && units.spans[i].end == units.spans[i + 1].start
        }
        guard !cuts.isEmpty else { return nil }
        var out: [Mention] = []
        var start = range.lowerBound
        for end in cuts.map({ $0 - 1 }) + [range.upperBound] {
            guard start <= end, let label = gazetteer.label(of: p, start...end) else { return nil }
            out.append(Mention(span: Span(units.spans[start].start, units.spans[end].end), label: label))
            start = end + 2
        }
        return out
    }
}
