/// The tagger's weight table held without its zero rows.
///
/// The hashed table has a million buckets of 16 Int8 weights (16 MB), but nine in ten buckets
/// are all zero. Scoring reads about twenty rows per unit at random, so the table's size, not
/// the arithmetic, set the tagger's speed: 16 MB is far beyond the caches. Here the non-zero rows
/// are packed in bucket order (1.3 MB for the shipped model), found through one word per block
/// of 32 buckets: the index of the block's rows in its high half, and which of its buckets have a
/// row (one bit each) in its low half. A bucket's row is the block's index plus the number of its
/// bits below the bucket's: one read of a 256 KB table, which stays in a core's cache where a
/// byte per bucket (1 MB) and a separate block index did not, and each look-up waited on memory.
/// (Blocks of 32 rather than 64 buckets: the bit count, which the baseline x86-64 target has no
/// instruction for, is then a 32-bit one, and a block one word rather than two, for the same
/// table size.)
struct WeightRows: Sendable {
    let bucketBits: Int
    /// Per block of 32 buckets, one word: the index in ``rows`` just before the block's first row
    /// (high 32 bits), and the bit set of its buckets that have a row (bucket `32 * block + k` is
    /// bit `k`).
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
        var blocks = [UInt64](repeating: 0, count: (buckets + 31) >> 5)
        var rows = [Int8](repeating: 0, count: 16)
        for block in blocks.indices {
            blocks[block] = UInt64(rows.count / 16 - 1) << 32
            for b in (block << 5)..<min(buckets, (block + 1) << 5) {
                guard dense[(b * 16)..<(b * 16 + 16)].contains(where: { $0 != 0 }) else { continue }
                blocks[block] |= 1 << UInt64(b & 31)
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
        precondition(Self.laneColumns == [0, 3, 4, 7, 8, 11, 12, 15, 1, 2, 5, 6, 9, 10, 13, 14])
        self.bucketBits = bucketBits
        var blocks = [UInt64](repeating: 0, count: (count + 31) >> 5)
        // Written through pointers, with room for every row and the zero row, each row as two
        // 8-byte words (``lanes(_:_:)``): this runs on every process's first use, over some
        // eighty thousand rows, and byte by byte it was a fifth of loading the model.
        let rows = [Int8](unsafeUninitializedCapacity: 16 * (buckets.count + 1)) { rows, written in
            blocks.withUnsafeMutableBufferPointer { blocks in
                buckets.withUnsafeBufferPointer { buckets in
                    let src = UnsafeRawPointer(weights.baseAddress!)
                    let out = UnsafeMutableRawPointer(rows.baseAddress!)
                    out.storeBytes(of: 0, as: UInt64.self)
                    out.storeBytes(of: 0, toByteOffset: 8, as: UInt64.self)
                    var rowCount = 1, k = 0
                    for block in 0..<blocks.count {
                        blocks[block] = UInt64(rowCount - 1) << 32
                        let end = min(count, (block + 1) << 5)
                        while k < buckets.count && buckets[k] < end {
                            let b = buckets[k]
                            let low = UInt64(littleEndian: src.loadUnaligned(fromByteOffset: 16 * k, as: UInt64.self))
                            let high = UInt64(
                                littleEndian: src.loadUnaligned(fromByteOffset: 16 * k + 8, as: UInt64.self))
                            k += 1
                            // An all-zero row stands for no row, as in the dense packing.
                            guard low | high != 0 else { continue }
                            blocks[block] |= 1 << UInt64(b & 31)
                            let (open, continuing) = Self.lanes(low, high)
                            out.storeBytes(of: open.littleEndian, toByteOffset: 16 * rowCount, as: UInt64.self)
                            out.storeBytes(
                                of: continuing.littleEndian, toByteOffset: 16 * rowCount + 8, as: UInt64.self)
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

    /// A row in lane order (``laneColumns``) from its 16 weights in column order, read as two
    /// little-endian words (`low`: columns 0...7, `high`: 8...15): the open lanes are columns
    /// 0, 3, 4 and 7 of each word, the continuing ones columns 1, 2, 5 and 6.
    @inline(__always) static func lanes(_ low: UInt64, _ high: UInt64) -> (open: UInt64, continuing: UInt64) {
        @inline(__always) func open(_ w: UInt64) -> UInt64 {
            (w & 0xFF) | ((w &>> 16) & 0xFFFF_00) | ((w &>> 32) & 0xFF00_0000)
        }
        @inline(__always) func continuing(_ w: UInt64) -> UInt64 { ((w &>> 8) & 0xFFFF) | ((w &>> 24) & 0xFFFF_0000) }
        return (open(low) | (open(high) &<< 32), continuing(low) | (continuing(high) &<< 32))
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
        row(of: b, block: blocks[b &>> 5])
    }

    /// The index in `rows` of bucket `b`'s row, given its block's word.
    @inline(__always) static func row(of b: Int, block: UInt64) -> Int {
        let bits = UInt32(truncatingIfNeeded: block)
        let shift = UInt32(truncatingIfNeeded: b) & 31
        let below = UInt64((bits & ((1 &<< shift) &- 1)).nonzeroBitCount)
        // Times 0 or 1 rather than a choice, which the compiler makes a branch.
        return Int(truncatingIfNeeded: ((block &>> 32) &+ below &+ 1) &* UInt64((bits &>> shift) & 1))
    }
}
