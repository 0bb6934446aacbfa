import Testing

@testable import AssayCore

/// The slots under the exact tables of corpus linking: entries of one hash stay apart, numbers
/// follow the order entries were added, and growing keeps every entry findable.
struct HashSlotsTests {
    @Test func entriesOfOneHashAreToldApartByTheirKeys() {
        var slots = HashSlots()
        var names: [String] = []
        for name in ["Clinton", "Obama", "Clinton", "Trump"] {
            // Every name under one hash: only the comparison of keys tells them apart.
            let (n, isNew) = slots.first(42, in: names, orAdding: { $0 == name })
            if isNew { names.append(name) }
            #expect(names[n] == name)
        }
        #expect(names == ["Clinton", "Obama", "Trump"])
        #expect(slots.count == 3)
        #expect(slots.first(42, in: names, where: { $0 == "Obama" }) == 1)
        #expect(slots.first(42, in: names, where: { $0 == "Sanders" }) == nil)
        #expect(slots.first(7, in: names, where: { $0 == "Obama" }) == nil)
    }

    @Test func growingKeepsEveryEntryUnderItsNumber() {
        var slots = HashSlots(capacity: 2)
        var keys: [UInt64] = []
        for k in 1...1_000 as ClosedRange<UInt64> {
            let hash = k &* 0x9E37_79B9_7F4A_7C15
            let (n, isNew) = slots.first(hash, in: keys, orAdding: { $0 == k })
            #expect(isNew && n == keys.count)
            keys.append(k)
        }
        for (n, k) in keys.enumerated() {
            #expect(slots.first(k &* 0x9E37_79B9_7F4A_7C15, in: keys, where: { $0 == k }) == n)
        }
        #expect(slots.hashes.count == 1_000)
    }

    @Test func emptySlotsFindNothing() {
        let slots = HashSlots()
        let none: [Int] = []
        #expect(slots.first(1, in: none, where: { _ in true }) == nil)
        #expect(slots.count == 0)
    }
}
