import AssayCore
import Foundation
import Testing

@testable import AssaySentiment

/// Reads the named features of targets, as training does.
private func features(_ text: String, target: String, occurrence: Int = 0) throws -> [String: Float] {
    let document = AnalyzedDocument(text)
    var search = text.startIndex..<text.endIndex
    var range = try #require(text.range(of: target, range: search))
    for _ in 0..<occurrence {
        search = range.upperBound..<text.endIndex
        range = try #require(text.range(of: target, range: search))
    }
    var scorer = TargetScorer(document: document, model: .empty)
    let located = scorer.locate(document.span(of: range))
    let (context, tokens) = try #require(located)
    var sink = TargetSentimentTrainer.NamedFeatures()
    context.features(of: tokens, into: &sink)
    return Dictionary(sink.features.map { ($0.name, $0.value) }, uniquingKeysWith: +)
}

/// Every feature with both its identifier and its name, to compare them.
private struct IdentifiedFeatures: TargetFeatureSink {
    var pairs: [(UInt64, String)] = []
    mutating func add(_ id: UInt64, _ value: Float, name: @autoclosure () -> String) { pairs.append((id, name())) }
}

@Suite struct TargetFeatureTests {
    @Test func identifiersAreTheHashesOfTheNames() throws {
        // The model file stores names and scoring computes identifiers from bytes: they must agree,
        // including for bigrams, numbers, capitals and non-ASCII words.
        let text = "“Ørsted’s 2 new PLANTS are a disaster,” said Mr. Smith, but Acme didn't agree."
        let document = AnalyzedDocument(text)
        var scorer = TargetScorer(document: document, model: .empty)
        for target in ["Mr. Smith", "Acme", "PLANTS"] {
            let range = try #require(text.range(of: target))
            let located = scorer.locate(document.span(of: range))
            let (context, tokens) = try #require(located)
            var sink = IdentifiedFeatures()
            context.features(of: tokens, into: &sink)
            #expect(sink.pairs.count > 20)
            for (id, name) in sink.pairs { #expect(FeatureHash.feature(named: name) == id, "\(name)") }
        }
    }

    @Test func wordsBySideAndDistance() throws {
        let f = try features("Xi criticised the sanctions Washington imposed on Beijing.", target: "Washington")
        #expect(
            f["L1=sanctions"] == 1 && f["L2=the"] == 1 && f["L2=criticised"] == 1 && f["L3=xi"] == 1
                && f["L1=the"] == nil)
        #expect(f["R1=imposed"] == 1 && f["R2=on"] == 1 && f["R=beijing"] == 1 && f["L=xi"] == 1)
        #expect(f["T=washington"] == 1 && f["L=criticised"] == 1)
        #expect(f["LB=the sanctions"] == 1 && f["RB=imposed on"] == 1)
        #expect(f["f=initial"] == nil)
        let xi = try features("Xi criticised the sanctions Washington imposed on Beijing.", target: "Xi")
        #expect(xi["f=initial"] == 1)
        #expect((xi["f=subject_of_neg"] ?? 0) > 0 && xi["SV=criticised"] == 1)
        #expect(xi["f=object_of_neg"] == nil)
    }

    @Test func objectAndAgentOfASentimentVerb() throws {
        let object = try features("The senator praised Jones for her courage.", target: "Jones")
        #expect((object["f=object_of_pos"] ?? 0) > 0 && object["OV=praised"] == 1)
        let agent = try features("The plan was praised by Jones yesterday.", target: "Jones")
        #expect((agent["f=agent_of_pos"] ?? 0) > 0 && agent["f=object_of_pos"] == nil)
    }

    @Test func quotesTheTargetSpeaksOrIsIn() throws {
        let text = "“Brown is a terrible liar,” Green said."
        let green = try features(text, target: "Green")
        #expect(green["f=role_speaker"] == 1)
        #expect((green["f=lex_quoted_neg_speaker"] ?? 0) > 0)
        let brown = try features(text, target: "Brown")
        #expect(brown["f=role_quoted"] == 1)
        let plain = try features("According to Green, the talks failed.", target: "Green")
        #expect(plain["f=role_speaker"] == 1)
        let none = try features("Green lost the election.", target: "Green")
        #expect(none["f=role_plain"] == 1)
    }

    @Test func negationAndContrastScope() throws {
        let text = "Smith won praise, but Jones did not win anything."
        let jones = try features(text, target: "Jones")
        #expect(jones["f=after_contrast"] == 1 && jones["f=negated_clause"] == 1 && jones["f=negated_after"] == 1)
        #expect(jones["f=lex_clause_pos"] == nil && (jones["f=lex_clause_neg"] ?? 0) > 0)  // "not win", not "praise"
        let smith = try features(text, target: "Smith")
        #expect(smith["f=before_contrast"] == 1 && smith["f=negated_clause"] == nil)
        #expect((smith["f=lex_clause_pos"] ?? 0) > 0)
    }

    @Test func theSentenceModelsToneIsAFeature() throws {
        let f = try features(
            "The brutal attack killed dozens and injured hundreds, Reuters reported.", target: "Reuters")
        #expect((f["f=sent_neg"] ?? 0) > (f["f=sent_pos"] ?? 1))
    }

    @Test func weightsAreFoundWhereverTheyAreKept() {
        // Side words live in the word's slot, other templates in a record only some words have,
        // flags and bigrams in tables of their own: each must come back as given.
        let weights = FeatureWeights(named: [
            ("L=only", SIMD3(0.5, 0, -0.5)), ("R=only", SIMD3(-0.25, 0, 0.25)),
            ("L=both", SIMD3(0.125, 0, 0)), ("L1=both", SIMD3(0, 1, 0)), ("T=both", SIMD3(0, 0, 1)),
            ("f=initial", SIMD3(1, 2, 3)), ("LB=the sanctions", SIMD3(-1, 0, 1))
        ])
        #expect(weights.weight(named: "L=only") == SIMD3(0.5, 0, -0.5))
        #expect(weights.weight(named: "R=only") == SIMD3(-0.25, 0, 0.25))
        #expect(weights.weight(named: "L1=only") == .zero)
        #expect(weights.wordEntry(FeatureHash.of("only")).record == -1)
        #expect(weights.wordEntry(FeatureHash.of("both")).record >= 0)
        #expect(weights.weight(named: "L=both") == SIMD3(0.125, 0, 0))
        #expect(weights.weight(named: "L1=both") == SIMD3(0, 1, 0))
        #expect(weights.weight(named: "T=both") == SIMD3(0, 0, 1))
        #expect(weights.weight(named: "R=both") == .zero)
        #expect(weights.weight(named: "f=initial") == SIMD3(1, 2, 3))
        #expect(weights.flag(FeatureHash.feature(named: "f=initial")) == SIMD3(1, 2, 3))
        #expect(weights.weight(named: "LB=the sanctions") == SIMD3(-1, 0, 1))
        #expect(weights.weight(named: "f=final") == .zero && weights.weight(named: "L=absent") == .zero)
    }
}

/// Inline rated targets (written for these tests): who is praised or attacked, in a few patterns.
private let ratedTargets: [RatedTargetSentence] = {
    var out: [RatedTargetSentence] = []
    let pairs = [
        ("Adams", "Baker"), ("Clark", "Davis"), ("Evans", "Fox"), ("Gray", "Hill"), ("Irwin", "James"), ("King", "Lee")
    ]
    for (n, (a, b)) in pairs.enumerated() {
        let t1 = "\(a) praised \(b) for the agreement."
        out.append(
            RatedTargetSentence(
                id: "p\(n)", text: t1, split: "train",
                targets: [
                    .init(start: 0, end: a.count, label: "neutral"),
                    .init(start: a.count + 9, end: a.count + 9 + b.count, label: "positive")
                ]))
        let t2 = "\(a) attacked \(b) over the scandal."
        out.append(
            RatedTargetSentence(
                id: "n\(n)", text: t2, split: "train",
                targets: [
                    .init(start: 0, end: a.count, label: "neutral"),
                    .init(start: a.count + 10, end: a.count + 10 + b.count, label: "negative")
                ]))
        let t3 = "\(b) met \(a) on Tuesday."
        out.append(
            RatedTargetSentence(
                id: "u\(n)", text: t3, split: "train",
                targets: [
                    .init(start: 0, end: b.count, label: "neutral")
                ]))
    }
    return out
}()

@Suite struct TargetTrainingTests {
    /// A trainer for a few dozen inline targets: three folds, every feature kept, one epoch
    /// count, and less L2 than the thousands of the real training file need.
    func smallNetworkTrainer() -> TargetSentimentTrainer {
        var trainer = TargetSentimentTrainer()
        trainer.folds = 3
        trainer.minimumCount = 1
        trainer.epochGrid = [20]
        trainer.network.lambda = 1
        trainer.network.networkLambda = 0.1
        return trainer
    }

    /// The linear model alone (0) and with a hidden layer.
    @Test(arguments: [0, 16]) func trainingIsDeterministicAndTheFileLoads(hidden: Int) throws {
        var trainer = TargetSentimentTrainer()
        trainer.folds = 3
        trainer.minimumCount = 1
        trainer.lambdaGrid = [0.1, 1]
        trainer.network.hidden = hidden
        // A few dozen targets need more passes and less L2 (spread over the targets) than the
        // thousands of the real training file.
        trainer.epochGrid = [20, 40]
        trainer.network.lambda = 1
        trainer.network.networkLambda = 0.1
        let first = trainer.train(ratedTargets, dataName: "inline", sentenceModel: .bundled, log: { _ in })
        let second = trainer.train(ratedTargets, dataName: "inline", sentenceModel: .bundled, log: { _ in })
        #expect(first == second)
        let model = try TargetSentimentModel(text: first)
        let lines = first.split(separator: "\n")
        let layerLines = lines.filter { line in ["hidden\t", "output\t", "vector\t"].contains { line.hasPrefix($0) } }
        #expect(model.featureCount == lines.filter { !$0.hasPrefix("#") }.count - 1 - layerLines.count)
        #expect(lines.contains { $0.hasPrefix("f=object_of_pos\t") })
        // The held-out figure on the targets of sentences with several, the mt split's stand-in.
        let several = ratedTargets.filter { $0.targets.count > 1 }.reduce(0) { $0 + $1.targets.count }
        #expect(several > 0 && several < ratedTargets.reduce(0) { $0 + $1.targets.count })
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "# cross-validated with offsets, the \(several) targets of sentences with several: macro-F1 ")
            })
        #expect((model.network != nil) == (hidden > 0))
        if hidden > 0 {
            #expect(
                layerLines.contains { $0.hasPrefix("vector\tT=") } && layerLines.contains { $0.hasPrefix("vector\tf=") }
            )
            #expect(!layerLines.contains { $0.hasPrefix("vector\tL") || $0.hasPrefix("vector\tR") })
            // A layer that learnt something, so that the sums below check it.
            #expect(model.network?.unitOutput.contains { $0 != .zero } == true)
        }

        // It learnt the patterns: the object of "praised" is positive, that of "attacked" negative.
        func label(_ text: String, _ target: String) throws -> String {
            let document = AnalyzedDocument(text)
            var scorer = TargetScorer(document: document, model: model)
            let range = try #require(text.range(of: target))
            let scored = scorer.score(document.span(of: range))
            return try #require(scored).label
        }
        #expect(try label("Moss praised Nash for the agreement.", "Nash") == "positive")
        #expect(try label("Moss attacked Nash over the scandal.", "Nash") == "negative")

        // Scoring sums the side words from per-sentence running sums; it must give what the
        // named features' weights add up to.
        let text = "Adams praised Baker, and the crowd attacked Fox over the agreement."
        let document = AnalyzedDocument(text)
        var scorer = TargetScorer(document: document, model: model)
        for target in ["Adams", "Baker", "Fox", "crowd"] {
            let range = try #require(text.range(of: target))
            let located = scorer.locate(document.span(of: range))
            let (context, tokens) = try #require(located)
            var named = TargetSentimentTrainer.NamedFeatures()
            context.features(of: tokens, into: &named)
            var logits = named.features.reduce(model.intercepts) {
                $0 + model.weights.weight(named: $1.name) * $1.value
            }
            if let network = model.network {
                let sum = named.features.reduce(SIMD16<Float>.zero) {
                    $0 + network.vectors[FeatureHash.feature(named: $1.name)] * $1.value
                }
                logits += network.logits(network.activations(sum))
            }
            let expected = TargetSentimentModel.softmax(logits)
            let scored = model.score(context, target: tokens).probabilities
            let difference = scored - expected
            #expect(
                max(abs(difference[0]), abs(difference[1]), abs(difference[2])) < 1e-4,
                "\(target): \(scored) vs \(expected)")
        }
    }

    @Test func otherMentionsAndLossWeightsChangeTheFitButNotWhatIsScored() throws {
        // Sentences whose rated target is mentioned again ("him"), as the data's `corefs` give.
        var sentences = ratedTargets
        for (n, (a, b)) in [("Moss", "Nash"), ("Reed", "Shaw"), ("Todd", "Vance")].enumerated() {
            let text = "\(b) spoke, and \(a) praised him."
            let him = text.count - 4
            sentences.append(
                RatedTargetSentence(
                    id: "c\(n)", text: text, split: "train",
                    targets: [.init(start: 0, end: b.count, label: "positive", corefs: [(him, him + 3)])]))
        }
        let trainer = smallNetworkTrainer()
        func train(_ change: (inout TargetSentimentTrainer) -> Void) -> String {
            var t = trainer
            change(&t)
            return t.train(sentences, dataName: "inline", sentenceModel: .bundled, log: { _ in })
        }
        let plain = train { _ in }
        let targets = sentences.reduce(0) { $0 + $1.targets.count }
        func held(_ file: String) -> [Substring] {
            file.split(separator: "\n").filter { $0.hasPrefix("# cross-validated with offsets, the ") }
        }
        for (change, note) in [
            ({ (t: inout TargetSentimentTrainer) in t.corefWeight = 0.5 }, "other mentions of a target ×0.5"),
            ({ (t: inout TargetSentimentTrainer) in t.severalWeight = 2 }, "targets of sentences with several ×2.0"),
            ({ (t: inout TargetSentimentTrainer) in t.classWeights = [1, 2, 1] }, "classes ×1.0,2.0,1.0")
        ] as [((inout TargetSentimentTrainer) -> Void, String)] {
            let weighted = train(change)
            #expect(weighted == train(change))
            #expect(weighted != plain && weighted.contains("# loss weights: " + note + "\n"))
            // Only the rated targets are counted and scored, the other mentions never.
            #expect(weighted.contains("(\(targets) targets, \(sentences.count) sentences)"))
            #expect(
                held(weighted).map { $0.split(separator: ":")[0] } == held(plain).map { $0.split(separator: ":")[0] })
        }
        #expect(!plain.contains("# loss weights"))
        let alone = sentences.filter { $0.targets.count == 1 }.count
        #expect(plain.contains("# cross-validated with offsets, the \(alone) targets alone in their sentence: "))
    }

    @Test func ratedTargetsReadTheirOtherMentions() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rated-\(UUID().uuidString).jsonl")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let line =
            #"{"id": "a", "text": "Nash spoke, and Moss praised him.", "split": "dev-mt", "targets": [{"start": 0, "end": 4, "polarity": "pos", "corefs": [{"start": 29, "end": 32}]}, {"start": 16, "end": 20, "polarity": "neu", "corefs": []}]}"#
        try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let sentences = try RatedTargetSentence.load(path)
        #expect(sentences.count == 1 && sentences[0].split == "mt")
        #expect(sentences[0].targets.map(\.corefs.count) == [1, 0])
        #expect(sentences[0].targets[0].corefs.first.map { [$0.start, $0.end] } == [29, 32])
    }

    @Test func theExplanationNamesWhatMovedTheLabel() throws {
        let trainer = smallNetworkTrainer()
        let model = try TargetSentimentModel(
            text: trainer.train(ratedTargets, dataName: "inline", sentenceModel: .bundled, log: { _ in }))
        let text = "Moss praised Nash for the agreement."
        let document = AnalyzedDocument(text)
        var scorer = TargetScorer(document: document, model: model)
        let range = try #require(text.range(of: "Nash"))
        let located = scorer.locate(document.span(of: range))
        let (context, tokens) = try #require(located)
        let label = model.score(context, target: tokens).label
        let lines = model.explanation(context, target: tokens)
        #expect(lines.last?.hasPrefix("label probabilities: negative ") == true)
        let pushes = lines.dropLast()
        #expect(!pushes.isEmpty && pushes.allSatisfy { $0.hasSuffix(" toward \(label)") })
        // Something pushed toward the label, and the verb that makes it is among what moved it.
        #expect(pushes.contains { $0.contains(" +") })
        #expect(pushes.contains { $0.contains("praised") || $0.contains("object_of_pos") })
    }

    @Test func aTemplatesPenaltyCanBeScaled() throws {
        var trainer = TargetSentimentTrainer()
        trainer.network.hidden = 0
        trainer.folds = 3
        trainer.minimumCount = 1
        trainer.lambdaGrid = [1]
        trainer.penaltyScale = [:]
        let plain = trainer.train(ratedTargets, dataName: "inline", sentenceModel: .bundled, log: { _ in })
        trainer.penaltyScale = ["T": 0.1]
        let loose = trainer.train(ratedTargets, dataName: "inline", sentenceModel: .bundled, log: { _ in })
        #expect(loose.contains("L2 scaled T ×0.1") && !plain.contains("L2 scaled"))
        // A template penalised less learns larger weights; the others stay about as they were.
        func size(_ file: String, _ prefix: String) -> Double {
            file.split(separator: "\n").filter { $0.hasPrefix(prefix) }.reduce(0.0) { sum, line in
                sum + line.split(separator: "\t").dropFirst().reduce(0.0) { $0 + abs(Double($1) ?? 0) }
            }
        }
        #expect(size(loose, "T=") > 1.5 * size(plain, "T="))
        #expect(TargetSentimentTrainer().penaltyScale == ["T": 0.3])
    }

    @Test func plainDecimalsAreReadAsFloatReadsThem() {
        func read(_ text: String) -> Float? {
            Array(text.utf8).withUnsafeBufferPointer { TargetSentimentModel.decimal($0) }
        }
        // Every value the trainer writes (three decimals), and forms it does not write.
        var samples = (-2500...2500).map { String(format: "%.3f", Double($0) / 1000) }
        samples += [
            "0", "12", "-0.000", "1.", ".5", "-3.001", "0.1234567", "123456.7", "16777215", "16777216.5",
            "0.0000000001", "1e-3", "+1.0", "1.2.3", "abc", "", "-", ".", "1 "
        ]
        for text in samples {
            let expected = Float(text)
            #expect(read(text) == expected, "\(text)")
            if let expected { #expect(read(text)?.sign == expected.sign, "\(text)") }
        }
    }

    @Test func aModelFileReadsAcrossCommentsBlankLinesAndCarriageReturns() throws {
        let text =
            "# \(TargetSentimentModel.format)\r\n# how it was trained\r\n\r\nintercept\t0.5\t-1\t0\r\nT=critics\t1.250\t0\t-1.250\r\n"
        let model = try TargetSentimentModel(text: text)
        #expect(model.intercepts == SIMD3(0.5, -1, 0))
        #expect(model.featureCount == 1)
        #expect(model.weights.weight(named: "T=critics") == SIMD3(1.25, 0, -1.25))
    }

    @Test func aModelFileReadsItsHiddenLayer() throws {
        let text = """
            # \(TargetSentimentModel.format)
            intercept\t0\t0\t0
            T=critics\t1\t0\t-1
            hidden\t0.5\t0
            output\tnegative\t1\t0
            output\tneutral\t0\t0
            output\tpositive\t0\t-2
            vector\tf=initial\t1.5\t-1
            vector\tT=critics\t0\t3

            """
        let model = try TargetSentimentModel(text: text)
        let network = try #require(model.network)
        #expect(model.featureCount == 1)
        var critics = SIMD16<Float>.zero
        critics[1] = 3
        #expect(network.vectors[FeatureHash.feature(named: "T=critics")] == critics)
        #expect(network.vectors[FeatureHash.feature(named: "f=final")] == .zero)
        // Units: tanh(0.5 + 1.5) and tanh(0 - 1); the negative class weighs the first, the positive the second by -2.
        let z = network.logits(network.activations(network.vectors[FeatureHash.feature(named: "f=initial")]))
        #expect(abs(z[0] - Float(tanh(2.0))) < 1e-4 && z[1] == 0 && abs(z[2] + 2 * Float(tanh(-1.0))) < 2e-4)
        // A file without those lines is a linear model.
        #expect(try TargetSentimentModel(text: "# \(TargetSentimentModel.format)\nintercept\t0\t0\t0\n").network == nil)
    }

    @Test func theHiddenUnitsTanhIsCloseToTanh() {
        for i in -2000...2000 {
            let x = Float(i) / 100
            #expect(abs(HiddenLayer.tanh(x) - Foundation.tanh(x)) < 1.5e-4, "\(x)")
        }
    }

    @Test func aMalformedHiddenLayerIsRefused() throws {
        let head = "# \(TargetSentimentModel.format)\nintercept\t0\t0\t0\n"
        let outputs = "output\tnegative\t1\noutput\tneutral\t0\noutput\tpositive\t0\n"
        #expect(
            try TargetSentimentModel(text: head + "hidden\t0\n" + outputs + "vector\tf=initial\t1\n").network != nil)
        // Scoring feeds the layer with flags and the target's words only.
        #expect(throws: AssayError.self) {
            try TargetSentimentModel(text: head + "hidden\t0\n" + outputs + "vector\tL1=the\t1\n")
        }
        // Lines of different widths, a missing class, more units than a SIMD16 holds.
        #expect(throws: AssayError.self) {
            try TargetSentimentModel(text: head + "hidden\t0\t0\n" + outputs)
        }
        #expect(throws: AssayError.self) {
            try TargetSentimentModel(text: head + "hidden\t0\noutput\tnegative\t1\noutput\tneutral\t0\n")
        }
        #expect(throws: AssayError.self) {
            try TargetSentimentModel(text: head + "hidden" + String(repeating: "\t0", count: 17) + "\n")
        }
    }

    @Test func aModelFileWithoutItsFormatLineIsRefused() {
        #expect(throws: AssayError.self) { try TargetSentimentModel(text: "intercept\t0\t0\t0\n") }
        #expect(throws: AssayError.self) {
            try TargetSentimentModel(text: "# \(TargetSentimentModel.format)\nf=x\t1\t2\n")
        }
    }
}
