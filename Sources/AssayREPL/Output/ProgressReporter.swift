import Foundation
import Synchronization

/// "120/5000 documents, 340 docs/s, 14 s left" on the terminal's error stream while a long run
/// goes on; silent in batch mode and for runs that finish within a second.
final class ProgressReporter: Sendable {
    let enabled: Bool
    private let write: @Sendable (String) -> Void
    private let start = Date()
    private struct State {
        var lastPrint = Date.distantPast
        var printed = false
    }
    private let state = Mutex(State())

    init(enabled: Bool, write: @escaping (String) -> Void) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
        nonisolated(unsafe) let w = write
        self.write = { w($0) }
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 1 else { return }
        let shouldPrint = state.withLock { s -> Bool in
            guard now.timeIntervalSince(s.lastPrint) > 0.2 || done == total else { return false }
            s.lastPrint = now
            s.printed = true
            return true
        }
        guard shouldPrint else { return }
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        write(
            String(
                format: "\r\u{1B}[K%d/%d documents, %.0f docs/s, %.0f s left (Ctrl-C stops, keeping what is done)",
                done, total, rate, left))
    }

    func finish() {
        if state.withLock({ $0.printed }) { write("\r\u{1B}[K") }
    }
}
