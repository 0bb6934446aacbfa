import AssayCore
import Foundation

/// Loading + tokenising + sentence splitting on one core: the text machinery every extractor
/// shares (issue target: at least 100 MB/s). The corpus is written to a temporary folder first,
/// one file per document, so that loading from disk (reading, UTF-8 checks) is measured too.
enum TextBenchmark {
    static let benchmark = Benchmark(name: "text", summary: "load + tokenise + split sentences (one core)", run: run)

    static func run(corpus: BenchmarkCorpus) throws {
        let folder = NSTemporaryDirectory() + "assay-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for d in corpus.documents {
            try d.text.write(toFile: "\(folder)/\(d.id).txt", atomically: false, encoding: .utf8)
        }
        var tokens = 0, sentences = 0, documents = 0
        let seconds = try Measure.time {
            let loaded = DocumentLoader().load([folder])
            guard loaded.errors.isEmpty else { throw loaded.errors[0] }
            for d in loaded.documents {
                let a = AnalyzedDocument(d)
                tokens += a.tokens.count
                sentences += a.sentences.count
            }
            documents = loaded.documents.count
        }
        Measure.report(
            "text (load from files + tokenise + split)", seconds: seconds, bytes: corpus.bytes, documents: documents,
            extra: "\(tokens) tokens (\(Int(Double(tokens) / seconds)) tokens/s), \(sentences) sentences")
        // The same without the file system, to separate the text machinery from the kernel's cost.
        let inMemory = Measure.time {
            for d in corpus.documents { _ = AnalyzedDocument(d) }
        }
        Measure.report(
            "text (in memory: tokenise + split)", seconds: inMemory, bytes: corpus.bytes,
            documents: corpus.documents.count)
        // The shared word-type pass, which every extractor that reads words asks for once.
        var types = 0
        let withTypes = Measure.time {
            for d in corpus.documents { types += AnalyzedDocument(d).tokenTypes.count }
        }
        Measure.report(
            "text (in memory: tokenise + split + token types)", seconds: withTypes, bytes: corpus.bytes,
            documents: corpus.documents.count, extra: "\(types) types")
    }
}
