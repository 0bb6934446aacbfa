import AssayCore

/// What a document's fuller mentions say about its shorter ones, after ``LabelConsistency`` has
/// given each spelling one label:
/// - a one-word name that is the last word of a longer person name in the document is that
///   person ("Russell" of "George Russell" read as a team), unless a place, or also the first
///   word of an organisation's name ("Ford" of "Gerald Ford" and "Ford Motor"). The converse,
///   a one-word person that begins an organisation's name made that organisation, turns
///   "Trump" into the company of "Trump Taj Mahal" in political news: not done;
/// - a new one-word person the document never introduces by a full name, title or first name
///   is an organisation named alone ("health regulator Anvisa"; see
///   ``relabelUnintroducedPersons(_:unitRanges:spelling:spellingCount:gazetteer:units:_:isKnownWord:)``);
/// - a name spelt exactly as a name the tagger found elsewhere in the document, but not found
///   itself, is a mention of that name with its label ("Countrywide shares" after "bid for
///   Countrywide"): one mention in a context the tagger doubts no longer loses the name. Names
///   joined by a hyphen or letter to the words around them ("K-State", "Chick-fil-A") are
///   parts of compounds and neither give nor take a name.
enum DocumentNameRules {
    /// One-word mentions of ordinary lines that are the last word of a longer person name take
    /// its label (see the type's notes); a word that also begins an organisation's name tells
    /// nothing. `spelling[u]`: the spelling of unit `u` (its exact bytes, numbered), of
    /// `spellingCount`.
    static func labelPartNames(
        _ mentions: inout [Mention], unitRanges: [ClosedRange<Int>?], spelling: [Int32], spellingCount: Int
    ) {
        // Per spelling (of `spellingCount`): whether it ends a longer person name, and whether
        // it begins a longer organisation name; a flag per spelling rather than two sets.
        let surname: UInt8 = 1, organisationHead: UInt8 = 2
        var roles = [UInt8](repeating: 0, count: spellingCount)
        var anySurname = false
        for (k, m) in mentions.enumerated() {
            guard let r = unitRanges[k], r.count > 1 else { continue }
            if m.label == .person {
                roles[Int(spelling[r.upperBound])] |= surname
                anySurname = true
            }
            if m.label == .org { roles[Int(spelling[r.lowerBound])] |= organisationHead }
        }
        guard anySurname else { return }
        for k in mentions.indices where mentions[k].label != .person && mentions[k].label != .loc {
            guard let r = unitRanges[k], r.count == 1 else { continue }
            if roles[Int(spelling[r.lowerBound])] == surname { mentions[k].label = .person }
        }
    }

    /// A new one-word person the document never introduces is no person: news gives a person's
    /// full name or a title ("President Obama", "Mr. Putin") at least once, so a one-word name
    /// read as a person at each of its mentions, twice or more, that is never part of a longer
    /// person name, never follows a title or first name nor comes before an age ("Brandt, 24,"),
    /// is not a first name and is not a word of the
    /// unlabelled news the word clusters were learnt from (where "Trump" or "Dole" alone is a
    /// well-known person), is an organisation named alone: a company, agency or team ("health
    /// regulator Anvisa", "Sentix ’s index", "The Longhorns"), which is what such names most
    /// often are. `isKnownWord(unit)`: whether the unit's word has word clusters.
    static func relabelUnintroducedPersons(
        _ mentions: inout [Mention], unitRanges: [ClosedRange<Int>?], spelling: [Int32], spellingCount: Int,
        gazetteer: [(categories: UInt16, position: UInt8)?], units: TaggingUnits, _ b: UnsafeBufferPointer<UInt8>,
        isKnownWord: (Int) -> Bool
    ) {
        /// Whether unit `u` is followed by ", 24,": a person's age.
        func isFollowedByAge(_ u: Int) -> Bool {
            guard u + 3 < units.count else { return false }
            func isComma(_ i: Int) -> Bool {
                units.spans[i].length == 1 && b[units.spans[i].start] == UInt8(ascii: ",")
            }
            let age = units.spans[u + 2]
            return isComma(u + 1) && isComma(u + 3) && age.length <= 3
                && (age.start..<age.end).allSatisfy { TextBytes.isASCIIDigit(b[$0]) }
        }
        let titleBit = UInt16(1) << UInt16(Gazetteer.category(named: "title")!)
        let firstNameBit = UInt16(1) << UInt16(Gazetteer.category(named: "first-name")!)
        // Per spelling: how many one-word person mentions it has, or `introduced` if it is part
        // of a longer person name or follows a title or first name somewhere.
        let introduced = UInt8.max
        var lone = [UInt8](repeating: 0, count: spellingCount)
        var any = false
        for (k, m) in mentions.enumerated() {
            guard let r = unitRanges[k] else { continue }
            if m.label == .person, r.count > 1 {
                for u in r { lone[Int(spelling[u])] = introduced }
                continue
            }
            guard r.count == 1 else { continue }
            let u = r.lowerBound, word = Int(spelling[u])
            // After a title or a first name the tagger left out ("Mary Zorvexa" found as "Zorvexa"),
            // or before an age ("Brandt, 24, won").
            if u > 0, let g = gazetteer[u - 1], g.categories & (titleBit | firstNameBit) != 0 {
                lone[word] = introduced
            } else if isFollowedByAge(u) {
                lone[word] = introduced
            } else if m.label == .person, lone[word] < introduced - 1 {
                lone[word] += 1
                any = any || lone[word] >= 2
            }
        }
        guard any else { return }
        for (k, m) in mentions.enumerated() where m.label == .person {
            guard let r = unitRanges[k], r.count == 1 else { continue }
            let u = r.lowerBound, count = lone[Int(spelling[u])]
            guard count >= 2, count != introduced else { continue }
            if let g = gazetteer[u], g.categories & firstNameBit != 0 { continue }
            if isKnownWord(u) { continue }
            mentions[k].label = .org
        }
    }

    /// Adds a mention wherever the units spell, exactly, a capitalised name found in an
    /// ordinary line and no unit of them is in a mention already, with that name's label (the
    /// longest such name), if the tagger found the name at least as often as it passed it by:
    /// its own majority, so that one stray reading ("July" as a person) is not copied to every
    /// other. `spelling[u]`: the spelling of unit `u`, of `spellingCount`.
    static func addRepeatedNames(
        _ mentions: inout [Mention], unitRanges: [ClosedRange<Int>?], units: TaggingUnits,
        spelling: [Int32], spellingCount: Int, casing: DocumentCasing, _ b: UnsafeBufferPointer<UInt8>
    ) {
        func isLetter(_ c: UInt8) -> Bool { TextBytes.isASCIIUppercase(c) || TextBytes.isASCIILowercase(c) }
        // A capital letter, or the first byte of a letter beyond ASCII.
        func isCapital(_ c: UInt8) -> Bool { TextBytes.isASCIIUppercase(c) || c >= 0xC0 }
        /// Whether a hyphen, letter or digit touches the bytes `start..<end`: part of a compound.
        func isJoined(_ start: Int, _ end: Int) -> Bool {
            func joins(_ c: UInt8) -> Bool { c == UInt8(ascii: "-") || isLetter(c) || TextBytes.isASCIIDigit(c) }
            return (start > 0 && joins(b[start - 1])) || (end < b.count && joins(b[end]))
        }
        let spans = units.spans
        // The names: their units' spellings (`nameUnits[firstUnit[n]..<firstUnit[n + 1]]`),
        // label, and how often found and passed by. Mentions of one spelling in ordinary lines
        // have one label (``LabelConsistency/unify`` made it so). Names that begin with one
        // spelling are chained from `byFirstSpelling`.
        var nameUnits: [Int32] = [], firstUnit: [Int] = [0], labels: [EntityLabel] = []
        var found: [Int] = [], passed: [Int] = [], sameFirstUnit: [Int] = []
        // At most a name per mention: room made once, not grown append by append.
        nameUnits.reserveCapacity(2 * mentions.count)
        firstUnit.reserveCapacity(mentions.count + 1)
        labels.reserveCapacity(mentions.count)
        found.reserveCapacity(mentions.count)
        passed.reserveCapacity(mentions.count)
        sameFirstUnit.reserveCapacity(mentions.count)
        var byFirstSpelling = [Int](repeating: -1, count: spellingCount)
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
            let first = Int(spelling[r.lowerBound])
            var n = byFirstSpelling[first]
            while n >= 0 {
                if firstUnit[n + 1] - firstUnit[n] == r.count
                    && (0..<r.count).allSatisfy({ nameUnits[firstUnit[n] + $0] == spelling[r.lowerBound + $0] })
                {
                    break
                }
                n = sameFirstUnit[n]
            }
            if n >= 0 {
                found[n] += 1
                continue
            }
            sameFirstUnit.append(byFirstSpelling[first])
            byFirstSpelling[first] = labels.count
            for u in r { nameUnits.append(spelling[u]) }
            firstUnit.append(nameUnits.count)
            labels.append(m.label)
            found.append(1)
            passed.append(0)
        }
        guard !labels.isEmpty else { return }
        var candidates: [(units: Range<Int>, name: Int)] = []
        // `next`: the first mention that ends after unit `i` starts (mentions are in order).
        var s = 0, i = 0, next = 0
        while i < units.count {
            let span = spans[i]
            var n = byFirstSpelling[Int(spelling[i])]
            guard n >= 0 else {
                i += 1
                continue
            }
            while next < mentions.count && mentions[next].span.end <= span.start { next += 1 }
            let free = next == mentions.count ? b.count : mentions[next].span.start
            guard free >= span.end else {
                i += 1
                continue
            }
            while s < units.sentences.count && units.sentences[s].upperBound <= i { s += 1 }
            let sentence = units.sentences[s]
            // A capitalised word right before or after: part of a longer name ("Sen. Ted Cruz"),
            // unless that word before begins the sentence ("Later Countrywide shares rose").
            if i - 1 > sentence.lowerBound && !units.lineStart[i] && isCapital(b[spans[i - 1].start]) {
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
                    (1..<length).allSatisfy({ spelling[i + $0] == nameUnits[firstUnit[n] + $0] })
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
