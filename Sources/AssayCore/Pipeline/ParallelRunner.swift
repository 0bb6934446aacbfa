import Dispatch
import Synchronization

/// Maps work over many items on all cores, keeping the input order in the output.
public struct ParallelRunner: Sendable {
    public let concurrency: Int

    public init(concurrency: Int = ParallelRunner.defaultConcurrency) {
        self.concurrency = max(1, concurrency)
    }

    /// The number of active processors, or `ASSAY_THREADS` when set.
    public static var defaultConcurrency: Int {
        if let s = getenvString("ASSAY_THREADS"), let n = Int(s), n > 0 { return n }
        return ProcessInfoCores.active
    }

    /// Applies `body` to every item; results come back in input order. Items after a set
    /// `cancel` flag are skipped (their result is nil), so a long run can stop early and keep
    /// what it has. `progress` is called (from any thread) after each item.
    public func map<T: Sendable, R: Sendable>(
        _ items: [T], cancel: CancellationFlag? = nil,
        progress: (@Sendable (Int) -> Void)? = nil,
        _ body: @Sendable (T) -> R
    ) -> [R?] {
        let results = Mutex([R?](repeating: nil, count: items.count))
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let workers = min(concurrency, items.count)
        guard workers > 0 else { return [] }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                if cancel?.isCancelled == true { return }
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if i >= items.count { return }
                let r = body(items[i])
                results.withLock { $0[i] = r }
                let d = done.wrappingAdd(1, ordering: .relaxed).newValue
                progress?(d)
            }
        }
        return results.withLock { $0 }
    }
}

/// A flag that a signal handler or another thread sets to stop a long run.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
    public func cancel() { flag.store(true, ordering: .relaxed) }
    public func reset() { flag.store(false, ordering: .relaxed) }
}
