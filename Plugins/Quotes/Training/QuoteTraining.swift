import AssayCore
import Foundation

/// `assay train quotes --train FILE [--out FILE] [--epochs N] [--folds N]`: learns the speaker
/// ranker from annotated JSON Lines (the format `assay eval quotes` reads). Each marked quote the
/// extractor finds that overlaps an annotated one is an instance; its right candidates are those
/// that overlap the annotated speaker mention (no one, when the annotation names no speaker; the
/// mention beside it when the annotation gave "said" or "who" as the mention).
///
/// `--folds N` first measures how the ranker does on documents it was not trained on: the
/// documents are split by line number modulo N, and each part is scored as `assay eval quotes`
/// scores it with a model trained on the others; `--errors N` then lists the held-out speaker
/// errors by cause, as `assay eval quotes --errors N` does (error analysis on training data, not dev).
enum QuoteTraining {
    static let tool = ExtractorTool(
        kind: .train, name: "quotes",
        summary: "Train the speaker ranker on annotated quotes (JSON Lines) and write its model file",
        usage: "--train FILE [--out FILE] [--epochs N] [--folds N [--errors N]]"
    ) { arguments, registry, output in
        let args = try ToolArguments(arguments, known: ["train", "out", "epochs", "folds", "errors"])
        var trainer = SpeakerTrainer()
        if let n = try args.integer("epochs", in: 1...100) { trainer.epochs = n }
        let folds = try args.integer("folds", in: 2...20)
        let showErrors = try args.integer("errors", in: 0...) ?? 0
        let out = args.options["out"]
        if out == nil, folds == nil {
            throw AssayError(.invalidArgument, "missing required option '--out' (or '--folds N' to measure only)")
        }
        let records = try AnnotatedRecords.read(try args.required("train"))
        let entities = try ExtractionPlan([.init("entities")], registry: registry)
        var documents: [TrainingDocument] = []
        documents.reserveCapacity(records.count)
        for record in records {
            let document = AnalyzedDocument(Document(id: record.id, text: record.text))
            let gold = (record.object["quotes"] as? [[String: Any]] ?? []).compactMap { GoldQuote($0, document) }
            let analyzer = QuoteAnalyzer(
                document: document, entityAnnotations: try entities.run(document)["entities"] ?? [])
            var instances: [SpeakerTrainer.Instance] = []
            var unreachable = 0
            _ = analyzer.quotes(model: nil) { quote, candidates in
                guard let instance = Self.instance(quote, candidates, gold: gold, reader: analyzer.reader) else {
                    return
                }
                if instance.isRight.contains(true) { instances.append(instance) } else { unreachable += 1 }
            }
            // The analysed documents are kept only to be scored again by the folds' models.
            documents.append(
                TrainingDocument(
                    analyzer: folds == nil ? nil : analyzer, gold: gold, instances: instances, unreachable: unreachable
                ))
        }
        let instances = documents.flatMap(\.instances)
        output(
            "\(records.count) documents: \(instances.count) quotes to learn from, \(documents.reduce(0) { $0 + $1.unreachable }) whose annotated speaker is out of reach"
        )
        if let folds {
            crossValidate(documents, folds: folds, trainer: trainer, showErrors: showErrors, output: output)
        }
        guard let out else { return }
        let model = trainer.train(instances, log: output)
        let text = model.encoded()
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw AssayError(.writeFailed, "cannot write '\(out)': \(error.localizedDescription)")
        }
        let right = instances.filter { $0.isRight[SpeakerTrainer.best($0.candidates.map(model.score), rule: $0.rule)] }
            .count
        let ruleRight = instances.filter { x in x.rule.map { x.isRight[$0] } ?? false }.count
        output("wrote \(out) (\(model.weights.filter { $0 != 0 }.count) weights, \(text.utf8.count) bytes)")
        output(
            "training quotes read from a right mention: model \(right), hand rules \(ruleRight) of \(instances.count)")
    }

    /// One annotated document, analysed once: its quotes' instances and what scoring needs.
    private struct TrainingDocument {
        /// Nil when no folds are measured.
        var analyzer: QuoteAnalyzer?
        var gold: [GoldQuote]
        var instances: [SpeakerTrainer.Instance]
        var unreachable: Int
    }

    /// Scores each of `folds` parts of the documents (by index modulo `folds`) with a model
    /// trained on the others, as `assay eval quotes` would, and prints each part's figures and their sum.
    private static func crossValidate(
        _ documents: [TrainingDocument], folds: Int, trainer: SpeakerTrainer, showErrors: Int,
        output: (String) -> Void
    ) {
        var total = QuoteScore()
        var log = SpeakerErrorLog(limit: showErrors)
        for fold in 0..<folds {
            let training = documents.indices.filter { $0 % folds != fold }.flatMap { documents[$0].instances }
            let model = trainer.train(training) { _ in }
            var score = QuoteScore()
            for k in documents.indices where k % folds == fold {
                let d = documents[k]
                guard let analyzer = d.analyzer else { continue }
                let document = analyzer.reader.document
                let predicted = QuoteExtractor.annotations(
                    of: analyzer, model: model, in: Span(0, document.text.utf8.count)
                ).map { PredictedQuote($0, document) }
                score.add(gold: d.gold, predicted: predicted)
                log.add(gold: d.gold, predicted: predicted, document: document.id, to: &total)
            }
            output("fold \(fold + 1)/\(folds): \(score.speakerSummary)")
        }
        output("held-out folds: \(total.speakerSummary)")
        if showErrors > 0 { log.report(total, output: output) }
    }

    /// The instance of one found quote: nil when it overlaps no annotated quote.
    static func instance(_ quote: FoundQuote, _ candidates: [SpeakerCandidate], gold: [GoldQuote], reader: TokenReader)
        -> SpeakerTrainer.Instance?
    {
        let span = Span(quote.pieces[0].start, quote.pieces[quote.pieces.count - 1].end)
        let overlapping = gold.filter { $0.span.overlaps(span) }
        guard let g = overlapping.max(by: { overlap($0.span, span) < overlap($1.span, span) }) else { return nil }
        var right: [Bool]
        if g.speaker == nil || g.speakerSpan == nil {
            right = candidates.map { $0.kind == .nobody }
        } else {
            let mention = reader.document.tokenRange(in: g.speakerSpan!)
            right = candidates.map { c in c.tokens.map { !mention.isEmpty && $0.overlaps(mention) } ?? false }
            // An annotated "said" or "who" is no candidate: the mention beside it, which
            // `assay eval quotes` counts as right, is what to learn.
            if !right.contains(true), let pointer = g.pointerNeighbourhood {
                right = candidates.map { c in c.tokens.map { reader.span($0).overlaps(pointer) } ?? false }
            }
            // Of several candidates inside one annotated mention ("House Speaker Paul Ryan"),
            // the person is who speaks.
            let preference: [SpeakerCandidate.Kind] = [
                .person, .name, .he, .she, .organisation, .they, .we, .it, .description, .group, .place, .plural
            ]
            if let kind = preference.first(where: { k in
                candidates.indices.contains { right[$0] && candidates[$0].kind == k }
            }) {
                right = candidates.indices.map { right[$0] && candidates[$0].kind == kind }
            }
        }
        return SpeakerTrainer.Instance(
            candidates: candidates.map(\.features), isRight: right,
            rule: candidates.firstIndex(where: \.isRuleChoice))
    }

    private static func overlap(_ a: Span, _ b: Span) -> Int { max(0, min(a.end, b.end) - max(a.start, b.start)) }
}
