import AssayCore
import Foundation
import Synchronization

/// Ctrl-C abandons the line being typed or stops the running command, never the REPL.
public enum SignalHandling {
    static let interrupted = Atomic<Bool>(false)
    nonisolated(unsafe) static var cancelFlag: CancellationFlag?

    /// Installs a SIGINT handler that sets `flag` (without SA_RESTART, so a pending read
    /// returns and the prompt can start again).
    public static func install(cancelling flag: CancellationFlag) {
        cancelFlag = flag
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            SignalHandling.interrupted.store(true, ordering: .relaxed)
            SignalHandling.cancelFlag?.cancel()
            BoundedRegex.interruption.cancel()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
