import AssayCore
import AssayNumbers

/// The numbers extractor on one core, over documents already analysed (tokens and sentences are
/// the core's work, measured by `text`); issue target: at least 50 MB/s.
enum NumbersBenchmark {
    static let benchmark = Benchmark(
        name: "numbers", summary: "numbers extractor throughput (one core, analysed documents)", run: run)

    static func run(corpus: BenchmarkCorpus) throws {
        let analysed = corpus.documents.map { AnalyzedDocument($0) }
        let extractor = NumbersExtractor()
        let context = ExtractionContext()
        var found = 0
        let seconds = try Measure.time {
            for d in analysed {
                found += try extractor.extract(from: d, in: d.fullSpan, context: context).count
            }
        }
        Measure.report(
            "numbers", seconds: seconds, bytes: corpus.bytes, documents: analysed.count,
            extra: "\(found) numbers (\(Int(Double(found) / seconds)) numbers/s)")
    }
}
