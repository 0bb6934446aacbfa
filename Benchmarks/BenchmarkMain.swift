import AssayCore
import Foundation

/// `swift run -c release assay-bench [NAME ...] [--mb N] [--seeds FOLDER]`: prints throughput
/// and peak memory for each benchmark over a generated corpus.
@main
enum BenchmarkMain {
    static let all: [Benchmark] = [
        TextBenchmark.benchmark,
        EntitiesBenchmark.benchmark,
        NumbersBenchmark.benchmark,
        SentimentBenchmark.benchmark,
        QuotesBenchmark.benchmark,
    ]

    static func main() {
        var names: [String] = []
        var megabytes = 50
        var seeds = "seeds"
        let args = Array(CommandLine.arguments.dropFirst())
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--mb": i += 1; megabytes = i < args.count ? Int(args[i]) ?? megabytes : megabytes
            case "--seeds": i += 1; if i < args.count { seeds = args[i] }
            case "-h", "--help":
                print("usage: assay-bench [NAME ...] [--mb N] [--seeds FOLDER]\n")
                for b in all { print("  \(b.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(b.summary)") }
                return
            default: names.append(args[i])
            }
            i += 1
        }
        let chosen = names.isEmpty ? all : all.filter { names.contains($0.name) }
        if chosen.count < names.count {
            FileHandle.standardError.write(Data("unknown benchmark; known: \(all.map(\.name).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        do {
            let corpus = try BenchmarkCorpus(seedsFolder: seeds, megabytes: megabytes)
            for b in chosen { try b.run(corpus) }
        } catch {
            FileHandle.standardError.write(Data("assay-bench: \(error)\n".utf8))
            exit(1)
        }
    }
}
