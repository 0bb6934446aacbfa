import Foundation

/// Runs work over a stream of items on several threads and hands the results back in input
/// order, on the thread that feeds the stream, while later items are still being worked on.
///
/// Reading the input, the work itself and writing the output overlap: the feeding thread only
/// submits items and consumes finished results, and at most `window` items are in flight (read
/// but not yet consumed), so memory stays flat however long the stream.
public final class OrderedStream<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(Int, Item)] = []
    private var queueHead = 0
    private var finished: [Int: Output] = [:]
    private var submitted = 0
    private var consumed = 0
    private var closed = false
    private let window: Int
    private let body: @Sendable (Item) -> Output
    private let consume: (Output) -> Void
    private let workers = DispatchGroup()

    /// Starts `concurrency` worker threads applying `body`; `consume` is called on the feeding
    /// thread, in input order, from ``submit(_:)`` and ``finish()``.
    public init(
        concurrency: Int = ParallelRunner.defaultConcurrency, window: Int,
        body: @escaping @Sendable (Item) -> Output, consume: @escaping (Output) -> Void
    ) {
        self.window = max(1, window)
        self.body = body
        self.consume = consume
        for _ in 0..<max(1, concurrency) {
            workers.enter()
            Thread.detachNewThread { [self] in
                work()
                workers.leave()
            }
        }
    }

    /// Queues an item, first consuming finished results while the window is full.
    public func submit(_ item: Item) {
        condition.lock()
        while submitted - consumed >= window {
            if !consumeReady() { condition.wait() }
        }
        queue.append((submitted, item))
        submitted += 1
        condition.signal()
        condition.unlock()
        condition.lock()
        _ = consumeReady()
        condition.unlock()
    }

    /// Waits for every submitted item and consumes the remaining results; the workers stop.
    public func finish() {
        condition.lock()
        closed = true
        condition.broadcast()
        while consumed < submitted {
            if !consumeReady() { condition.wait() }
        }
        condition.unlock()
        workers.wait()
    }

    /// Consumes the finished results that are next in order, outside the lock. Called with the
    /// lock held; returns whether it consumed any.
    private func consumeReady() -> Bool {
        var ready: [Output] = []
        while let r = finished.removeValue(forKey: consumed + ready.count) { ready.append(r) }
        guard !ready.isEmpty else { return false }
        condition.unlock()
        for r in ready { consume(r) }
        condition.lock()
        consumed += ready.count
        return true
    }

    private func work() {
        while true {
            condition.lock()
            while queueHead == queue.count && !closed { condition.wait() }
            if queueHead == queue.count {
                condition.unlock()
                return
            }
            let (index, item) = queue[queueHead]
            queueHead += 1
            if queueHead > 1024, queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            condition.unlock()
            let output = body(item)
            condition.lock()
            finished[index] = output
            condition.broadcast()
            condition.unlock()
        }
    }
}
