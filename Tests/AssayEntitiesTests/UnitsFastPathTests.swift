import AssayCore
import Testing

@testable import AssayEntities

/// ``TaggingUnits`` writes through pointers and ``TokenSpellings`` compares spellings as packed
/// numbers; they must give exactly the units and spellings of the plain definitions.
struct UnitsFastPathTests {
    /// Texts with hyphenated names (split or not), Unicode hyphens, many spellings of the same
    /// few lengths around eight bytes, and equal words at the very end of the text, whose last
    /// bytes are read one at a time rather than in one load.
    static let texts: [String] =
        FastPathTests.texts + LinkerFastPathTests.texts + [
            "abcdefg abcdefh abcdefg abcdefgh abcdefgi abcdefgh abcdefghi abcdefghj abcdefghi x y x",
            "China-Russia ties, Russia\u{2010}Ukraine talks, well-known people-to-people Moscow-based Sino-Soviet ab-Cd a-b",
            "Re-Elected Co-Chair Jean-Pierre Smith-Jones of Guinea-Bissau. end end",
            // More hyphen parts than the units' first room holds: made again with more room.
            String(repeating: "A-B-C-D-E-F-G-H-I-J-K-L-M-N-O-P ", count: 12),
            String(repeating: "Q\u{2011}R\u{2011}S\u{2011}T ", count: 40) + "Q",
            "é é ée ée éé"
        ]

    @Test func unitsAreThePlainUnits() {
        for text in Self.texts {
            let doc = AnalyzedDocument(text)
            let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
            let plain = PlainTaggingUnits(doc)
            #expect(units.spans == plain.spans, "\(text)")
            #expect(units.lineStart == plain.lineStart, "\(text)")
            #expect(units.sentences == plain.sentences, "\(text)")
        }
    }

    @Test func equalSpellingsShareATypeInOrderOfFirstUse() {
        for text in Self.texts {
            let doc = AnalyzedDocument(text)
            let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
            let types = doc.utf8.withUnsafeBufferPointer { TokenSpellings(utf8: $0, spans: units.spans) }
            // The plain definition: a type per distinct byte string, numbered by first use.
            var number: [[UInt8]: Int32] = [:]
            var expected: [Int32] = []
            for s in units.spans {
                let bytes = Array(doc.utf8[s.start..<s.end])
                if number[bytes] == nil { number[bytes] = Int32(number.count) }
                expected.append(number[bytes]!)
            }
            #expect(types.spellingOfSpan == expected, "\(text)")
            #expect(types.count == number.count)
            for t in 0..<types.count {
                let s = types.spans[t]
                #expect(number[Array(doc.utf8[s.start..<s.end])] == Int32(t))
            }
        }
    }

    @Test func groupsKeepTheirMembersInOrder() {
        var groups = ItemGroups(itemCount: 8)
        let a = groups.newGroup(0), b = groups.newGroup(1), c = groups.newGroup(2)
        groups.append(3, to: a)
        groups.append(4, to: c)
        groups.append(5, to: a)
        groups.move(c, after: a)
        var members: [Int] = []
        groups.members(a, into: &members)
        #expect(members == [0, 3, 5, 2, 4])
        groups.members(c, into: &members)
        #expect(members.isEmpty && groups.firstMember(c) == nil)
        groups.members(b, into: &members)
        #expect(members == [1])
        #expect(groups.lists == [[0, 3, 5, 2, 4], [1], []])
        #expect(ItemGroups(groups.lists, itemCount: 8).lists == groups.lists)
    }
}

/// The units as ``TaggingUnits`` defined them before it wrote through pointers: tokens
/// appended one by one, a hyphenated word with a capitalised part appended as its parts.
struct PlainTaggingUnits {
    var spans: [Span] = []
    var lineStart: [Bool] = []
    var sentences: [Range<Int>] = []

    init(_ document: AnalyzedDocument) {
        let b = document.utf8
        for sentence in document.sentences {
            let first = spans.count
            for t in sentence.tokens {
                let token = document.tokens[t]
                let before = spans.count
                if token.kind == .word, token.span.length > 2 { appendSplit(token.span, b) }
                if spans.count == before { spans.append(token.span) }
                lineStart.append(token.lineStart)
                while lineStart.count < spans.count { lineStart.append(false) }
            }
            if spans.count > first { sentences.append(first..<spans.count) }
        }
    }

    private mutating func appendSplit(_ span: Span, _ b: [UInt8]) {
        var cuts: [(Int, Int)] = []
        var capitalised = false
        var partStart = span.start
        var i = span.start
        while i < span.end {
            let c = b[i]
            var hyphenLength = 0
            if c == UInt8(ascii: "-") {
                hyphenLength = 1
            } else if c == 0xE2, i + 2 < span.end, b[i + 1] == 0x80, b[i + 2] == 0x90 || b[i + 2] == 0x91 {
                hyphenLength = 3
            }
            if hyphenLength > 0 {
                cuts.append((i, i + hyphenLength))
                i += hyphenLength
                partStart = i
                continue
            }
            if i == partStart {
                let scalar = String(decoding: b[i..<span.end], as: UTF8.self).unicodeScalars.first!
                if scalar.properties.isUppercase { capitalised = true }
            }
            i += 1
        }
        guard !cuts.isEmpty, capitalised else { return }
        var start = span.start
        for (hs, he) in cuts {
            if hs > start { spans.append(Span(start, hs)) }
            spans.append(Span(hs, he))
            start = he
        }
        if span.end > start { spans.append(Span(start, span.end)) }
    }
}
