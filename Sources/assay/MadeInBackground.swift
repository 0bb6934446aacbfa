import Dispatch
import Foundation
import Synchronization

/// A value made on a thread of its own, waited for only where it is needed: the names table of
/// `--link corpus` is built while the second pass's workers already analyse and extract, and
/// only their linking waits for it (on two cores the build would otherwise leave one idle).
final class MadeInBackground<Value: Sendable>: Sendable {
    private let made = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    /// Starts making the value with `make` on a new thread.
    init(_ make: @escaping @Sendable () -> Value) {
        made.enter()
        Thread.detachNewThread { [self] in
            let value = make()
            result.withLock { $0 = value }
            made.leave()
        }
    }

    /// A value made already.
    init(ready value: Value) {
        result.withLock { $0 = value }
    }

    /// The value, once made (waiting for it until then).
    var value: Value {
        made.wait()
        return result.withLock { $0! }
    }
}
