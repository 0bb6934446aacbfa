/// The features the speaker ranker scores a candidate by, as small integers: each template is
/// a fixed product of a few small value sets, so a feature is an index into one weight array
/// (no hashing, no Strings at run time) and has a readable name in the model file.
enum SpeakerFeatures {
    /// Where a candidate sits relative to the quote.
    enum Position: Int, CaseIterable {
        case sameSentenceBefore, sameSentenceAfter, previousSentence, twoSentencesBefore, nextSentence, further, none

        static let count = 7
    }

    /// How the candidate stands to a speech verb next to it.
    enum VerbRelation: Int, CaseIterable {
        /// No speech verb beside it.
        case none
        /// A speech verb follows within three words ("Xi said").
        case subjectOfVerb
        /// A speech verb follows an apposition ("Lin, a spokesman for the ministry, said").
        case subjectAcrossApposition
        /// Right after a speech verb ("said Putin").
        case afterVerb
        /// Right after a verb whose object is the listener ("told Clinton").
        case listener
        /// Right after "according to".
        case accordingTo

        static let count = 6
    }

    /// What the token right before or right after a candidate is, within its sentence: what
    /// tells a subject ("Rubio said", "Rubio, who") from an object ("knocked Rubio") or a
    /// possessor ("Rubio's campaign") without a parser.
    enum Neighbour: Int, CaseIterable {
        /// Nothing: the candidate opens (or closes) its sentence.
        case none
        case preposition
        /// A determiner or a title ("the", "Sen.").
        case determiner
        /// "and", "or", "but", "nor".
        case conjunction
        case speechVerb
        /// Any other lower-case word (often a verb whose object the candidate is, or which it is the subject of).
        case lowercase
        case capitalized
        case comma
        case quoteMark
        /// "’s" after the candidate.
        case possessive
        /// ".", "!", "?" after the candidate.
        case sentenceEnd
        /// Other punctuation, numbers, symbols.
        case other

        static let count = 12
    }

    /// The hand rules' cues the model tells apart; the others (a transcript label, a that-clause)
    /// count as `none`, as when the rules found no one.
    private static let rankedCues: [AttributionCue] = [
        .after, .inverted, .before, .colon, .middle, .dash, .accordingTo, .continuation, .precedingSentence,
        .followingSentence, .possessive, .subject, .unmarked
    ]
    /// The names of the cue values in feature names: ``rankedCues``, then `none`.
    static let cues = rankedCues.map(\.rawValue) + ["none"]
    static let cueCount = 14

    /// The cue value of the hand rules' reading: `cue`'s index in ``cues``, `none`'s for nil.
    static func cueIndex(_ cue: AttributionCue?) -> Int {
        cue.flatMap { rankedCues.firstIndex(of: $0) } ?? cueCount - 1
    }

    /// Token distance buckets: 0, 1–2, 3–5, 6–10, 11–20, 21–40, more.
    static func distanceBucket(_ d: Int) -> Int {
        switch d {
        case ...0: return 0
        case 1...2: return 1
        case 3...5: return 2
        case 6...10: return 3
        case 11...20: return 4
        case 21...40: return 5
        default: return 6
        }
    }
    static let distanceNames = ["0", "1-2", "3-5", "6-10", "11-20", "21-40", "41+"]
    /// The number of distance buckets, a constant: ``distanceNames``' count would be read through
    /// the static's initialisation check for every candidate scored.
    static let distanceCount = 7

    /// How many people lie between the candidate and the quote: 0, 1, 2, 3 or more.
    static let betweenNames = ["0", "1", "2", "3+"]
    /// How often the document names the candidate's entity: not an entity, once, 2–3, 4–7, 8+.
    static func salienceBucket(_ n: Int) -> Int { n <= 0 ? 0 : n == 1 ? 1 : n <= 3 ? 2 : n <= 7 ? 3 : 4 }
    static let salienceNames = ["-", "1", "2-3", "4-7", "8+"]

    /// One feature template: its name and the value sets whose product it ranges over.
    struct Template {
        var name: String
        var axes: [[String]]
        var size: Int { axes.reduce(1) { $0 * $1.count } }
    }

    // The values' names in feature names: the cases' names, written out (`String(describing:)`
    // of a case goes through reflection, about 90,000 instructions a name at every start).
    static let kinds = SpeakerCandidate.Kind.names
    static let positions = [
        "sameSentenceBefore", "sameSentenceAfter", "previousSentence", "twoSentencesBefore", "nextSentence", "further",
        "none"
    ]
    static let verbRelations = [
        "none", "subjectOfVerb", "subjectAcrossApposition", "afterVerb", "listener", "accordingTo"
    ]
    private static let flag = ["no", "yes"]
    private static let direction = ["before", "after"]
    static let neighbours = [
        "none", "preposition", "determiner", "conjunction", "speechVerb", "lowercase", "capitalized", "comma",
        "quoteMark", "possessive", "sentenceEnd", "other"
    ]

    /// The templates, in the order of ``Facts/ids``.
    static let templates: [Template] = [
        Template(name: "kind", axes: [kinds]),
        Template(name: "kind×position", axes: [kinds, positions]),
        Template(name: "kind×distance×direction", axes: [kinds, distanceNames, direction]),
        Template(name: "rule×cue×kind", axes: [flag, cues, kinds]),
        Template(name: "verb×kind", axes: [verbRelations, kinds]),
        Template(name: "verb×position", axes: [verbRelations, positions]),
        Template(name: "between×direction×rule", axes: [betweenNames, direction, flag]),
        Template(name: "preposition×kind", axes: [flag, kinds]),
        Template(name: "possessive×kind", axes: [flag, kinds]),
        Template(name: "firstInSentence×position", axes: [flag, positions]),
        Template(name: "previousSpeaker×position×opensParagraph", axes: [flag, positions, flag]),
        Template(name: "previousSpeaker×cue", axes: [flag, cues]),
        Template(name: "salience×kind", axes: [salienceNames, kinds]),
        Template(name: "startsSentence×position×verb", axes: [flag, positions, verbRelations]),
        Template(name: "quoted×kind", axes: [flag, kinds]),
        Template(name: "verb×cue×rule", axes: [verbRelations, cues, flag]),
        Template(name: "sameParagraph×position×kind", axes: [flag, positions, kinds]),
        Template(name: "qualifiesPerson×kind", axes: [flag, kinds]),
        Template(name: "rule×position×verb", axes: [flag, positions, verbRelations]),
        Template(name: "left×kind", axes: [neighbours, kinds]),
        Template(name: "right×kind", axes: [neighbours, kinds]),
        Template(name: "between×direction×kind", axes: [betweenNames, direction, kinds]),
        Template(name: "partial×position×kind", axes: [flag, positions, kinds]),
        Template(name: "partial×verb×rule", axes: [flag, verbRelations, flag]),
        Template(name: "mainSubject×position×kind", axes: [flag, positions, kinds]),
        Template(name: "speechInSentence×position×kind", axes: [flag, positions, kinds]),
        Template(name: "fullName×position", axes: [flag, positions])
    ]

    /// Where each template's features start in the weight array.
    static let offsets: [Int] = {
        precondition(distanceNames.count == distanceCount)
        var out: [Int] = []
        var next = 0
        for t in templates {
            out.append(next)
            next += t.size
        }
        return out
    }()

    /// The number of features.
    static let count: Int = templates.reduce(0) { $0 + $1.size }

    /// The readable name of feature `id` ("kind×position=person|previousSentence").
    static func name(of id: Int) -> String {
        var t = templates.count - 1
        while offsets[t] > id { t -= 1 }
        var index = id - offsets[t]
        var parts: [String] = []
        for axis in templates[t].axes.reversed() {
            parts.append(axis[index % axis.count])
            index /= axis.count
        }
        return templates[t].name + "=" + parts.reversed().joined(separator: "|")
    }

    /// The templates' names and their values' names as UTF-8 bytes, for reading a model's lines
    /// on bytes (comparing through `String.utf8` costs a hundred-odd instructions a byte).
    private static let templateBytes: [(name: [UInt8], axes: [[[UInt8]]])] = templates.map { t in
        (Array(t.name.utf8), t.axes.map { axis in axis.map { Array($0.utf8) } })
    }

    /// The feature a readable name stands for (the inverse of ``name(of:)``), or nil when this
    /// build has no such feature. Read template by template and value by value, so that reading a
    /// model does not make the names of all features.
    /// - Parameters:
    ///   - name: the name's UTF-8 bytes (it holds "×": Characters are not needed to find "=" and "|").
    ///   - hint: the template to compare first (a model's lines come in feature order, so
    ///     the template of the line before), set to the template found.
    static func id(ofName name: UnsafeBufferPointer<UInt8>, hint: inout Int) -> Int? {
        guard let eq = name.firstIndex(of: 0x3D) else { return nil }
        let templateName = UnsafeBufferPointer(rebasing: name[..<eq])
        let t: Int
        if templateBytes.indices.contains(hint), templateBytes[hint].name.elementsEqual(templateName) {
            t = hint
        } else if let found = templateBytes.firstIndex(where: { $0.name.elementsEqual(templateName) }) {
            t = found
            hint = found
        } else {
            return nil
        }
        // The values, separated by "|", one per axis.
        var index = 0
        var start = eq + 1
        for (k, axis) in templateBytes[t].axes.enumerated() {
            var end = start
            while end < name.count && name[end] != 0x7C { end += 1 }
            // The last axis's value runs to the end of the name, the others to a "|".
            guard (k == templateBytes[t].axes.count - 1) == (end == name.count) else { return nil }
            let value = UnsafeBufferPointer(rebasing: name[start..<end])
            guard let v = axis.firstIndex(where: { $0.elementsEqual(value) }) else { return nil }
            index = index * axis.count + v
            start = end + 1
        }
        return offsets[t] + index
    }

    /// The feature a readable name stands for, or nil (see ``id(ofName:hint:)``).
    static func id(ofName name: Substring) -> Int? {
        var hint = 0
        var text = String(name)
        return text.withUTF8 { id(ofName: $0, hint: &hint) }
    }

    /// What is known about a candidate, from which its features are made.
    struct Facts {
        var kind: SpeakerCandidate.Kind
        var position: Position
        var distance: Int
        var isAfterQuote: Bool
        var isRuleChoice: Bool
        var ruleCue: Int
        var verb: VerbRelation
        var peopleBetween: Int
        var afterPreposition: Bool
        var possessive: Bool
        var firstInSentence: Bool
        var isPreviousSpeaker: Bool
        var quoteOpensParagraph: Bool
        var quoteStartsSentence: Bool
        var mentionsOfEntity: Int
        /// Whether the candidate lies inside another quotation.
        var quoted: Bool
        /// Whether it is in the paragraph the quote opens in.
        var sameParagraph = false
        /// Whether it only qualifies the person named right after it ("House Speaker Paul Ryan").
        var qualifiesPerson = false
        /// The tokens right before and right after it.
        var left = Neighbour.none, right = Neighbour.none
        /// Whether the quote is a fragment inside a sentence of the story rather than whole speech.
        var quoteIsPartial = false
        /// Whether it is the subject of its sentence's main clause.
        var mainSubject = false
        /// Whether its sentence has a speech verb outside quotations.
        var speechInSentence = false
        /// Whether it is a name of two words or more ("Nick Witney" rather than "Witney").
        var fullName = false

        /// The candidate's features as an array (for training).
        var ids: [Int32] {
            var out: [Int32] = []
            out.reserveCapacity(SpeakerFeatures.templates.count)
            SpeakerFeatures.offsets.withUnsafeBufferPointer { o in forEachID(offsets: o) { out.append(Int32($0)) } }
            return out
        }

        /// Calls `body` with each of the candidate's features, one per template, computed in
        /// place (the index of the template's value, first axis most significant, plus the
        /// template's offset, from `o`, ``SpeakerFeatures/offsets``): scoring needs no array.
        @inline(__always)
        func forEachID(offsets o: UnsafeBufferPointer<Int>, _ body: (Int) -> Void) {
            let K = SpeakerCandidate.Kind.count, P = Position.count, V = VerbRelation.count, C = cueCount,
                D = distanceCount
            let k = kind.rawValue, p = position.rawValue, v = verb.rawValue, cue = ruleCue
            let dir = isAfterQuote ? 1 : 0, rule = isRuleChoice ? 1 : 0
            body(o[0] + k)
            body(o[1] + k * P + p)
            body(o[2] + (k * D + distanceBucket(distance)) * 2 + dir)
            body(o[3] + (rule * C + cue) * K + k)
            body(o[4] + v * K + k)
            body(o[5] + v * P + p)
            body(o[6] + (min(peopleBetween, 3) * 2 + dir) * 2 + rule)
            body(o[7] + (afterPreposition ? K : 0) + k)
            body(o[8] + (possessive ? K : 0) + k)
            body(o[9] + (firstInSentence ? P : 0) + p)
            body(o[10] + ((isPreviousSpeaker ? P : 0) + p) * 2 + (quoteOpensParagraph ? 1 : 0))
            body(o[11] + (isPreviousSpeaker ? C : 0) + cue)
            body(o[12] + salienceBucket(mentionsOfEntity) * K + k)
            body(o[13] + ((quoteStartsSentence ? P : 0) + p) * V + v)
            body(o[14] + (quoted ? K : 0) + k)
            body(o[15] + (v * C + cue) * 2 + rule)
            body(o[16] + ((sameParagraph ? P : 0) + p) * K + k)
            body(o[17] + (qualifiesPerson ? K : 0) + k)
            body(o[18] + (rule * P + p) * V + v)
            let l = left.rawValue, r = right.rawValue
            body(o[19] + l * K + k)
            body(o[20] + r * K + k)
            body(o[21] + (min(peopleBetween, 3) * 2 + dir) * K + k)
            let partial = quoteIsPartial ? 1 : 0
            body(o[22] + (partial * P + p) * K + k)
            body(o[23] + (partial * V + v) * 2 + rule)
            body(o[24] + ((mainSubject ? P : 0) + p) * K + k)
            body(o[25] + ((speechInSentence ? P : 0) + p) * K + k)
            body(o[26] + (fullName ? P : 0) + p)
        }
    }
}
