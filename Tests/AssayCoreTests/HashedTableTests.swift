import AssayCore
import Testing

struct HashedTableTests {
    @Test func insertsAndReadsBack() {
        var t = HashedTable<String>(capacity: 4, empty: "")
        t.insert("a", for: 11)
        t.insert("b", for: 22)
        #expect(t[11] == "a")
        #expect(t[22] == "b")
        #expect(t.count == 2)
        #expect(!t.isEmpty)
    }

    @Test func missingKeysReadNil() {
        var t = HashedTable<Int>(capacity: 4, empty: 0)
        #expect(t.isEmpty)
        #expect(t[0] == nil)
        #expect(t[42] == nil)
        t.insert(7, for: 42)
        #expect(t[43] == nil)
        #expect(t[0] == nil)
        #expect(t[UInt64.max] == nil)
    }

    @Test func updateStartsFromEmptyAndChangesInPlace() {
        var t = HashedTable<UInt8>(capacity: 4, empty: 0)
        t.update(5) { $0 |= 1 }
        t.update(5) { $0 |= 4 }
        #expect(t[5] == 5)
        t.insert(9, for: 5)
        #expect(t[5] == 9)
        #expect(t.count == 1)
    }

    @Test func keyZeroIsAnOrdinaryKey() {
        // 0 marks free slots inside the table; it must still be storable, and distinct from 1.
        var t = HashedTable<Int>(capacity: 4, empty: 0)
        t.update(0) { $0 += 3 }
        #expect(t[0] == 3)
        #expect(t[1] == nil)
        t.insert(8, for: 1)
        t.update(0) { $0 += 1 }
        #expect(t[0] == 4)
        #expect(t[1] == 8)
        #expect(t.count == 2)
    }

    @Test func growsAndKeepsEveryKey() {
        var t = HashedTable<UInt64>(capacity: 1, empty: 0)
        let keys = (1...5000).map { UInt64($0) &* 0x2545_F491_4F6C_DD1D }
        for (n, k) in keys.enumerated() { t.insert(UInt64(n), for: k) }
        t.insert(99, for: 0)
        #expect(t.count == 5001)
        #expect(keys.enumerated().allSatisfy { t[$0.element] == UInt64($0.offset) })
        #expect(t[0] == 99)
        #expect(t[12345] == nil)
    }

    @Test func collidingKeysProbeOnAndWrapAround() {
        // Keys that agree in their low 32 bits collide in any table smaller than 2³² slots: the
        // first set wants slot 0, the second the last slot, so its probes wrap to the start.
        let first = (1...6).map { UInt64($0) << 32 }
        let last = (1...6).map { UInt64($0) << 32 | 0xFFFF_FFFF }
        var t = HashedTable<Int>(capacity: 8, empty: -1)
        for (n, k) in (first + last).enumerated() { t.insert(n, for: k) }
        #expect(t.count == 12)
        #expect((first + last).enumerated().allSatisfy { t[$0.element] == $0.offset })
        #expect(t[7 << 32] == nil)
        #expect(t[7 << 32 | 0xFFFF_FFFF] == nil)
        for k in first { t.update(k) { $0 += 100 } }
        #expect(t.count == 12)
        #expect(first.enumerated().allSatisfy { t[$0.element] == $0.offset + 100 })
    }

    @Test func capacityHintDoesNotLimitSize() {
        var t = HashedTable<Bool>(empty: false)
        for k in 1...100 { t.insert(true, for: UInt64(k)) }
        #expect((1...100).allSatisfy { t[UInt64($0)] == true })
        #expect(t.count == 100)
    }
}
