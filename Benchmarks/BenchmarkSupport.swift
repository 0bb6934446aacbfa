import AssayCore
import Foundation

/// One benchmark: a name for the command line and a body that prints its figures.
struct Benchmark: Sendable {
    var name: String
    var summary: String
    var run: @Sendable (BenchmarkCorpus) throws -> Void
}

/// The documents a benchmark runs over: a JSON Lines corpus the user passes (`--corpus
/// FILE.jsonl`, `{"id","text"}` per line: real, varied news such as `../shared/data/perf/news.jsonl`),
/// or, as a smoke run only, documents generated from the seed articles' paragraphs.
struct BenchmarkCorpus {
    let documents: [Document]
    /// The JSON Lines file the documents came from (nil for the generated corpus).
    let file: String?
    var bytes: Int { documents.reduce(0) { $0 + $1.text.utf8.count } }

    init(file: String) throws {
        let loaded = DocumentLoader().load([file])
        if let e = loaded.errors.first { throw e }
        guard !loaded.documents.isEmpty else { throw AssayError(.fileNotFound, "\(file): no documents") }
        documents = loaded.documents
        self.file = file
    }

    /// Shuffles the seed articles' paragraphs into documents of about 4 KB each, deterministically.
    /// The same few paragraphs repeat, so caches hit far more often than on real news: the
    /// figures are for a smoke run, not for reporting.
    init(seedsFolder: String, megabytes: Int) throws {
        let loaded = DocumentLoader().load([seedsFolder])
        guard !loaded.documents.isEmpty else {
            throw AssayError(
                .fileNotFound, "no seed documents in \(seedsFolder) (run from the repository root or pass --seeds)")
        }
        var paragraphs: [String] = []
        for d in loaded.documents {
            paragraphs += d.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        }
        var rng = SeededRandomGenerator(seed: 42)
        var docs: [Document] = []
        var total = 0
        let target = megabytes << 20
        while total < target {
            var text = ""
            while text.utf8.count < 4096 {
                text += paragraphs[Int(rng.next() % UInt64(paragraphs.count))] + "\n\n"
            }
            total += text.utf8.count
            docs.append(Document(id: "bench-\(docs.count)", text: text))
        }
        documents = docs
        file = nil
    }

    /// The corpus as JSON Lines, `copies` times over with distinct ids (for the memory figure).
    func jsonLines(copies: Int = 1) -> [UInt8] {
        var out: [UInt8] = []
        for c in 0..<copies {
            for d in documents {
                var w = JSONWriter()
                w.raw("{\"id\": ")
                w.string(copies == 1 ? d.id : "\(d.id)#\(c)")
                w.raw(", \"text\": ")
                w.string(d.text)
                w.raw("}\n")
                out += w.bytes
            }
        }
        return out
    }
}

enum Measure {
    /// Seconds taken by `body`.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// CPU time of the calling thread, in seconds: on a shared machine the wall clock also
    /// counts other processes' turns.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Peak resident memory of this process so far, in MiB (VmHWM from /proc).
    static func peakMemoryMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kb / 1024
    }

    /// Prints the standard figures for a run over `bytes` of text in `documents` documents.
    static func report(_ label: String, seconds: Double, bytes: Int, documents: Int, extra: String = "") {
        let mb = Double(bytes) / 1e6
        print(
            String(
                format: "%@: %.1f MB in %d documents, %.2f s, %.1f MB/s, %.0f docs/s, peak memory %.0f MiB%@",
                label, mb, documents, seconds, mb / seconds, Double(documents) / seconds, peakMemoryMiB(),
                extra.isEmpty ? "" : ", " + extra))
    }
}
