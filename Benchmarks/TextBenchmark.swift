import AssayCore

/// Loading + tokenising + sentence splitting on one core: the text machinery every extractor
/// shares (issue target: at least 100 MB/s).
enum TextBenchmark {
    static let benchmark = Benchmark(name: "text", summary: "tokeniser and sentence splitter throughput (one core)", run: run)

    static func run(corpus: BenchmarkCorpus) throws {
        var tokens = 0, sentences = 0
        let seconds = Measure.time {
            for d in corpus.documents {
                let a = AnalyzedDocument(d)
                tokens += a.tokens.count
                sentences += a.sentences.count
            }
        }
        Measure.report("text", seconds: seconds, bytes: corpus.bytes, documents: corpus.documents.count,
                       extra: "\(tokens) tokens (\(Int(Double(tokens) / seconds)) tokens/s), \(sentences) sentences")
    }
}
