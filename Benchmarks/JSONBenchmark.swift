import AssayCore
import AssayEntities
import AssayNumbers
import AssayQuotes
import AssaySentiment
import Foundation

/// The batch path's JSON on one core: parsing the input lines into documents, and writing the
/// output lines of all four extractors' annotations (computed beforehand).
enum JSONBenchmark {
    static let benchmark = Benchmark(
        name: "json", summary: "JSON Lines parsing and batch output writing (one core)", run: run)

    static func run(corpus: BenchmarkCorpus) throws {
        let input = corpus.jsonLines()
        var lines: [[UInt8]] = []
        var start = 0
        for (i, b) in input.enumerated() where b == 0x0A {
            lines.append(Array(input[start..<i]))
            start = i + 1
        }
        let parser = JSONLinesParser(source: "corpus")
        var parsed = 0
        let parseSeconds = try Measure.time {
            for (n, line) in lines.enumerated() where try parser.document(from: line, lineNumber: n + 1) != nil {
                parsed += 1
            }
        }
        Measure.report(
            "json read (parse lines into documents)", seconds: parseSeconds, bytes: corpus.bytes, documents: parsed,
            extra: String(format: "%.1f MB/s of JSON input", Double(input.count) / 1e6 / parseSeconds))

        let registry = ExtractorRegistry()
        for register in [
            NumbersPlugin.register, EntitiesPlugin.register, QuotesPlugin.register, SentimentPlugin.register
        ] {
            try register(registry)
        }
        let plan = try ExtractionPlan(
            ["entities", "numbers", "quotes", "sentiment"].map { .init($0) }, registry: registry)
        let analysed = corpus.documents.map { AnalyzedDocument($0) }
        let annotations = try analysed.map { d in
            let found = try plan.run(d)
            return plan.steps.flatMap { found[$0.name] ?? [] }.sorted { $0.span < $1.span }
        }
        var written = 0
        let writeSeconds = Measure.time {
            for (d, a) in zip(analysed, annotations) {
                var w = JSONWriter()
                w.contractLine(d, a)
                written += w.bytes.count
            }
        }
        Measure.report(
            "json write (all four extractors' output)", seconds: writeSeconds, bytes: corpus.bytes,
            documents: analysed.count,
            extra: String(
                format: "%d annotations, %.1f MB/s of JSON output", annotations.reduce(0) { $0 + $1.count },
                Double(written) / 1e6 / writeSeconds))
    }
}
