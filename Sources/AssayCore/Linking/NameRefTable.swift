/// The distinct names (label and canonical name) of one document's entity mentions, numbered in
/// order of first appearance and found by a hash of their bytes.
///
/// A document mentions each of its entities several times, and every mention is looked up once
/// to group it and once more to link it: `Dictionary` hashed the two Strings of each with SipHash
/// every time, most of what linking a document cost. Here a look-up costs one pass over the
/// name's bytes and an exact comparison with the name of the same hash (the mentions of one
/// entity usually share the String of its canonical name, which `==` sees at once).
struct NameRefTable: Sendable {
    /// The names in order of first appearance.
    private(set) var refs: [DocumentNames.NameRef] = []
    private var slots: HashSlots

    /// Room for about `capacity` names before anything grows.
    init(capacity: Int) {
        slots = HashSlots(capacity: max(8, capacity))
        refs.reserveCapacity(capacity)
    }

    var count: Int { refs.count }

    /// ``hash(_:)`` of each name in ``refs``.
    var hashes: [UInt64] { slots.hashes }

    /// The number of `ref`, adding it if new; `isNew` tells which.
    mutating func insert(_ ref: DocumentNames.NameRef) -> (number: Int, isNew: Bool) {
        insert(ref, hash: Self.hash(ref))
    }

    /// ``insert(_:)`` of `ref` whose ``hash(_:)`` is `hash` (from another table that holds it).
    mutating func insert(_ ref: DocumentNames.NameRef, hash: UInt64) -> (number: Int, isNew: Bool) {
        let found = slots.first(hash, in: refs, orAdding: { $0 == ref })
        if found.isNew { refs.append(ref) }
        return found
    }

    /// The number of `ref`, if the table holds it.
    func number(of ref: DocumentNames.NameRef) -> Int? { number(of: ref, hash: Self.hash(ref)) }

    /// ``number(of:)`` of `ref` whose ``hash(_:)`` is `hash`.
    func number(of ref: DocumentNames.NameRef, hash: UInt64) -> Int? {
        slots.first(hash, in: refs, where: { $0 == ref })
    }

    /// A well-mixed 64-bit hash of a name's label and canonical name: FNV-1a over their UTF-8
    /// bytes, then its bits spread so that the low ones, which pick a slot, vary.
    static func hash(_ ref: DocumentNames.NameRef) -> UInt64 {
        var h = afterLabel(ref.label)
        feed(ref.canonical, into: &h)
        return spread(h)
    }

    /// The hash state after `label` and the byte that ends it (a byte no UTF-8 holds: label
    /// "AB" + "C" is not "A" + "BC"); the usual labels' states are worked out once, as every
    /// mention is hashed. Labels are told apart by length first: comparing unequal short
    /// Strings takes `==`'s out-of-line path.
    private static func afterLabel(_ label: String) -> UInt64 {
        switch label.utf8.count {
        case 6 where label == NameKey.personLabel: return afterPerson
        case 3 where label == NameKey.organisationLabel: return afterOrganisation
        case 3 where label == "LOC": return afterLocation
        case 4 where label == "MISC": return afterMiscellany
        default: return state(afterLabel: label)
        }
    }

    private static let afterPerson = state(afterLabel: NameKey.personLabel)
    private static let afterOrganisation = state(afterLabel: NameKey.organisationLabel)
    private static let afterLocation = state(afterLabel: "LOC")
    private static let afterMiscellany = state(afterLabel: "MISC")

    private static func state(afterLabel label: String) -> UInt64 {
        var h = FNV1a.offsetBasis
        feed(label, into: &h)
        return FNV1a.step(h, 0xFF)
    }

    /// ``hash(_:)`` of one String.
    static func hash(_ s: String) -> UInt64 {
        var h = FNV1a.offsetBasis
        feed(s, into: &h)
        return spread(h)
    }

    private static func feed(_ s: String, into h: inout UInt64) {
        var s = s
        s.withUTF8 { for b in $0 { h = FNV1a.step(h, b) } }
    }

    private static func spread(_ h: UInt64) -> UInt64 {
        var h = h
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}
