import AssayCore
import Foundation
import Testing

@testable import AssayEntities

/// The linker compares word numbers and bytes where it used to compare Strings; it must link
/// exactly as the String version (``PlainMentionLinker``) did, byte for byte.
struct LinkerFastPathTests {
    static let texts: [String] =
        FastPathTests.texts + [
            // Acronyms, dotted acronyms, surnames in capitals, particles, titles.
            "The United Nations Security Council met. The UNSC and the U.N. agreed. UN officials said the United Nations would act.\nXI AND PUTIN MEET\nChinese President Xi Jinping and Russian President Vladimir Putin met. Xi said Putin was a friend. President Xi left.",
            "Ursula von der Leyen spoke. Von der Leyen and Leyen met European Central Bank officials (ECB). The Bank of England (BOE) too.",
            "Federal Bureau of Investigation agents and the FBI; the F.B.I. said. Foreign Minister Wang Yi met Wang. WANG YI ARRIVES",
            // Non-ASCII names, in composed and decomposed spellings, and a Kelvin sign for a K.
            "José Núñez met Jose\u{301} Nu\u{303}n\u{303}ez. Señor Núñez left. NÚÑEZ ARRIVES\nRecep Tayyip Erdoğan and Erdoğan. ERDOĞAN SPEAKS",
            "Karl Kraus met \u{212A}raus. KRAUS WINS. The \u{212A}GB and the KGB. Kremlin Gazette Bureau staff.",
            "São Paulo State Company (SPSC) and the SPSC. Société Générale (SG) said. Ünited Ñations and ÜÑ.",
            "Line one\r\nJohn\r\nSmith said. SMITH AGREED.\n\nMary-Jane O'Neil met O'Neil, Mary.",
            // Two people sharing a surname: the later subject takes it, not a preposition's object.
            "Gary Johnson spoke. Then Jeh Johnson said no. Johnson left with Gary Johnson. Johnson smiled. Bill Clinton came for Hillary Clinton. Clinton spoke.",
            // Two names with one acronym: the later one takes it.
            "The United Nations and the Union of Nurses met in Geneva. The UN said the U.N. would help.",
            // Composed names only (numbered by their bytes), Greek and Cyrillic, non-ASCII acronyms,
            // dotted; then a decomposed or Kelvin spelling after them (the switch to Strings comes
            // late), and names whose lower case is not a sole spelling ("İ" → "i\u{307}").
            "Željko Šimić and Šimić. ŠIMIĆ WINS. Éric Zemmour met Zemmour. Σύριζα Κόμμα (ΣΚ) and ΣΚ. Владимир Путин and ПУТИН. Партия Регионов (ПР) said ПР and П.Р. did.",
            "Ünited Ñations (ÜÑ) and Ü.Ñ. agreed. Érik Ñúñez met Ñúñez. Later E\u{301}rik N\u{303}u\u{301}n\u{303}ez spoke and \u{212A}elvin Ñúñez came.",
            "İstanbul Kongre Merkezi (İKM) and İKM. İbrahim Kalın met Kalın. KALIN SPEAKS. Ångström Labs and \u{212B}ngström Labs. Ma\u{AD}ria Lopez.",
            // A space with a combining mark is one Character that splitting at spaces keeps inside a word.
            "New \u{301}York Times and New\n\u{301}York Times; the N\u{301}YT. Banco Azul (B\u{301}A) and Banco \u{301}Azul."
        ]

    let recognizer = try! EntityRecognizer.shipped.get()
    let fast = MentionLinker(titles: EntityRecognizer.titleMatcher)
    let plain = PlainMentionLinker(titles: EntityRecognizer.titleMatcher)

    /// A linked mention with its Strings as bytes: `==` on Strings would forgive a different
    /// but canonically equal spelling.
    private func bytes(_ m: [LinkedMention]) -> [String] {
        m.map {
            "\($0.span.start) \($0.span.end) \($0.label) \(Array($0.canonical.utf8)) \($0.title.map { Array($0.utf8) } ?? [])"
        }
    }

    @Test func linksTheTaggersMentionsAsThePlainLinker() {
        for text in Self.texts {
            let doc = AnalyzedDocument(text)
            let mentions = recognizer.mentions(in: doc)
            #expect(bytes(fast.link(mentions, in: doc)) == bytes(plain.link(mentions, in: doc)), "\(text)")
        }
    }

    /// Random token runs with random labels reach the branches the tagger's mentions rarely do
    /// (one-word ORG surnames, acronyms of every name, names over line breaks).
    @Test func linksRandomMentionsAsThePlainLinker() {
        var rng = SeededRandomGenerator(seed: 7)
        for text in Self.texts {
            let doc = AnalyzedDocument(text)
            guard !doc.tokens.isEmpty else { continue }
            for _ in 0..<150 {
                var mentions: [Mention] = []
                var t = Int(rng.next() % 3)
                while t < doc.tokens.count {
                    let n = 1 + Int(rng.next() % 4)
                    let end = min(doc.tokens.count, t + n) - 1
                    let label = EntityLabel(tagIndex: Int(rng.next() % 4))!
                    mentions.append(
                        Mention(span: Span(doc.tokens[t].span.start, doc.tokens[end].span.end), label: label))
                    t = end + 1 + Int(rng.next() % 4)
                }
                #expect(bytes(fast.link(mentions, in: doc)) == bytes(plain.link(mentions, in: doc)), "\(text)")
                // Out of document order too (the fast linker walks token ranges from the last one).
                mentions.shuffle(using: &rng)
                #expect(bytes(fast.link(mentions, in: doc)) == bytes(plain.link(mentions, in: doc)), "\(text)")
            }
        }
    }

    @Test func numbersWordsAsStringEqualityDoes() {
        var words = NameWords(capacity: 2)  // grows past it
        let spellings = [
            "putin", "xi", "jos\u{E9}", "jose\u{301}", "\u{212A}raus", "kraus", "of", "\u{212A}", "k", "putin"
        ]
        var ids: [Int32] = []
        for s in spellings {
            var w = s
            let ascii = w.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
            ids.append(ascii ? w.withUTF8 { words.intern(ascii: $0) } : words.intern(s))
        }
        for i in spellings.indices {
            for j in spellings.indices {
                #expect((ids[i] == ids[j]) == (spellings[i] == spellings[j]), "\(spellings[i]) \(spellings[j])")
            }
        }
        #expect(words.lookUp("KRAUS".lowercased()) == ids[5])
        #expect(words.lookUp("nobody") == nil)
        #expect(words.isAcronymSkip[Int(ids[6])])
        #expect(words.hasNonASCII)
    }

    /// Sole spellings are numbered by their bytes without the String dictionary, and a later
    /// canonically equal spelling (decomposed) still gets their number.
    @Test func numbersSoleSpellingsByBytes() {
        var words = NameWords(capacity: 4)
        let sole = [
            "jos\u{E9}", "erdo\u{11F}an", "\u{43F}\u{443}\u{442}\u{438}\u{43D}",
            "\u{3C3}\u{3CD}\u{3C1}\u{3B9}\u{3B6}\u{3B1}", "putin", "jos\u{E9}"
        ]
        let ids = sole.map { words.intern($0) }
        #expect(!words.hasNonASCII)
        #expect(ids[0] == ids[5] && Set(ids).count == 5)
        #expect(words.lookUp("erdo\u{11F}an") == ids[1] && words.lookUp("\u{E9}ric") == nil)
        #expect(!words.hasNonASCII)
        // A decomposed spelling switches to Strings and finds the composed word.
        #expect(words.intern("jose\u{301}") == ids[0])
        #expect(words.hasNonASCII)
        #expect(words.lookUp("erdog\u{306}an") == ids[1])
    }

    /// The scalars taken as sole spellings are in NFC one by one, of combining class 0, and
    /// each a Character of its own next to any other of them (checked with Swift's and
    /// Foundation's Unicode tables); the combining-class-0 scalars that can compose with a
    /// scalar before them (NFC_Quick_Check = Maybe, from Unicode's DerivedNormalizationProps)
    /// are outside their blocks.
    @Test func soleScalarsAreNormalisedStartersOfTheirOwn() {
        let scalars =
            (0x21..<0x7F).map { Unicode.Scalar(UInt32($0))! }
            + (0x80..<0x800).filter { NameWords.isSoleScalar(UInt32($0)) }.map { Unicode.Scalar(UInt32($0))! }
        var all = ""
        for c in scalars {
            let s = String(c)
            #expect(c.properties.canonicalCombiningClass == .notReordered, "\(c.value)")
            #expect(Array(s.precomposedStringWithCanonicalMapping.unicodeScalars) == [c], "\(c.value)")
            #expect(("a" + s + "a").count == 3, "\(c.value)")
            var bytes = Array(s.utf8)
            #expect(bytes.withUnsafeMutableBufferPointer { NameWords.isSoleSpelling(UnsafeBufferPointer($0)) })
            all += s
        }
        #expect(all.count == scalars.count && all.unicodeScalars.count == scalars.count)
        #expect(all.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(all.unicodeScalars))
        let reversed = String(String.UnicodeScalarView(scalars.reversed()))
        #expect(reversed.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(reversed.unicodeScalars))
        let maybeStarters: [ClosedRange<UInt32>] = [
            0x9BE...0x9BE, 0x9D7...0x9D7, 0xB3E...0xB3E, 0xB56...0xB57, 0xBBE...0xBBE,
            0xBD7...0xBD7, 0xCC2...0xCC2, 0xCD5...0xCD6, 0xD3E...0xD3E, 0xD57...0xD57,
            0xDCF...0xDCF, 0xDDF...0xDDF, 0x102E...0x102E, 0x1161...0x1175, 0x11A8...0x11C2
        ]
        for r in maybeStarters { for v in r { #expect(!NameWords.isSoleScalar(v)) } }
        // Not sole: controls, spaces, combining marks, singletons, three-byte scalars.
        for s in [
            "a b", "a\u{301}", "\u{387}", "\u{374}", "\u{37E}", "\u{AD}", "\u{483}", "\u{212A}", "\u{2010}", "a\r",
            "\u{1E9E}"
        ] {
            var bytes = Array(s.utf8)
            #expect(!bytes.withUnsafeMutableBufferPointer { NameWords.isSoleSpelling(UnsafeBufferPointer($0)) }, "\(s)")
        }
    }
}

/// The extractor reads unit profiles through their types (``TypedProfiles``); the trainer has
/// one per unit. Both must give the same casing, gazetteer matches and mention boundaries.
struct TypedProfilesTests {
    let recognizer = try! EntityRecognizer.shipped.get()

    @Test func typedProfilesReadAsPerUnitProfiles() {
        for text in LinkerFastPathTests.texts {
            let doc = AnalyzedDocument(text)
            let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
            let types = FastPathTests.profiledTypes(doc, units)
            let typed = types, direct = recognizer.features.profiles(doc, units)
            let a = recognizer.features.casing(units, profiles: typed),
                b = recognizer.features.casing(units, profiles: direct)
            #expect(a.lineCases == b.lineCases && a.headlines == b.headlines)
            for p in direct { #expect(a.seen[p.lower] == b.seen[p.lower]) }
            let ga = recognizer.features.gazetteerMatches(units, profiles: typed),
                gb = recognizer.features.gazetteerMatches(units, profiles: direct)
            #expect(
                ga.map { $0.map { [Int($0.categories), Int($0.position)] } }
                    == gb.map { $0.map { [Int($0.categories), Int($0.position)] } })
            // Every tag sequence the boundaries could see: a few fixed ones.
            for tags in [
                units.spans.indices.map { $0 % 17 }, units.spans.indices.map { ($0 * 7) % 17 },
                units.spans.map { _ in 4 }
            ] {
                #expect(
                    recognizer.boundaries.mentions(tags: tags, units: units, profiles: typed, casing: a, utf8: doc.utf8)
                        == recognizer.boundaries.mentions(
                            tags: tags, units: units, profiles: direct, casing: b, utf8: doc.utf8))
            }
        }
    }
}
