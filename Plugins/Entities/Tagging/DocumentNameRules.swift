import AssayCore

/// What a document's fuller mentions say about its shorter ones, after ``LabelConsistency`` has
/// given each spelling one label:
/// - a one-word name that is the last word of a longer person name in the document is that
///   person ("Russell" of "George Russell" read as a team), unless a place, or also the first
///   word of an organisation's name ("Ford" of "Gerald Ford" and "Ford Motor"). The converse,
///   a one-word person that begins an organisation's name made that organisation, turns
///   "Trump" into the company of "Trump Taj Mahal" in political news: not done;
/// - a name spelt exactly as a name the tagger found elsewhere in the document, but not found
///   itself, is a mention of that name with its label ("Countrywide shares" after "bid for
///   Countrywide"): one mention in a context the tagger doubts no longer loses the name. Names
///   joined by a hyphen or letter to the words around them ("K-State", "Chick-fil-A") are
///   parts of compounds and neither give nor take a name.
enum DocumentNameRules {
    /// The hash of the bytes of unit `u` (as ``FeatureHash/bytes(_:)`` hashes them).
    @inline(__always) private static func hash(
        _ u: Int, _ spans: UnsafeBufferPointer<Span>, _ b: UnsafeBufferPointer<UInt8>
    )
        -> UInt64
    {
        let span = spans[u]
        var h = FeatureHash.offset
        for i in span.start..<span.end { h = FeatureHash.step(h, b[i]) }
        return FeatureHash.mix(h, UInt64(span.length))
    }

    /// One-word mentions of ordinary lines that are the last word of a longer person name take
    /// its label (see the type's notes); a word that also begins an organisation's name tells
    /// nothing.
    static func labelPartNames(
        _ mentions: inout [Mention], unitRanges: [ClosedRange<Int>?], spans: UnsafeBufferPointer<Span>,
        _ b: UnsafeBufferPointer<UInt8>
    ) {
        var surnames = Set<UInt64>(), organisationHeads = Set<UInt64>()
        for (k, m) in mentions.enumerated() {
            guard let r = unitRanges[k], r.count > 1 else { continue }
            if m.label == .person { surnames.insert(hash(r.upperBound, spans, b)) }
            if m.label == .org { organisationHeads.insert(hash(r.lowerBound, spans, b)) }
        }
        guard !surnames.isEmpty else { return }
        for k in mentions.indices where mentions[k].label != .person && mentions[k].label != .loc {
            guard let r = unitRanges[k], r.count == 1 else { continue }
            let h = hash(r.lowerBound, spans, b)
            if surnames.contains(h), !organisationHeads.contains(h) { mentions[k].label = .person }
        }
    }

    /// Adds a mention wherever the units spell, exactly, a capitalised name found in an
    /// ordinary line and no unit of them is in a mention already, with that name's label (the
    /// longest such name), if the tagger found the name at least as often as it passed it by:
    /// its own majority, so that one stray reading ("July" as a person) is not copied to every
    /// other.
    static func addRepeatedNames(
        _ mentions: inout [Mention], unitRanges: [ClosedRange<Int>?], units: TaggingUnits,
        spans: UnsafeBufferPointer<Span>, lineStart: UnsafeBufferPointer<Bool>, casing: DocumentCasing,
        _ b: UnsafeBufferPointer<UInt8>
    ) {
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
        func isCapital(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || c >= 0xC0 }
        /// Whether a hyphen, letter or digit touches the bytes `start..<end`: part of a compound.
        func isJoined(_ start: Int, _ end: Int) -> Bool {
            func joins(_ c: UInt8) -> Bool { c == UInt8(ascii: "-") || isLetter(c) || (c >= 48 && c <= 57) }
            return (start > 0 && joins(b[start - 1])) || (end < b.count && joins(b[end]))
        }
        // The names: their units' hashes (`unitHashes[firstUnit[n]..<firstUnit[n + 1]]`), label,
        // and how often found and passed by. Mentions of one spelling in ordinary lines have one
        // label (``unify`` made it so). Names that begin with one unit are chained from
        // `byFirstUnit`; a unit is hashed only if a name begins with its first byte and length.
        var unitHashes: [UInt64] = [], firstUnit: [Int] = [0], labels: [EntityLabel] = []
        var found: [Int] = [], passed: [Int] = [], sameFirstUnit: [Int] = []
        var byFirstUnit = HashedTable<Int>(capacity: 2 * mentions.count, empty: -1)
        // The first bytes (capitals only) and lengths of names' first units.
        var initials = [Bool](repeating: false, count: 256), lengths: UInt64 = 0
        for (k, m) in mentions.enumerated() {
            guard let r = unitRanges[k], isCapital(b[m.span.start]), !isJoined(m.span.start, m.span.end) else {
                continue
            }
            // A one-word name must be a name throughout the document: not an ordinary word it
            // also writes in lower case ("The", "State"), nor one letter ("I").
            if r.count == 1 {
                guard m.span.length >= 2 else { continue }
                let ascii = (m.span.start..<m.span.end).allSatisfy { b[$0] < 128 }
                let lower =
                    ascii
                    ? UnitProfile.lower(ofASCII: b, m.span.start, m.span.end)
                    : UnitProfile(b, m.span.start, m.span.end).lower
                guard (casing.seen[lower] ?? 0) & DocumentCasing.writtenLower == 0 else { continue }
            }
            let first = hash(r.lowerBound, spans, b)
            var n = byFirstUnit[first] ?? -1
            while n >= 0 {
                if firstUnit[n + 1] - firstUnit[n] == r.count
                    && (0..<r.count).allSatisfy({ unitHashes[firstUnit[n] + $0] == hash(r.lowerBound + $0, spans, b) })
                {
                    break
                }
                n = sameFirstUnit[n]
            }
            if n >= 0 {
                found[n] += 1
                continue
            }
            sameFirstUnit.append(byFirstUnit[first] ?? -1)
            byFirstUnit.insert(labels.count, for: first)
            for u in r { unitHashes.append(hash(u, spans, b)) }
            firstUnit.append(unitHashes.count)
            labels.append(m.label)
            found.append(1)
            passed.append(0)
            initials[Int(b[m.span.start])] = true
            lengths |= 1 << UInt64(min(spans[r.lowerBound].length, 63))
        }
        guard !labels.isEmpty else { return }
        let nameInitials = initials
        var candidates: [(units: Range<Int>, name: Int)] = []
        // `next`: the first mention that ends after unit `i` starts (mentions are in order).
        var s = 0, i = 0, next = 0
        let unitCount = spans.count
        while i < unitCount {
            let span = spans[i]
            // Most units begin with no name's initial, or are not as long as any name's first:
            // skipped at once.
            guard nameInitials[Int(b[span.start])], lengths & (1 << UInt64(min(span.length, 63))) != 0 else {
                i += 1
                continue
            }
            while next < mentions.count && mentions[next].span.end <= span.start { next += 1 }
            let free = next == mentions.count ? b.count : mentions[next].span.start
            guard free >= span.end, var n = byFirstUnit[hash(i, spans, b)] else {
                i += 1
                continue
            }
            while s < units.sentences.count && units.sentences[s].upperBound <= i { s += 1 }
            let sentence = units.sentences[s]
            // A capitalised word right before or after: part of a longer name ("Sen. Ted Cruz"),
            // unless that word before begins the sentence ("Later Countrywide shares rose").
            if i - 1 > sentence.lowerBound && !lineStart[i] && isCapital(b[spans[i - 1].start]) {
                i += 1
                continue
            }
            var match: (end: Int, name: Int)?
            while n >= 0 {
                let length = firstUnit[n + 1] - firstUnit[n], end = i + length
                if end <= sentence.upperBound, end > match?.end ?? i,
                    spans[end - 1].end <= free,
                    !(end < sentence.upperBound && isCapital(b[spans[end].start])),
                    !isJoined(span.start, spans[end - 1].end),
                    (1..<length).allSatisfy({ hash(i + $0, spans, b) == unitHashes[firstUnit[n] + $0] })
                {
                    match = (end, n)
                }
                n = sameFirstUnit[n]
            }
            guard let match else {
                i += 1
                continue
            }
            candidates.append((i..<match.end, match.name))
            passed[match.name] += 1
            i = match.end
        }
        var added = false
        for c in candidates where found[c.name] >= passed[c.name] {
            mentions.append(
                Mention(
                    span: Span(spans[c.units.lowerBound].start, spans[c.units.upperBound - 1].end),
                    label: labels[c.name]))
            added = true
        }
        guard added else { return }
        mentions.sort { $0.span.start < $1.span.start }
    }
}
