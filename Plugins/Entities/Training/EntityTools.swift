import AssayCore
import Foundation

/// `assay train entities` and `assay eval entities`.
enum EntityTools {
    static let train = ExtractorTool(
        kind: .train, name: "entities",
        summary: "Train the entity tagger on CoNLL-style JSON Lines and write a model file",
        usage:
            "--train FILE --dev FILE --out FILE [--in-domain FILE [--in-domain-copies N] [--in-domain-replace PERCENT] [--domain-features yes|no] [--folds K [--errors N] [--fold-models DIR]]] [--epochs N] [--bits N] [--seed N] [--replace PERCENT] [--datelines PERCENT] [--runs N]"
    ) { arguments, _, output in
        let args = try ToolArguments(
            arguments,
            known: [
                "train", "dev", "out", "epochs", "bits", "seed", "replace", "datelines", "runs", "in-domain",
                "in-domain-copies", "in-domain-replace", "domain-features", "folds", "errors", "fold-models"
            ])
        var options = PerceptronTrainer.Options()
        if let n = try args.integer("epochs", in: 1...100) { options.epochs = n }
        if let n = try args.integer("bits", in: 12...24) { options.bucketBits = n }
        if let n = try args.integer("seed", in: 0...) { options.seed = UInt64(n) }
        if let n = try args.integer("replace", in: 0...100) { options.replaceShare = Double(n) / 100 }
        if let n = try args.integer("runs", in: 1...20) { options.runs = n }
        if let n = try args.integer("datelines", in: 0...100) { options.datelineShare = Double(n) / 100 }
        if let n = try args.integer("in-domain-replace", in: 0...100) { options.inDomainReplaceShare = Double(n) / 100 }
        switch args.options["domain-features"] {
        case nil, "no": break
        case "yes": options.domainFeatures = true
        case let other?: throw AssayError(.invalidArgument, "--domain-features must be yes or no, not '\(other)'")
        }
        let copies = try args.integer("in-domain-copies", in: 0...100) ?? defaultInDomainCopies
        let folds = try args.integer("folds", in: 2...30)
        let errorLimit = try args.integer("errors", in: 0...1_000_000)
        if errorLimit != nil, folds == nil {
            throw AssayError(.invalidArgument, "'--errors N' lists the held-out mistakes of '--folds K'")
        }
        let foldModels = args.options["fold-models"]
        if foldModels != nil, folds == nil {
            throw AssayError(.invalidArgument, "'--fold-models DIR' keeps the models of '--folds K'")
        }
        let out = args.options["out"]
        if out == nil, folds == nil {
            throw AssayError(.invalidArgument, "missing required option '--out' (or '--folds K' to measure only)")
        }
        if folds != nil, args.options["in-domain"] == nil {
            throw AssayError(.invalidArgument, "'--folds K' measures on the '--in-domain FILE' documents")
        }
        let trainCorpus = try AnnotatedCorpus(path: try args.required("train"))
        let devCorpus = try AnnotatedCorpus(path: try args.required("dev"))
        let inDomainCorpus = try args.options["in-domain"].map { try AnnotatedCorpus(path: $0) }
        output(
            "train: \(trainCorpus.documents.count) documents, \(trainCorpus.entityCount) entities; dev: \(devCorpus.documents.count) documents, \(devCorpus.entityCount) entities"
                + (inDomainCorpus.map {
                    "; in-domain: \($0.documents.count) documents, \($0.entityCount) entities, \(copies) copies each"
                        + (options.domainFeatures ? ", with their own copy of the features" : "")
                } ?? "")
        )

        let sections = try EntityRecognizer.gazetteerSections.get()
        let gazetteer = Gazetteer(sections: sections)
        let clusters = try EntityRecognizer.wordClusters.get()
        var trainer = PerceptronTrainer(
            options: options, boundaries: MentionBoundaries(gazetteer: gazetteer, sections: sections),
            sections: sections, clusters: clusters)
        func recognizer(_ model: TaggerModel) throws -> EntityRecognizer {
            try EntityRecognizer(model: model, gazetteer: gazetteer, sections: sections, clusters: clusters)
        }
        var aligner = GoldAligner(trainCorpus)
        let general = trainer.generalExamples(trainCorpus, aligner: &aligner)
        let own =
            inDomainCorpus.map {
                trainer.inDomainExamples($0, copies: copies, train: trainCorpus, aligner: &aligner)
            } ?? []
        let dev = trainer.devExamples(devCorpus)
        output(
            "\(aligner.misaligned) gold spans not on unit boundaries, \(aligner.splitCompounds) hyphenated compounds tagged by part"
        )
        /// The general examples and `copies` copies of the in-domain documents `included` picks.
        func examples(including included: (Int) -> Bool) -> [PerceptronTrainer.Example] {
            let picked = own.indices.filter(included).map { own[$0] }
            return general + (0..<copies).flatMap { copy in picked.map { $0[copy] } }
        }

        if let folds, let inDomainCorpus {
            // Each in-domain document is scored by a model that never saw it, through the
            // extractor users run; the counts of all folds are pooled.
            var pooled = SpanScorer()
            var pooledErrors = EntityErrors()
            var withoutInDomain: TaggerModel?
            for fold in 0..<folds {
                // A fold's model kept from an earlier run with the same options is read back, so
                // that rules acting after tagging can be measured on the folds without training.
                let kept = foldModels.map {
                    URL(fileURLWithPath: $0).appendingPathComponent("fold-\(fold + 1)-of-\(folds).bin")
                }
                let model: TaggerModel
                if let kept, let data = FileManager.default.contents(atPath: kept.path) {
                    output("fold \(fold + 1)/\(folds): model read from \(kept.path)")
                    model = try TaggerModel(data: data)
                } else if copies == 0, let m = withoutInDomain {
                    model = m  // every fold trains on the same data
                } else {
                    output("fold \(fold + 1)/\(folds): training")
                    model = trainer.fit(examples { $0 % folds != fold }, dev: dev, log: output)
                    if copies == 0 { withoutInDomain = model }
                }
                if let kept, !FileManager.default.fileExists(atPath: kept.path) {
                    do {
                        try FileManager.default.createDirectory(
                            at: kept.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try model.encoded().write(to: kept)
                    } catch {
                        throw AssayError(.writeFailed, "cannot write '\(kept.path)': \(error.localizedDescription)")
                    }
                }
                let heldOut = AnnotatedCorpus(
                    documents: inDomainCorpus.documents.indices.filter { $0 % folds == fold }.map {
                        inDomainCorpus.documents[$0]
                    })
                let score = evaluate(try recognizer(model), on: heldOut, errors: &pooledErrors)
                output(String(format: "fold %d/%d held out: F1 %.4f", fold + 1, folds, score.overall.f1))
                pooled.add(score)
            }
            output("in-domain documents, each scored by the model of the folds it was not in:\n" + pooled.report)
            if let limit = errorLimit {
                output(pooledErrors.summary)
                output(pooledErrors.worst(limit))
            }
        }

        guard let out else { return }
        let model = trainer.fit(examples { _ in true }, dev: dev, log: output)
        let data = model.encoded()
        do {
            try data.write(to: URL(fileURLWithPath: out))
        } catch {
            throw AssayError(.writeFailed, "cannot write '\(out)': \(error.localizedDescription)")
        }
        output(String(format: "wrote %@ (%.2f MB)", out, Double(data.count) / 1_048_576))
        // Score what was written, through the extractor users run (linking included).
        let reloaded = try recognizer(TaggerModel(data: data))
        output("dev, saved model with linking:\n" + evaluate(reloaded, on: devCorpus).report)
    }

    /// How many times each in-domain document joins the training data unless
    /// `--in-domain-copies` says otherwise: on held-out folds of the December 2020 news, four
    /// copies did better than eight (24 documents are lost among the 2,838 of the training news
    /// and its copies with fewer, and outweigh them with more).
    static let defaultInDomainCopies = 4

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
