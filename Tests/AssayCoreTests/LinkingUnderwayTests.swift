import Foundation
import Synchronization
import Testing

@testable import AssayCore

struct LinkingUnderwayTests {
    /// Opened by the test, waited for by a build.
    final class Gate: Sendable {
        private let isOpen = Mutex(false)
        func open() { isOpen.withLock { $0 = true } }
        func wait() { while !isOpen.withLock({ $0 }) { usleep(1000) } }
    }

    /// A linking being built is not ready until its build ends; asked for, it is waited for,
    /// and then ready for everyone.
    @Test func aLinkingBeingBuiltIsReadyOnlyOnceBuilt() {
        let gate = Gate()
        var statistics = CorpusNameStatistics()
        statistics.add(DocumentNames([DocumentNames.Entry(label: "PERSON", canonical: "Maria Kowalski")]))
        let built = statistics
        let underway = LinkingUnderway {
            gate.wait()
            return CorpusLinking(built)
        }
        #expect(underway.ifReady == nil)
        gate.open()
        #expect(underway.linking.names.entityCount == 1)
        #expect(underway.ifReady?.names.entityCount == 1)
    }

    @Test func aLinkingGivenReadyIsReady() {
        let underway = LinkingUnderway(CorpusLinking(CorpusNames()))
        #expect(underway.ifReady?.names.entityCount == 0)
        #expect(underway.linking.names.entityCount == 0)
    }
}
