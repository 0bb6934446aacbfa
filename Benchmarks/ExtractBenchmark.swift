import AssayCore
import Foundation

/// The whole `assay extract` process, JSON Lines in (stdin) and out (to /dev/null), as a user
/// runs it: the `assay` binary next to this one, on one core (`taskset -c 0`) and on all.
enum ExtractBenchmark {
    static let benchmark = Benchmark(
        name: "extract", summary: "whole-process assay extract, one core and all cores", run: run)
    static let memory = Benchmark(
        name: "memory", summary: "assay extract peak memory for 10 MB and 100 MB of input", run: runMemory)

    static let allFour = ["--with", "entities,numbers,quotes,sentiment"]

    static func run(corpus: BenchmarkCorpus) throws {
        let input = try inputFile(corpus, copies: 1)
        defer { if corpus.file == nil { try? FileManager.default.removeItem(atPath: input) } }
        let runs: [(String, [String])] = [
            ("a pattern that matches nothing", ["--define", "nothing=/qqxqzq/", "--with", "nothing"]),
            ("numbers", ["--with", "numbers"]),
            ("entities", ["--with", "entities"]),
            ("sentiment", ["--with", "sentiment"]),
            ("quotes (and entities)", ["--with", "quotes"]),
            ("all four", allFour)
        ]
        for (label, args) in runs {
            try report("extract, one core, \(label)", args, input: input, corpus: corpus, oneCore: true)
        }
        try report("extract, all cores, all four", allFour, input: input, corpus: corpus, oneCore: false)
        try reportLinking(input: input, corpus: corpus)
        // The same over the first document alone: what each run pays before its documents
        // (process start, plugins, models loaded on first use).
        let first = try firstDocumentFile(corpus)
        defer { try? FileManager.default.removeItem(atPath: first) }
        for (label, args) in runs {
            var best: (seconds: Double, cpu: Double, peakMiB: Double) = (.infinity, 0, 0)
            for _ in 0..<3 {
                let r = try spawn(args, input: first, oneCore: true)
                if r.seconds < best.seconds { best = r }
            }
            print(
                String(
                    format: "startup (first document only), one core, %@: %.3f s, CPU %.3f s (best of 3)", label,
                    best.seconds, best.cpu))
        }
    }

    /// What corpus linking adds to all four on one core: with a names table made beforehand
    /// (`--names FILE`, the table read at start), and with two passes over the file.
    private static func reportLinking(input: String, corpus: BenchmarkCorpus) throws {
        let table = NSTemporaryDirectory() + "assay-bench-\(getpid())-names.json"
        defer { try? FileManager.default.removeItem(atPath: table) }
        let made = try spawnAssay(["names", input], input: "/dev/null", output: table, oneCore: false)
        guard made.status == 0 else { throw AssayError(.extractionFailed, "assay names failed on \(input)") }
        try report(
            "extract, one core, all four, --names FILE", allFour + ["--names", table], input: input, corpus: corpus,
            oneCore: true)
        try report(
            "extract, one core, all four, --link corpus (two passes over the file)",
            allFour + ["--link", "corpus"], input: input, corpus: corpus, oneCore: true, readsFile: true)
    }

    /// The corpus's first document as a one-line JSON Lines file.
    private static func firstDocumentFile(_ corpus: BenchmarkCorpus) throws -> String {
        var w = JSONWriter()
        w.raw("{\"id\": ")
        w.string(corpus.documents[0].id)
        w.raw(", \"text\": ")
        w.string(corpus.documents[0].text)
        w.raw("}\n")
        let path = NSTemporaryDirectory() + "assay-bench-\(getpid())-first.jsonl"
        try Data(w.bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Peak memory must not grow with the input: 100 MB of JSON Lines within 1.5x of 10 MB.
    /// The corpus is repeated to reach the sizes (with distinct ids); memory is what is measured.
    static func runMemory(corpus: BenchmarkCorpus) throws {
        var peaks: [Double] = []
        for megabytes in [10, 100] {
            let copies = max(1, Int((Double(megabytes) * 1e6 / Double(corpus.jsonLines().count)).rounded()))
            let input = try inputFile(corpus, copies: copies)
            defer { try? FileManager.default.removeItem(atPath: input) }
            let size = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
            let r = try spawn(allFour, input: input, oneCore: false)
            peaks.append(r.peakMiB)
            print(
                String(
                    format: "memory, all four, all cores, %.0f MB of JSON Lines: %.2f s, peak memory %.0f MiB",
                    Double(size) / 1e6, r.seconds, r.peakMiB))
        }
        print(String(format: "memory: 100 MB / 10 MB peak = %.2fx (target at most 1.5x)", peaks[1] / peaks[0]))
    }

    /// `readsFile`: the input is given as a path (read twice by `--link corpus`), not on stdin.
    private static func report(
        _ label: String, _ args: [String], input: String, corpus: BenchmarkCorpus, oneCore: Bool,
        readsFile: Bool = false
    ) throws {
        // Best of three: on a shared machine one run can wait for a core.
        var best: (seconds: Double, cpu: Double, peakMiB: Double) = (.infinity, 0, 0)
        for _ in 0..<3 {
            let r =
                readsFile
                ? try spawnAssay(["extract"] + args + [input], input: "/dev/null", oneCore: oneCore)
                : try spawnAssay(["extract"] + args + ["-"], input: input, oneCore: oneCore)
            if r.seconds < best.seconds { best = (r.seconds, r.cpu, r.peakMiB) }
        }
        let mb = Double(corpus.bytes) / 1e6
        print(
            String(
                format: "%@: %.2f s, %.1f MB/s of text, CPU %.2f s, peak memory %.0f MiB (best of 3)",
                label, best.seconds, mb / best.seconds, best.cpu, best.peakMiB))
    }

    private static func inputFile(_ corpus: BenchmarkCorpus, copies: Int) throws -> String {
        if copies == 1, let file = corpus.file { return file }
        let path = NSTemporaryDirectory() + "assay-bench-\(getpid())-\(copies).jsonl"
        try Data(corpus.jsonLines(copies: copies)).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs `assay extract ARGS -` with `input` on stdin and stdout to /dev/null: wall seconds,
    /// CPU seconds (user + system) and peak resident memory of the child.
    private static func spawn(_ args: [String], input: String, oneCore: Bool) throws -> (
        seconds: Double, cpu: Double, peakMiB: Double
    ) {
        let r = try spawnAssay(["extract"] + args + ["-"], input: input, oneCore: oneCore)
        return (r.seconds, r.cpu, r.peakMiB)
    }

    /// Runs `assay ARGS` with `input` on stdin and stdout to `output`: exit status, wall
    /// seconds, CPU seconds (user + system) and peak resident memory of the child.
    ///
    /// The child runs under `/usr/bin/time` where there is one, which forks it and reports its
    /// peak memory: a child spawned straight from this process inherits this process's peak in
    /// its own (Linux keeps the larger of the two across exec), and this process holds the
    /// input, 100 MB for the memory figure.
    private static func spawnAssay(_ args: [String], input: String, output: String = "/dev/null", oneCore: Bool) throws
        -> (status: Int32, seconds: Double, cpu: Double, peakMiB: Double)
    {
        let assay = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "assay"
        ).path
        guard FileManager.default.isExecutableFile(atPath: assay) else {
            throw AssayError(.fileNotFound, "\(assay) not found: build it first (swift build -c release)")
        }
        let timeTool = "/usr/bin/time"
        let peakFile = NSTemporaryDirectory() + "assay-bench-\(getpid())-peak.txt"
        let timed = FileManager.default.isExecutableFile(atPath: timeTool)
        defer { if timed { try? FileManager.default.removeItem(atPath: peakFile) } }
        let argv =
            (timed ? [timeTool, "-f", "%M", "-o", peakFile] : []) + (oneCore ? ["/usr/bin/taskset", "-c", "0"] : [])
            + [assay] + args
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
        guard rc == 0 else { throw AssayError(.unreadable, "cannot start \(argv[0]): error \(rc)") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
                usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        // GNU time prints the child's peak in KiB; without it, the child's own figure.
        let peakKiB =
            timed
            ? (try? String(contentsOfFile: peakFile, encoding: .utf8))
                .flatMap { Double($0.split(separator: "\n").last.map(String.init) ?? "") } : nil
        return (status, seconds, cpu, (peakKiB ?? Double(usage.ru_maxrss)) / 1024)
    }
}
