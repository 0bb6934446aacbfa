import Foundation
import Synchronization

/// Where a result came from: the pipeline typed, and when (in order) it was made, so a report
/// can caption each result and list them in the order of the exploration.
public struct ResultOrigin: Sendable {
    public var pipeline: String
    public var serial: Int

    private static let made = Atomic<Int>(0)

    public init(pipeline: String) {
        self.pipeline = pipeline.trimmingCharacters(in: .whitespaces)
        serial = ResultOrigin.made.add(1, ordering: .relaxed).newValue
    }
}
