import Foundation
import Testing

@testable import AssayCore

/// Corpus linking on names alone: documents are given as their entities.
struct CorpusNamesTests {
    typealias Entry = DocumentNames.Entry

    static func person(_ name: String, title: String? = nil) -> Entry {
        Entry(label: "PERSON", canonical: name, title: title)
    }
    static func org(_ name: String) -> Entry { Entry(label: "ORG", canonical: name) }
    static func place(_ name: String) -> Entry { Entry(label: "LOC", canonical: name) }

    /// Documents about others, so that the names of a test are not in every document.
    static let others: [[Entry]] = (0..<30).map { [person("Alex Other\($0)"), place("Town\($0)")] }

    static func table(_ documents: [[Entry]]) -> CorpusNames {
        var s = CorpusNameStatistics()
        for d in documents { s.add(DocumentNames(d)) }
        return s.table()
    }

    /// The entities of the people and organisations of `entries`, in order (places, which
    /// the tests put last, get none).
    static func resolve(_ table: CorpusNames, _ entries: [Entry]) -> [CorpusEntity] {
        table.resolve(DocumentNames(entries)).compactMap { $0 }
    }

    /// The byte path for ASCII names gives exactly the words of Foundation's folding.
    @Test(arguments: [
        "Angela Merkel's", "MERKEL", "JONES'S", "Jones'", "Bitar 's", "Bitar 'S", "' s", "'", "Mr.", "U.N.", "the Fed",
        "Scott -- Vinson", "O'Neill", "\"Tip\" O'Neill", "(AP)", "AT&T", "Smith, John", "a\tb\nc\r\nd", "Kasich's'",
        "", "  ", ".", "3M", "Formula 1", "Jean-Luc Picard", "P&G's", "S'", "Mass.", "a.b.c."
    ])
    func asciiNamesFoldLikeFoundation(_ name: String) {
        #expect(NameKey.asciiWords(of: name) == NameKey.foldedWords(of: name))
    }

    @Test func keysFoldCaseDiacriticsPossessivesAndHonorifics() {
        #expect(NameKey.words(of: "Angela Merkel's", label: "PERSON") == ["angela", "merkel"])
        #expect(NameKey.words(of: "MERKEL", label: "PERSON") == ["merkel"])
        #expect(NameKey.words(of: "José Martínez Jr.", label: "PERSON") == ["jose", "martinez"])
        #expect(NameKey.words(of: "Mr. Trump", label: "PERSON") == ["trump"])
        #expect(NameKey.words(of: "Bitar 's", label: "PERSON") == ["bitar"])
        #expect(NameKey.words(of: "Donald J. Trump", label: "PERSON") == ["donald", "j", "trump"])
        #expect(NameKey.words(of: "U.N.", label: "ORG") == ["un"])
        #expect(NameKey.words(of: "the Fed", label: "ORG") == ["fed"])
        #expect(NameKey.words(of: "Scott -- Vinson", label: "PERSON") == ["scott", "vinson"])
        // "Mr" alone is still a name (nothing else is left).
        #expect(NameKey.words(of: "Mr.", label: "PERSON") == ["mr"])
    }

    @Test func middleNamesInitialsCaseAndDiacriticsMerge() {
        let t = Self.table([
            [Self.person("Donald Trump")], [Self.person("Donald Trump")], [Self.person("Donald J. Trump")],
            [Self.person("DONALD TRUMP")], [Self.person("Hillary Rodham Clinton")], [Self.person("Hillary Clinton")],
            [Self.person("Angela Merkel")], [Self.person("Ángela Merkel's")]
        ])
        let trump = Self.resolve(t, [Self.person("Donald J. Trump")])[0]
        #expect(trump.name == "Donald Trump")
        #expect(trump.id == "PERSON/donald-trump")
        #expect(Self.resolve(t, [Self.person("DONALD TRUMP")])[0] == trump)
        // A middle name the table never saw, agreeing with the initial it did.
        #expect(Self.resolve(t, [Self.person("Donald John Trump")])[0] == trump)
        #expect(
            Self.resolve(t, [Self.person("Hillary Rodham Clinton")])[0]
                == Self.resolve(t, [Self.person("Hillary Clinton")])[0])
        #expect(Self.resolve(t, [Self.person("Ángela Merkel's")])[0].name == "Angela Merkel")
    }

    @Test func aFormBetweenDisagreeingMiddleNamesStaysApart() {
        let t = Self.table([
            [Self.person("George W. Bush")], [Self.person("George H. W. Bush")], [Self.person("George Bush")]
        ])
        let w = Self.resolve(t, [Self.person("George W. Bush")])[0]
        let hw = Self.resolve(t, [Self.person("George H. W. Bush")])[0]
        let plain = Self.resolve(t, [Self.person("George Bush")])[0]
        #expect(Set([w.id, hw.id, plain.id]).count == 3)
    }

    @Test func organisationAcronymsAndShortForms() {
        let t = Self.table([
            [Self.org("United Nations")], [Self.org("U.N.")],
            [Self.org("Federal Reserve"), Self.org("Fed")], [Self.org("Federal Reserve"), Self.org("Fed")],
            [Self.org("Fed")],
            [Self.org("Federal Bureau of Investigation"), Self.org("Fed")]
        ])
        #expect(Self.resolve(t, [Self.org("U.N.")])[0].name == "United Nations")
        #expect(Self.resolve(t, [Self.org("UN")])[0].name == "United Nations")
        #expect(Self.resolve(t, [Self.org("the Fed")])[0].name == "Federal Reserve")
        #expect(Self.resolve(t, [Self.org("FBI")])[0].name == "Federal Bureau of Investigation")
    }

    @Test func aShortFormSharingDocumentsEquallyWithTwoNamesStaysApart() {
        let t = Self.table([
            [Self.org("National Democratic Party"), Self.org("Nat")],
            [Self.org("National Democratic Party"), Self.org("Nat")],
            [Self.org("National Trust"), Self.org("Nat")], [Self.org("National Trust"), Self.org("Nat")]
        ])
        #expect(Self.resolve(t, [Self.org("Nat")])[0].id == "ORG/nat")
    }

    /// A corpus with two bearers of "Clinton", each in their own company.
    static let clintons: CorpusNames = {
        var docs: [[Entry]] = []
        for _ in 0..<6 {
            docs.append([person("Hillary Clinton", title: "Secretary"), person("Bernie Sanders"), place("Iowa")])
        }
        for _ in 0..<3 {
            docs.append([person("Bill Clinton", title: "President"), person("Monica Lewinsky"), place("Arkansas")])
        }
        docs.append([person("Clinton")])
        return table(docs + others)
    }()

    @Test func aLoneSurnameJoinsTheBearerItsDocumentPointsTo() {
        let t = Self.clintons
        #expect(Self.resolve(t, [Self.person("Clinton"), Self.person("Bernie Sanders")])[0].name == "Hillary Clinton")
        #expect(Self.resolve(t, [Self.person("Clinton"), Self.place("Arkansas")])[0].name == "Bill Clinton")
        #expect(Self.resolve(t, [Self.person("Clinton", title: "President")])[0].name == "Bill Clinton")
    }

    @Test func aLoneSurnameWithoutEvidenceOrWithBothBearersStaysApart() {
        let t = Self.clintons
        #expect(Self.resolve(t, [Self.person("Clinton")])[0].id == "PERSON/clinton")
        #expect(Self.resolve(t, [Self.person("Clinton"), Self.place("Paris")])[0].id == "PERSON/clinton")
        // Company of both: no clear winner.
        let both = Self.resolve(
            t, [Self.person("Clinton"), Self.person("Bernie Sanders"), Self.person("Monica Lewinsky")])
        #expect(both[0].id == "PERSON/clinton")
    }

    @Test func aRivalBearerInTheDocumentKeepsTheLoneNameApart() {
        let t = Self.clintons
        let r = Self.resolve(t, [Self.person("Clinton"), Self.person("Bernie Sanders"), Self.person("Chelsea Clinton")])
        #expect(r[0].id == "PERSON/clinton")
        #expect(r[2].id == "PERSON/chelsea-clinton")
    }

    @Test func aFirstNameAloneJoinsItsBearerOnEvidence() {
        let t = Self.table(
            Array(
                repeating: [Self.person("Bernie Sanders"), Self.person("Hillary Clinton"), Self.place("Vermont")],
                count: 4) + Self.others)
        #expect(Self.resolve(t, [Self.person("Bernie"), Self.place("Vermont")])[0].name == "Bernie Sanders")
    }

    @Test func theTableSurvivesJSONAndIsDeterministic() throws {
        let t = Self.clintons
        let again = try CorpusNames(json: t.encoded(), name: "t.json")
        #expect(again.encoded() == t.encoded())
        #expect(Self.resolve(again, [Self.person("Clinton"), Self.place("Arkansas")])[0].name == "Bill Clinton")
        // The same documents in another order give the same bytes.
        var s = CorpusNameStatistics()
        for d in [[Self.person("Bill Clinton")], [Self.person("Hillary Clinton")]].reversed() {
            s.add(DocumentNames(d))
        }
        var r = CorpusNameStatistics()
        for d in [[Self.person("Bill Clinton")], [Self.person("Hillary Clinton")]] { r.add(DocumentNames(d)) }
        #expect(s.table().encoded() == r.table().encoded())
    }

    /// Names that JSON must escape or that are not ASCII come back from a table's JSON as they
    /// went in, with the same resolution.
    @Test func tablesOfUnusualNamesSurviveJSON() throws {
        let names = [
            "Ángela Merkel", "Ángela Merkel", "Dmitry \"Dima\" Peskov", "Dmitry \"Dima\" Peskov", "Back\\Slash Smith",
            "Back\\Slash Smith", "Tab\tSeparated Name", "Tab\tSeparated Name", "Владимир Путин", "Владимир Путин",
            "Emoji 🙂 Person", "Emoji 🙂 Person"
        ]
        let t = Self.table(
            names.map { [Self.person($0, title: "President"), Self.place("Ville \($0.count)")] } + Self.others)
        let again = try CorpusNames(json: t.encoded(), name: "t.json")
        #expect(again.encoded() == t.encoded())
        for n in Set(names) {
            #expect(Self.resolve(again, [Self.person(n)]) == Self.resolve(t, [Self.person(n)]))
            #expect(Self.resolve(again, [Self.person(n)])[0].name == n)
        }
    }

    /// A table written by hand: escapes in keys and values, white space, and members the
    /// reader does not know (skipped whatever they hold).
    @Test func handWrittenTablesAreReadAsJSON() throws {
        let json = #"""
             { "format" : "assay-names", "version": 1, "documents": 2,
              "extra": {"a": [1, -2.5e3, true, false, null, "x\"y", {"b": []}]},
              "entities": [{"id": "PERSON/jose-diaz", "name": "Jos\u00e9 D\u00edaz \ud83d\ude42", "label": "PERSON", "note": 0}],
              "\u0066orms": {"PERSON|jos\u00e9 d\u00edaz": 0}, "people": {}, "acronyms": {},
              "context_documents": {"p:b": 2, "p:a": 1},
              "bearers": [{"entity": 0, "documents": 2, "titles": {"sen": 1}, "context": {"p:b": 1, "p:a": 2}}],
              "bearers_by_word": {"d\u00edaz": [0]} }
            """#
        let t = try CorpusNames(json: Data(json.utf8), name: "x.json")
        #expect(t.entities == [CorpusEntity(id: "PERSON/jose-diaz", name: "José Díaz 🙂", label: "PERSON")])
        #expect(t.forms == ["PERSON|josé díaz": 0])
        #expect(t.contextFrequency == ["p:a": 1, "p:b": 2])
        #expect(t.bearersByWord == ["díaz": [0]])
        // Neighbours out of order are still found.
        #expect(t.bearers[0].context["p:a"] == 2 && t.bearers[0].context["p:b"] == 1)
        #expect(t.bearers[0].context["p:c"] == nil && t.bearers[0].titles["sen"] == 1)
        for broken in [
            json.replacingOccurrences(of: "-2.5e3", with: "-2.5e"), json + " x",
            json.replacingOccurrences(of: "\"documents\": 2,", with: "\"documents\": 2,,"),
            json.replacingOccurrences(of: "\"people\"", with: "\"peo\\xple\"")
        ] {
            #expect(throws: AssayError.self) { try CorpusNames(json: Data(broken.utf8), name: "x.json") }
        }
        // A lone surrogate reads as U+FFFD, as it does in the input documents (one JSON reader).
        let lone = json.replacingOccurrences(of: "\\ud83d\\ude42", with: "\\ud83d")
        #expect(try CorpusNames(json: Data(lone.utf8), name: "x.json").entities[0].name == "José Díaz \u{FFFD}")
        let wrongNumber = json.replacingOccurrences(of: "\"documents\": 2,", with: "\"documents\": 2.0,")
        #expect(throws: AssayError.self) { try CorpusNames(json: Data(wrongNumber.utf8), name: "x.json") }
    }

    @Test func badTablesAreOneLineErrors() {
        #expect(throws: AssayError.self) { try CorpusNames(json: Data("{}".utf8), name: "x.json") }
        #expect(throws: AssayError.self) { try CorpusNames(json: Data("not json".utf8), name: "x.json") }
        let dangling =
            #"{"format":"assay-names","version":1,"entities":[],"forms":{"PERSON|x":3},"people":{},"short_forms":{},"documents":1,"context_documents":{}}"#
        #expect(throws: AssayError.self) { try CorpusNames(json: Data(dangling.utf8), name: "x.json") }
    }

    @Test func badTablesSayWhichValueIsWrong() {
        func message(_ json: String) -> String {
            do {
                _ = try CorpusNames(json: Data(json.utf8), name: "x.json")
                return ""
            } catch { return "\(error)" }
        }
        #expect(message("{}").contains(#"no "format""#))
        #expect(message("[1]").contains("not a JSON object"))
        #expect(message(#"{"format": "assay-names",}"#).contains("trailing comma before '}' at byte"))
        let badBearer =
            #"{"format":"assay-names","version":1,"documents":1,"entities":[{"id":"PERSON/a-b","name":"A B","label":"PERSON"}],"forms":{},"people":{},"acronyms":{},"context_documents":{},"bearers":[{"entity":"0","documents":1,"titles":{},"context":{}}],"bearers_by_word":{}}"#
        #expect(message(badBearer).contains(#"bad "bearers.0.entity""#))
        let good = badBearer.replacingOccurrences(of: #""entity":"0""#, with: #""entity":0"#)
        #expect(message(good) == "")
        let badWord = good.replacingOccurrences(of: #""bearers_by_word":{}"#, with: #""bearers_by_word":{"a":[0,"b"]}"#)
        #expect(message(badWord).contains(#"bad "bearers_by_word.a.1""#))
    }

    /// Linking picks out the annotations to link by extractor name without a Set look-up; the
    /// names it picks are those `namingExtractors` lists (which decides whether a run links).
    @Test func linkingPicksTheNamingExtractorsOnly() {
        for name in CorpusLinking.namingExtractors {
            #expect(CorpusLinking.DocumentResolver.isNaming(Annotation(extractor: name, span: Span(0, 1))))
        }
        for name in ["numbers", "sentiment", "entitiesx", "quote", ""] {
            #expect(!CorpusLinking.DocumentResolver.isNaming(Annotation(extractor: name, span: Span(0, 1))))
        }
    }

    @Test func statisticsMergeLikeOneCount() {
        let docs: [[Entry]] = [
            [Self.person("Donald J. Trump")],
            [Self.person("Donald Trump"), Self.org("Fed"), Self.org("Federal Reserve")]
        ]
        var whole = CorpusNameStatistics()
        for d in docs { whole.add(DocumentNames(d)) }
        var a = CorpusNameStatistics(), b = CorpusNameStatistics()
        a.add(DocumentNames(docs[0]))
        b.add(DocumentNames(docs[1]))
        a.merge(b)
        #expect(a.table().encoded() == whole.table().encoded())
    }

    /// Parts that number their names, forms and neighbours differently merge into the table of
    /// one count: spellings, titles, neighbours and short forms included.
    @Test func statisticsOfPartsNumberedApartMergeLikeOneCount() {
        let docs: [[Entry]] = [
            [
                Self.person("Donald J. Trump", title: "President"), Self.person("Hillary Clinton"),
                Self.org("Federal Reserve"), Self.org("Fed"), Self.place("Ohio")
            ],
            [
                Self.person("Donald Trump"), Self.person("Bill Clinton", title: "President"), Self.org("Fed"),
                Self.org("Federal Reserve")
            ],
            [Self.person("DONALD TRUMP"), Self.person("Hillary Clinton", title: "Sen."), Self.org("U.N.")],
            [Self.person("Clinton"), Self.person("Donald Trump"), Self.org("United Nations"), Self.place("Ohio")],
            [Self.person("Hillary Clinton"), Self.org("U.N."), Self.org("United Nations"), Self.place("Iowa")]
        ]
        var whole = CorpusNameStatistics()
        for d in docs + Self.others { whole.add(DocumentNames(d)) }
        var a = CorpusNameStatistics(), b = CorpusNameStatistics(), c = CorpusNameStatistics()
        for d in Self.others.prefix(10) + [docs[4], docs[2]] { a.add(DocumentNames(d)) }
        for d in [docs[1], docs[3]] + Self.others.dropFirst(10) { b.add(DocumentNames(d)) }
        c.add(DocumentNames(docs[0]))
        b.merge(c)
        a.merge(b)
        #expect(a.documentCount == whole.documentCount)
        #expect(a.table().encoded() == whole.table().encoded())
    }

    /// A profile keeps the neighbours of the highest counts, those of the smaller key among
    /// equal counts: as sorting them all by count and key would.
    @Test func theCommonestNeighboursAreThoseOfAFullSort() {
        let keys = (0..<300).map { "p:name\(($0 * 7919) % 300)" }
        let ranks = CorpusNamesBuilder.ranks(keys)
        for limit in [1, 5, 100, 299] {
            let counts = (0..<300).map { (Int32($0), 1 + ($0 * 37) % 11) }
            let kept = CorpusNamesBuilder.commonest(counts, limit, ranks: ranks)
            let sorted = counts.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : keys[Int($0.0)] < keys[Int($1.0)] }
            #expect(kept.count == limit)
            #expect(Set(kept.map(\.0)) == Set(sorted.prefix(limit).map(\.0)))
        }
        let few = [(Int32(3), 2), (Int32(1), 5)]
        #expect(CorpusNamesBuilder.commonest(few, 100, ranks: ranks).map(\.0) == [3, 1])
    }

    @Test func linkingDecoratesEntitiesQuotesAndEntitySentiment() {
        let text = "Trump met Obama. \"We talked,\" Trump said."
        let doc = AnalyzedDocument(Document(id: "d", source: "t", text: text))
        func span(_ s: String, from: Int = 0) -> Span {
            let r = text.range(of: s, range: text.index(text.startIndex, offsetBy: from)..<text.endIndex)!
            return Span(
                text.utf8.distance(from: text.startIndex, to: r.lowerBound),
                text.utf8.distance(from: text.startIndex, to: r.upperBound))
        }
        let entities = [
            Annotation(
                extractor: "entities", span: span("Trump"),
                fields: ["label": .string("PERSON"), "canonical": .string("Trump")]),
            Annotation(
                extractor: "entities", span: span("Obama"),
                fields: ["label": .string("PERSON"), "canonical": .string("Obama")])
        ]
        let quote = Annotation(extractor: "quotes", span: span("We talked,"), fields: ["speaker": .string("Trump")])
        let silent = Annotation(extractor: "quotes", span: span("talked"), fields: ["speaker": .null])
        let tone = Annotation(
            extractor: "entity-sentiment", span: span("Obama"),
            fields: ["entity": .string("Obama"), "entity_label": .string("PERSON")])
        let number = Annotation(extractor: "numbers", span: span("met"), fields: [:])
        var docs: [[Entry]] = Array(
            repeating: [Self.person("Donald Trump"), Self.person("Barack Obama", title: "President")], count: 3)
        docs.append([Self.person("Michelle Obama"), Self.place("Chicago")])
        let linking = CorpusLinking(Self.table(docs + Self.others))
        let out = linking.link(entities + [quote, silent, tone, number], entities: entities, in: doc)
        #expect(out[0]["name"] == .string("Donald Trump"))
        #expect(out[0]["entity_id"] == .string("PERSON/donald-trump"))
        #expect(out[1]["name"] == .string("Barack Obama"))
        #expect(out[2]["speaker"] == .string("Donald Trump"))
        #expect(out[2]["speaker_id"] == .string("PERSON/donald-trump"))
        #expect(out[3]["speaker"] == .null)
        #expect(out[4]["name"] == .string("Barack Obama"))
        #expect(out[5] == number)
    }

    /// Places and other names are company for people and organisations, with no corpus entity
    /// of their own.
    @Test func onlyPeopleAndOrganisationsGetCorpusEntities() {
        let docs = Array(
            repeating: [Self.person("Angela Merkel"), Self.org("Bundestag"), Self.place("Berlin")], count: 3)
        let t = Self.table(docs + Self.others)
        let resolved = t.resolve(DocumentNames([Self.person("Merkel"), Self.org("Bundestag"), Self.place("Berlin")]))
        #expect(resolved[0] != nil && resolved[1]?.id == "ORG/bundestag" && resolved[2] == nil)
        #expect(!t.entities.contains { $0.label == "LOC" })
        let text = "Berlin"
        let doc = AnalyzedDocument(Document(id: "d", source: "t", text: text))
        let place = Annotation(
            extractor: "entities", span: Span(0, 6), fields: ["label": .string("LOC"), "canonical": .string("Berlin")])
        #expect(CorpusLinking(t).link([place], entities: [place], in: doc) == [place])
    }

    /// A linking keeps what it worked out for a name across documents: a lone surname must
    /// still be resolved by each document's own names, and everything else as a fresh linking
    /// resolves it.
    @Test func namesKnownFromEarlierDocumentsLinkAsInAFreshLinking() {
        func document(_ names: [(label: String, canonical: String, title: String?)]) -> (AnalyzedDocument, [Annotation])
        {
            let text = names.map(\.canonical).joined(separator: " and ")
            var at = 0
            let mentions = names.map { n in
                defer { at += n.canonical.utf8.count + " and ".utf8.count }
                var fields: [(String, Value)] = [("label", .string(n.label)), ("canonical", .string(n.canonical))]
                if let t = n.title { fields.append(("title", .string(t))) }
                return Annotation(
                    extractor: "entities", span: Span(at, at + n.canonical.utf8.count), orderedFields: fields)
            }
            return (AnalyzedDocument(Document(id: "d", source: "t", text: text)), mentions)
        }
        var corpus: [[Entry]] = Array(
            repeating: [Self.person("Hillary Clinton"), Self.person("Bernie Sanders")], count: 4)
        corpus += Array(repeating: [Self.person("Bill Clinton", title: "President"), Self.place("Arkansas")], count: 4)
        corpus += Array(repeating: [Self.org("United Nations")], count: 2)
        let table = Self.table(corpus + Self.others)
        let documents = [
            document([("PERSON", "Clinton", nil), ("PERSON", "Bernie Sanders", nil), ("ORG", "U.N.", nil)]),
            document([("PERSON", "Clinton", nil), ("LOC", "Arkansas", nil), ("ORG", "U.N.", nil)]),
            document([("PERSON", "Clinton", "President"), ("ORG", "Clinton", nil), ("PERSON", "--", nil)]),
            document([("PERSON", "Clinton", nil), ("PERSON", "Hillary Clinton", nil), ("PERSON", "--", nil)])
        ]
        let shared = CorpusLinking(table)
        for _ in 0..<2 {
            for (doc, mentions) in documents {
                let fresh = CorpusLinking(table).link(mentions, entities: mentions, in: doc)
                #expect(shared.link(mentions, entities: mentions, in: doc) == fresh)
            }
        }
        let clinton = documents.prefix(2).map { shared.link($0.1, entities: $0.1, in: $0.0)[0]["name"] }
        #expect(clinton == [.string("Hillary Clinton"), .string("Bill Clinton")])
    }

    /// `--link corpus` counts each document's names and then links the same documents by the
    /// numbers the statistics gave their names: what it writes must be what a linking by the
    /// table alone writes.
    /// A linking made from the statistics keeps only the bearers a lone name of the corpus may
    /// mean ("Clinton", not "Sanders"), and resolves that name as the whole table does.
    @Test func aLinkingFromTheStatisticsKeepsOnlyTheBearersOfTheLoneNamesCounted() {
        var s = CorpusNameStatistics()
        for d in Self.others + [
            [Self.person("Hillary Clinton"), Self.person("Bernie Sanders"), Self.place("Iowa")],
            [Self.person("Hillary Clinton"), Self.place("Iowa")],
            [Self.person("Clinton"), Self.place("Iowa")]
        ] {
            s.add(DocumentNames(d))
        }
        let table = s.table(), linking = CorpusLinking(s)
        #expect(table.bearersByWord["sanders"] != nil && linking.names.bearersByWord["sanders"] == nil)
        #expect(linking.names.bearers.count == 1 && table.bearers.count > 1)
        let lone = DocumentNames([Self.person("Clinton"), Self.place("Iowa")])
        #expect(table.resolve(lone) == linking.names.resolve(lone))
        #expect(linking.names.resolve(lone)[0]?.id == "PERSON/hillary-clinton")
    }

    @Test func documentsLinkedByTheirNumbersInTheStatisticsLinkAsByTheTable() {
        func document(_ names: [(label: String, canonical: String)]) -> (AnalyzedDocument, [Annotation]) {
            let text = names.map(\.canonical).joined(separator: " and ")
            var at = 0
            let mentions = names.map { n in
                defer { at += n.canonical.utf8.count + " and ".utf8.count }
                return Annotation(
                    extractor: "entities", span: Span(at, at + n.canonical.utf8.count),
                    orderedFields: [("label", .string(n.label)), ("canonical", .string(n.canonical))])
            }
            return (AnalyzedDocument(Document(id: "d", source: "t", text: text)), mentions)
        }
        var documents = Array(
            repeating: document([("PERSON", "Hillary Clinton"), ("PERSON", "Bernie Sanders")]), count: 3)
        documents += Array(repeating: document([("PERSON", "Bill Clinton"), ("LOC", "Arkansas")]), count: 3)
        documents += [
            document([("PERSON", "Clinton"), ("PERSON", "Bernie Sanders"), ("ORG", "U.N."), ("PERSON", "--")]),
            document([("PERSON", "Clinton"), ("LOC", "Arkansas"), ("ORG", "United Nations")]),
            document([("PERSON", "Donald J. Trump"), ("PERSON", "Donald Trump"), ("ORG", "United Nations")])
        ]
        let folded = FoldedNames()
        var statistics = CorpusNameStatistics()
        var names: [MentionNames] = []
        for (doc, mentions) in documents {
            var n = MentionNames(entities: mentions, in: doc, folded: folded)
            statistics.add(numbering: &n)
            #expect(n.corpusNumbers?.count == n.count)
            names.append(n)
        }
        // "--" has no words, so no number; every other name has one.
        #expect(names[6].corpusNumbers?.filter { $0 < 0 }.count == 1)
        let byNumbers = CorpusLinking(statistics, folded: folded)
        let byTable = CorpusLinking(statistics.table())
        for ((doc, mentions), n) in zip(documents, names) {
            let linked = byNumbers.link(mentions, entities: mentions, mentionNames: n, in: doc)
            #expect(linked == byTable.link(mentions, entities: mentions, in: doc))
            #expect(linked.contains { $0["entity_id"] != nil })
        }
    }

    @Test func aSpeakerNamedAsAMentionIsWrittenTakesThatMentionsEntityPeopleAndOrganisationsFirst() {
        let text = "ECB rules. \"Rates stay,\" the ECB said."
        let doc = AnalyzedDocument(Document(id: "d", source: "t", text: text))
        let second = text.utf8.count - "ECB said.".utf8.count
        let entities = [
            Annotation(
                extractor: "entities", span: Span(0, 3),
                fields: ["label": .string("MISC"), "canonical": .string("ECB Rules")]),
            Annotation(
                extractor: "entities", span: Span(second, second + 3),
                fields: ["label": .string("ORG"), "canonical": .string("European Central Bank")])
        ]
        let quote = Annotation(extractor: "quotes", span: Span(12, 23), fields: ["speaker": .string("ECB")])
        let unknown = Annotation(extractor: "quotes", span: Span(12, 23), fields: ["speaker": .string("Fed")])
        let linking = CorpusLinking(Self.table(Array(repeating: [Self.org("European Central Bank")], count: 2)))
        let out = linking.link(entities + [quote, unknown], entities: entities, in: doc)
        #expect(out[2]["speaker"] == .string("European Central Bank"))
        #expect(out[2]["speaker_id"] == .string("ORG/european-central-bank"))
        #expect(out[3]["speaker"] == .string("Fed") && out[3]["speaker_id"] == .null)
    }

    /// Linking appends `name` and `entity_id` to a mention without them, and sets them in place
    /// on one that has them already (linked before): never twice.
    @Test func linkingTwiceSetsTheFieldsOnce() {
        let text = "Maria Kowalski spoke."
        let doc = AnalyzedDocument(Document(id: "d", source: "t", text: text))
        let mention = Annotation(
            extractor: "entities", span: Span(0, 14),
            orderedFields: [("label", .string("PERSON")), ("canonical", .string("Maria Kowalski"))])
        let linking = CorpusLinking(Self.table(Array(repeating: [Self.person("Maria Kowalski")], count: 2)))
        let once = linking.link([mention], entities: [mention], in: doc)
        #expect(once[0].fields.map(\.key) == ["label", "canonical", "name", "entity_id"])
        #expect(once[0]["entity_id"] == .string("PERSON/maria-kowalski"))
        let twice = linking.link(once, entities: once, in: doc)
        #expect(twice == once)
        // The mention given is left as it was.
        #expect(mention.fields.count == 2)
    }

    /// A mention's name is its first `label`, `canonical` and `title` fields, as its subscript
    /// reads them, whatever their order or repeats: a non-string first `label` gives no name,
    /// and a missing or empty `canonical` the mention's text.
    @Test func mentionNamesAreTheFirstFieldOfEachKey() {
        let doc = AnalyzedDocument(Document(id: "d", source: "t", text: "Kowalski met Brandt."))
        func mention(_ start: Int, _ end: Int, _ fields: [(String, Value)]) -> Annotation {
            Annotation(extractor: "entities", span: Span(start, end), orderedFields: fields)
        }
        let mentions = [
            mention(
                0, 8,
                [
                    ("title", .string("Senator")), ("canonical", .string("Maria Kowalski")),
                    ("label", .string("PERSON")),
                    ("label", .string("ORG")), ("title", .string("Mayor"))
                ]),
            mention(13, 19, [("label", .int(1)), ("label", .string("PERSON"))]),
            mention(13, 19, [("label", .string("PERSON")), ("canonical", .string("")), ("title", .string(""))]),
            mention(13, 19, [("label", .string("LOC")), ("canonical", .int(2))])
        ]
        let (table, titles, nameOfMention) = DocumentNames.names(mentions, in: doc)
        #expect(table.refs.map(\.label) == ["PERSON", "PERSON", "LOC"])
        #expect(table.refs.map(\.canonical) == ["Maria Kowalski", "Brandt", "Brandt"])
        #expect(titles == ["Senator", nil, nil])
        #expect(nameOfMention == [0, -1, 1, 2])
    }
}
