/// The tagger's weight table held without its zero rows.
///
/// The hashed table has a million buckets of 16 Int8 weights (16 MB), but nine in ten buckets
/// are all zero. Scoring reads about twenty rows per unit at random, so the table's size, not
/// the arithmetic, set the tagger's speed: 16 MB is far beyond the caches. Here the non-zero rows
/// are packed in bucket order (1.6 MB for the shipped model) behind a bitmap of which buckets
/// have one, with the number of rows before every 64 buckets (256 KB): the whole table stays
/// close to the core, and a row is found with one bitmap word and a population count.
struct WeightRows: Sendable {
    let bucketBits: Int
    /// Per 64 buckets, two words: which buckets have a row (bit `b & 63`), and the index in
    /// ``rows`` of the first of those rows.
    let occupancy: [UInt64]
    /// 16 Int8 per row, in lane order (``laneColumns``); row 0 is all zero and stands for every
    /// bucket without a row.
    let rows: [Int8]

    /// The dense table's column (`tag - 1`) of each lane of a packed row: the open tags
    /// (`B`, `U`) first, then the continuing ones (`I`, `L`), the order ``Viterbi`` works in,
    /// so that a unit's summed row splits into its two halves with no shuffling.
    static let laneColumns: [Int] = (Viterbi.openLanes + Viterbi.continueLanes).map { $0 - 1 }

    /// Packs a dense table (`bucket * 16 + tag`).
    init(bucketBits: Int, dense: [Int8]) {
        let buckets = 1 << bucketBits
        precondition(dense.count == buckets * 16)
        self.bucketBits = bucketBits
        var occupancy = [UInt64](repeating: 0, count: max(1, buckets >> 6) * 2)
        var rows = [Int8](repeating: 0, count: 16)
        for block in 0..<max(1, buckets >> 6) {
            occupancy[block * 2 + 1] = UInt64(rows.count / 16)
            var bits: UInt64 = 0
            for b in (block << 6)..<min(buckets, (block + 1) << 6) {
                let row = dense[(b * 16)..<(b * 16 + 16)]
                guard row.contains(where: { $0 != 0 }) else { continue }
                bits |= 1 << UInt64(b & 63)
                for c in Self.laneColumns { rows.append(dense[b * 16 + c]) }
            }
            occupancy[block * 2] = bits
        }
        self.occupancy = occupancy
        self.rows = rows
    }

    /// The dense table again (`bucket * 16 + tag`), for writing a model file.
    var dense: [Int8] {
        var out = [Int8](repeating: 0, count: (1 << bucketBits) * 16)
        for b in 0..<(1 << bucketBits) {
            let r = Self.row(of: b, occupancy)
            for (lane, c) in Self.laneColumns.enumerated() { out[b * 16 + c] = rows[r * 16 + lane] }
        }
        return out
    }

    /// The index in `rows` of bucket `b`'s row (0, the zero row, when it has none). Branch-free:
    /// whether a hashed feature has weights is as unpredictable as the hash.
    @inline(__always) static func row(of b: Int, _ occupancy: UnsafePointer<UInt64>) -> Int {
        let block = (b >> 6) << 1
        let bits = occupancy[block], first = occupancy[block | 1]
        let bit = UInt64(truncatingIfNeeded: b & 63)
        let present = (bits >> bit) & 1
        let before = UInt64((bits & ((1 << bit) &- 1)).nonzeroBitCount)
        return Int(truncatingIfNeeded: present &* (first &+ before))
    }

    private static func row(of b: Int, _ occupancy: [UInt64]) -> Int {
        occupancy.withUnsafeBufferPointer { row(of: b, $0.baseAddress!) }
    }
}
