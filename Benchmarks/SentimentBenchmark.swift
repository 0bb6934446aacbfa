import AssayCore
import AssaySentiment
import Foundation

/// The sentiment extractor over whole documents on one core (issue target: at least 50 MB/s).
/// Documents are analysed (tokens, sentences) before timing starts: that shared work is
/// measured by the `text` benchmark; the line also gives the figure including it.
enum SentimentBenchmark {
    static let benchmark = Benchmark(name: "sentiment", summary: "sentiment extractor throughput (one core)", run: run)

    static func run(corpus: BenchmarkCorpus) throws {
        let extractor = SentimentExtractor()
        let context = ExtractionContext(options: ["explain": .bool(false)])
        var analysed: [AnalyzedDocument] = []
        let analysis = Measure.time { analysed = corpus.documents.map { AnalyzedDocument($0) } }
        // Warm up: loads the lexicon and model once, as the first document of a session would.
        _ = try extractor.extract(from: analysed[0], in: analysed[0].fullSpan, context: context)
        var annotations = 0
        let cpuStart = Measure.threadCPUSeconds()
        let seconds = try Measure.time {
            for d in analysed {
                annotations += try extractor.extract(from: d, in: d.fullSpan, context: context).count
            }
        }
        let cpu = Measure.threadCPUSeconds() - cpuStart
        let mb = Double(corpus.bytes) / 1e6
        // On a shared machine wall time includes waiting for a core; CPU time does not.
        Measure.report(
            "sentiment", seconds: seconds, bytes: corpus.bytes, documents: corpus.documents.count,
            extra: String(
                format: "%.1f MB/s of CPU time; %d annotations; with text analysis %.1f MB/s",
                mb / cpu, annotations, mb / (seconds + analysis)))
    }
}
