import AssayCore
import Foundation

/// `assay eval entity-sentiment FILE`: the tone toward each rated target, read through the batch
/// contract (each sentence becomes an input line with `"targets"`, and the `scope: "target"`
/// annotations of `sentiment` are compared with the ratings), next to the baseline of giving
/// every target the label of its sentence.
struct TargetSentimentEvaluation {
    let sentences: [RatedTargetSentence]
    let plan: ExtractionPlan

    /// Predicted and gold labels of one split.
    struct Split {
        var name: String
        var gold: [String] = []
        var predicted: [String] = []
        var sentenceLabel: [String] = []
    }

    func run() throws -> [Split] {
        var splits: [String: Split] = [:]
        var order: [String] = []
        let parser = JSONLinesParser(source: "eval")
        for (n, sentence) in sentences.enumerated() {
            guard let document = try parser.document(from: sentence.contractLine, lineNumber: n + 1) else { continue }
            let analysed = AnalyzedDocument(document)
            let found = try plan.run(analysed)["sentiment"] ?? []
            // Targets come back in text order, not input order: match them by span.
            var byTarget: [Span: [Annotation]] = [:]
            var sentenceAnnotations: [Annotation] = []
            for a in found {
                switch a["scope"]?.text {
                case "target": byTarget[a.span, default: []].append(a)
                case "sentence": sentenceAnnotations.append(a)
                default: break
                }
            }
            if splits[sentence.split] == nil {
                splits[sentence.split] = Split(name: sentence.split)
                order.append(sentence.split)
            }
            for (target, span) in zip(sentence.targets, analysed.targetSpans) {
                let label = byTarget[span]?.first?["label"]?.text ?? SentimentLabel.neutral
                let holding = sentenceAnnotations.first { $0.span.start <= span.start && span.start < $0.span.end }
                splits[sentence.split]!.gold.append(target.label)
                splits[sentence.split]!.predicted.append(label)
                splits[sentence.split]!.sentenceLabel.append(holding?["label"]?.text ?? SentimentLabel.neutral)
            }
        }
        var out = order.map { splits[$0]! }
        if out.count > 1 {
            out.append(
                out.reduce(into: Split(name: "all")) {
                    $0.gold += $1.gold
                    $0.predicted += $1.predicted
                    $0.sentenceLabel += $1.sentenceLabel
                })
        }
        return out
    }

    static func render(_ splits: [Split], title: String) -> String {
        var lines = [title, "split  targets   target macro-F1  accuracy   sentence label macro-F1  accuracy"]
        for s in splits {
            lines.append(
                s.name.padding(toLength: 5, withPad: " ", startingAt: 0)
                    + String(
                        format: "  %7d   %15.3f  %8.3f   %23.3f  %8.3f", s.gold.count,
                        SentimentMetrics.macroF1(s.predicted, s.gold), SentimentMetrics.accuracy(s.predicted, s.gold),
                        SentimentMetrics.macroF1(s.sentenceLabel, s.gold),
                        SentimentMetrics.accuracy(s.sentenceLabel, s.gold)))
        }
        return lines.joined(separator: "\n")
    }
}
