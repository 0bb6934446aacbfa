import AssayCore
import Foundation

/// Learns the ``TargetSentimentModel`` from sentences with rated targets: a multinomial
/// logistic regression over the named features of each target's context, with the L2 strength
/// and two class offsets (which trade the three classes' recall for macro-F1) chosen by
/// cross-validation on the training data alone, folds by sentence. Deterministic: the same data
/// gives the same file, byte for byte.
struct TargetSentimentTrainer {
    var folds = 5
    var lambdaGrid: [Double] = [3, 10, 30]
    /// A feature must occur with this many training targets to get weights.
    var minimumCount = 3
    /// Decimals kept in the file; weights that round to zero are left out.
    var decimals = 3
    /// Feature templates to leave out (the part of a name before `=`, or `f=NAME` for a flag):
    /// for ablations, to see what each kind of feature is worth.
    var without: Set<String> = []
    /// The L2 strength of some templates' features relative to the others' (a template's name,
    /// or `f=NAME` for a flag). The target's own words are penalised less: a name or role word
    /// ("Obama", "critics", "protesters") says much about the tone toward it wherever it stands,
    /// and cross-validation (5 and 10 folds) preferred 0.3 to 1 for them.
    var penaltyScale: [String: Double] = ["T": 0.3]
    /// Rated sentences that the final model scores for the log only: nothing is fitted or
    /// chosen on them.
    var report: [RatedTargetSentence] = []
    /// The network beside the linear part (``SparseNetwork``: its hidden units, at most
    /// ``TargetSentimentModel/maximumHidden``, its step, dropout, L2 and seed). With 0 hidden
    /// units the linear model alone is fitted by L-BFGS, its L2 strength chosen from ``lambdaGrid``.
    var network = SparseNetwork()
    /// Name prefixes of the features that feed the hidden layer: the flags (lexicon hits by side
    /// and role, quotes, negation, the sentence's tone) and the target's own words, so that a
    /// name or role word can weigh its context. Giving vectors to the context words as well
    /// overfitted within two epochs.
    var embeddedTemplates = [Flag.prefix, WordTemplate.T.name + "="]
    /// The network's epoch counts to choose from by cross-validation.
    var epochGrid = [4, 6, 8, 10, 12]
    // Weights in the network's loss (the linear model alone, `hidden` 0, ignores them). None is
    // used by the bundled model: cross-validation found each worth at most what the seed moves,
    // but they stay for trying such trade-offs again.
    /// The weight of each target's other mentions (`corefs`) as extra training examples with the
    /// target's rating; 0 leaves them out. They are never scored in the cross-validation.
    var corefWeight = 0.0
    /// The weight of the targets of sentences with several.
    var severalWeight = 1.0
    /// Each class's weight (negative, neutral, positive).
    var classWeights = [1.0, 1.0, 1.0]

    /// One rated target as the trainer sees it: its named features and its label.
    struct Example {
        var features: [(name: String, value: Float)]
        var label: Int
        var sentence: Int
        /// The sentence model's label, the baseline the report compares with.
        var sentenceLabel: Int
        /// Another mention of a rated target (training only, never scored).
        var isCoref = false
    }

    /// Collects named features, summing repeats.
    struct NamedFeatures: TargetFeatureSink {
        var features: [(name: String, value: Float)] = []
        private var index: [String: Int] = [:]
        mutating func add(_ id: UInt64, _ value: Float, name: @autoclosure () -> String) {
            let n = name()
            if let i = index[n] {
                features[i].value += value
            } else {
                index[n] = features.count
                features.append((n, value))
            }
        }
    }

    /// The features of every rated target of `sentences`, read as the extractor reads them.
    static func examples(
        _ sentences: [RatedTargetSentence], sentenceModel: SentimentModel, corefs: Bool = false
    ) -> [Example] {
        var out: [Example] = []
        for (n, sentence) in sentences.enumerated() {
            var targets = sentence.targets.map { TargetSpan(start: $0.start, end: $0.end) }
            var rated = sentence.targets
            if corefs {
                for target in sentence.targets {
                    for c in target.corefs {
                        targets.append(TargetSpan(start: c.start, end: c.end))
                        rated.append(target)
                    }
                }
            }
            let document = AnalyzedDocument(Document(id: sentence.id, text: sentence.text, targets: targets))
            var scorer = TargetScorer(document: document, sentenceModel: sentenceModel, model: .empty)
            for (k, (target, span)) in zip(rated, document.targetSpans).enumerated() {
                guard let (context, tokens) = scorer.locate(span) else { continue }
                var sink = NamedFeatures()
                context.features(of: tokens, into: &sink)
                let p = context.sentence
                let sentenceLabel = p[0] > p[1] ? (p[0] > p[2] ? 0 : 2) : (p[1] >= p[2] ? 1 : 2)
                out.append(
                    Example(
                        features: sink.features, label: SentimentLabel.classIndex(target.label),
                        sentence: n, sentenceLabel: sentenceLabel, isCoref: k >= sentence.targets.count))
            }
        }
        return out
    }

    /// Fits the model and returns the model file's text.
    func train(
        _ sentences: [RatedTargetSentence], dataName: String, sentenceModel: SentimentModel,
        log: (String) -> Void
    ) -> String {
        let all = Self.examples(sentences, sentenceModel: sentenceModel, corefs: corefWeight > 0)
        let primary = all.indices.filter { !all[$0].isCoref }
        let examples = primary.map { all[$0] }
        log("\(examples.count) targets in \(sentences.count) sentences")
        if corefWeight > 0 { log("\(all.count - examples.count) other mentions, weight \(corefWeight)") }
        // The vocabulary: features seen with enough targets, in name order.
        var counts: [String: Int] = [:]
        for e in examples { for f in e.features { counts[f.name, default: 0] += 1 } }
        func excluded(_ name: String) -> Bool {
            guard !without.isEmpty else { return false }
            let template = name.split(separator: "=", maxSplits: 1).first.map(String.init) ?? name
            return without.contains(template) || without.contains(name)
                || without.contains { $0.hasSuffix("*") && name.hasPrefix($0.dropLast()) }
        }
        let names = counts.filter { $0.value >= minimumCount && !excluded($0.key) }.keys.sorted()
        let vocabulary = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let allRows = all.map { e in
            RidgeRegression.Row(
                dense: [],
                sparse: e.features.compactMap { f in vocabulary[f.name].map { ($0, Double(f.value)) } }
                    .sorted { $0.0 < $1.0 })
        }
        let rows = primary.map { allRows[$0] }
        let labels = examples.map(\.label)
        var targetsOf: [Int: Int] = [:]
        for e in examples { targetsOf[e.sentence, default: 0] += 1 }
        let weights = all.map { e in
            (e.isCoref ? corefWeight : 1) * (targetsOf[e.sentence]! > 1 ? severalWeight : 1) * classWeights[e.label]
        }
        let scales = names.map { name -> Double in
            if name.hasPrefix(Flag.prefix) { return penaltyScale[name] ?? 1 }
            return penaltyScale[name.split(separator: "=", maxSplits: 1).first.map(String.init) ?? name] ?? 1
        }
        log("\(names.count) features seen with at least \(minimumCount) targets")

        let selected =
            network.hidden > 0
            ? selectNetwork(
                allRows, all.map(\.label), all.map(\.sentence), primary: primary, weights: weights, names: names,
                penaltyScale: scales, log: log)
            : selectLinear(rows, labels, examples.map(\.sentence), names: names, penaltyScale: scales, log: log)
        let fit = selected.fit
        let offsets = selected.offsets
        let shifted = selected.heldOut.map { Self.argmax([$0[0] + offsets.negative, $0[1], $0[2] + offsets.positive]) }
        // The held-out figures by kind of sentence, stand-ins for the rw split (mostly one target)
        // and the mt split (several, whose targets differ in tone more often than a sentence's
        // tone says); of the latter, the sentences whose targets are not all rated alike.
        let alone = examples.indices.filter { targetsOf[examples[$0].sentence]! == 1 }
        let several = examples.indices.filter { targetsOf[examples[$0].sentence]! > 1 }
        var ratings: [Int: Set<Int>] = [:]
        for e in examples { ratings[e.sentence, default: []].insert(e.label) }
        let differing = several.filter { ratings[examples[$0].sentence]!.count > 1 }
        let sentenceBaseline = examples.map(\.sentenceLabel)
        let trainingF1 = Self.macroF1(rows.map { Self.argmax(fit.logits($0.sparse)) }, labels)

        var header = [
            "# " + TargetSentimentModel.format,
            "# trained by: assay train entity-sentiment --train \(dataName) (\(examples.count) targets, \(sentences.count) sentences)",
            "# features: seen with at least \(minimumCount) targets"
                + (without.isEmpty ? "" : ", without " + without.sorted().joined(separator: ","))
                + (penaltyScale.isEmpty
                    ? ""
                    : "; L2 scaled "
                        + penaltyScale.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }
                        .joined(separator: ", "))
                + "; \(folds)-fold cross-validation by sentence on the training data"
        ]
        var weighting: [String] = []
        if corefWeight > 0 { weighting.append("other mentions of a target ×\(corefWeight)") }
        if severalWeight != 1 { weighting.append("targets of sentences with several ×\(severalWeight)") }
        if classWeights != [1, 1, 1] {
            weighting.append("classes ×" + classWeights.map { "\($0)" }.joined(separator: ","))
        }
        if !weighting.isEmpty { header.append("# loss weights: " + weighting.joined(separator: "; ")) }
        header += selected.notes.map { "# " + $0 }
        /// The header line of the cross-validated figures on the targets `indices` only.
        func heldOut(_ indices: [Int], _ which: String) -> String {
            let predicted = indices.map { shifted[$0] }, gold = indices.map { labels[$0] }
            return "# cross-validated with offsets, the \(indices.count) \(which): "
                + String(
                    format: "macro-F1 %.3f, accuracy %.3f", Self.macroF1(predicted, gold),
                    Self.accuracy(predicted, gold))
        }
        header += [
            String(
                format: "# class offsets negative %+.1f, positive %+.1f (in the intercepts)", offsets.negative,
                offsets.positive),
            String(
                format: "# cross-validated with offsets: macro-F1 %.3f, accuracy %.3f", Self.macroF1(shifted, labels),
                Self.accuracy(shifted, labels)),
            heldOut(alone, "targets alone in their sentence"),
            heldOut(several, "targets of sentences with several"),
            heldOut(differing, "targets of sentences whose targets are rated differently"),
            String(
                format: "# baseline, the sentence model's label for every target: macro-F1 %.3f, accuracy %.3f",
                Self.macroF1(sentenceBaseline, labels), Self.accuracy(sentenceBaseline, labels)),
            String(format: "# training set (optimistic): macro-F1 %.3f", trainingF1)
        ]
        for line in header.dropFirst(3).suffix(7) { log(String(line.dropFirst(2))) }
        let format = "%.\(decimals)f"
        func number(_ v: Double) -> String {
            let s = String(format: format, v)
            return s.hasPrefix("-") && Double(s) == 0 ? String(s.dropFirst()) : s
        }
        var body = [
            "intercept\t"
                + [fit.intercepts[0] + offsets.negative, fit.intercepts[1], fit.intercepts[2] + offsets.positive]
                .map(number).joined(separator: "\t")
        ]
        var kept = 0
        for (k, name) in names.enumerated() {
            let w = (0..<3).map { number(fit.linear[k * 3 + $0]) }
            if w.allSatisfy({ Double($0) == 0 }) { continue }
            body.append(name + "\t" + w.joined(separator: "\t"))
            kept += 1
        }
        log("\(kept) features with a non-zero weight kept")
        if fit.hidden > 0 {
            // The hidden layer: its biases, each class's weights of the hidden units, and the vectors.
            let h = fit.hidden
            body.append((["hidden"] + fit.bias.map(number)).joined(separator: "\t"))
            for (c, label) in SentimentLabel.classes.enumerated() {
                body.append(
                    (["output", label] + (0..<h).map { number(fit.output[$0 * 3 + c]) }).joined(separator: "\t"))
            }
            var vectors = 0
            for (k, name) in names.enumerated() where fit.embedded[k] >= 0 {
                let row = Int(fit.embedded[k]) * h
                let v = fit.embedding[row..<row + h].map(number)
                if v.allSatisfy({ Double($0) == 0 }) { continue }
                body.append((["vector", name] + v).joined(separator: "\t"))
                vectors += 1
            }
            log("\(vectors) feature vectors of \(h) numbers kept")
        }
        let text = (header + body).joined(separator: "\n") + "\n"
        if !report.isEmpty, let written = try? TargetSentimentModel(text: text) {
            // Read through the file as written (its rounded weights), as the extractor reads it.
            var splits: [String: (gold: [String], predicted: [String])] = [:]
            for sentence in report {
                let targets = sentence.targets.map { TargetSpan(start: $0.start, end: $0.end) }
                let document = AnalyzedDocument(Document(id: sentence.id, text: sentence.text, targets: targets))
                var scorer = TargetScorer(document: document, sentenceModel: sentenceModel, model: written)
                for (target, span) in zip(sentence.targets, document.targetSpans) {
                    splits[sentence.split, default: ([], [])].gold.append(target.label)
                    splits[sentence.split, default: ([], [])].predicted.append(
                        scorer.score(span)?.label ?? SentimentLabel.neutral)
                }
            }
            for (split, s) in splits.sorted(by: { $0.key < $1.key }) {
                log(
                    String(
                        format: "report %@: macro-F1 %.3f, accuracy %.3f (%d targets)", split,
                        SentimentMetrics.macroF1(s.predicted, s.gold), SentimentMetrics.accuracy(s.predicted, s.gold),
                        s.gold.count))
            }
        }
        return text
    }

    /// A chosen model: its fit on all the training data, its held-out logits (from the folds),
    /// the class offsets chosen on them, and the log lines that say how it was chosen.
    private struct Selected {
        var fit: SparseNetwork.Fit
        var heldOut: [[Double]]
        var offsets: (negative: Double, positive: Double)
        var notes: [String]
    }

    /// The linear model alone: the L2 strength chosen from ``lambdaGrid`` by cross-validation.
    private func selectLinear(
        _ rows: [RidgeRegression.Row], _ labels: [Int], _ sentences: [Int], names: [String],
        penaltyScale scales: [Double],
        log: (String) -> Void
    ) -> Selected {
        var heldOut: [Double: [[Double]]] = [:]
        var notes: [String] = []
        var best = (lambda: lambdaGrid[0], f1: -1.0)
        for lambda in lambdaGrid {
            let logits = crossValidatedLogits(
                rows, labels, sentences, featureCount: names.count, lambda: lambda, penaltyScale: scales)
            heldOut[lambda] = logits
            let f1 = Self.macroF1(logits.map(Self.argmax), labels)
            let line = String(
                format: "lambda %g: cross-validated macro-F1 %.3f, accuracy %.3f", lambda, f1,
                Self.accuracy(logits.map(Self.argmax), labels))
            log(line)
            notes.append(line)
            if f1 > best.f1 { best = (lambda, f1) }
        }
        notes.append(String(format: "chosen lambda %g", best.lambda))
        let fit = fitModel(rows, labels, featureCount: names.count, lambda: best.lambda, penaltyScale: scales)
        let linear = (0..<names.count).flatMap { k in (0..<3).map { fit.sparse[$0][k] } }
        return Selected(
            fit: SparseNetwork.Fit(
                hidden: 0, intercepts: fit.intercepts, linear: linear,
                embedded: Array(repeating: -1, count: names.count), embedding: [], bias: [], output: []),
            heldOut: heldOut[best.lambda]!, offsets: Self.bestOffsets(heldOut[best.lambda]!, labels), notes: notes)
    }

    /// The linear part with a hidden layer (``SparseNetwork``) fed by the features of
    /// ``embeddedTemplates``: the number of epochs chosen from ``epochGrid`` by cross-validation.
    /// `rows` may hold examples that are trained on but never scored: only those of `primary`
    /// are, and the held-out logits are theirs, in that order.
    private func selectNetwork(
        _ rows: [RidgeRegression.Row], _ allLabels: [Int], _ sentences: [Int], primary: [Int], weights: [Double],
        names: [String], penaltyScale scales: [Double],
        log: (String) -> Void
    ) -> Selected {
        let labels = primary.map { allLabels[$0] }
        var embedded = [Int32](repeating: -1, count: names.count)
        var next: Int32 = 0
        for (k, name) in names.enumerated() where embeddedTemplates.contains(where: { name.hasPrefix($0) }) {
            embedded[k] = next
            next += 1
        }
        log("\(next) of them with a vector of \(network.hidden)")
        let network = self.network
        let epochs = epochGrid, vectors = embedded
        // One run per fold gives the held-out logits after each epoch count of the grid.
        let foldOf = sentences.map { $0 % folds }
        let results = FoldResults(folds)
        DispatchQueue.concurrentPerform(iterations: folds) { fold in
            let train = rows.indices.filter { foldOf[$0] != fold }
            let fits = network.fit(
                SparseNetwork.Rows(rows, examples: train), train.map { allLabels[$0] }, featureCount: names.count,
                penaltyScale: scales, embedded: vectors, epochs: epochs, weights: train.map { weights[$0] })
            var out: [Int: [Double]] = [:]
            for i in rows.indices where foldOf[i] == fold { out[i] = fits.flatMap { $0.logits(rows[i].sparse) } }
            results.set(fold, out)
        }
        var notes = [
            String(
                format:
                    "network: %d hidden units (tanh) fed by the features %@; Adagrad step %g, dropout %g, L2 %g, seed %d",
                network.hidden, embeddedTemplates.joined(separator: " "), network.rate, network.dropout, network.lambda,
                network.seed)
        ]
        var best = (epochs: epochs[0], f1: -1.0, logits: [[Double]]())
        for (m, count) in epochs.enumerated() {
            let logits = primary.map { Array(results.logits[foldOf[$0]][$0]![(m * 3)..<(m * 3 + 3)]) }
            let predicted = logits.map(Self.argmax)
            let f1 = Self.macroF1(predicted, labels)
            let line = String(
                format: "%d epochs: cross-validated macro-F1 %.3f, accuracy %.3f", count, f1,
                Self.accuracy(predicted, labels))
            log(line)
            notes.append(line)
            if f1 > best.f1 { best = (count, f1, logits) }
        }
        notes.append("chosen \(best.epochs) epochs")
        let fit = network.fit(
            SparseNetwork.Rows(rows, examples: Array(rows.indices)), allLabels, featureCount: names.count,
            penaltyScale: scales, embedded: embedded, epochs: [best.epochs], weights: weights)[0]
        return Selected(fit: fit, heldOut: best.logits, offsets: Self.bestOffsets(best.logits, labels), notes: notes)
    }

    /// The offsets added to the negative and positive logits that give the best macro-F1 (rather
    /// than accuracy) on held-out logits.
    static func bestOffsets(_ logits: [[Double]], _ labels: [Int]) -> (negative: Double, positive: Double) {
        var offsets = (negative: 0.0, positive: 0.0, f1: macroF1(logits.map(argmax), labels))
        for i in -10...10 {
            for j in -10...10 {
                let n = Double(i) / 10, p = Double(j) / 10
                let f1 = macroF1(logits.map { argmax([$0[0] + n, $0[1], $0[2] + p]) }, labels)
                if f1 > offsets.f1 + 1e-12 { offsets = (n, p, f1) }
            }
        }
        return (offsets.negative, offsets.positive)
    }

    /// One fit, with the L2 strength of each feature scaled as ``penaltyScale`` says.
    private func fitModel(
        _ rows: [RidgeRegression.Row], _ labels: [Int], featureCount: Int, lambda: Double, penaltyScale: [Double]
    ) -> SoftmaxRegression.Fit {
        SoftmaxRegression.fit(
            rows, labels, classCount: 3, denseCount: 0, sparseCount: featureCount, denseLambda: 0, sparseLambda: lambda,
            sparsePenaltyScale: penaltyScale)
    }

    /// Held-out logits of every example, each from a model fitted on the other folds.
    private func crossValidatedLogits(
        _ rows: [RidgeRegression.Row], _ labels: [Int], _ sentences: [Int], featureCount: Int,
        lambda: Double, penaltyScale: [Double]
    ) -> [[Double]] {
        let foldOf = sentences.map { $0 % folds }
        let results = FoldResults(folds)
        // Folds are independent: fitted side by side, each writing only its own slot.
        DispatchQueue.concurrentPerform(iterations: folds) { fold in
            let train = rows.indices.filter { foldOf[$0] != fold }
            let fit = fitModel(
                train.map { rows[$0] }, train.map { labels[$0] }, featureCount: featureCount, lambda: lambda,
                penaltyScale: penaltyScale)
            var out: [Int: [Double]] = [:]
            for i in rows.indices where foldOf[i] == fold { out[i] = Self.logits(fit, rows[i]) }
            results.set(fold, out)
        }
        return rows.indices.map { results.logits[foldOf[$0]][$0]! }
    }

    /// Each fold's held-out logits, written from the fold's own thread.
    private final class FoldResults: @unchecked Sendable {
        private(set) var logits: [[Int: [Double]]]
        private let lock = NSLock()
        init(_ folds: Int) { logits = Array(repeating: [:], count: folds) }
        func set(_ fold: Int, _ value: [Int: [Double]]) {
            lock.lock()
            logits[fold] = value
            lock.unlock()
        }
    }

    static func logits(_ fit: SoftmaxRegression.Fit, _ row: RidgeRegression.Row) -> [Double] {
        (0..<3).map { c in row.sparse.reduce(fit.intercepts[c]) { $0 + fit.sparse[c][$1.0] * $1.1 } }
    }

    static func argmax(_ z: [Double]) -> Int { z[0] > z[1] ? (z[0] > z[2] ? 0 : 2) : (z[1] >= z[2] ? 1 : 2) }

    static func macroF1(_ predicted: [Int], _ gold: [Int]) -> Double {
        SentimentMetrics.macroF1(predicted.map { SentimentLabel.classes[$0] }, gold.map { SentimentLabel.classes[$0] })
    }

    static func accuracy(_ predicted: [Int], _ gold: [Int]) -> Double {
        SentimentMetrics.accuracy(predicted.map { SentimentLabel.classes[$0] }, gold.map { SentimentLabel.classes[$0] })
    }
}
