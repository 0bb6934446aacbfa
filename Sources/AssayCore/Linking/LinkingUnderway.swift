import Foundation
import Synchronization

/// A corpus linking given ready (read from a names table), or being built on a thread of its
/// own (from the names a first pass counted) while the documents it links are extracted.
///
/// `assay extract --link corpus` builds its table in some tens of milliseconds on one core;
/// the second pass's documents need it only to be linked, after their extraction, so its
/// workers do not wait for it: a document extracted before it is ``ifReady`` goes unlinked to
/// the writing thread, which waits for ``linking`` and links it there.
public final class LinkingUnderway: Sendable {
    private let built: Mutex<CorpusLinking?>
    /// Left when `built` holds the linking.
    private let done = DispatchGroup()

    /// A linking that is ready.
    public init(_ linking: CorpusLinking) {
        built = Mutex(linking)
    }

    /// Starts building the linking with `make` on a new thread.
    public init(building make: @escaping @Sendable () -> CorpusLinking) {
        built = Mutex(nil)
        done.enter()
        Thread.detachNewThread { [self] in
            let linking = make()
            built.withLock { $0 = linking }
            done.leave()
        }
    }

    /// The linking, if it is built by now.
    public var ifReady: CorpusLinking? { built.withLock { $0 } }

    /// The linking, once built.
    public var linking: CorpusLinking {
        done.wait()
        return built.withLock { $0! }
    }
}
