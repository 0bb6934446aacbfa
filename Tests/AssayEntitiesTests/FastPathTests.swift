import AssayCore
import Testing

@testable import AssayEntities

/// The tagger's fast paths must give exactly what the plain definitions give: the trainer uses
/// the plain feature lists, so any difference would be a model tagging other than it was trained.
struct FastPathTests {
    static let texts: [String] = [
        SeedText.moscowTalks, SeedText.spokesperson, SeedText.kremlin,
        "XI AND PUTIN MEET IN MOSCOW\nVladimir Putin met Xi Jinping. Will Smith will visit the United States.",
        "Toqayev Receives Chinese Foreign Minister In Astana\n\n“We agree,” said Señor José Ñúñez of São Paulo-based Petrobras.",
        "the the the , , , Moscow Moscow moscow MOSCOW Nord Stream 2 Apollo 11 U.S. U.S. 1,000 16.5%",
        "A", "", "( \"Quoted\" ) — Russia-China ties; people-to-people exchanges"
    ]

    let recognizer = try! EntityRecognizer.shipped.get()

    /// The spellings of `units` with each spelling's profile read from the text.
    static func profiledTypes(_ doc: AnalyzedDocument, _ units: TaggingUnits) -> TypedProfiles {
        let types = doc.utf8.withUnsafeBufferPointer { TokenSpellings(utf8: $0, spans: units.spans) }
        let profiles = doc.utf8.withUnsafeBufferPointer { TypedProfiles(types, in: $0) }
        // Clusters as the recognizer sets them on the facts it makes.
        let clusters = try! EntityRecognizer.wordClusters.get()
        return TypedProfiles(types, profiles: profiles.profiles.map(clusters.labelled))
    }

    @Test func typesProfileEachUnitAsItsOwnProfileWould() {
        for text in Self.texts {
            let doc = AnalyzedDocument(text)
            let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
            let types = FastPathTests.profiledTypes(doc, units)
            let direct = recognizer.features.profiles(doc, units)
            #expect(types.ofUnit.count == units.count)
            for (i, t) in types.ofUnit.enumerated() {
                let a = types.profiles[Int(t)], b = direct[i]
                #expect(
                    a.word == b.word && a.lower == b.lower && a.shape == b.shape && a.prefixes == b.prefixes
                        && a.suffixes == b.suffixes && a.caseClass == b.caseClass && a.length == b.length
                        && a.hasDigit == b.hasDigit)
            }
            // Equal spellings share a type, different ones do not.
            for i in units.spans.indices {
                for j in units.spans.indices where j > i {
                    #expect(
                        (types.ofUnit[i] == types.ofUnit[j])
                            == (doc.text(of: units.spans[i]) == doc.text(of: units.spans[j])))
                }
            }
        }
    }

    @Test func scorerSumsTheRowsOfTheListedFeatures() {
        let model = recognizer.model, features = recognizer.features
        let weights = model.weights  // the dense table the packed one must agree with
        for text in Self.texts {
            let doc = AnalyzedDocument(text)
            let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
            let profiles = features.profiles(doc, units)
            let casing = features.casing(units, profiles: profiles)
            let listed = features.extract(units, profiles: profiles, casing: casing)
            var types = FastPathTests.profiledTypes(doc, units)
            let boundary = types.appendMarker(FeatureExtractor.boundary), end = types.appendMarker(FeatureExtractor.end)
            let facts = model.spellingFacts(types.profiles)
            var sums: [SIMD16<Int16>] = []
            facts.withUnsafeBufferPointer { facts in
                let facts = facts.indices.map { facts.baseAddress! + $0 }
                FeatureScorer.with(model.table) {
                    $0.score(
                        units, profiles: types, facts: facts, boundary: boundary, end: end,
                        casing: casing,
                        gazetteer: features.gazetteerMatches(units, profiles: profiles), into: &sums)
                }
            }
            #expect(sums.count == units.count)
            for i in 0..<min(sums.count, units.count) {
                var expected = SIMD16<Int16>.zero
                for j in listed.of(i) {
                    let b = Int(listed.indices[j]) * 16
                    expected &+= SIMD16<Int16>((0..<16).map { Int16(weights[b + $0]) })
                }
                let lanes = SIMD16<Int16>(WeightRows.laneColumns.map { expected[$0] })
                #expect(sums[i] == lanes, "unit \(i) '\(doc.text(of: units.spans[i]))'")
            }
        }
    }

    @Test func cachedSpellingsGiveTheSameMentions() throws {
        let sections = try EntityRecognizer.gazetteerSections.get()
        let model = recognizer.model
        let clusters = try EntityRecognizer.wordClusters.get()
        let uncached = try EntityRecognizer(
            model: model, gazetteer: Gazetteer(sections: sections), sections: sections, clusters: clusters,
            cachedSpellings: 0)
        let cached = try EntityRecognizer(
            model: model, gazetteer: Gazetteer(sections: sections), sections: sections, clusters: clusters,
            cachedSpellings: 100)
        // Twice over: the second round finds (up to 100 of) the spellings cached by the first.
        for round in 0..<2 {
            for text in Self.texts {
                let doc = AnalyzedDocument(text)
                #expect(cached.mentions(in: doc) == uncached.mentions(in: doc), "round \(round)")
            }
        }
    }

    /// The textbook decoder: for each tag, the best allowed predecessor in ascending order.
    private func plainDecode(_ e: [Float], _ n: Int, _ tr: [Float]) -> [Int] {
        let T = BILOU.count
        var score = (0..<T).map { BILOU.allowed(from: nil, to: $0) ? e[$0] : -Float.infinity }
        var back = [[Int]](repeating: [Int](repeating: 0, count: T), count: n)
        for i in 1..<max(1, n) {
            var next = [Float](repeating: 0, count: T)
            for t in 0..<T {
                var best = -Float.infinity, arg = 0
                for f in 0..<T where BILOU.allowed(from: f, to: t) {
                    let s = score[f] + tr[f * T + t]
                    if s > best {
                        best = s
                        arg = f
                    }
                }
                next[t] = best + e[i * T + t]
                back[i][t] = arg
            }
            score = next
        }
        var best = -Float.infinity, tag = 0
        for t in 0..<T where BILOU.allowed(from: t, to: nil) && score[t] > best {
            best = score[t]
            tag = t
        }
        var tags = [Int](repeating: 0, count: n)
        tags[n - 1] = tag
        for i in stride(from: n - 1, to: 0, by: -1) { tags[i - 1] = back[i][tags[i]] }
        return tags
    }

    @Test func viterbiMatchesThePlainDecoder() {
        var rng = SeededRandomGenerator(seed: 7)
        func value(_ spread: Float) -> Float {
            // Coarse values make ties, which must be broken the same way.
            Float(Int(rng.next() % 9) - 4) * spread
        }
        let T = BILOU.count
        var tags: [Int] = [], scratch = Viterbi.Scratch()
        for round in 0..<300 {
            let n = 1 + Int(rng.next() % 12)
            let spread: Float = round % 3 == 0 ? 1 : 0.37
            let tr = (0..<(T * T)).map { _ in value(spread) }
            let e = (0..<(n * T)).map { _ in value(spread) }
            e.withUnsafeBufferPointer { Viterbi(transitions: tr).decode($0, count: n, tags: &tags, scratch: &scratch) }
            #expect(tags == plainDecode(e, n, tr), "round \(round)")
        }
        // The shipped transitions, with real emission scale.
        let tr = recognizer.model.viterbi.transitions
        for round in 0..<100 {
            let n = 1 + Int(rng.next() % 30)
            let e = (0..<(n * T)).map { _ in Float(Int(rng.next() % 2001) - 1000) / 100 }
            e.withUnsafeBufferPointer { recognizer.model.viterbi.decode($0, count: n, tags: &tags, scratch: &scratch) }
            #expect(tags == plainDecode(e, n, tr), "shipped round \(round)")
        }
    }
}
