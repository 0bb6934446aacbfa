/// Values kept by name (label and canonical name) across the documents of a run, up to a
/// number of names, found by the names' ``NameRefTable/hash(_:)`` as a document's table made it.
struct KeptNames<Value: Sendable>: Sendable {
    private var table = NameRefTable(capacity: 1024)
    private var values: [Value] = []
    /// Names kept at most: past them, new names are not kept.
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The value kept for `ref` of hash `hash`, if any.
    func value(of ref: DocumentNames.NameRef, hash: UInt64) -> Value? {
        table.number(of: ref, hash: hash).map { values[$0] }
    }

    /// Keeps `value` for `ref` of hash `hash`, unless a value is kept for it already or the
    /// table is full.
    mutating func keep(_ value: Value, for ref: DocumentNames.NameRef, hash: UInt64) {
        guard table.count < capacity else { return }
        if table.insert(ref, hash: hash).isNew { values.append(value) }
    }
}
