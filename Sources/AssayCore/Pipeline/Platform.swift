import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func getenvString(_ name: String) -> String? {
    guard let p = getenv(name) else { return nil }
    return String(cString: p)
}

enum ProcessInfoCores {
    /// The processors this process may run on (`taskset -c 0` allows one), else those online.
    static var active: Int {
        // Linux prints the affinity mask as hex words in /proc/self/status: "Cpus_allowed: 3".
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) {
            let allowed = line.dropFirst("Cpus_allowed:".count).reduce(0) { n, c in
                n + (c.hexDigitValue?.nonzeroBitCount ?? 0)
            }
            if allowed > 0 { return allowed }
        }
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

/// The C library's memory allocator.
public enum Allocator {
    /// Caps glibc's malloc at `count` arenas (its default allows eight per core). `assay extract`
    /// allocates from a few busy threads; with an arena each for every thread that ever ran, freed
    /// memory stays spread over arenas and peak memory kept growing with the input (215 MiB for
    /// 100 MB of news with all four extractors, 89 MiB for 10 MB; capped, 91 MiB). Does nothing
    /// on other C libraries. Call it before starting threads: glibc fixes the limit when a second
    /// thread first allocates.
    public static func limitArenas(to count: Int) {
        #if os(Linux)
        // mallopt is not in Swift's Glibc module: looked up by name, absent on other C libraries.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, Int32(max(1, count)))
        #endif
    }
}
