import AssayCore
import Foundation

/// A mention after linking: which entity of the document it names, that entity's fullest name,
/// and the title it was introduced with ("President" in "President Xi").
struct LinkedMention: Sendable, Hashable {
    var span: Span
    var label: EntityLabel
    var canonical: String
    var title: String?
}

/// Groups the mentions of one document into entities.
///
/// People: a shorter name whose words all occur in a longer name of the document is the same
/// person ("Xi", "President Xi" and "Chinese President Xi Jinping" are Xi Jinping; "Putin" is
/// Vladimir Putin), and a lone surname the tagger gave another label is relabelled. Others: the
/// same words, or an acronym of a longer name ("UN" for "United Nations"). The canonical name
/// is the fullest form; titles in front of a person's name are cut from the span and kept as
/// the `title` field.
struct MentionLinker {
    let titles: TitleMatcher

    func link(_ mentions: [Mention], in document: AnalyzedDocument) -> [LinkedMention] {
        // Words are compared by their numbers in `words` (see ``NameWords``): item `i` has the
        // words `wordIDs[items[i].words]`.
        var words = NameWords(capacity: mentions.count + 16)
        var wordIDs: [Int32] = []
        wordIDs.reserveCapacity(mentions.count * 2)
        // The byte length of each word as the name spells it (equal Strings may differ in bytes).
        var wordLengths: [Int] = []
        wordLengths.reserveCapacity(mentions.count * 2)
        // The Strings of the words that are not ASCII, by position in `wordIDs`.
        var nonASCIITexts: [Int: String] = [:]
        var items: [Item] = []
        items.reserveCapacity(mentions.count)
        let tokens = document.tokens
        var cursor = TokenCursor(tokens)
        for m in mentions {
            var span = m.span, title: String?
            if m.label == .person {
                (span, title) = titles.split(m.span, tokens: cursor.range(in: m.span), in: document)
            }
            let first = wordIDs.count
            appendWords(span, document, &words, &wordIDs, &wordLengths, &nonASCIITexts)
            guard wordIDs.count > first else { continue }
            items.append(Item(span: span, label: m.label, words: first..<wordIDs.count, title: title))
        }

        // People first: the longest names found, then shorter ones attached to them.
        // A name with a lower-case word other than a particle ("Putin welcomed Xi") is a tagging
        // slip: it may not absorb the shorter names it contains.
        let people = items.indices.filter { items[$0].label == .person }.sorted {
            items[$0].words.count > items[$1].words.count
        }
        var clean = [Bool](repeating: false, count: items.count)
        for i in people { clean[i] = isClean(items[i].span, document) }
        // The items of each person, as chains through one array (most people are named once or
        // twice: a list per person was most of the linker's allocations).
        var persons = ItemGroups(itemCount: items.count)
        // Per person: where the words of its first, longest name are in `wordIDs`, or no words
        // when that name is not clean (it then takes no shorter name: an empty list holds none
        // of a name's words, and every item has some). Read in place, through a pointer: a
        // closure over `personEntities` checked exclusive access on every call.
        var headWords: [Range<Int>] = []
        var fits: [Int] = []
        // Per item: whether its name is a preposition's object (1), is not (2), or unknown (0).
        // Each ambiguous shorter name asks it of every earlier member of the people it fits:
        // answered once per item.
        var objectAnswers = [UInt8](repeating: 0, count: items.count)
        wordIDs.withUnsafeBufferPointer { ids in
            for i in people {
                let w = items[i].words
                // Every person the name fits, in group order.
                fits.removeAll(keepingCapacity: true)
                for e in headWords.indices where Self.holdsAll(ids, w, in: headWords[e]) { fits.append(e) }
                if !fits.isEmpty {
                    let e = Self.likeliestGroup(
                        fits, members: { persons.members($0, into: &$1) }, span: { items[$0].span },
                        for: items[i].span.start
                    ) { m in
                        if objectAnswers[m] == 0 {
                            objectAnswers[m] = Self.isPrepositionObject(items[m].span, in: document) ? 1 : 2
                        }
                        return objectAnswers[m] == 1
                    }
                    persons.append(i, to: e)
                } else {
                    _ = persons.newGroup(i)
                    headWords.append(clean[i] ? w : w.lowerBound..<w.lowerBound)
                }
            }
        }
        // A single-word mention with another label that is a multi-word person's first or last
        // name is that person (headlines: "XI, PUTIN HOLD TALKS" often tag a surname as ORG/LOC).
        for i in items.indices where items[i].label != .person && items[i].words.count == 1 {
            let w = wordIDs[items[i].words.lowerBound]
            if let e = (0..<persons.count).first(where: {
                let r = items[persons.firstMember($0)!].words
                return r.count > 1 && (wordIDs[r.lowerBound] == w || wordIDs[r.upperBound - 1] == w)
            }) {
                items[i].label = .person
                persons.append(i, to: e)
            }
        }
        // A capitalised word elsewhere that is a multi-word person's surname is that person too
        // (headlines in capitals often defeat the tagger: "XI AND PUTIN MEET").
        var surnames = [Int](repeating: -1, count: words.count)  // word number → person entity
        var anySurname = false
        // Byte lengths of the surnames as the name that first has each spells it.
        var isSurnameLength = [Bool](repeating: false, count: 64)
        for e in 0..<persons.count where items[persons.firstMember(e)!].words.count > 1 {
            let last = items[persons.firstMember(e)!].words.upperBound - 1
            if surnames[Int(wordIDs[last])] < 0 {
                surnames[Int(wordIDs[last])] = e
                anySurname = true
                let n = wordLengths[last]
                if n >= isSurnameLength.count {
                    isSurnameLength += repeatElement(false, count: n + 1 - isSurnameLength.count)
                }
                isSurnameLength[n] = true
            }
        }
        if anySurname {
            // Tokens inside a mention are taken. A token is inside some mention exactly when the
            // mentions that start at or before it reach its end: one sweep in start order.
            let byStart = items.map(\.span).sorted { $0.start < $1.start }
            var next = 0, reach = Int.min
            var lowered: [UInt8] = []
            document.utf8.withUnsafeBufferPointer { utf8 in
                for t in tokens.indices {
                    let span = tokens[t].span
                    while next < byStart.count && byStart[next].start <= span.start {
                        reach = max(reach, byStart[next].end)
                        next += 1
                    }
                    guard tokens[t].kind == .word && reach < span.end else { continue }
                    let first = utf8[span.start]
                    guard first >= 0x80 || (first >= 65 && first <= 90) else { continue }  // capitalised (or not ASCII)
                    // Only tokens as long as some surname can be one: most are skipped without a look-up.
                    guard first >= 0x80 || (span.length < isSurnameLength.count && isSurnameLength[span.length]) else {
                        continue
                    }
                    var id: Int32?
                    if Self.isASCII(span, utf8) {
                        // An ASCII token starting with a capital letter: its lower-case bytes.
                        lowered.removeAll(keepingCapacity: true)
                        for i in span.start..<span.end {
                            let c = utf8[i]
                            lowered.append(c >= 65 && c <= 90 ? c | 0x20 : c)
                        }
                        id = lowered.withUnsafeBufferPointer { words.lookUp(ascii: $0) }
                    } else {
                        // (The first scalar read from the bytes, as the token's String would
                        // give it: a String is made only for a capitalised token.)
                        guard TextBytes.isCapitalized(utf8, span) else { continue }
                        id = words.lookUp(document.text(ofToken: t).lowercased())
                    }
                    guard let id, case let e = surnames[Int(id)], e >= 0 else { continue }
                    persons.append(items.count, to: e)
                    items.append(
                        Item(span: span, label: .person, words: wordIDs.count..<(wordIDs.count + 1), title: nil))
                    wordIDs.append(id)
                    wordLengths.append(span.length)
                }
            }
        }
        var canonical = [String](repeating: "", count: items.count)
        var entityTitle = [String?](repeating: nil, count: items.count)
        var members: [Int] = []
        for e in 0..<persons.count {
            persons.members(e, into: &members)
            let name = fullest(members, items, document)
            // The title of the first mention (in span order) that has one: the smallest span
            // among them, found without sorting the members.
            let titled = members.lazy.filter { items[$0].title != nil }.min { items[$0].span < items[$1].span }
            let title = titled.flatMap { items[$0].title }
            for m in members {
                canonical[m] = name
                entityTitle[m] = title
            }
        }

        // Everything else: group by words, then attach acronyms to the names they abbreviate.
        // (A word's text as this name spells it: equal Strings may differ in their Characters.)
        let occurrence = { (k: Int) in nonASCIITexts[k] ?? words.asciiSpelling(wordIDs[k]) }
        let merged =
            words.hasSpacedWord
            ? ItemGroups(groupsByText(items, occurrence), itemCount: items.count)
            : groups(items, wordIDs, words, occurrence)
        for g in 0..<merged.count {
            merged.members(g, into: &members)
            guard !members.isEmpty else { continue }
            let name = fullest(members, items, document)
            for m in members { canonical[m] = name }
        }

        let spans = items.map(\.span)  // compared without copying whole items
        return items.indices.sorted { spans[$0] < spans[$1] }.map { i in
            LinkedMention(
                span: items[i].span, label: items[i].label, canonical: canonical[i],
                title: items[i].title ?? entityTitle[i])
        }
    }

    /// The groups of the items other than people, in order of their first member: the same
    /// label and words, with a one-word acronym moved to the longer name it abbreviates. For
    /// documents without a word holding a space, where equal word numbers are equal joined
    /// texts. `occurrence` gives the text of a word by its position in `wordIDs`.
    private func groups(_ items: [Item], _ wordIDs: [Int32], _ words: NameWords, _ occurrence: (Int) -> String)
        -> ItemGroups
    {
        // Found by a hash of the label and word numbers, then compared exactly.
        var groupOfKey = HashedTable<Int32>(capacity: items.count, empty: -1)
        var merged = ItemGroups(itemCount: items.count)
        for i in items.indices where items[i].label != .person {
            let w = wordIDs[items[i].words]
            var key = FeatureHash.mix(UInt64(items[i].label.tagIndex) &+ 0xABCD, UInt64(w.count))
            for id in w { key = FeatureHash.mix(key, UInt64(id)) }
            while true {
                guard let g = groupOfKey[key] else {
                    groupOfKey.insert(Int32(merged.newGroup(i)), for: key)
                    break
                }
                let other = items[merged.firstMember(Int(g))!]
                if other.label == items[i].label && wordIDs[other.words].elementsEqual(w) {
                    merged.append(i, to: Int(g))
                    break
                }
                key = HashedTable<Int32>.nextKey(after: key)
            }
        }
        guard !words.hasNonASCII else {
            return ItemGroups(acronymsMerged(merged.lists, items, occurrence), itemCount: items.count)
        }
        // Acronym bytes → the last group of a longer name that makes it. Every word is ASCII or
        // a sole spelling (see ``NameWords/isSoleSpelling(_:)``), whose first Character is its
        // first scalar, and equal bytes are equal Strings. Bytes that pack (lower-case ASCII of
        // at most 15, nearly all) are found packed, without hashing an array; others by bytes.
        var packedAcronyms: PackedWordTable<Int32>?
        var acronyms: [[UInt8]: Int] = [:]
        var initials: [UInt8] = []
        for g in 0..<merged.count {
            let r = items[merged.firstMember(g)!].words
            guard r.count > 1 else { continue }
            initials.removeAll(keepingCapacity: true)
            var letters = 0
            for id in wordIDs[r] where !words.isAcronymSkip[Int(id)] {
                let w = words.asciiBytes(id)
                let first = w.first!
                // The first scalar: one byte for ASCII, else as many as its leading byte says.
                if first < 0x80 {
                    initials.append(first)
                } else {
                    initials.append(contentsOf: w.prefix(first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4))
                }
                letters += 1
            }
            guard letters >= 2 else { continue }
            if let packed = Self.packed(initials) {
                if packedAcronyms == nil { packedAcronyms = PackedWordTable(capacity: merged.count) }
                packedAcronyms!.set(Int32(g), for: packed)
            } else {
                acronyms[initials] = g
            }
        }
        guard packedAcronyms != nil || !acronyms.isEmpty else { return merged }
        // A one-word group is never the target of a move (targets have longer names), so each
        // still has its own members when its turn comes.
        var key: [UInt8] = []
        for k in 0..<merged.count {
            guard let head = merged.firstMember(k) else { continue }
            let r = items[head].words
            guard r.count == 1 else { continue }
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: words.asciiBytes(wordIDs[r.lowerBound]))
            if key.contains(UInt8(ascii: ".")) { key.removeAll { $0 == UInt8(ascii: ".") } }
            let packed = Self.packed(key)
            if let target = packed != nil ? packedAcronyms?[packed!].map(Int.init) : acronyms[key], target != k {
                merged.move(k, after: target)
            }
        }
        return merged
    }

    /// Lower-case bytes packed, when they are ASCII of 1...15 bytes (packing lowercases, which
    /// leaves them as they are: equal packed words are equal bytes).
    private static func packed(_ bytes: [UInt8]) -> PackedWord? {
        bytes.withUnsafeBufferPointer { PackedWord(lowercasing: $0, Span(0, $0.count)) }
    }

    /// ``groups(_:_:_:_:)`` by the words' Strings, as when names were compared as text: for
    /// documents with a word holding a space, whose equal joined texts may have unequal words.
    private func groupsByText(_ items: [Item], _ occurrence: (Int) -> String) -> [[Int]] {
        var groupOfKey: [String: Int] = [:]
        var merged: [[Int]] = []
        for i in items.indices where items[i].label != .person {
            let key = "\(items[i].label.tagIndex)|" + items[i].words.map(occurrence).joined(separator: " ")
            if let g = groupOfKey[key] {
                merged[g].append(i)
            } else {
                groupOfKey[key] = merged.count
                merged.append([i])
            }
        }
        return acronymsMerged(merged, items, occurrence)
    }

    /// `merged` with each one-word group that is the acronym of a longer name's group moved
    /// into that group, comparing the words' Strings.
    private func acronymsMerged(_ groups: [[Int]], _ items: [Item], _ occurrence: (Int) -> String) -> [[Int]] {
        var merged = groups
        var acronyms: [String: Int] = [:]  // acronym → index in merged
        for (g, members) in merged.enumerated() {
            let r = items[members[0]].words
            if r.count > 1, let a = Self.acronym(of: r.map(occurrence)) { acronyms[a] = g }
        }
        guard !acronyms.isEmpty else { return merged }
        for (k, members) in merged.enumerated() {
            let r = items[members[0]].words
            guard r.count == 1 else { continue }
            let w = occurrence(r.lowerBound)
            // (A word without a "." byte cannot contain one: most skip Foundation's search.)
            let dotted = w.utf8.contains(UInt8(ascii: ".")) && w.contains(".")
            if let target = acronyms[dotted ? w.filter { $0 != "." } : w], target != k {
                merged[target] += members
                merged[k] = []
            }
        }
        return merged
    }

    /// Token ranges of spans that mostly come in document order, each found by walking from
    /// the last one instead of by binary search: the same range as
    /// `AnalyzedDocument.tokenRange(in:)`, whose predicates (a token starts at or after the span's
    /// start; a token ends after the span's end) hold from some token on.
    private struct TokenCursor {
        let tokens: [Token]
        var lower = 0, upper = 0

        init(_ tokens: [Token]) { self.tokens = tokens }

        mutating func range(in span: Span) -> Range<Int> {
            lower = Self.boundary(from: lower, tokens.count) { tokens[$0].span.start >= span.start }
            upper = Self.boundary(from: upper, tokens.count) { tokens[$0].span.end > span.end }
            return lower..<max(lower, upper)
        }

        /// The first index of `0..<count` where `holds` is true (or `count`), from a guess:
        /// steps of doubling length away from the guess, then halving back (the next person's
        /// name may be hundreds of tokens on, too far to walk one token at a time).
        @inline(__always) private static func boundary(from guess: Int, _ count: Int, _ holds: (Int) -> Bool) -> Int {
            let i = min(guess, count)
            // The answer lies in `low...high`: `holds` is false before `low` and true at `high`
            // (or `high` is `count`).
            var low: Int, high: Int
            if i > 0 && holds(i - 1) {
                high = i - 1
                var step = 1
                low = max(0, high - step)
                while low > 0 && holds(low) {
                    high = low
                    step *= 2
                    low = max(0, high - step)
                }
                if !holds(low) { low += 1 }
            } else {
                low = i
                var step = 1
                high = min(count, low)
                while high < count && !holds(high) {
                    low = high + 1
                    high = min(count, high + step)
                    step *= 2
                }
            }
            while low < high {
                let mid = (low + high) / 2
                if holds(mid) { high = mid } else { low = mid + 1 }
            }
            return low
        }
    }

    /// Whether a person's name has no lower-case word but the particles names have.
    private func isClean(_ span: Span, _ d: AnalyzedDocument) -> Bool {
        d.utf8.withUnsafeBufferPointer { utf8 in
            guard Self.isASCII(span, utf8) else {
                return d.text(of: span).split(separator: " ").allSatisfy {
                    $0.unicodeScalars.first.map { !$0.properties.isLowercase } ?? true
                        || Self.particles.contains($0.lowercased())
                }
            }
            // ASCII: words between spaces; one starting with a lower-case letter must be a particle.
            var i = span.start
            while i < span.end {
                if utf8[i] == 32 {
                    i += 1
                    continue
                }
                var j = i
                while j < span.end && utf8[j] != 32 { j += 1 }
                if utf8[i] >= 97 && utf8[i] <= 122 {
                    let word = UnsafeBufferPointer(rebasing: utf8[i..<j])
                    if !Self.particleBytes.contains(where: { p in
                        p.count == word.count
                            && zip(p, word).allSatisfy { $0 == ($1 >= 65 && $1 <= 90 ? $1 | 0x20 : $1) }
                    }) {
                        return false
                    }
                }
                i = j
            }
            return true
        }
    }

    /// Whether every word number of `ids[words]` is among `ids[name]`.
    @inline(__always) private static func holdsAll(
        _ ids: UnsafeBufferPointer<Int32>, _ words: Range<Int>, in name: Range<Int>
    ) -> Bool {
        for k in words {
            let id = ids[k]
            var found = false
            for j in name where ids[j] == id {
                found = true
                break
            }
            if !found { return false }
        }
        return true
    }

    private static func isASCII(_ span: Span, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in span.start..<span.end where utf8[i] >= 0x80 { return false }
        return true
    }

    /// Lower-case words inside names ("Ursula von der Leyen").
    private static let particles: Set<String> = [
        "de", "da", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "di", "du", "dos", "del", "ibn"
    ]

    private static let particleBytes = particles.map { Array($0.utf8) }

    private struct Item {
        var span: Span
        var label: EntityLabel
        /// Where the numbers of the lower-cased words of the name (without punctuation) are.
        var words: Range<Int>
        var title: String?
    }

    /// Appends the numbers of the lower-cased words of `span` (split at white space, hyphens
    /// and commas).
    private func appendWords(
        _ span: Span, _ d: AnalyzedDocument, _ words: inout NameWords, _ out: inout [Int32], _ lengths: inout [Int],
        _ texts: inout [Int: String]
    ) {
        d.utf8.withUnsafeBufferPointer { utf8 in
            // ASCII names (nearly all) are lower-cased and split byte by byte, without Character
            // processing; others go through String.
            guard Self.isASCII(span, utf8) else {
                for w in d.text(of: span).lowercased()
                    .split(whereSeparator: {
                        $0 == " " || $0 == "\n" || $0 == "-" || $0 == "," || $0 == "\u{2010}" || $0 == "\t"
                    })
                {
                    let word = String(w)
                    if word.utf8.contains(where: { $0 >= 0x80 }) { texts[out.count] = word }
                    out.append(words.intern(word))
                    lengths.append(word.utf8.count)
                }
                return
            }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, span.length)) { word in
                var n = 0
                for i in span.start...span.end {
                    let c = i < span.end ? utf8[i] : 32
                    if c == 32 || c == 10 || c == 45 || c == 44 || c == 9 || c == 13 {
                        if n > 0 {
                            out.append(words.intern(ascii: UnsafeBufferPointer(rebasing: word[0..<n])))
                            lengths.append(n)
                            n = 0
                        }
                    } else {
                        word[n] = c >= 65 && c <= 90 ? c | 0x20 : c
                        n += 1
                    }
                }
            }
        }
    }

    /// Of the people a shorter name fits ("Johnson" after "Gary Johnson" and "Jeh Johnson"), the
    /// one it most likely means. News reintroduces a person by full name, as the subject of a
    /// sentence, before going on by surname: the person named last before it as a subject wins
    /// ("for his wife Hillary Clinton" does not make the next "Clinton" hers), then the person
    /// named last before it at all, then the first. `fits` is in group order. Shared with the
    /// reference linker of the tests.
    static func likeliestGroup(
        _ fits: [Int], members: (Int) -> [Int], span: (Int) -> Span, for position: Int,
        in document: AnalyzedDocument
    ) -> Int {
        likeliestGroup(fits, members: { $1 = members($0) }, span: span, for: position) {
            isPrepositionObject(span($0), in: document)
        }
    }

    /// ``likeliestGroup(_:members:span:for:in:)`` given each group's members in order (written
    /// into the list `members` is handed) and, per member, whether its name is the object of a
    /// preposition (``isPrepositionObject(_:in:)`` of its span).
    static func likeliestGroup(
        _ fits: [Int], members: (Int, inout [Int]) -> Void, span: (Int) -> Span, for position: Int,
        isObject: (Int) -> Bool
    ) -> Int {
        guard fits.count > 1 else { return fits[0] }
        var latest: (group: Int, start: Int)?, latestSubject: (group: Int, start: Int)?
        var list: [Int] = []
        for e in fits {
            members(e, &list)
            for m in list {
                let s = span(m).start
                guard s < position else { continue }
                if s > latest?.start ?? Int.min { latest = (e, s) }
                if s > latestSubject?.start ?? Int.min, !isObject(m) {
                    latestSubject = (e, s)
                }
            }
        }
        return latestSubject?.group ?? latest?.group ?? fits[0]
    }

    /// Whether a name is the object of a preposition or follows "and", over up to three
    /// lower-case words ("for his wife Hillary Clinton", "with Clinton").
    static func isPrepositionObject(_ span: Span, in document: AnalyzedDocument) -> Bool {
        var t = document.tokenRange(in: span).lowerBound - 1
        var steps = 0
        while t >= 0, steps < 4, document.tokens[t].kind == .word {
            let b = document.utf8[document.tokens[t].span.start]
            guard b >= 97, b <= 122 else { return false }  // a capitalised word: a title or a name
            // "Bill and Hillary Clinton": a name after "and" shares the phrase of the one before.
            if isObjectMarker(t, in: document) { return true }
            t -= 1
            steps += 1
        }
        return false
    }

    /// Whether token `t` is "and" or a preposition. A token of lower-case ASCII letters (nearly
    /// all) is compared packed, without making its String: a String with an upper-case letter
    /// or a byte outside ASCII is asked as before.
    private static func isObjectMarker(_ t: Int, in document: AnalyzedDocument) -> Bool {
        let span = document.tokens[t].span
        if let markers = objectMarkers, span.length <= PackedWord.maxLength {
            let key: PackedWord? = document.utf8.withUnsafeBufferPointer { utf8 in
                for i in span.start..<span.end where !(utf8[i] >= 97 && utf8[i] <= 122) { return nil }
                return PackedWord(lowercasing: utf8, span)
            }
            if let key { return markers.contains(key) }
        }
        let word = document.text(ofToken: t)
        return word == "and" || FunctionWords.prepositions.contains(word)
    }

    /// "and" and the prepositions packed, when each is lower-case ASCII letters that pack (as
    /// all are): a token of lower-case letters is one of them exactly when its packed bytes are.
    private static let objectMarkers: [PackedWord]? = {
        let words = FunctionWords.prepositions.union(["and"])
        let packed = words.compactMap { w in
            w.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) ? PackedWord(w) : nil
        }
        return packed.count == words.count ? packed : nil
    }()

    /// The fullest name among `members`: most words, then a form that is not all capitals
    /// (headlines), then the longest text, then the first mentioned.
    private func fullest(_ members: [Int], _ items: [Item], _ d: AnalyzedDocument) -> String {
        Self.fullest(members, span: { items[$0].span }, wordCount: { items[$0].words.count }, d)
    }

    /// The fullest name among `members`, given each member's span and word count (shared with
    /// the reference linker of the tests, so that both break ties alike).
    static func fullest(_ members: [Int], span: (Int) -> Span, wordCount: (Int) -> Int, _ d: AnalyzedDocument) -> String
    {
        guard members.count > 1 else { return spacedText(span(members[0]), d) }
        let caps = members.map { isAllCaps(span($0), d) }
        let best = members.indices.max { a, b in
            let x = members[a], y = members[b]
            if wordCount(x) != wordCount(y) { return wordCount(x) < wordCount(y) }
            if caps[a] != caps[b] { return caps[a] }
            if span(x).length != span(y).length { return span(x).length < span(y).length }
            return span(x).start > span(y).start
        }!
        return spacedText(span(members[best]), d)
    }

    /// ``normalisedSpacing(_:)`` of the text of `span`: a name whose bytes are ASCII with no
    /// line break, tab or double space (nearly all) is its text as it is, found from the
    /// document's bytes rather than by walking the String made of them.
    static func spacedText(_ span: Span, _ d: AnalyzedDocument) -> String {
        let plain = d.utf8.withUnsafeBufferPointer { utf8 in
            var previousSpace = false
            for i in span.start..<span.end {
                let c = utf8[i]
                if c >= 0x80 || c == 10 || c == 9 || c == 13 || (c == 32 && previousSpace) { return false }
                previousSpace = c == 32
            }
            return true
        }
        return plain ? d.text(of: span) : normalisedSpacing(d.text(of: span))
    }

    /// Runs of white space as one space (a name broken across lines).
    static func normalisedSpacing(_ s: String) -> String {
        var previousSpace = false
        for c in s.utf8 {
            if c >= 0x80 || c == 10 || c == 9 || c == 13 || (c == 32 && previousSpace) {
                return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            previousSpace = c == 32
        }
        return s
    }

    /// Whether the text of `span` has more than three characters and no lower-case letter
    /// (read from the bytes when they are ASCII: most names, without making a String).
    static func isAllCaps(_ span: Span, _ d: AnalyzedDocument) -> Bool {
        var characters = 0, previous: UInt8 = 0
        for i in span.start..<span.end {
            let c = d.utf8[i]
            if c >= 0x80 { return isAllCaps(d.text(of: span)) }
            if c >= 97 && c <= 122 { return false }
            if !(c == 10 && previous == 13) { characters += 1 }  // CR LF is one Character
            previous = c
        }
        return characters > 3
    }

    private static func isAllCaps(_ s: String) -> Bool {
        s.count > 3 && !s.unicodeScalars.contains { $0.properties.isLowercase }
    }

    /// Initials of the capitalised words ("united nations security council" → "unsc"), skipping
    /// the small words acronyms leave out.
    static func acronym(of words: [String]) -> String? {
        let initials = words.filter { !NameWords.acronymSkips.contains($0) }.compactMap(\.first)
        return initials.count >= 2 ? String(initials) : nil
    }
}
