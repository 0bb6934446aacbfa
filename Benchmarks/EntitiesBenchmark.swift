import AssayCore
import AssayEntities
import Foundation

/// Entity tagging on one core over already-analysed documents (issue target: at least a
/// million tokens a second), then the model's load time.
enum EntitiesBenchmark {
    static let benchmark = Benchmark(
        name: "entities", summary: "entity tagger + linking throughput (one core)", run: run)

    static func run(corpus: BenchmarkCorpus) throws {
        let extractor = EntitiesExtractor()
        var loaded: [Annotation] = []
        let load = try Measure.time {  // first use loads the model
            let d = AnalyzedDocument("Vladimir Putin met Xi Jinping in Moscow.")
            loaded = try extractor.extract(from: d, in: d.fullSpan, context: ExtractionContext())
        }
        let docs = corpus.documents.map { AnalyzedDocument($0) }
        let tokens = docs.reduce(0) { $0 + $1.tokens.count }
        var found = 0
        let cpuStart = Measure.threadCPUSeconds()
        let seconds = try Measure.time {
            for d in docs {
                found += try extractor.extract(from: d, in: d.fullSpan, context: ExtractionContext()).count
            }
        }
        // CPU time too: on a shared machine the wall clock also counts other processes' turns.
        let cpu = Measure.threadCPUSeconds() - cpuStart
        Measure.report(
            "entities", seconds: seconds, bytes: corpus.bytes, documents: docs.count,
            extra:
                "\(tokens) tokens (\(Int(Double(tokens) / seconds)) tokens/s), \(found) entities; CPU \(String(format: "%.2f", cpu)) s = \(String(format: "%.1f", Double(corpus.bytes) / 1e6 / cpu)) MB/s, \(Int(Double(tokens) / cpu)) tokens/s; model load \(String(format: "%.0f", load * 1000)) ms (\(loaded.count) entities in the warm-up)"
        )
    }
}
