import AssayCore
import AssayEntities
import AssayNumbers
import AssayQuotes
import AssaySentiment
import Foundation

/// All four extractors over hostile text (issue 20): long tokens of punctuation, thousands of
/// quotes, deep nesting, endless sentences, digit runs. Each kind is run at two sizes, to show
/// that time grows with the text (about 4× for 4× the text) rather than faster, and its MB/s is
/// compared with the rate on the corpus (real news with `--corpus`): the target is no slower
/// than 10× that rate.
enum AdversarialBenchmark {
    static let benchmark = Benchmark(
        name: "adversarial", summary: "all four extractors over hostile text vs the corpus rate (one core)", run: run)

    /// Text of about `bytes` bytes repeating `unit`.
    static func repeated(_ unit: String, _ bytes: Int) -> String {
        String(repeating: unit, count: max(1, bytes / unit.utf8.count))
    }

    /// The hostile kinds, each a text of about `bytes` bytes.
    static let kinds: [(name: String, make: @Sendable (Int) -> String)] = [
        (
            "punctuation word",
            { n in
                var rng = SeededRandomGenerator(seed: 7)
                let marks: [Character] = ["\"", "$", "%", ",", "."]
                return "He said " + String((0..<n).map { _ in marks[Int(rng.next() % 5)] })
            }
        ),
        ("\"a\" run", { repeated("\"a\"", $0) }),
        ("\"\"$ run", { repeated("\"\"$", $0) }),
        ("3,000+ quotes", { repeated("\"This is good news,\" John Smith said. ", $0) }),
        ("curly quotes nested", { repeated("“‘«‹", $0 / 2) + repeated("›»’”", $0 / 2) }),
        ("brackets nested", { repeated("(", $0 / 2) + repeated(")", $0 / 2) }),
        ("one endless sentence", { repeated("and Smith said that Mr. Jones told the U.N. of 5 things ", $0) }),
        ("digit run", { "It cost $" + repeated("9", $0) + "th" }),
        ("numbers, no spaces", { repeated("1,2.3%$4-5/6", $0) }),
        ("letters, one word", { repeated("abcdefghij", $0) }),
        ("capitalised names", { repeated("Xi Jinping Angela Merkel Paris London ", $0) })
    ]

    static func run(corpus: BenchmarkCorpus) throws {
        let registry = ExtractorRegistry()
        for plugin: any AssayPlugin.Type in [
            EntitiesPlugin.self, NumbersPlugin.self, QuotesPlugin.self, SentimentPlugin.self
        ] {
            try plugin.register(into: registry)
        }
        let plan = try ExtractionPlan(
            ["entities", "numbers", "quotes", "sentiment"].map { .init($0) }, registry: registry)
        _ = try plan.run(AnalyzedDocument("Warm-up: “Hello,” said Ann Lee, paying $5."))

        // The reference rate: the corpus, analysis included, one core.
        let sample = Array(corpus.documents.prefix(400))
        let sampleBytes = sample.reduce(0) { $0 + $1.text.utf8.count }
        let newsSeconds = try Measure.time { for d in sample { _ = try plan.run(AnalyzedDocument(d)) } }
        let newsRate = Double(sampleBytes) / 1e6 / newsSeconds
        print(
            String(
                format: "news: %.2f MB/s (all four extractors and text analysis, %d documents)", newsRate, sample.count)
        )

        var worst = Double.infinity
        for kind in kinds {
            var rates: [Double] = []
            var seconds: [Double] = []
            for size in [128 << 10, 512 << 10] {
                let document = Document(id: kind.name, text: kind.make(size))
                let bytes = document.text.utf8.count
                let s = try Measure.time { _ = try plan.run(AnalyzedDocument(document)) }
                seconds.append(s)
                rates.append(Double(bytes) / 1e6 / s)
            }
            let growth = seconds[1] / max(seconds[0], 1e-6)
            worst = min(worst, rates[1])
            print(
                String(
                    format:
                        "%-22@ %7.2f MB/s at 128 KB, %7.2f MB/s at 512 KB, time ×%.1f for 4× the text, %.1f× slower than news%@",
                    kind.name as NSString, rates[0], rates[1], growth, newsRate / rates[1],
                    newsRate / rates[1] > 10 ? "  (over the 10× target)" : ""))
        }
        print(
            String(
                format:
                    "slowest hostile kind: %.2f MB/s, %.1f× slower than news (target: at most 10×); peak memory %.0f MiB",
                worst, newsRate / worst, Measure.peakMemoryMiB()))
    }
}
