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

    /// A placeholder for arrays that are filled in place.
    static let placeholder = SpellingFacts(profile: UnitProfile(), own: .zero, plainBase: .zero, asPrevious: .zero,
                                           asSecondPrevious: .zero, asNext: .zero, asSecondNext: .zero)
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
final class SpellingCache: Sendable {
    let capacity: Int

    private struct State: Sendable {
        /// Hash of the bytes (see ``UnitTypes``) → entry; on a collision the next key of the
        /// probe sequence in ``SpellingCache/probe(_:)``.
        var index = HashedTable<Int32>(capacity: 4096, empty: -1)
        var bytes: [UInt8] = []
        /// Per entry: where its bytes are in `bytes`.
        var spellings: [(start: Int, length: Int)] = []
        var facts: [SpellingFacts] = []
    }
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = capacity }

    /// The next key to try when `key` holds another spelling.
    @inline(__always) static func probe(_ key: UInt64) -> UInt64 { FeatureHash.mix(key, 0x5EED) }

    /// The facts of every type of `types`: from the cache, or made by `make` (given the types
    /// not cached, in order) and then cached while there is room. The array has room for
    /// `extra` more without growing. `ids` receives each type's entry number in the cache
    /// (stable for the cache's life), or -1 where there was no room.
    func facts(of types: UnitTypes, in utf8: UnsafeBufferPointer<UInt8>, extra: Int = 0, ids: inout [Int32],
               make: ([Int]) -> [SpellingFacts]) -> [SpellingFacts] {
        var out: [SpellingFacts] = []
        out.reserveCapacity(types.count + extra)
        ids = [Int32](repeating: -1, count: types.count)
        guard types.count > 0, let base = utf8.baseAddress else { return out }
        // In type order: the cached facts, a placeholder where they must be made (filled below).
        var missing: [Int] = []
        state.withLock { s in
            s.bytes.withUnsafeBufferPointer { stored in
                // (`ids` is written inside the lock: a local, not shared.)
                for t in 0..<types.count {
                    let span = types.spelling(t)
                    var key = types.hash(t), found = false
                    while let e = s.index[key] {
                        let entry = s.spellings[Int(e)]
                        if entry.length == span.length
                            && (span.length == 0 || memcmp(stored.baseAddress! + entry.start, base + span.start, span.length) == 0) {
                            out.append(s.facts[Int(e)])
                            ids[t] = e
                            found = true
                            break
                        }
                        key = Self.probe(key)
                    }
                    if !found { missing.append(t); out.append(SpellingFacts.placeholder) }
                }
            }
        }
        guard !missing.isEmpty else { return out }
        let made = make(missing)
        for (k, t) in missing.enumerated() { out[t] = made[k] }
        state.withLock { s in
            for (k, t) in missing.enumerated() {
                guard s.facts.count < capacity else { break }
                let span = types.spelling(t)
                // Another thread may have added it meanwhile: then the key chain finds it.
                var key = types.hash(t), known = false
                while let e = s.index[key] {
                    let entry = s.spellings[Int(e)]
                    if entry.length == span.length && s.bytes[entry.start..<(entry.start + entry.length)].elementsEqual(utf8[span.start..<span.end]) {
                        known = true
                        ids[t] = e
                        break
                    }
                    key = Self.probe(key)
                }
                if known { continue }
                ids[t] = Int32(s.facts.count)
                s.index.insert(Int32(s.facts.count), for: key)
                s.spellings.append((s.bytes.count, span.length))
                s.bytes.append(contentsOf: utf8[span.start..<span.end])
                s.facts.append(made[k])
            }
        }
        return out
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

    /// The key of a pair of spelling entry numbers (nil when either has none).
    @inline(__always) static func key(_ a: Int32, _ b: Int32) -> UInt64? {
        a < 0 || b < 0 ? nil : UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    /// The sums of every pair of `keys`: from the cache, or made by `make` (given the
    /// positions not cached) and then cached while there is room. A nil key is never cached.
    func sums(of keys: [UInt64?], make: ([Int]) -> [PairSums]) -> [PairSums] {
        // In key order: the cached sums, zeros where they must be made (filled below).
        var out: [PairSums] = []
        out.reserveCapacity(keys.count)
        let zero = PairSums(left: .zero, right: .zero)
        var missing: [Int] = []
        state.withLock { s in
            for (j, key) in keys.enumerated() {
                guard let key else { missing.append(j); out.append(zero); continue }
                var h = FeatureHash.mix(key, 0x9A1B), found = false
                while let e = s.index[h] {
                    if s.keys[Int(e)] == key { out.append(s.sums[Int(e)]); found = true; break }
                    h = SpellingCache.probe(h)
                }
                if !found { missing.append(j); out.append(zero) }
            }
        }
        guard !missing.isEmpty else { return out }
        let made = make(missing)
        for (k, j) in missing.enumerated() { out[j] = made[k] }
        state.withLock { s in
            for (k, j) in missing.enumerated() {
                guard s.sums.count < capacity else { break }
                guard let key = keys[j] else { continue }
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
