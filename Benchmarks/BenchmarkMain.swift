import AssayCore
import Foundation

/// `assay-bench [NAME ...] --corpus FILE.jsonl`: prints throughput and peak memory for each
/// benchmark over a JSON Lines corpus of real news (without `--corpus`, a smoke run over a
/// corpus generated from the seeds, `--mb N` of it).
@main
enum BenchmarkMain {
    static let all: [Benchmark] = [
        TextBenchmark.benchmark,
        EntitiesBenchmark.benchmark,
        NumbersBenchmark.benchmark,
        SentimentBenchmark.benchmark,
        TargetSentimentBenchmark.benchmark,
        QuotesBenchmark.benchmark,
        JSONBenchmark.benchmark,
        ExtractBenchmark.benchmark,
        ExtractBenchmark.memory,
        AdversarialBenchmark.benchmark
    ]

    static func main() {
        var names: [String] = []
        var megabytes = 50
        var seeds = "seeds"
        var corpusFile: String?
        let args = Array(CommandLine.arguments.dropFirst())
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--mb":
                i += 1
                megabytes = i < args.count ? Int(args[i]) ?? megabytes : megabytes
            case "--seeds":
                i += 1
                if i < args.count { seeds = args[i] }
            case "--corpus":
                i += 1
                if i < args.count { corpusFile = args[i] }
            case "-h", "--help":
                print(
                    "usage: assay-bench [NAME ...] --corpus FILE.jsonl   (or [--mb N] [--seeds FOLDER] for a smoke run)\n"
                )
                for b in all { print("  \(b.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(b.summary)") }
                return
            default: names.append(args[i])
            }
            i += 1
        }
        let chosen = names.isEmpty ? all : all.filter { names.contains($0.name) }
        if chosen.count < names.count {
            FileHandle.standardError.write(
                Data("unknown benchmark; known: \(all.map(\.name).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        do {
            let corpus: BenchmarkCorpus
            if let corpusFile {
                corpus = try BenchmarkCorpus(file: corpusFile)
            } else {
                FileHandle.standardError.write(
                    Data(
                        "assay-bench: warning: no --corpus: a smoke run over the seed articles' paragraphs repeated; caches hit far more than on real news, so these figures are not to be reported\n"
                            .utf8))
                corpus = try BenchmarkCorpus(seedsFolder: seeds, megabytes: megabytes)
            }
            print(
                String(
                    format: "corpus: %@, %d documents, %.2f MB of text",
                    corpus.file ?? "generated from \(seeds) (text repeats)",
                    corpus.documents.count, Double(corpus.bytes) / 1e6))
            for b in chosen { try b.run(corpus) }
        } catch {
            FileHandle.standardError.write(Data("assay-bench: \(error)\n".utf8))
            exit(1)
        }
    }
}
