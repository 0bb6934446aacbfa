import AssayCore
import Foundation
import Synchronization

/// What the tagger knows about one spelling regardless of the document it is in: its profile
/// and the summed weight rows of its spelling-only features (see ``FeatureScorer``).
struct SpellingFacts: Sendable {
    var profile: UnitProfile
    /// The unit's own spelling features.
    var own: SIMD16<Int16>
    /// `own` plus the context features of an ordinary position, except the one that reads the
    /// document's casing of the word (added per document).
    var plainBase: SIMD16<Int16>
    var asPrevious: SIMD16<Int16>
    var asSecondPrevious: SIMD16<Int16>
    var asNext: SIMD16<Int16>
    var asSecondNext: SIMD16<Int16>
}

/// Spelling facts kept across documents for one model.
///
/// News is mostly the same few thousand words ("the", "said", ",", "President"); their facts
/// are the same in every document, and working them out (hashing the bytes five ways, then
/// twenty weight-row reads) is much of the tagger's work. The cache holds them for up to
/// ``capacity`` spellings, first come first kept, and is shared by every thread that uses the
/// recognizer. Facts are pure functions of the bytes and the model, so what is cached never
/// changes a result, only how soon it is ready.
///
/// One lock is taken to look up all the spellings of a document and one to add the new ones,
/// so threads tagging different documents rarely wait on each other.
///
/// A document gets pointers to the cached facts, not copies, as they are about 300 bytes a
/// spelling. So the facts live in one block allocated
/// for the whole capacity when the cache is made (untouched pages cost no memory), which never
/// moves, and an entry is written once, under the lock, before its number is published and
/// never again. A reader that got a pointer under the lock may thus read through it at any
/// time after, without the lock, for as long as the cache lives (hence `@unchecked Sendable`:
/// the pointer is the only state outside the `Mutex`).
final class SpellingCache: @unchecked Sendable {
    let capacity: Int

    /// One slot of the index: a spelling's hash (``TokenSpellings/hashes``), byte length
    /// and packed bytes (``packedBytes(_:_:)``) beside its entry number, so that a look-up of a
    /// spelling under eight bytes (most words) reads one slot and nothing else.
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var packed: UInt64 = 0
        var length: Int32 = 0
        /// -1: a free slot.
        var entry: Int32 = -1
    }

    private struct State: Sendable {
        /// Open addressing with linear probing, at most half full.
        var slots = [Slot](repeating: Slot(), count: 8192)
        var bytes: [UInt8] = []
        /// Per entry: where its bytes are in `bytes` (a spelling of eight bytes or more is
        /// compared by them).
        var starts: [Int] = []
        /// How many entries of `storage` are written.
        var count = 0

        /// The entry of the spelling `span` of `base` with `hash` and `packed` bytes, if stored.
        func find(_ hash: UInt64, _ packed: UInt64, _ span: Span, _ base: UnsafePointer<UInt8>) -> Int32? {
            find(hash, packed, span, base, home: homeSlot(hash))
        }

        /// The slot where the search for `hash` starts.
        @inline(__always) func homeSlot(_ hash: UInt64) -> Slot {
            slots.withUnsafeBufferPointer { $0[Int(truncatingIfNeeded: hash) & ($0.count - 1)] }
        }

        /// ``find(_:_:_:_:)`` given a copy of the slot where the search starts, read earlier
        /// (see ``SpellingCache/facts(of:in:facts:made:make:)``).
        func find(_ hash: UInt64, _ packed: UInt64, _ span: Span, _ base: UnsafePointer<UInt8>, home: Slot) -> Int32? {
            let mask = slots.count - 1
            return slots.withUnsafeBufferPointer { slots in
                var i = Int(truncatingIfNeeded: hash) & mask
                var slot = home
                while true {
                    if slot.entry < 0 { return nil }
                    if slot.hash == hash && slot.packed == packed && Int(slot.length) == span.length
                        && (span.length < 8
                            || bytes.withUnsafeBufferPointer {
                                memcmp($0.baseAddress! + starts[Int(slot.entry)], base + span.start, span.length) == 0
                            })
                    {
                        return slot.entry
                    }
                    i = (i + 1) & mask
                    slot = slots[i]
                }
            }
        }

        /// Adds the next entry for a spelling not stored yet.
        mutating func add(_ hash: UInt64, _ packed: UInt64, _ span: Span, _ utf8: UnsafeBufferPointer<UInt8>) {
            if (count + 1) * 2 > slots.count { grow() }
            let entry = Int32(count)
            place(Slot(hash: hash, packed: packed, length: Int32(span.length), entry: entry))
            starts.append(bytes.count)
            bytes.append(contentsOf: utf8[span.start..<span.end])
            count += 1
        }

        private mutating func place(_ slot: Slot) {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[i].entry >= 0 { i = (i + 1) & mask }
            slots[i] = slot
        }

        private mutating func grow() {
            let old = slots
            slots = [Slot](repeating: Slot(), count: old.count * 2)
            for slot in old where slot.entry >= 0 { place(slot) }
        }
    }
    private let state = Mutex(State())
    /// `capacity` entries' facts, then the extra facts given at `init` (written there).
    private let storage: UnsafeMutablePointer<SpellingFacts>

    /// `extra`: facts kept beside the cache for its life (the sentence markers), reached with
    /// ``extraFacts(_:)``.
    init(capacity: Int, extra: [SpellingFacts] = []) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity + extra.count)
        (storage + capacity).initialize(from: extra, count: extra.count)
    }

    deinit {
        // `SpellingFacts` is plain data: nothing to deinitialise.
        storage.deallocate()
    }

    /// The bytes of a spelling under eight bytes packed in a number, first byte lowest (0 for a
    /// longer one, which is compared byte for byte): two such spellings are equal exactly when
    /// their lengths and numbers are.
    @inline(__always) static func packedBytes(_ utf8: UnsafeBufferPointer<UInt8>, _ span: Span) -> UInt64 {
        let n = span.length
        guard n > 0, n < 8 else { return 0 }
        if span.start + 8 <= utf8.count {
            // One load where eight bytes lie inside the text, masked to the spelling's.
            let word = UInt64(
                littleEndian: UnsafeRawPointer(utf8.baseAddress! + span.start).loadUnaligned(as: UInt64.self))
            return word & (UInt64.max &>> (64 - 8 * n))
        }
        var packed: UInt64 = 0
        for k in 0..<n { packed |= UInt64(utf8[span.start + k]) &<< (8 * k) }
        return packed
    }

    /// Extra facts `k` given at `init`, at a place that never moves.
    func extraFacts(_ k: Int) -> UnsafePointer<SpellingFacts> { UnsafePointer(storage + capacity + k) }

    /// Points `facts[t]` at the facts of every type `t` of `types`: in the cache, or made by
    /// `make` (given the types not cached, in order) and then cached while there is room.
    /// Where there was no room, the facts are in `made` at the place returned, and `facts` is
    /// not set: the caller points it into `made` while it reads them.
    func facts(
        of types: TokenSpellings, in utf8: UnsafeBufferPointer<UInt8>, facts: inout [UnsafePointer<SpellingFacts>],
        made: inout [SpellingFacts], make: ([Int]) -> [SpellingFacts]
    ) -> [(type: Int, made: Int)] {
        let stored = UnsafePointer(storage)
        facts.removeAll(keepingCapacity: true)
        let count = types.count
        guard count > 0, let base = utf8.baseAddress else { return [] }
        facts.reserveCapacity(count + 2)
        // In type order: the cached facts, a stand-in where they must be made (set below).
        var missing: [Int] = []
        state.withLock { s in
            // Each spelling's first slot is read in a loop of its own, where the reads (random,
            // in megabytes of index) run side by side, then searched from the copy.
            withUnsafeTemporaryAllocation(of: Slot.self, capacity: count) { homes in
                for t in 0..<count { homes.initializeElement(at: t, to: s.homeSlot(types.hashes[t])) }
                for t in 0..<count {
                    if let e = s.find(
                        types.hashes[t], Self.packedBytes(utf8, types.spans[t]), types.spans[t],
                        base, home: homes[t])
                    {
                        facts.append(stored + Int(e))
                    } else {
                        missing.append(t)
                        facts.append(stored)
                    }
                }
            }
        }
        guard !missing.isEmpty else { return [] }
        made = make(missing)
        var uncached: [(type: Int, made: Int)] = []
        state.withLock { s in
            for (k, t) in missing.enumerated() {
                // Another thread may have added it meanwhile.
                if let e = s.find(
                    types.hashes[t], Self.packedBytes(utf8, types.spans[t]), types.spans[t],
                    base)
                {
                    facts[t] = stored + Int(e)
                    continue
                }
                guard s.count < capacity else {
                    uncached.append((t, k))
                    continue
                }
                let e = s.count
                // Written before its number is published, and never again.
                (storage + e).initialize(to: made[k])
                s.add(types.hashes[t], Self.packedBytes(utf8, types.spans[t]), types.spans[t], utf8)
                facts[t] = stored + e
            }
        }
        return uncached
    }
}
