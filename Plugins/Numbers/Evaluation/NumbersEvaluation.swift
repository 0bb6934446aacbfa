import AssayCore
import Foundation

/// Scores the `numbers` extractor against annotated cases: per kind, span precision, recall and
/// F1 (exact spans), and among matched spans the share with the right value (and unit).
///
/// Each case is scored only for the kinds in its `scope`; a found span of a scored kind that
/// overlaps a gold span marked `core: false` is ignored rather than counted wrong.
struct NumbersEvaluation {
    /// One disagreement, for `--errors`.
    struct Disagreement: CustomStringConvertible {
        enum Sort: String { case missed, spurious, wrongValue = "wrong value", wrongUnit = "wrong unit" }
        var sort: Sort
        var caseID: String
        var kind: String
        var text: String
        var detail: String
        var description: String {
            "\(sort.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(kind) \"\(text)\" \(detail) [\(caseID)]"
        }
    }

    private(set) var scores: [String: SpanScore] = [:]
    private(set) var disagreements: [Disagreement] = []
    private(set) var caseCount = 0

    let extractor = NumbersExtractor()

    /// Scores every case.
    mutating func evaluate(_ cases: [NumbersGoldCase]) {
        for c in cases { evaluate(c) }
    }

    mutating func evaluate(_ gold: NumbersGoldCase) {
        caseCount += 1
        let doc = AnalyzedDocument(gold.text, id: gold.id)
        let found = extractor.mentions(in: doc, span: doc.fullSpan).map { m in
            (start: doc.scalarOffset(ofByte: m.start), end: doc.scalarOffset(ofByte: m.end), mention: m)
        }
        let scalars = Array(gold.text.unicodeScalars)
        func text(_ s: Int, _ e: Int) -> String {
            guard s >= 0, e <= scalars.count, s <= e else { return "" }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[s..<e])
            return String(out)
        }
        for kind in gold.scope.sorted() {
            var score = SpanScore()
            let goldSpans = gold.spans.filter { $0.kind == kind && $0.core }
            let ignorable = gold.spans.filter { $0.kind == kind && !$0.core }
            let predicted = found.filter { f in
                f.mention.kind.rawValue == kind && !ignorable.contains { $0.start < f.end && f.start < $0.end }
            }
            var matched = Set<Int>()
            score.spans.found = predicted.count
            score.spans.expected = goldSpans.count
            for g in goldSpans {
                guard
                    let k = predicted.indices.first(where: {
                        !matched.contains($0) && predicted[$0].start == g.start && predicted[$0].end == g.end
                    })
                else {
                    disagreements.append(
                        Disagreement(
                            sort: .missed, caseID: gold.id, kind: kind, text: text(g.start, g.end),
                            detail: "value \(g.value.map(Value.format) ?? "null")"))
                    continue
                }
                matched.insert(k)
                score.spans.matched += 1
                let m = predicted[k].mention
                if let gv = g.value {
                    score.valuesCompared += 1
                    if let pv = m.value.number, NumbersEvaluation.sameValue(gv, pv) {
                        score.valuesCorrect += 1
                    } else {
                        disagreements.append(
                            Disagreement(
                                sort: .wrongValue, caseID: gold.id, kind: kind, text: text(g.start, g.end),
                                detail: "gold \(Value.format(gv)), found \(m.value.text)"))
                    }
                }
                if let gu = g.unit {
                    score.unitsCompared += 1
                    if m.unit == gu {
                        score.unitsCorrect += 1
                    } else {
                        disagreements.append(
                            Disagreement(
                                sort: .wrongUnit, caseID: gold.id, kind: kind, text: text(g.start, g.end),
                                detail: "gold \(gu), found \(m.unit ?? "null")"))
                    }
                }
            }
            for (k, p) in predicted.enumerated() where !matched.contains(k) {
                disagreements.append(
                    Disagreement(
                        sort: .spurious, caseID: gold.id, kind: kind, text: text(p.start, p.end),
                        detail: "value \(p.mention.value.text)"))
            }
            scores[kind, default: SpanScore()] = scores[kind, default: SpanScore()] + score
        }
    }

    /// Values agree to a relative 1e-6 (gold files round repeating decimals: 42.3333333333333).
    static func sameValue(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-6 * max(1, abs(a), abs(b))
    }

    /// All kinds together (micro-averaged).
    var overall: SpanScore { scores.values.reduce(SpanScore(), +) }

    /// A table of the scores, one row per kind and one for all kinds.
    func report() -> String {
        func pct(_ x: Double) -> String { String(format: "%6.3f", x) }
        var lines = [
            "numbers: \(caseCount) cases",
            "kind        gold  found     P      R      F1    value   unit"
        ]
        let order = NumberMention.Kind.allCases.map(\.rawValue)
        let kinds = scores.keys.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
        for (name, s) in kinds.map({ ($0, scores[$0]!) }) + [("all", overall)] {
            let gold = s.spans.expected, found = s.spans.found
            let unit = s.unitsCompared == 0 ? "     -" : pct(s.unitAccuracy)
            lines.append(
                name.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%6d %6d ", gold, found)
                    + "\(pct(s.precision)) \(pct(s.recall)) \(pct(s.f1))  \(pct(s.valueAccuracy)) \(unit)")
        }
        return lines.joined(separator: "\n")
    }

    /// `assay eval numbers FILE [--errors N]`.
    static let tool = ExtractorTool(
        kind: .evaluate, name: NumbersExtractor.name,
        summary: "per-kind precision, recall, F1 and value accuracy of numbers on an annotated JSONL file",
        usage: "FILE [--errors N]",
        run: { arguments, _, output in
            let args = try ToolArguments(arguments, known: ["errors"])
            guard let path = args.positionals.first, args.positionals.count == 1 else {
                throw AssayError(.invalidArgument, "usage: assay eval numbers FILE [--errors N]")
            }
            let errors = try args.integer("errors", in: 0...) ?? 0
            var evaluation = NumbersEvaluation()
            evaluation.evaluate(try NumbersGoldCase.load(records: AnnotatedRecords.read(path)))
            output(evaluation.report())
            if errors > 0 {
                output(
                    "disagreements (first \(min(errors, evaluation.disagreements.count)) of \(evaluation.disagreements.count)):"
                )
                for d in evaluation.disagreements.prefix(errors) { output("  \(d)") }
            }
        })
}
