import AssayCore
import Foundation

// Usage: swift run -c release assay-bench [NAME ...] [--mb N] [--seeds FOLDER]
// Prints throughput and peak memory for each benchmark over a generated corpus.
let all: [any Benchmark.Type] = [
    TextBenchmark.self,
]

var names: [String] = []
var megabytes = 50
var seeds = "seeds"
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--mb": megabytes = Int(args.next() ?? "") ?? megabytes
    case "--seeds": seeds = args.next() ?? seeds
    case "-h", "--help":
        print("usage: assay-bench [NAME ...] [--mb N] [--seeds FOLDER]\n")
        for b in all { print("  \(b.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(b.summary)") }
        exit(0)
    default: names.append(a)
    }
}
let chosen = names.isEmpty ? all : all.filter { names.contains($0.name) }
if chosen.count < names.count {
    FileHandle.standardError.write("unknown benchmark; known: \(all.map(\.name).joined(separator: ", "))\n".data(using: .utf8)!)
    exit(2)
}
do {
    let corpus = try BenchmarkCorpus(seedsFolder: seeds, megabytes: megabytes)
    for b in chosen { try b.run(corpus: corpus) }
} catch {
    FileHandle.standardError.write("assay-bench: \(error)\n".data(using: .utf8)!)
    exit(1)
}
