import AssayCore
import Foundation

/// Trains the tagger as an averaged structured perceptron (Collins 2002): decode each sentence
/// with the current weights, and where the best path differs from the gold one, add the gold
/// path's features and subtract the predicted path's. The average of the weights over all steps
/// is the model; it generalises much better than the last weights.
///
/// The documents are made ready once (``generalExamples(_:aligner:)``,
/// ``inDomainExamples(_:aligner:)``, ``devExamples(_:)``), so that several models, such as
/// those of cross-validation folds, can be fitted from them.
///
/// Deterministic: sentences are shuffled by a fixed-seed generator, and nothing else is random.
struct PerceptronTrainer {
    struct Options {
        var epochs = 12
        var bucketBits = 20
        var seed: UInt64 = 2003
        /// The share of each training document's names replaced in its name-replaced copy
        /// (see ``MentionReplacer``); 0 makes no such copies.
        var replaceShare = 0.2
        /// The share of datelines written as current wire copy writes them in those copies
        /// (see ``DatelineRewriter``).
        var datelineShare = 0.5
        /// Runs from differently shuffled data (seeds `seed`, `seed + 1`, ...) whose best models
        /// are averaged into the one returned.
        var runs = 4
        /// Whether in-domain documents also train their own copy of every feature (Daumé's
        /// "frustratingly easy" domain adaptation), added to the shared weights in the model
        /// returned, so that tagging costs the same.
        var domainFeatures = false
        /// The share of names replaced in the in-domain documents' copies after the first
        /// (see ``MentionReplacer``); 0 makes the copies all alike.
        var inDomainReplaceShare = 0.0
    }

    /// One document ready for training: its units, features and gold tags.
    struct Example {
        fileprivate var units: TaggingUnits
        fileprivate var features: FeatureExtractor.Features
        fileprivate var gold: [Int]
        /// Whether the document also trains the in-domain copy of its features.
        fileprivate var inDomain = false
    }

    /// One document ready for the dev score after each epoch: what the extractor makes
    /// mentions from, and the gold.
    struct DevExample {
        fileprivate var document: AnalyzedDocument
        fileprivate var units: TaggingUnits
        fileprivate var profiles: [UnitProfile]
        fileprivate var casing: DocumentCasing
        fileprivate var features: FeatureExtractor.Features
        fileprivate var gold: [GoldEntity]
    }

    let options: Options
    let extractor: FeatureExtractor
    /// Turns tags into mentions for the dev score, as the shipped extractor does.
    let boundaries: MentionBoundaries
    /// The gazetteer's sections, whose lists give replacement names.
    let sections: [String: [String]]
    private var weights: [Float]
    /// Sum over steps of each update times the step it was made at, for lazy averaging.
    private var stamped: [Float]
    private var transitions: [Float]
    private var stampedTransitions: [Float]
    private var step: Float = 1

    init(options: Options, boundaries: MentionBoundaries, sections: [String: [String]], clusters: WordClusters) {
        self.options = options
        self.boundaries = boundaries
        self.sections = sections
        extractor = FeatureExtractor(
            gazetteer: boundaries.gazetteer, clusters: clusters, bucketBits: options.bucketBits)
        let n = (1 << options.bucketBits) * BILOU.count * (options.domainFeatures ? 2 : 1)
        weights = [Float](repeating: 0, count: n)
        stamped = [Float](repeating: 0, count: n)
        transitions = [Float](repeating: 0, count: BILOU.count * BILOU.count)
        stampedTransitions = transitions
    }

    /// The training documents ready for training, with the copies made of them: headline-cased,
    /// and (unless both shares are 0) names replaced and datelines rewritten.
    func generalExamples(_ train: AnnotatedCorpus, aligner: inout GoldAligner) -> [Example] {
        var examples: [Example] = []
        for (doc, gold) in train.documents {
            let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
            let f = extractor.extract(units, profiles: extractor.profiles(doc, units))
            examples.append(Example(units: units, features: f, gold: aligner.tags(doc, units, gold)))
        }
        // Headline-cased copies: the training news has all-caps headlines but almost no
        // title-case ones ("Xi, Putin Hold Talks In Moscow"), where capitals say little.
        var augmentRNG = SeededRandomGenerator(seed: options.seed ^ 0xA5A5)
        for (doc, gold) in train.documents {
            let text = HeadlineCaser.recase(doc.text, using: &augmentRNG)
            let copy = AnalyzedDocument(Document(id: doc.id + "-recased", text: text))
            let units = TaggingUnits(copy, sentences: 0..<copy.sentences.count)
            let f = extractor.extract(units, profiles: extractor.profiles(copy, units))
            examples.append(Example(units: units, features: f, gold: aligner.tags(copy, units, gold)))
        }
        // Copies that read like today's news: names the training news never had, read from
        // their contexts, and datelines as current wire copy writes them.
        if options.replaceShare > 0 || options.datelineShare > 0 {
            let replacer = MentionReplacer(train, sections: sections, share: options.replaceShare)
            var replaceRNG = SeededRandomGenerator(seed: options.seed ^ 0x5A5A)
            for (doc, gold) in train.documents {
                let replaced = replacer.replaced(doc, gold: gold, using: &replaceRNG)
                let (copy, copyGold) = DatelineRewriter.rewrite(
                    replaced.document, gold: replaced.gold, share: options.datelineShare, using: &replaceRNG)
                let units = TaggingUnits(copy, sentences: 0..<copy.sentences.count)
                let f = extractor.extract(units, profiles: extractor.profiles(copy, units))
                examples.append(Example(units: units, features: f, gold: aligner.tags(copy, units, copyGold)))
            }
        }
        return examples
    }

    /// Annotated documents of the news the tagger is for, in document order, `copies` examples
    /// each: the document as it is, then copies whose names are replaced (if
    /// `options.inDomainReplaceShare` is above 0, with names from `train` and the gazetteer's
    /// lists) or as it is again.
    func inDomainExamples(
        _ corpus: AnnotatedCorpus, copies: Int, train: AnnotatedCorpus, aligner: inout GoldAligner
    ) -> [[Example]] {
        let replacer = MentionReplacer(train, sections: sections, share: options.inDomainReplaceShare)
        var rng = SeededRandomGenerator(seed: options.seed ^ 0x3C3C)
        return corpus.documents.map { (doc, gold) in
            var examples: [Example] = []
            for copy in 0..<copies {
                if copy > 0, options.inDomainReplaceShare == 0 {
                    examples.append(examples[0])
                    continue
                }
                let (d, g) = copy == 0 ? (doc, gold) : replacer.replaced(doc, gold: gold, using: &rng)
                let units = TaggingUnits(d, sentences: 0..<d.sentences.count)
                let f = extractor.extract(units, profiles: extractor.profiles(d, units))
                examples.append(
                    Example(
                        units: units, features: f, gold: aligner.tags(d, units, g), inDomain: options.domainFeatures))
            }
            return examples
        }
    }

    /// The dev documents ready for the score after each epoch.
    func devExamples(_ dev: AnnotatedCorpus) -> [DevExample] {
        dev.documents.map { (doc, gold) in
            let units = TaggingUnits(doc, sentences: 0..<doc.sentences.count)
            let profiles = extractor.profiles(doc, units)
            let casing = extractor.casing(units, profiles: profiles)
            return DevExample(
                document: doc, units: units, profiles: profiles, casing: casing,
                features: extractor.extract(units, profiles: profiles, casing: casing), gold: gold)
        }
    }

    /// Trains on `examples` (`options.runs` runs of `options.epochs` epochs, each run's epoch
    /// with the best F1 on `devExamples` kept) and returns the average of the runs' models.
    mutating func fit(_ examples: [Example], dev devExamples: [DevExample], log: (String) -> Void) -> TaggerModel {
        let featureCount = examples.reduce(0) { $0 + $1.features.indices.count }
        log(
            "training on \(examples.count) documents, \(examples.reduce(0) { $0 + $1.units.count }) units, \(featureCount) feature instances"
        )

        var initialOrder: [(Int, Int)] = []  // (example, sentence)
        for (e, ex) in examples.enumerated() { for s in ex.units.sentences.indices { initialOrder.append((e, s)) } }
        // Several runs over differently shuffled data, their best models averaged: one linear
        // model (no cost when tagging) that depends much less on one shuffle's luck.
        var summed: (weights: [Float], transitions: [Float])?
        for run in 0..<options.runs {
            if options.runs > 1 { log("run \(run + 1) of \(options.runs)") }
            reset()
            var order = initialOrder
            var rng = SeededRandomGenerator(seed: options.seed &+ UInt64(run))
            let best = trainRun(examples, order: &order, rng: &rng, dev: devExamples, log: log)
            if var s = summed {
                for k in s.weights.indices { s.weights[k] += best.weights[k] }
                for k in s.transitions.indices { s.transitions[k] += best.transitions[k] }
                summed = s
            } else {
                summed = best
            }
        }
        let runs = Float(options.runs)
        let weights = summed!.weights.map { $0 / runs }, transitions = summed!.transitions.map { $0 / runs }
        if options.runs > 1 {
            let f1 = devF1(devExamples, weights: weights, transitions: transitions)
            log(String(format: "average of %d runs: dev F1 %.4f (P %.4f R %.4f)", options.runs, f1.f1, f1.p, f1.r))
        }
        return TaggerModel(
            bucketBits: options.bucketBits, featureVersion: FeatureExtractor.version,
            floatWeights: weights, transitions: transitions)
    }

    /// Zero weights and step, for a new run.
    private mutating func reset() {
        for k in weights.indices {
            weights[k] = 0
            stamped[k] = 0
        }
        for k in transitions.indices {
            transitions[k] = 0
            stampedTransitions[k] = 0
        }
        step = 1
    }

    /// One run of `options.epochs` epochs; the averaged weights of the epoch with the best dev F1.
    private mutating func trainRun<R: RandomNumberGenerator>(
        _ examples: [Example], order: inout [(Int, Int)], rng: inout R, dev devExamples: [DevExample],
        log: (String) -> Void
    ) -> (weights: [Float], transitions: [Float]) {
        var best: (f1: Double, epoch: Int, weights: [Float], transitions: [Float])?
        var emissions: [Float] = []
        var predicted: [Int] = []
        var scratch = Viterbi.Scratch()
        for epoch in 1...options.epochs {
            let started = Date()
            order.shuffle(using: &rng)
            var mistakes = 0
            for (e, s) in order {
                let ex = examples[e]
                let range = ex.units.sentences[s]
                score(ex.features, range, into: &emissions, inDomain: ex.inDomain)
                emissions.withUnsafeBufferPointer {
                    Viterbi(transitions: transitions).decode(
                        $0, count: range.count, tags: &predicted, scratch: &scratch)
                }
                let gold = ex.gold[range]
                if !predicted.elementsEqual(gold) {
                    mistakes += 1
                    update(ex.features, range, gold: Array(gold), predicted: predicted, inDomain: ex.inDomain)
                }
                step += 1
            }
            let (avgWeights, avgTransitions) = averaged()
            let f1 = devF1(devExamples, weights: avgWeights, transitions: avgTransitions)
            log(
                String(
                    format: "epoch %2d: %5d sentences wrong of %d, dev F1 %.4f (P %.4f R %.4f), %.1f s", epoch,
                    mistakes, order.count, f1.f1, f1.p, f1.r, Date().timeIntervalSince(started)))
            if best == nil || f1.f1 > best!.f1 { best = (f1.f1, epoch, avgWeights, avgTransitions) }
        }
        log(String(format: "best epoch %d (dev F1 %.4f)", best!.epoch, best!.f1))
        return (best!.weights, best!.transitions)
    }

    /// Exact-span F1, precision and recall on the dev documents, mentions made as the
    /// extractor makes them.
    private func devF1(_ devExamples: [DevExample], weights: [Float], transitions: [Float]) -> (
        f1: Double, p: Double, r: Double
    ) {
        var scorer = SpanScorer()
        for d in devExamples {
            let tags = decode(d.features, d.units, weights: weights, transitions: transitions)
            scorer.add(
                predicted: boundaries.mentions(
                    tags: tags, units: d.units, profiles: d.profiles, casing: d.casing, utf8: d.document.utf8
                ).map { GoldEntity(span: $0.span, label: $0.label) },
                gold: d.gold)
        }
        return (scorer.overall.f1, scorer.overall.precision, scorer.overall.recall)
    }

    /// Where the in-domain copies of the features' weights start in `weights`.
    private var domainOffset: Int { (1 << options.bucketBits) * BILOU.count }

    /// The emission scores of the units in `range`: under `w` if given, else under the weights
    /// being trained (with their in-domain copies too if `inDomain`).
    private func score(
        _ f: FeatureExtractor.Features, _ range: Range<Int>, into e: inout [Float], weights w: [Float]? = nil,
        inDomain: Bool = false
    ) {
        let T = BILOU.count
        // The shared weights, then (in-domain) their in-domain copy: no array made per sentence.
        let copies = inDomain ? 2 : 1
        e = [Float](repeating: 0, count: range.count * T)
        (w ?? weights).withUnsafeBufferPointer { wb in
            for (k, i) in range.enumerated() {
                for j in f.of(i) {
                    for copy in 0..<copies {
                        let base = Int(f.indices[j]) * T + copy * domainOffset
                        for t in 0..<T { e[k * T + t] += wb[base + t] }
                    }
                }
            }
        }
    }

    private func decode(
        _ f: FeatureExtractor.Features, _ units: TaggingUnits, weights w: [Float], transitions tr: [Float]
    ) -> [Int] {
        var out = [Int](repeating: 0, count: units.count)
        var e: [Float] = [], tags: [Int] = [], scratch = Viterbi.Scratch()
        let viterbi = Viterbi(transitions: tr)
        for s in units.sentences {
            score(f, s, into: &e, weights: w)
            e.withUnsafeBufferPointer { viterbi.decode($0, count: s.count, tags: &tags, scratch: &scratch) }
            for (k, i) in s.enumerated() { out[i] = tags[k] }
        }
        return out
    }

    private mutating func update(
        _ f: FeatureExtractor.Features, _ range: Range<Int>, gold: [Int], predicted: [Int], inDomain: Bool
    ) {
        let T = BILOU.count
        let c = step
        // The shared weights, then (in-domain) their in-domain copy: no array made per sentence.
        let copies = inDomain ? 2 : 1
        for (k, i) in range.enumerated() {
            let g = gold[k], p = predicted[k]
            let prevG = k > 0 ? gold[k - 1] : -1, prevP = k > 0 ? predicted[k - 1] : -1
            if g != p {
                for j in f.of(i) {
                    for copy in 0..<copies {
                        let base = Int(f.indices[j]) * T + copy * domainOffset
                        weights[base + g] += 1
                        stamped[base + g] += c
                        weights[base + p] -= 1
                        stamped[base + p] -= c
                    }
                }
            }
            if k > 0, g != p || prevG != prevP {
                transitions[prevG * T + g] += 1
                stampedTransitions[prevG * T + g] += c
                transitions[prevP * T + p] -= 1
                stampedTransitions[prevP * T + p] -= c
            }
        }
    }

    /// The weights averaged over every step so far: w - stamped / step, with the in-domain
    /// copies, if any, added to the shared weights (the model tags all text as in-domain).
    private func averaged() -> ([Float], [Float]) {
        var w = zip(weights, stamped).map { $0 - $1 / step }
        if options.domainFeatures {
            let n = domainOffset
            for k in 0..<n { w[k] += w[n + k] }
            w.removeLast(n)
        }
        let t = zip(transitions, stampedTransitions).map { $0 - $1 / step }
        return (w, t)
    }
}
