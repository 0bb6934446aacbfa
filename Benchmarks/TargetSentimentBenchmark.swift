import AssayCore
import AssayEntities
import AssaySentiment
import Foundation

/// The sentiment extractor with every entity mention as a target (issue 16 target: at least
/// 40 MB/s of the extractor's own work on one core): entities are found and documents analysed
/// before timing starts; the timed part is `sentiment` answering each document's sentences,
/// the document and one `scope: "target"` annotation per mention. It also prints the same run
/// without targets, and `entity-sentiment per=both` given the mentions.
enum TargetSentimentBenchmark {
    static let benchmark = Benchmark(
        name: "sentiment-targets", summary: "sentiment with entity mentions as targets (one core)", run: run)

    static func run(corpus: BenchmarkCorpus) throws {
        let entities = EntitiesExtractor()
        var withTargets: [AnalyzedDocument] = []
        var mentions: [[Annotation]] = []
        for document in corpus.documents {
            let plain = AnalyzedDocument(document)
            let found = try entities.extract(from: plain, in: plain.fullSpan, context: ExtractionContext())
            var targeted = document
            targeted.targets = found.map {
                TargetSpan(
                    start: plain.scalarOffset(ofByte: $0.span.start), end: plain.scalarOffset(ofByte: $0.span.end))
            }
            withTargets.append(AnalyzedDocument(targeted))
            mentions.append(found)
        }
        let targets = withTargets.reduce(0) { $0 + $1.document.targets.count }
        let plain = corpus.documents.map { AnalyzedDocument($0) }
        let sentiment = SentimentExtractor()
        let context = ExtractionContext(options: ["explain": .bool(false)])
        // Warm up: loads the lexicon and both models once, as the first document of a session would.
        _ = try sentiment.extract(from: withTargets[0], in: withTargets[0].fullSpan, context: context)
        let mb = Double(corpus.bytes) / 1e6

        func timed(_ documents: [AnalyzedDocument]) throws -> (cpu: Double, annotations: Int) {
            var annotations = 0
            let start = Measure.threadCPUSeconds()
            for d in documents { annotations += try sentiment.extract(from: d, in: d.fullSpan, context: context).count }
            return (Measure.threadCPUSeconds() - start, annotations)
        }
        let without = try timed(plain)
        var seconds = 0.0
        var with = (cpu: 0.0, annotations: 0)
        seconds = try Measure.time { with = try timed(withTargets) }
        Measure.report(
            "sentiment with entity targets", seconds: seconds, bytes: corpus.bytes, documents: withTargets.count,
            extra: String(
                format:
                    "%.1f MB/s of CPU time (%d targets, %.0f targets/s over the extra time); without targets %.1f MB/s; %d annotations",
                mb / with.cpu, targets, Double(targets) / max(1e-9, with.cpu - without.cpu), mb / without.cpu,
                with.annotations))

        let entitySentiment = EntitySentimentExtractor()
        let perMention = try timedEntitySentiment(entitySentiment, plain, mentions)
        print(
            String(
                format: "  entity-sentiment per=both given the mentions: %.1f MB/s of CPU time (%d annotations)",
                mb / perMention.cpu, perMention.annotations))
    }

    private static func timedEntitySentiment(
        _ extractor: EntitySentimentExtractor, _ documents: [AnalyzedDocument],
        _ mentions: [[Annotation]]
    ) throws -> (cpu: Double, annotations: Int) {
        var annotations = 0
        let start = Measure.threadCPUSeconds()
        for (d, found) in zip(documents, mentions) {
            let context = ExtractionContext(options: ["per": .string("both")], upstream: ["entities": found])
            annotations += try extractor.extract(from: d, in: d.fullSpan, context: context).count
        }
        return (Measure.threadCPUSeconds() - start, annotations)
    }
}
