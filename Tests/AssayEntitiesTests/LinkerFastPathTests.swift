import AssayCore
import Testing
@testable import AssayEntities

/// The linker compares word numbers and bytes where it used to compare Strings; it must link
/// exactly as the String version (``PlainMentionLinker``) did, byte for byte.
struct LinkerFastPathTests {
    static let texts: [String] = FastPathTests.texts + [
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
        // A space with a combining mark is one Character that splitting at spaces keeps inside a word.
        "New \u{301}York Times and New\n\u{301}York Times; the N\u{301}YT. Banco Azul (B\u{301}A) and Banco \u{301}Azul.",
    ]

    let recognizer = try! EntityRecognizer.shipped.get()
    let fast = MentionLinker(titles: EntityRecognizer.titleMatcher)
    let plain = PlainMentionLinker(titles: EntityRecognizer.titleMatcher)

    /// A linked mention with its Strings as bytes: `==` on Strings would forgive a different
    /// but canonically equal spelling.
    private func bytes(_ m: [LinkedMention]) -> [String] {
        m.map { "\($0.span.start) \($0.span.end) \($0.label) \(Array($0.canonical.utf8)) \($0.title.map { Array($0.utf8) } ?? [])" }
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
                    let label = EntityLabel(rawValue: Int(rng.next() % 4))!
                    mentions.append(Mention(span: Span(doc.tokens[t].span.start, doc.tokens[end].span.end), label: label))
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
        let spellings = ["putin", "xi", "jos\u{E9}", "jose\u{301}", "\u{212A}raus", "kraus", "of", "\u{212A}", "k", "putin"]
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
}

/// The extractor reads unit profiles through their types (``TypedProfiles``); the trainer has
/// one per unit. Both must give the same casing, gazetteer matches and mention boundaries.
struct TypedProfilesTests {
    let recognizer = try! EntityRecognizer.shipped.get()

    @Test func typedProfilesReadAsPerUnitProfiles() {
        for text in LinkerFastPathTests.texts {
            let doc = AnalyzedDocument(text)
            let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
            var types = doc.utf8.withUnsafeBufferPointer { UnitTypes($0, units.spans) }
            doc.utf8.withUnsafeBufferPointer { types.profile(with: $0) }
            let typed = TypedProfiles(types), direct = recognizer.features.profiles(doc, units)
            let a = recognizer.features.casing(units, profiles: typed), b = recognizer.features.casing(units, profiles: direct)
            #expect(a.lineCases == b.lineCases && a.headlines == b.headlines)
            for p in direct { #expect(a.seen[p.lower] == b.seen[p.lower]) }
            let ga = recognizer.features.gazetteerMatches(units, profiles: typed), gb = recognizer.features.gazetteerMatches(units, profiles: direct)
            #expect(ga.map { $0.map { [Int($0.categories), Int($0.position)] } } == gb.map { $0.map { [Int($0.categories), Int($0.position)] } })
            // Every tag sequence the boundaries could see: a few fixed ones.
            for tags in [units.spans.indices.map { $0 % 17 }, units.spans.indices.map { ($0 * 7) % 17 }, units.spans.map { _ in 4 }] {
                #expect(recognizer.boundaries.mentions(tags: tags, units: units, profiles: typed, casing: a)
                        == recognizer.boundaries.mentions(tags: tags, units: units, profiles: direct, casing: b))
            }
        }
    }
}
