import AssayCore
import Foundation

/// `assay train entities` and `assay eval entities`.
enum EntityTools {
    static let train = ExtractorTool(
        kind: .train, name: "entities",
        summary: "Train the entity tagger on CoNLL-style JSON Lines and write a model file",
        usage:
            "--train FILE --dev FILE --out FILE [--epochs N] [--bits N] [--seed N] [--replace PERCENT] [--datelines PERCENT] [--runs N]"
    ) { arguments, _, output in
        let args = try ToolArguments(
            arguments, known: ["train", "dev", "out", "epochs", "bits", "seed", "replace", "datelines", "runs"])
        var options = PerceptronTrainer.Options()
        if let n = try args.integer("epochs", in: 1...100) { options.epochs = n }
        if let n = try args.integer("bits", in: 12...24) { options.bucketBits = n }
        if let n = try args.integer("seed", in: 0...) { options.seed = UInt64(n) }
        if let n = try args.integer("replace", in: 0...100) { options.replaceShare = Double(n) / 100 }
        if let n = try args.integer("runs", in: 1...20) { options.runs = n }
        if let n = try args.integer("datelines", in: 0...100) { options.datelineShare = Double(n) / 100 }
        let out = try args.required("out")
        let trainCorpus = try AnnotatedCorpus(path: try args.required("train"))
        let devCorpus = try AnnotatedCorpus(path: try args.required("dev"))
        output(
            "train: \(trainCorpus.documents.count) documents, \(trainCorpus.entityCount) entities; dev: \(devCorpus.documents.count) documents, \(devCorpus.entityCount) entities"
        )

        let sections = try EntityRecognizer.gazetteerSections.get()
        let gazetteer = Gazetteer(sections: sections)
        let clusters = try EntityRecognizer.wordClusters.get()
        var trainer = PerceptronTrainer(
            options: options, boundaries: MentionBoundaries(gazetteer: gazetteer, sections: sections),
            sections: sections, clusters: clusters)
        let model = trainer.train(trainCorpus, dev: devCorpus, log: output)
        let data = model.encoded()
        do {
            try data.write(to: URL(fileURLWithPath: out))
        } catch {
            throw AssayError(.writeFailed, "cannot write '\(out)': \(error.localizedDescription)")
        }
        output(String(format: "wrote %@ (%.2f MB)", out, Double(data.count) / 1_048_576))
        // Score what was written, through the extractor users run (linking included).
        let reloaded = try EntityRecognizer(
            model: TaggerModel(data: data), gazetteer: gazetteer, sections: sections, clusters: clusters)
        output("dev, saved model with linking:\n" + evaluate(reloaded, on: devCorpus).report)
    }

    static let evaluate = ExtractorTool(
        kind: .evaluate, name: "entities",
        summary: "Exact-span precision, recall and F1 of the entities extractor, overall and per label",
        usage: "FILE [--model FILE] [--errors N]"
    ) { arguments, _, output in
        let args = try ToolArguments(arguments, known: ["model", "errors"])
        guard args.positionals.count == 1 else {
            throw AssayError(.invalidArgument, "usage: assay eval entities FILE [--model FILE] [--errors N]")
        }
        let errorLimit = try args.integer("errors", in: 0...1_000_000)
        let corpus = try AnnotatedCorpus(path: args.positionals[0])
        let recognizer: EntityRecognizer
        if let path = args.options["model"] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw AssayError(.fileNotFound, "cannot read '\(path)'")
            }
            let sections = try EntityRecognizer.gazetteerSections.get()
            recognizer = try EntityRecognizer(
                model: TaggerModel(data: data), gazetteer: Gazetteer(sections: sections), sections: sections,
                clusters: try EntityRecognizer.wordClusters.get())
        } else {
            recognizer = try EntityRecognizer.shipped.get()
        }
        output("\(corpus.documents.count) documents, \(corpus.entityCount) entities")
        var errors = EntityErrors()
        output(evaluate(recognizer, on: corpus, errors: &errors).report)
        if let limit = errorLimit {
            output(errors.summary)
            output(errors.worst(limit))
        }
    }

    /// Runs the extractor over every document and scores its spans and labels against the gold.
    /// Runs the extractor over every document and scores its spans and labels against the
    /// gold; the mistakes go into `errors`.
    static func evaluate(_ recognizer: EntityRecognizer, on corpus: AnnotatedCorpus, errors: inout EntityErrors)
        -> SpanScorer
    {
        let extractor = EntitiesExtractor(recognizer: recognizer)
        var scorer = SpanScorer()
        for (doc, gold) in corpus.documents {
            let annotations = (try? extractor.extract(from: doc, in: doc.fullSpan, context: ExtractionContext())) ?? []
            let found = annotations.compactMap { a -> GoldEntity? in
                guard case .string(let l)? = a["label"], let label = EntityLabel(name: l) else { return nil }
                return GoldEntity(span: a.span, label: label)
            }
            scorer.add(predicted: found, gold: gold)
            errors.add(found: found, gold: gold, in: doc)
        }
        return scorer
    }

    static func evaluate(_ recognizer: EntityRecognizer, on corpus: AnnotatedCorpus) -> SpanScorer {
        var errors = EntityErrors()
        return evaluate(recognizer, on: corpus, errors: &errors)
    }
}
