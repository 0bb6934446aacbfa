import AssayCore
import Foundation

/// The trained tagger: a hashed table of Int8 weights (16 entity tags per bucket; `O` is
/// implicitly 0), one scale, and the tag transition scores.
///
/// A linear model over hashed features: scoring a unit is a handful of 16-byte row additions,
/// which is what lets the tagger run at a million tokens a second on one core.
struct TaggerModel: Sendable {
    let bucketBits: Int
    let featureVersion: UInt32
    /// `bucket * 16 + (tag - 1)`, packed without the zero rows.
    let table: WeightRows
    /// The dense table (`bucket * 16 + (tag - 1)`), for writing the model file: built on demand.
    var weights: [Int8] { table.dense }
    /// Multiplies the integer sums back into the averaged perceptron's units.
    let scale: Float
    let viterbi: Viterbi

    static let magic: [UInt8] = Array("ASNT".utf8)
    static let formatVersion: UInt32 = 1

    init(bucketBits: Int, featureVersion: UInt32, weights: [Int8], scale: Float, transitions: [Float]) {
        precondition(weights.count == (1 << bucketBits) * BILOU.entityTagCount)
        self.init(
            bucketBits: bucketBits, featureVersion: featureVersion,
            table: WeightRows(bucketBits: bucketBits, dense: weights), scale: scale, transitions: transitions)
    }

    init(bucketBits: Int, featureVersion: UInt32, table: WeightRows, scale: Float, transitions: [Float]) {
        self.bucketBits = bucketBits
        self.featureVersion = featureVersion
        self.table = table
        self.scale = scale
        self.viterbi = Viterbi(transitions: transitions)
    }

    /// Quantises float weights (`bucket * 17 + tag`, `O` included) to Int8 rows relative to `O`.
    /// Rows whose every weight rounds to zero are dropped by ``encoded()``.
    init(bucketBits: Int, featureVersion: UInt32, floatWeights w: [Float], transitions: [Float]) {
        let buckets = 1 << bucketBits
        let T = BILOU.count
        var relative = [Float](repeating: 0, count: buckets * 16)
        var magnitudes: [Float] = []
        magnitudes.reserveCapacity(buckets)
        for b in 0..<buckets {
            let o = w[b * T]
            var m: Float = 0
            for t in 1..<T {
                let v = w[b * T + t] - o
                relative[b * 16 + t - 1] = v
                m = max(m, abs(v))
            }
            if m > 0 { magnitudes.append(m) }
        }
        // One scale for the whole table, set by the largest weight: clipping the largest few
        // (bias and shape features) cost 1.5 points of dev F1, finer steps for the rest gained nothing.
        let scale = (magnitudes.max() ?? 1) / 127
        var q = relative.map { Int8(max(-127, min(127, ($0 / scale).rounded()))) }
        // A row whose largest weight is one step of the scale barely moves a score, and a model
        // averaged over several training runs has many (features each run weighted a little):
        // dropped, they cost no dev F1 and keep the file and its load small.
        for b in 0..<buckets where (0..<16).allSatisfy({ abs(Int(q[b * 16 + $0])) <= 1 }) {
            for t in 0..<16 { q[b * 16 + t] = 0 }
        }
        self.init(
            bucketBits: bucketBits, featureVersion: featureVersion, weights: q, scale: scale, transitions: transitions)
    }

    // MARK: - Tagging

    /// The facts of the spellings `profiles` under this model.
    func spellingFacts(_ profiles: [UnitProfile]) -> [SpellingFacts] {
        FeatureScorer.with(table) { $0.facts(of: profiles) }
    }

    /// Tags every sentence of `units`; returns one BILOU tag per unit. `profiles` must hold the
    /// two sentence markers `boundary` and `end` (see ``FeatureExtractor/boundary``), and
    /// `facts` point at the facts of each of its spellings.
    /// `lanes` receives the emission scores the tags were decoded from.
    func tag(
        _ units: TaggingUnits, profiles: TypedProfiles, facts: [UnsafePointer<SpellingFacts>],
        boundary: Int32, end: Int32,
        casing: DocumentCasing, gazetteer: [(categories: UInt16, position: UInt8)?], lanes: inout Viterbi.LaneEmissions
    ) -> [Int] {
        var sums: [SIMD16<Int16>] = []
        FeatureScorer.with(table) {
            $0.score(
                units, profiles: profiles, facts: facts, boundary: boundary, end: end, casing: casing,
                gazetteer: gazetteer, into: &sums)
        }
        // `O` scores 0 (the model stores weights relative to it); the packed rows hold the
        // open tags in their low half and the continuing ones in their high half. Made for the
        // whole document at once, then decoded a sentence at a time.
        lanes = Viterbi.LaneEmissions()
        lanes.outside = [Float](repeating: 0, count: units.count)
        lanes.open.reserveCapacity(units.count)
        lanes.continue.reserveCapacity(units.count)
        for row in sums {
            lanes.open.append(SIMD8<Float>(row.lowHalf) * scale)
            lanes.continue.append(SIMD8<Float>(row.highHalf) * scale)
        }
        // The sentences are the units in order, each unit in one: their tags, one after another,
        // are the document's.
        var out: [Int] = []
        out.reserveCapacity(units.count)
        var tags: [Int] = [], steps: [Float] = []
        for s in units.sentences {
            viterbi.decode(lanes: lanes, from: s.lowerBound, count: s.count, tags: &tags, steps: &steps)
            out.append(contentsOf: tags)
        }
        return out
    }

    // MARK: - File format

    /// Little-endian: magic, format version, feature version, bucket bits, scale, 17×17
    /// transitions, row count, the rows' bucket numbers as varint deltas, then 16 Int8 per row.
    func encoded() -> Data {
        var d = Data(Self.magic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        u32(Self.formatVersion)
        u32(featureVersion)
        u32(UInt32(bucketBits))
        f32(scale)
        for t in viterbi.transitions { f32(t) }
        let weights = self.weights
        var rows: [Int] = []
        for b in 0..<(1 << bucketBits) {
            for t in 0..<16 where weights[b * 16 + t] != 0 {
                rows.append(b)
                break
            }
        }
        u32(UInt32(rows.count))
        var last = 0
        for r in rows {
            var delta = r - last
            last = r
            while delta >= 0x80 {
                d.append(UInt8(delta & 0x7F) | 0x80)
                delta >>= 7
            }
            d.append(UInt8(delta))
        }
        for r in rows { weights[(r * 16)..<(r * 16 + 16)].withUnsafeBytes { d.append(contentsOf: $0) } }
        return d
    }

    init(data: Data) throws {
        // Read in place (no copy of the 1.3 MB file into an array first).
        self = try data.withUnsafeBytes { raw in try Self(bytes: raw.bindMemory(to: UInt8.self)) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) throws {
        var p = 0
        func fail(_ why: String) -> AssayError {
            AssayError(.modelUnavailable, "entity model file is unusable: \(why)")
        }
        func u32() throws -> UInt32 {
            guard p + 4 <= bytes.count else { throw fail("truncated") }
            defer { p += 4 }
            return UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3])
                << 24
        }
        guard bytes.count > 4, Array(bytes[0..<4]) == Self.magic else { throw fail("not an Assay entity model") }
        p = 4
        guard try u32() == Self.formatVersion else { throw fail("unknown format version") }
        let featureVersion = try u32()
        let bits = Int(try u32())
        guard (10...26).contains(bits) else { throw fail("bad table size") }
        let scale = Float(bitPattern: try u32())
        var transitions: [Float] = []
        for _ in 0..<(BILOU.count * BILOU.count) { transitions.append(Float(bitPattern: try u32())) }
        let rowCount = Int(try u32())
        var rows = [Int](repeating: 0, count: rowCount)
        var last = 0
        for k in 0..<rowCount {
            var v = 0, shift = 0
            while true {
                guard p < bytes.count else { throw fail("truncated") }
                let b = bytes[p]
                p += 1
                v |= Int(b & 0x7F) << shift
                shift += 7
                if b < 0x80 { break }
            }
            guard k == 0 || v > 0 else { throw fail("rows out of order") }
            last += v
            guard last < 1 << bits else { throw fail("bucket out of range") }
            rows[k] = last
        }
        guard p + rowCount * 16 <= bytes.count else { throw fail("truncated") }
        let table = UnsafeBufferPointer(rebasing: bytes[p..<(p + rowCount * 16)]).withMemoryRebound(to: Int8.self) {
            WeightRows(bucketBits: bits, buckets: rows, weights: $0)
        }
        self.init(
            bucketBits: bits, featureVersion: featureVersion, table: table, scale: scale, transitions: transitions)
    }
}
