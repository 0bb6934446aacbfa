/// The tagger's weight table held without its zero rows.
///
/// The hashed table has a million buckets of 16 Int8 weights (16 MB), but nine in ten buckets
/// are all zero. Scoring reads about twenty rows per unit at random, so the table's size, not
/// the arithmetic, set the tagger's speed: 16 MB is far beyond the caches. Here the non-zero rows
/// are packed in bucket order (1.3 MB for the shipped model), found through two words per block
/// of 64 buckets: which of its buckets have a row (one bit each), and the index of the block's
/// rows. A bucket's row is the block's index plus the number of its bits below the bucket's:
/// one read of a 256 KB table, which stays in a core's cache where a byte per bucket (1 MB)
/// and a separate block index did not, and each look-up waited on memory.
struct WeightRows: Sendable {
    let bucketBits: Int
    /// Per block of 64 buckets, two words: the bit set of its buckets that have a row (bucket
    /// `64 * block + k` is bit `k`), and the index in ``rows`` just before the block's first row.
    let blocks: [UInt64]
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
        var blocks = [UInt64](repeating: 0, count: 2 * ((buckets + 63) >> 6))
        var rows = [Int8](repeating: 0, count: 16)
        for block in 0..<(blocks.count / 2) {
            blocks[2 * block + 1] = UInt64(rows.count / 16 - 1)
            for b in (block << 6)..<min(buckets, (block + 1) << 6) {
                guard dense[(b * 16)..<(b * 16 + 16)].contains(where: { $0 != 0 }) else { continue }
                blocks[2 * block] |= 1 << UInt64(b & 63)
                for c in Self.laneColumns { rows.append(dense[b * 16 + c]) }
            }
        }
        self.blocks = blocks
        self.rows = rows
    }

    /// Packs the rows of a model file: `buckets` in increasing order, bucket `buckets[k]` with
    /// the 16 weights (`tag - 1` order) at `weights[16 * k ..< 16 * k + 16]`. The same table as
    /// the dense one with those rows, without making and scanning 16 MB on every model load.
    init(bucketBits: Int, buckets: [Int], weights: UnsafeBufferPointer<Int8>) {
        let count = 1 << bucketBits
        precondition(weights.count >= buckets.count * 16)
        self.bucketBits = bucketBits
        var blocks = [UInt64](repeating: 0, count: 2 * ((count + 63) >> 6))
        let lanes = Self.laneColumns
        // Written through pointers, with room for every row and the zero row: this runs on every
        // process's first use, over some eighty thousand rows.
        let rows = [Int8](unsafeUninitializedCapacity: 16 * (buckets.count + 1)) { rows, written in
            blocks.withUnsafeMutableBufferPointer { blocks in
                lanes.withUnsafeBufferPointer { lanes in
                    for lane in 0..<16 { rows.initializeElement(at: lane, to: 0) }
                    var rowCount = 1, k = 0
                    for block in 0..<(blocks.count / 2) {
                        blocks[2 * block + 1] = UInt64(rowCount - 1)
                        let end = min(count, (block + 1) << 6)
                        while k < buckets.count && buckets[k] < end {
                            let b = buckets[k], w = 16 * k
                            k += 1
                            // An all-zero row stands for no row, as in the dense packing.
                            guard (w..<(w + 16)).contains(where: { weights[$0] != 0 }) else { continue }
                            blocks[2 * block] |= 1 << UInt64(b & 63)
                            for lane in 0..<16 {
                                rows.initializeElement(at: 16 * rowCount + lane, to: weights[w + lanes[lane]])
                            }
                            rowCount += 1
                        }
                    }
                    written = 16 * rowCount
                }
            }
        }
        self.blocks = blocks
        self.rows = rows
    }

    /// The dense table again (`bucket * 16 + tag`), for writing a model file.
    var dense: [Int8] {
        var out = [Int8](repeating: 0, count: (1 << bucketBits) * 16)
        blocks.withUnsafeBufferPointer { blocks in
            for b in 0..<(1 << bucketBits) {
                let r = Self.row(of: b, blocks.baseAddress!)
                guard r != 0 else { continue }
                for (lane, c) in Self.laneColumns.enumerated() { out[b * 16 + c] = rows[r * 16 + lane] }
            }
        }
        return out
    }

    /// The index in `rows` of bucket `b`'s row (0, the zero row, when it has none). Branch-free:
    /// whether a hashed feature has weights is as unpredictable as the hash.
    @inline(__always) static func row(of b: Int, _ blocks: UnsafePointer<UInt64>) -> Int {
        let at = (b &>> 6) &<< 1
        return row(of: b, bits: blocks[at], base: blocks[at &+ 1])
    }

    /// The index in `rows` of bucket `b`'s row, given its block's two words.
    @inline(__always) static func row(of b: Int, bits: UInt64, base: UInt64) -> Int {
        let shift = UInt64(b & 63)
        let below = UInt64((bits & ((1 &<< shift) &- 1)).nonzeroBitCount)
        // Times 0 or 1 rather than a choice, which the compiler makes a branch.
        return Int(truncatingIfNeeded: (base &+ below &+ 1) &* ((bits &>> shift) & 1))
    }
}
