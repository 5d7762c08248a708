extension MonteCarlo {
    /// The p50 and p90 of a sample of non-negative values (negatives count as zero): exact order
    /// statistics, the 5,000th and 9,000th smallest of 10,000. One vectorised pass finds the zeros
    /// and the range of the positive values; a second counts them into 4,096 buckets by the top
    /// bits of their IEEE bit patterns above the smallest (positive floats sort like their bit
    /// patterns, and the buckets are finer where the values are dense, as on a log scale); a third
    /// keeps the few values in the bucket that holds each rank, where the rank is then selected.
    /// The second and third passes work on eight values at a time.
    public static func quantiles(_ values: [Float]) -> P5090 {
        guard !values.isEmpty else { return .zero }
        let n = values.count, r50 = n / 2, r90 = Int(Double(n) * 0.9)
        return values.withUnsafeBufferPointer { v in
            let (zeros, smallest, largest) = positiveRange(v)
            guard zeros <= r90 else { return .zero }
            let buckets = Buckets(smallest: smallest, largest: largest)
            // One more counter than buckets: zeros and negatives are counted there and ignored.
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Buckets.count + 1) { counts in
                counts.initialize(repeating: 0)
                let table = counts.baseAddress!
                // Written out rather than through `forEachKey`: the compiler does not inline this
                // closure, and this loop runs once for every shipment.
                var i = 0
                while i + 8 <= n {
                    let keys = buckets.keys(v, at: i)
                    for lane in 0..<8 { table[Int(keys[lane])] &+= 1 }
                    i += 8
                }
                while i < n { table[Int(buckets.key(v[i]))] &+= 1; i += 1 }
                /// The bucket holding `rank` among the positive values, and the rank within it.
                func locate(_ rank: Int) -> (bucket: UInt32, offset: Int)? {
                    var r = rank - zeros, k = 0
                    guard r >= 0 else { return nil }
                    while r >= Int(table[k]) { r -= Int(table[k]); k += 1 }
                    return (UInt32(k), r)
                }
                let at50 = locate(r50), at90 = locate(r90)
                let size50 = at50.map { Int(table[Int($0.bucket)]) } ?? 0,
                    size90 = at90.map { Int(table[Int($0.bucket)]) } ?? 0
                return withUnsafeTemporaryAllocation(of: Float.self, capacity: size50 + size90 + 2) { buffer in
                    let in50 = buffer.baseAddress!, in90 = in50 + size50 + 1
                    var count50 = 0, count90 = 0
                    let bucket50 = at50?.bucket ?? .max, bucket90 = at90?.bucket ?? .max
                    let wanted50 = SIMD8<UInt32>(repeating: bucket50), wanted90 = SIMD8<UInt32>(repeating: bucket90)
                    buckets.forEachKey(in: v) { keys, x in
                        let hit50 = keys .== wanted50, hit90 = keys .== wanted90
                        guard any(hit50 .| hit90) else { return }
                        for lane in 0..<8 {
                            if hit50[lane] { in50[count50] = x[lane]; count50 += 1 }
                            if hit90[lane] { in90[count90] = x[lane]; count90 += 1 }
                        }
                    } tail: { key, x in
                        if key == bucket50 { in50[count50] = x; count50 += 1 }
                        if key == bucket90 { in90[count90] = x; count90 += 1 }
                    }
                    let p50 = at50.map { nth(UnsafeMutableBufferPointer(start: in50, count: count50), $0.offset) } ?? 0
                    let p90 = at90.map { nth(UnsafeMutableBufferPointer(start: in90, count: count90), $0.offset) } ?? 0
                    return P5090(p50: Double(p50), p90: Double(p90))
                }
            }
        }
    }

    /// 4,096 buckets over the bit patterns of the positive floats from `smallest` to `largest`;
    /// zero and negative values get key `count`, one past the last bucket.
    struct Buckets {
        static let count = 4096
        let minBits: UInt32
        let shift: UInt32

        init(smallest: Float, largest: Float) {
            minBits = smallest.bitPattern
            var shift: UInt32 = 0
            while (largest.bitPattern &- minBits) &>> shift >= UInt32(Buckets.count) { shift += 1 }
            self.shift = shift
        }

        /// The keys of the eight values from `i`.
        @inline(__always)
        func keys(_ v: UnsafeBufferPointer<Float>, at i: Int) -> SIMD8<UInt32> {
            let x = UnsafeRawPointer(v.baseAddress!).loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
            return ((bits &- SIMD8(repeating: minBits)) &>> SIMD8(repeating: shift))
                .replacing(with: UInt32(Buckets.count), where: .!(x .> SIMD8<Float>()))
        }

        @inline(__always)
        func key(_ x: Float) -> UInt32 { x > 0 ? (x.bitPattern &- minBits) &>> shift : UInt32(Buckets.count) }

        /// Calls `body` with the keys of each eight values (and the values), then `tail` for
        /// the last few one by one.
        @inline(__always)
        func forEachKey(
            in v: UnsafeBufferPointer<Float>, _ body: (SIMD8<UInt32>, SIMD8<Float>) -> Void,
            tail: (UInt32, Float) -> Void
        ) {
            let n = v.count, base = UnsafeRawPointer(v.baseAddress!)
            var i = 0
            while i + 8 <= n {
                body(keys(v, at: i), base.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self))
                i += 8
            }
            while i < n { tail(key(v[i]), v[i]); i += 1 }
        }
    }

    /// How many values are zero or negative, and the smallest and largest positive value,
    /// eight at a time.
    static func positiveRange(_ v: UnsafeBufferPointer<Float>) -> (zeros: Int, smallest: Float, largest: Float) {
        let n = v.count, base = UnsafeRawPointer(v.baseAddress!)
        var low = SIMD8<Float>(repeating: .infinity), high = SIMD8<Float>(repeating: 0), zeros = SIMD8<Int32>()
        let zero = SIMD8<Float>(), one = SIMD8<Int32>(repeating: 1)
        var i = 0
        while i + 8 <= n {
            let x = base.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            let positive = x .> zero
            zeros &+= one.replacing(with: 0, where: positive)
            low = low.replacing(with: x, where: positive .& (x .< low))
            high = high.replacing(with: x, where: x .> high)
            i += 8
        }
        var count = Int(zeros.wrappedSum()), smallest = low.min(), largest = high.max()
        while i < n {
            let x = v[i]
            if x > 0 { smallest = min(smallest, x); largest = max(largest, x) } else { count += 1 }
            i += 1
        }
        return (count, smallest, largest)
    }

    /// The k-th smallest in a buffer (reorders it): Hoare quickselect, median-of-three pivot.
    static func nth(_ a: UnsafeMutableBufferPointer<Float>, _ k: Int) -> Float {
        var lo = 0, hi = a.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { break }
        }
        return a[k]
    }
}
