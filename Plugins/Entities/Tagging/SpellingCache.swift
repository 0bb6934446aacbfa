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
/// twenty weight-row reads) was a third of the tagger's time. The cache holds them for up to
/// ``capacity`` spellings, first come first kept, and is shared by every thread that uses the
/// recognizer. Facts are pure functions of the bytes and the model, so what is cached never
/// changes a result, only how soon it is ready.
///
/// One lock is taken to look up all the spellings of a document and one to add the new ones,
/// so threads tagging different documents rarely wait on each other.
///
/// A document gets pointers to the cached facts, not copies: at about 300 bytes a spelling,
/// copying them out was a tenth of the tagger's time. So the facts live in one block allocated
/// for the whole capacity when the cache is made (untouched pages cost no memory), which never
/// moves, and an entry is written once, under the lock, before its number is published and
/// never again. A reader that got a pointer under the lock may thus read through it at any
/// time after, without the lock, for as long as the cache lives (hence `@unchecked Sendable`:
/// the pointer is the only state outside the `Mutex`).
final class SpellingCache: @unchecked Sendable {
    let capacity: Int

    private struct State: Sendable {
        /// Hash of the bytes (see ``UnitTypes``) → entry; on a collision the next key of the
        /// probe sequence in ``SpellingCache/probe(_:)``.
        var index = HashedTable<Int32>(capacity: 4096, empty: -1)
        var bytes: [UInt8] = []
        /// Per entry: where its bytes are in `bytes`, and the bytes packed as
        /// ``UnitTypes/packedBytes(_:)`` packs them (a spelling under eight bytes is compared
        /// by that number).
        var spellings: [(start: Int, length: Int, packed: UInt64)] = []
        /// How many entries of `storage` are written.
        var count = 0
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

    /// Extra facts `k` given at `init`, at a place that never moves.
    func extraFacts(_ k: Int) -> UnsafePointer<SpellingFacts> { UnsafePointer(storage + capacity + k) }

    /// The next key to try when `key` holds another spelling.
    @inline(__always) static func probe(_ key: UInt64) -> UInt64 { FeatureHash.mix(key, 0x5EED) }

    /// Points `facts[t]` at the facts of every type `t` of `types`: in the cache, or made by
    /// `make` (given the types not cached, in order) and then cached while there is room.
    /// `ids` receives each type's entry number in the cache (stable for the cache's life), or -1
    /// where there was no room. Where there was no room, the facts are in `made` at the place
    /// returned, and `facts` is not set: the caller points it into `made` while it reads them.
    func facts(of types: UnitTypes, in utf8: UnsafeBufferPointer<UInt8>, facts: inout [UnsafePointer<SpellingFacts>],
               ids: inout [Int32], made: inout [SpellingFacts], make: ([Int]) -> [SpellingFacts]) -> [(type: Int, made: Int)] {
        let stored = UnsafePointer(storage)
        facts.removeAll(keepingCapacity: true)
        ids = [Int32](repeating: -1, count: types.count)
        guard types.count > 0, let base = utf8.baseAddress else { return [] }
        facts.reserveCapacity(types.count + 2)
        // In type order: the cached facts, a stand-in where they must be made (set below).
        var missing: [Int] = []
        state.withLock { s in
            s.bytes.withUnsafeBufferPointer { bytes in
                // (`ids` is written inside the lock: a local, not shared.)
                for t in 0..<types.count {
                    let span = types.spelling(t)
                    var key = types.hash(t), found = false
                    while let e = s.index[key] {
                        let entry = s.spellings[Int(e)]
                        if entry.length == span.length
                            && (span.length < 8 ? entry.packed == types.packedBytes(t)
                                : memcmp(bytes.baseAddress! + entry.start, base + span.start, span.length) == 0) {
                            facts.append(stored + Int(e))
                            ids[t] = e
                            found = true
                            break
                        }
                        key = Self.probe(key)
                    }
                    if !found { missing.append(t); facts.append(stored) }
                }
            }
        }
        guard !missing.isEmpty else { return [] }
        made = make(missing)
        var uncached: [(type: Int, made: Int)] = []
        state.withLock { s in
                for (k, t) in missing.enumerated() {
                    guard s.count < capacity else { uncached.append((t, k)); continue }
                    let span = types.spelling(t)
                    // Another thread may have added it meanwhile: then the key chain finds it.
                    var key = types.hash(t), known = false
                    while let e = s.index[key] {
                        let entry = s.spellings[Int(e)]
                        if entry.length == span.length && s.bytes[entry.start..<(entry.start + entry.length)].elementsEqual(utf8[span.start..<span.end]) {
                            known = true
                            ids[t] = e
                            facts[t] = stored + Int(e)
                            break
                        }
                        key = Self.probe(key)
                    }
                    if known { continue }
                    let e = s.count
                    // Written before its number is published, and never again.
                    (storage + e).initialize(to: made[k])
                    s.count += 1
                    ids[t] = Int32(e)
                    facts[t] = stored + e
                    s.index.insert(Int32(e), for: key)
                    s.spellings.append((s.bytes.count, span.length, types.packedBytes(t)))
                    s.bytes.append(contentsOf: utf8[span.start..<span.end])
                }
        }
        return uncached
    }
}

/// The sums of neighbouring spelling pairs kept across documents for one model, by the
/// spellings' entry numbers in a ``SpellingCache`` ("of the", ", said", "President Xi" recur
/// from one article to the next). Like the spelling cache: bounded, first come first kept,
/// one lock per document for the look-ups and one for the additions, and never a different
/// result, only a sooner one.
final class PairCache: Sendable {
    let capacity: Int

    private struct State: Sendable {
        /// Mixed pair key → entry.
        var index = HashedTable<Int32>(capacity: 16_384, empty: -1)
        /// Per entry: the pair key (`first << 32 | second`) and its sums.
        var keys: [UInt64] = []
        var sums: [PairSums] = []
    }
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = capacity }

    /// The key of a pair of spelling entry numbers, or ``noKey`` when either has none.
    @inline(__always) static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        a < 0 || b < 0 ? noKey : UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    /// The key of a pair that is never cached (no pair of entry numbers, which are below
    /// 2^31, has it).
    static let noKey = UInt64.max

    /// The sums of every pair of `keys`: from the cache, or made by `make` (given the
    /// positions not cached) and then cached while there is room. ``noKey`` is never cached.
    func sums(of keys: [UInt64], make: ([Int]) -> [PairSums]) -> [PairSums] {
        // In key order: the cached sums, zeros where they must be made (filled below).
        let zero = PairSums(left: .zero, right: .zero)
        var missing: [Int] = []
        // Written through pointers, one lock for all the look-ups.
        var out = [PairSums](unsafeUninitializedCapacity: keys.count) { out, count in
            state.withLock { s in
                s.keys.withUnsafeBufferPointer { known in
                s.sums.withUnsafeBufferPointer { sums in
                keys.withUnsafeBufferPointer { keys in
                    for j in 0..<keys.count {
                        let key = keys[j]
                        var found = false
                        if key != Self.noKey {
                            var h = FeatureHash.mix(key, 0x9A1B)
                            while let e = s.index[h] {
                                if known[Int(e)] == key { out.initializeElement(at: j, to: sums[Int(e)]); found = true; break }
                                h = SpellingCache.probe(h)
                            }
                        }
                        if !found { missing.append(j); out.initializeElement(at: j, to: zero) }
                    }
                }}}
            }
            count = keys.count
        }
        guard !missing.isEmpty else { return out }
        let made = make(missing)
        for (k, j) in missing.enumerated() { out[j] = made[k] }
        state.withLock { s in
            for (k, j) in missing.enumerated() {
                guard s.sums.count < capacity else { break }
                let key = keys[j]
                guard key != Self.noKey else { continue }
                var h = FeatureHash.mix(key, 0x9A1B), known = false
                while let e = s.index[h] {
                    if s.keys[Int(e)] == key { known = true; break }
                    h = SpellingCache.probe(h)
                }
                if known { continue }
                s.index.insert(Int32(s.sums.count), for: h)
                s.keys.append(key)
                s.sums.append(made[k])
            }
        }
        return out
    }
}
