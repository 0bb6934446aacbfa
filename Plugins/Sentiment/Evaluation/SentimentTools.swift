import AssayCore
import Foundation

/// The command-line tools of the sentiment plugin.
enum SentimentTools {
    /// `assay eval sentiment FILE`: the model and the VADER baseline side by side on rated text.
    static let evaluate = ExtractorTool(
        kind: .evaluate, name: "sentiment",
        summary: "Pearson/Spearman with human scores, 3-class accuracy and macro-F1, next to VADER",
        usage: "FILE"
    ) { arguments, _, output in
        let args = try ToolArguments(arguments, known: [])
        guard args.positionals.count == 1 else {
            throw AssayError(
                .invalidArgument, "usage: assay eval sentiment FILE (JSON Lines with \"text\" and \"score\")")
        }
        let path = args.positionals[0]
        let report = SentimentEvaluation(items: try RatedSentence.load(path), model: .bundled, vader: .bundled).run()
        output(report.render(title: path))
        // Scoring the file the model was fitted on is optimistic; the honest estimate is the
        // nested cross-validation recorded when it was trained.
        if let r = SentimentModel.bundled.file.report {
            output(
                SentimentEvaluation.Report(
                    rows: [
                        ("model, nested CV (held-out folds)", r.crossValidated),
                        ("  same scores, labels by thresholds", r.crossValidatedThresholdLabels),
                        ("VADER baseline", r.vader)
                    ], count: r.sentences
                ).render(
                    title:
                        "bundled model, as trained on \(r.data) (\(r.sentences) sentences, \(r.folds)-fold CV by document):"
                ))
        }
    }

    /// `assay eval entity-sentiment FILE`: the tone toward rated targets, per split.
    static let evaluateTargets = ExtractorTool(
        kind: .evaluate, name: "entity-sentiment",
        summary:
            "Tone toward rated people and groups (targets), per split: macro-F1 and accuracy next to the sentence-label baseline",
        usage: "FILE"
    ) { arguments, registry, output in
        let args = try ToolArguments(arguments, known: [])
        guard args.positionals.count == 1 else {
            throw AssayError(
                .invalidArgument,
                "usage: assay eval entity-sentiment FILE (JSON Lines with \"text\", \"split\" and \"targets\": [{\"start\", \"end\", \"polarity\"}])"
            )
        }
        let path = args.positionals[0]
        let sentences = try RatedTargetSentence.load(path)
        let plan = try ExtractionPlan([.init(SentimentExtractor.descriptor.name)], registry: registry)
        let splits = try TargetSentimentEvaluation(sentences: sentences, plan: plan).run()
        output(
            TargetSentimentEvaluation.render(
                splits,
                title:
                    "\(path): \(sentences.count) sentences, read through the batch contract (\"targets\" in, \"scope\": \"target\" out)"
            ))
    }

    /// `assay train sentiment-lexicon --out FILE`: compiles the lexicon's text resources into the
    /// file the model loads (``CompiledLexicon``).
    static let compileLexicon = ExtractorTool(
        kind: .train, name: "sentiment-lexicon",
        summary:
            "Compile the sentiment lexicon (VADER's file, the news vocabulary, inflections, rule words) into the file the model loads",
        usage: "--out FILE [--vader FILE] [--news FILE]"
    ) { arguments, _, output in
        let args = try ToolArguments(arguments, known: ["out", "vader", "news"])
        let out = try args.required("out")
        func text(_ option: String, default name: String) throws -> String {
            guard let path = args.options[option] else { return try ResourceFile.text(name) }
            do {
                return try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw AssayError(.fileNotFound, "cannot read \(path): \(error.localizedDescription)")
            }
        }
        let entries = try SentimentLexicon.entries(
            vader: text("vader", default: "vader_lexicon.txt"), news: text("news", default: "news_lexicon.tsv"))
        do {
            try CompiledLexicon.render(entries).write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw AssayError(.writeFailed, "cannot write \(out): \(error.localizedDescription)")
        }
        output("wrote \(out) (\(entries.count) entries)")
    }

    /// `assay train sentiment --data FILE --out FILE`: refits the model file.
    static let train = ExtractorTool(
        kind: .train, name: "sentiment",
        summary: "Fit the sentiment model on rated sentences (ridge score, softmax label, nested CV by document)",
        usage: "--data FILE --out FILE [--folds N]"
    ) { arguments, _, output in
        let args = try ToolArguments(arguments, known: ["data", "out", "folds"])
        let data = try args.required("data"), out = try args.required("out")
        var trainer = SentimentTrainer()
        if let n = try args.integer("folds", in: 3...) { trainer.folds = n }
        let sentences = try RatedSentence.load(data)
        let engine = RuleEngine(lexicon: SentimentLexicon.bundled)
        let file = trainer.train(
            sentences, dataName: URL(fileURLWithPath: data).lastPathComponent,
            engine: engine, vader: .bundled, log: output)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(file).write(to: URL(fileURLWithPath: out))
        } catch {
            throw AssayError(.writeFailed, "cannot write \(out): \(error.localizedDescription)")
        }
        if let r = file.report {
            output(
                SentimentEvaluation.Report(
                    rows: [
                        ("model, nested CV (held-out folds)", r.crossValidated),
                        ("  same scores, labels by thresholds", r.crossValidatedThresholdLabels),
                        ("model, training set (optimistic)", r.trainingSet),
                        ("VADER baseline", r.vader)
                    ], count: r.sentences
                ).render(
                    title:
                        "\(r.data): \(r.sentences) sentences, \(r.documents) documents, \(r.folds)-fold CV by document")
            )
        }
        output("wrote \(out) (\(file.ngrams.count) word weights, lambda \(file.lambda))")
    }
}

/// Scores rated sentences (or documents) with the model and with VADER and compares both to
/// the human scores.
struct SentimentEvaluation {
    let items: [RatedSentence]
    let model: SentimentModel
    let vader: VaderBaseline

    struct Report {
        var rows: [(String, SentimentModelFile.Figures)]
        var count: Int

        func render(title: String) -> String {
            var lines = [
                title,
                "scorer".padding(toLength: 44, withPad: " ", startingAt: 0)
                    + "pearson  spearman  accuracy  macro-F1"
            ]
            for (name, f) in rows {
                lines.append(
                    name.padding(toLength: 44, withPad: " ", startingAt: 0)
                        + String(format: "%7.3f  %8.3f  %8.3f  %8.3f", f.pearson, f.spearman, f.accuracy, f.macroF1))
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Items are scored as one unit when they are sentences, and as the mean of their sentences
    /// when the file holds documents (human document scores are means of sentence scores; VADER is
    /// applied per sentence too, as its authors recommend).
    func run() -> Report {
        var modelScores: [Double] = [], modelLabels: [String] = [], vaderScores: [Double] = []
        let analysed = items.map { AnalyzedDocument($0.text, id: $0.id) }
        // A file of documents (several sentences each on average), or of sentences, some of
        // which the splitter may cut in two: those stay one unit, as the raters saw them.
        let documents = analysed.reduce(0) { $0 + $1.sentences.count } > 3 * analysed.count
        for (item, doc) in zip(items, analysed) {
            if documents {
                let words = model.words(of: doc)
                let scores = doc.sentences.map { model.score(doc, tokens: $0.tokens, words: words).score }
                let mean = scores.reduce(0, +) / Double(max(1, scores.count))
                modelScores.append(mean)
                modelLabels.append(model.label(mean))
                let v = doc.sentences.map { vader.compound(doc.text(of: $0.span)) }
                vaderScores.append(v.reduce(0, +) / Double(max(1, v.count)))
            } else {
                let scored = model.score(doc, tokens: 0..<doc.tokens.count)
                modelScores.append(scored.score)
                modelLabels.append(scored.label)
                vaderScores.append(vader.compound(item.text))
            }
        }
        let gold = items.map(\.score), goldLabels = items.map(\.label)
        let vaderTuned = SentimentMetrics.bestThresholds(scores: vaderScores, gold: goldLabels)
        return Report(
            rows: [
                (
                    "model",
                    SentimentMetrics.figures(
                        scores: modelScores, labels: modelLabels,
                        goldScores: gold, goldLabels: goldLabels)
                ),
                (
                    "VADER (compound, labels at ±0.05)",
                    SentimentMetrics.figures(
                        scores: vaderScores, labels: vaderScores.map(VaderBaseline.label),
                        goldScores: gold, goldLabels: goldLabels)
                ),
                (
                    "VADER, thresholds tuned on this file",
                    SentimentMetrics.figures(
                        scores: vaderScores,
                        labels: vaderScores.map {
                            SentimentLabel.of($0, negative: vaderTuned.negative, positive: vaderTuned.positive)
                        },
                        goldScores: gold, goldLabels: goldLabels)
                )
            ], count: items.count)
    }
}
