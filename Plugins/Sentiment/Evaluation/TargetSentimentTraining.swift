import AssayCore
import Foundation

extension SentimentTools {
    /// `assay train entity-sentiment --train FILE --out FILE`: learns the target model.
    static let trainTargets = ExtractorTool(
        kind: .train, name: "entity-sentiment",
        summary:
            "Learn the tone-toward-a-target model from rated targets (softmax over context features with a small hidden layer, CV by sentence on the training file)",
        usage:
            "--train FILE --out FILE [--folds N] [--min-count N] [--lambdas L,L,...] [--without TEMPLATE,...] [--penalty-scale TEMPLATE:FACTOR,...] [--hidden N] [--epochs N,N,...] [--seed N] [--coref-weight W] [--several-weight W] [--class-weights N,U,P] [--report RATED_FILE]"
    ) { arguments, _, output in
        let args = try ToolArguments(
            arguments,
            known: [
                "train", "out", "folds", "min-count", "lambdas", "without", "penalty-scale", "report", "hidden",
                "epochs", "seed", "coref-weight", "several-weight", "class-weights"
            ])
        let data = try args.required("train"), out = try args.required("out")
        var trainer = TargetSentimentTrainer()
        if let n = try args.integer("folds", in: 2...) { trainer.folds = n }
        if let n = try args.integer("min-count", in: 1...) { trainer.minimumCount = n }
        if let l = args.options["lambdas"] {
            let grid = l.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard !grid.isEmpty, grid.allSatisfy({ $0 > 0 }) else {
                throw AssayError(.invalidArgument, "--lambdas needs positive numbers separated by commas")
            }
            trainer.lambdaGrid = grid
        }
        if let w = args.options["without"] {
            // Ablations: "f=lex_*" leaves out every flag starting with lex_, "W" the sentence's words.
            trainer.without = Set(w.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
        }
        if let v = args.options["penalty-scale"] {
            // "T:0.3,L:2": the L2 strength of a template's features relative to the others'.
            for item in v.split(separator: ",") {
                let parts = item.split(separator: ":")
                guard parts.count == 2, let x = Double(parts[1]), x > 0 else {
                    throw AssayError(
                        .invalidArgument, "--penalty-scale needs TEMPLATE:FACTOR items separated by commas")
                }
                trainer.penaltyScale[String(parts[0])] = x
            }
        }
        if let n = try args.integer("hidden", in: 0...TargetSentimentModel.maximumHidden) { trainer.network.hidden = n }
        if let n = try args.integer("seed", in: 0...) { trainer.network.seed = UInt64(n) }
        if let e = args.options["epochs"] {
            let grid = e.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !grid.isEmpty, grid.allSatisfy({ $0 > 0 }) else {
                throw AssayError(.invalidArgument, "--epochs needs positive whole numbers separated by commas")
            }
            trainer.epochGrid = grid
        }
        func weight(_ name: String) throws -> Double? {
            guard let v = args.options[name] else { return nil }
            guard let x = Double(v), x >= 0 else { throw AssayError(.invalidArgument, "--\(name) needs a number ≥ 0") }
            return x
        }
        if let w = try weight("coref-weight") { trainer.corefWeight = w }
        if let w = try weight("several-weight") { trainer.severalWeight = w }
        if let v = args.options["class-weights"] {
            let w = v.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard w.count == 3, w.allSatisfy({ $0 > 0 }) else {
                throw AssayError(
                    .invalidArgument, "--class-weights needs three positive numbers: negative,neutral,positive")
            }
            trainer.classWeights = w
        }
        if let r = args.options["report"] { trainer.report = try RatedTargetSentence.load(r) }
        let sentences = try RatedTargetSentence.load(data)
        let text = trainer.train(
            sentences, dataName: URL(fileURLWithPath: data).lastPathComponent,
            sentenceModel: .bundled, log: output)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out))
        } catch {
            throw AssayError(.writeFailed, "cannot write \(out): \(error.localizedDescription)")
        }
        output("wrote \(out) (\(text.utf8.count) bytes)")
    }
}
