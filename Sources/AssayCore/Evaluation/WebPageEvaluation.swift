import Foundation

/// `assay eval html FILE`: scores article extraction against pages whose article text people
/// marked (`{"id", "html", "truth_body"}` per line): four-word shingles compared as multisets,
/// precision and recall per page averaged over pages, and F1 of the two means; plus speed.
public struct WebPageEvaluation {
    /// One page's score.
    public struct PageScore: Sendable {
        public var id: String
        public var overlap: ShingleOverlap
    }

    public private(set) var pages: [PageScore] = []
    /// Seconds spent parsing and extracting (one core), and the markup's size.
    public private(set) var seconds = 0.0
    public private(set) var bytes = 0

    public init() {}

    /// Extracts the article of one page and scores it.
    public mutating func evaluate(id: String, html: String, truth: String) {
        let start = DispatchTime.now().uptimeNanoseconds
        let page = WebPage(html: html)
        seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        bytes += html.utf8.count
        pages.append(PageScore(id: id, overlap: ShingleOverlap(predicted: page.text, truth: truth)))
    }

    public var meanPrecision: Double {
        pages.isEmpty ? 0 : pages.map(\.overlap.counts.precision).reduce(0, +) / Double(pages.count)
    }
    public var meanRecall: Double {
        pages.isEmpty ? 0 : pages.map(\.overlap.counts.recall).reduce(0, +) / Double(pages.count)
    }
    public var f1: Double {
        let p = meanPrecision, r = meanRecall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public func report(worst: Int) -> String {
        var lines = [
            "html: \(pages.count) pages (4-word shingles, precision and recall per page, averaged over pages)",
            String(format: "precision %.3f  recall %.3f  F1 %.3f", meanPrecision, meanRecall, f1),
            String(
                format: "speed: %.0f pages/s, %.1f MB/s (parse + extract, one core)",
                Double(pages.count) / max(seconds, 1e-9), Double(bytes) / 1e6 / max(seconds, 1e-9))
        ]
        if worst > 0 {
            lines.append("worst pages:")
            for p in pages.sorted(by: { $0.overlap.counts.f1 < $1.overlap.counts.f1 }).prefix(worst) {
                let c = p.overlap.counts
                lines.append(
                    String(
                        format: "  F1 %.3f  P %.3f  R %.3f  found %5d  true %5d  ", c.f1, c.precision, c.recall,
                        c.found, c.expected) + p.id)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `assay eval html FILE [--errors N] [--show ID]`.
    public static let tool = ExtractorTool(
        kind: .evaluate, name: "html",
        summary:
            "article extraction from web pages: 4-word-shingle precision, recall and F1 against hand-marked text, and pages/s",
        usage: "FILE [--errors N] [--show ID]",
        run: { arguments, _, output in
            let args = try ToolArguments(arguments, known: ["errors", "show"])
            guard let path = args.positionals.first, args.positionals.count == 1 else {
                throw AssayError(.invalidArgument, "usage: assay eval html FILE [--errors N] [--show ID]")
            }
            let worst = try args.integer("errors", in: 0...) ?? 0
            guard FileManager.default.fileExists(atPath: path) else {
                throw AssayError(.fileNotFound, "no such file: \(path)")
            }
            let reader = try LineReader(path: path)
            var evaluation = WebPageEvaluation()
            var lineNumber = 0
            while let line = reader.next() {
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let html = object["html"] as? String, let truth = object["truth_body"] as? String
                else {
                    throw AssayError(
                        .invalidJSONLine,
                        "\(path):\(lineNumber): not a JSON object with \"html\" and \"truth_body\" strings")
                }
                let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? "line-\(lineNumber)"
                if let show = args.options["show"] {
                    guard id == show else { continue }
                    let page = WebPage(html: html)
                    output("--- extracted\n\(page.text)\n--- truth\n\(truth)\n--- fields")
                    for (name, value) in page.metadata.fields { output("\(name): \(value)") }
                }
                evaluation.evaluate(id: id, html: html, truth: truth)
            }
            guard !evaluation.pages.isEmpty else { throw AssayError(.invalidArgument, "\(path) holds no pages") }
            output(evaluation.report(worst: worst))
        })
}

/// Registers the tools that belong to the core rather than to an extractor plugin.
public enum CoreTools: AssayPlugin {
    public static func register(into registry: ExtractorRegistry) throws {
        try registry.register(tool: WebPageEvaluation.tool)
    }
}
