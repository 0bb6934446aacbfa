import AssayCore
import Foundation
import Synchronization
import Testing

@testable import AssayEntities

@Test func bilouTagsRoundTrip() {
    let tags =
        [0] + BILOU.tags(for: .person, length: 2) + [0] + BILOU.tags(for: .loc, length: 1)
        + BILOU.tags(for: .org, length: 3)
    let e = BILOU.entities(in: tags)
    #expect(e.map(\.units) == [1..<3, 4..<5, 5..<8])
    #expect(e.map(\.label) == [.person, .loc, .org])
}

@Test func bilouForbidsBrokenEntities() {
    #expect(!BILOU.allowed(from: BILOU.tag(.person, .begin), to: BILOU.outside))
    #expect(!BILOU.allowed(from: BILOU.tag(.person, .begin), to: BILOU.tag(.org, .last)))
    #expect(BILOU.allowed(from: BILOU.tag(.person, .inside), to: BILOU.tag(.person, .last)))
    #expect(!BILOU.allowed(from: nil, to: BILOU.tag(.loc, .inside)))
}

@Test func modelFileRoundTrips() throws {
    let bits = 12
    var w = [Float](repeating: 0, count: (1 << bits) * BILOU.count)
    for i in stride(from: 0, to: w.count, by: 7) { w[i] = Float(i % 13) - 6 }
    let transitions = (0..<(BILOU.count * BILOU.count)).map { Float($0 % 5) }
    let model = TaggerModel(bucketBits: bits, featureVersion: 9, floatWeights: w, transitions: transitions)
    let copy = try TaggerModel(data: model.encoded())
    #expect(copy.weights == model.weights)
    // The rows read from the file are packed as the dense table packs them.
    #expect(copy.table.blocks == model.table.blocks)
    #expect(copy.table.rows == model.table.rows)
    #expect(copy.scale == model.scale)
    #expect(copy.viterbi.transitions == transitions)
    #expect(copy.featureVersion == 9)
    #expect(throws: AssayError.self) { try TaggerModel(data: Data("nonsense".utf8)) }
}

@Test func hyphenatedWordsWithCapitalsAreSplitIntoUnits() {
    let doc = AnalyzedDocument("China-Russia ties and people-to-people exchanges")
    let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
    #expect(
        units.spans.map { doc.text(of: $0) } == ["China", "-", "Russia", "ties", "and", "people-to-people", "exchanges"]
    )
}

@Test func typographicPunctuationReadsLikeASCII() {
    let curly = AnalyzedDocument("Xi’s “visit”")
    let plain = AnalyzedDocument("Xi's \"visit\"")
    let a = curly.utf8.withUnsafeBufferPointer { b in
        curly.tokens.map { UnitProfile(b, $0.span.start, $0.span.end).word }
    }
    let b = plain.utf8.withUnsafeBufferPointer { b in
        plain.tokens.map { UnitProfile(b, $0.span.start, $0.span.end).word }
    }
    #expect(a == b)
}

@Test func gazetteerMatchesCapitalisedPhrasesOnly() {
    let g = Gazetteer(sections: ["country": ["United States", "Turkey"]])
    let doc = AnalyzedDocument("The United States sent turkey to Turkey")
    let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
    let profiles = doc.utf8.withUnsafeBufferPointer { b in units.spans.map { UnitProfile(b, $0.start, $0.end) } }
    var out = [(categories: UInt16, position: UInt8)?](repeating: nil, count: units.count)
    g.matches(profiles, in: 0..<units.count, into: &out)
    #expect(out.map { $0?.position } == [nil, 0, 2, nil, nil, nil, 3])
}

@Test func spanScorerCountsExactMatchesOnly() {
    var s = SpanScorer()
    s.add(
        predicted: [GoldEntity(span: Span(0, 5), label: .person), GoldEntity(span: Span(6, 9), label: .loc)],
        gold: [GoldEntity(span: Span(0, 5), label: .person), GoldEntity(span: Span(6, 10), label: .loc)])
    #expect(s.overall.precision == 0.5)
    #expect(s.overall.recall == 0.5)
    #expect(s.score(.person).f1 == 1)
}

@Test func pluginRegistersTheExtractorAndItsTools() throws {
    let registry = ExtractorRegistry()
    try EntitiesPlugin.register(into: registry)
    #expect(registry.names == ["entities"])
    #expect(registry.tool(.evaluate, named: "entities")?.usage == "FILE [--model FILE] [--errors N]")
    #expect(registry.tool(.train, named: "entities")?.usage.hasPrefix("--train FILE --dev FILE --out FILE") == true)
}

@Test func evaluationToolScoresAJSONLinesFile() throws {
    let registry = ExtractorRegistry()
    try EntitiesPlugin.register(into: registry)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("entities-eval-\(getpid()).jsonl").path
    let line =
        #"{"id": "a", "text": "Vladimir Putin visited Beijing .", "entities": [{"start": 0, "end": 14, "label": "PER"}, {"start": 23, "end": 30, "label": "LOC"}]}"#
    try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let lines = Mutex<[String]>([])
    try registry.tool(.evaluate, named: "entities")!.run([path], registry) { s in lines.withLock { $0.append(s) } }
    let report = lines.withLock { $0.joined(separator: "\n") }
    #expect(report.contains("overall"))
    #expect(report.contains("1.0000"))
}

@Test func viterbiFindsTheBestValidPath() {
    // Brute force over every tag sequence of three units: the decoder must match it.
    var rng = SeededRandomGenerator(seed: 7)
    func r() -> Float { Float(rng.next() % 2000) / 100 - 10 }
    let T = BILOU.count
    let transitions = (0..<(T * T)).map { _ in r() }
    let emissions = (0..<(3 * T)).map { _ in r() }
    var best: (Float, [Int]) = (-.infinity, [])
    for a in 0..<T {
        for b in 0..<T {
            for c in 0..<T {
                let path = [a, b, c]
                guard BILOU.allowed(from: nil, to: a), BILOU.allowed(from: a, to: b), BILOU.allowed(from: b, to: c),
                    BILOU.allowed(from: c, to: nil)
                else { continue }
                let s =
                    emissions[a] + emissions[T + b] + emissions[2 * T + c] + transitions[a * T + b]
                    + transitions[b * T + c]
                if s > best.0 { best = (s, path) }
            }
        }
    }
    var tags: [Int] = [], scratch = Viterbi.Scratch()
    emissions.withUnsafeBufferPointer {
        Viterbi(transitions: transitions).decode($0, count: 3, tags: &tags, scratch: &scratch)
    }
    #expect(tags == best.1)
}
