import AssayCore
import Foundation

/// `assay train entities` and `assay eval entities`.
enum EntityTools {
    static let train = ExtractorTool(
        kind: .train, name: "entities",
        summary: "Train the entity tagger on CoNLL-style JSON Lines and write a model file",
        usage: "--train FILE --dev FILE --out FILE [--epochs N] [--bits N] [--seed N]"
    ) { arguments, _, output in
        let args = try ToolArguments(arguments, known: ["train", "dev", "out", "epochs", "bits", "seed"])
        var options = PerceptronTrainer.Options()
        if let e = args.options["epochs"] { options.epochs = try number(e, "epochs", 1...100) }
        if let b = args.options["bits"] { options.bucketBits = try number(b, "bits", 12...24) }
        if let s = args.options["seed"] { options.seed = UInt64(try number(s, "seed", 0...Int.max)) }
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
            clusters: clusters)
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
        let errorLimit = try args.options["errors"].map { try number($0, "errors", 0...1_000_000) }
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

    private static func number(_ text: String, _ name: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let v = Int(text), range.contains(v) else {
            throw AssayError(
                .invalidArgument, "--\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return v
    }
}
