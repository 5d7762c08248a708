/// The cost quantiles already found for one route, units count and set of procedures, by
/// tonnage, used to narrow the search for the next shipment's. Its cost draws are a·x + w with
/// every x and w ≥ 0 (a the tonnage), so between known tonnages a1 < a < a2 each draw, and so
/// each order statistic q, is bounded: q(a1) ≤ q(a) ≤ q(a2), and since (a·x + w)/a falls as a
/// grows, q(a) ≤ q(a1)·a/a1 and q(a) ≥ q(a2)·a/a2. A window is only a guess to test, though: the
/// one-pass search counts the draws below it and accepts it only if the wanted rank falls inside,
/// else the next window or the full histogram is used. The answer is the same exact order
/// statistic whatever was cached, so the cache changes the speed, never the output.
final class CostBrackets {
    /// Known tonnages, ascending, and their quantiles.
    private var tonnes: [Float] = []
    private var quantiles: [P5090] = []
    /// Enough known points to keep windows narrow; past it, results are not stored, so memory
    /// stays bounded however many shipments are checked.
    static let capacity = 512

    /// Windows to try for tonnage `t`, narrowest first: the quantiles interpolated between the
    /// nearest known tonnages with a 0.2 % margin, then the bounds above. None at the ends.
    func windows(_ t: Float) -> [(low: P5090, high: P5090)] {
        let i = firstIndex(notBelow: t)
        guard i < tonnes.count else { return [] }
        if tonnes[i] == t { return [(quantiles[i], quantiles[i])] }
        guard i > 0 else { return [] }
        let a1 = Double(tonnes[i - 1]), a2 = Double(tonnes[i]), a = Double(t)
        let q1 = quantiles[i - 1], q2 = quantiles[i], f = (a - a1) / (a2 - a1)
        func bounds(_ q1: Double, _ q2: Double) -> (low: Double, high: Double, guess: Double) {
            (max(q1, q2 * a / a2), min(q2, q1 * a / a1), q1 + f * (q2 - q1))
        }
        let b50 = bounds(q1.p50, q2.p50), b90 = bounds(q1.p90, q2.p90)
        let guess = (
            low: P5090(p50: b50.guess * 0.998, p90: b90.guess * 0.998),
            high: P5090(p50: b50.guess * 1.002, p90: b90.guess * 1.002)
        )
        return [guess, (P5090(p50: b50.low, p90: b90.low), P5090(p50: b50.high, p90: b90.high))]
    }

    func record(_ t: Float, _ q: P5090) {
        let i = firstIndex(notBelow: t)
        guard tonnes.count < Self.capacity, i == tonnes.count || tonnes[i] != t else { return }
        tonnes.insert(t, at: i)
        quantiles.insert(q, at: i)
    }

    private func firstIndex(notBelow t: Float) -> Int {
        var lo = 0, hi = tonnes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tonnes[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension MonteCarlo {
    /// The exact p50 and p90 of a·x + b·y (+ z), elementwise, given values known to lie between
    /// `low` and `high` (both positive): the draws below each window are counted and those inside
    /// kept, and the rank is selected among the kept. Nil if a window does not hold its rank
    /// (the bracket was wrong), so that the caller falls back to the full method.
    static func quantiles(
        _ a: Float, _ x: [Float], _ b: Float, _ y: [Float], plus z: [Float]?,
        between low: P5090, and high: P5090
    ) -> P5090? {
        guard low.p50 > 0, low.p90 > 0 else { return nil }
        let n = x.count, r50 = n / 2, r90 = Int(Double(n) * 0.9)
        guard n > 0, y.count == n, z.map({ $0.count == n }) ?? true else { return nil }
        let lo50 = Float(low.p50), hi50 = Float(high.p50), lo90 = Float(low.p90), hi90 = Float(high.p90)
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * n) { buffer in
            let in50 = buffer.baseAddress!, in90 = in50 + n
            var count50 = 0, count90 = 0, tail50 = 0, tail90 = 0
            var below50 = SIMD8<Int32>(), below90 = SIMD8<Int32>()
            let va = SIMD8<Float>(repeating: a), vb = SIMD8<Float>(repeating: b)
            let l50 = SIMD8<Float>(repeating: lo50), h50 = SIMD8<Float>(repeating: hi50)
            let l90 = SIMD8<Float>(repeating: lo90), h90 = SIMD8<Float>(repeating: hi90)
            // Eight draws at a time, summed as `SampleSum` sums them (the same floats); the rare
            // groups with a draw inside a window are kept lane by lane.
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    let xs = UnsafeRawPointer(x.baseAddress!), ys = UnsafeRawPointer(y.baseAddress!)
                    // Masks are read as their lanes (-1 where true): subtracting one counts, and
                    // or-ing the halves tells if any lane is set, both cheaper than the generic
                    // mask operations.
                    func group(_ s: SIMD8<Float>) {
                        let under50 = s .< l50, under90 = s .< l90
                        below50 &-= unsafeBitCast(under50, to: SIMD8<Int32>.self)
                        below90 &-= unsafeBitCast(under90, to: SIMD8<Int32>.self)
                        // Not under the window and not over it (a NaN would fail `<=`, as it failed `>=`).
                        let keep50 = .!under50 .& (s .<= h50), keep90 = .!under90 .& (s .<= h90)
                        let lanes = unsafeBitCast(keep50 .| keep90, to: SIMD8<Int32>.self)
                        let halves = unsafeBitCast(lanes.lowHalf | lanes.highHalf, to: SIMD2<UInt64>.self)
                        guard halves[0] | halves[1] != 0 else { return }
                        for lane in 0..<8 {
                            if keep50[lane] { in50[count50] = s[lane]; count50 += 1 }
                            if keep90[lane] { in90[count90] = s[lane]; count90 += 1 }
                        }
                    }
                    func single(_ s: Float) {
                        if s < lo50 { tail50 += 1 }
                        if s < lo90 { tail90 += 1 }
                        if s >= lo50 && s <= hi50 { in50[count50] = s; count50 += 1 }
                        if s >= lo90 && s <= hi90 { in90[count90] = s; count90 += 1 }
                    }
                    func load(_ p: UnsafeRawPointer, _ i: Int) -> SIMD8<Float> {
                        p.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                    }
                    var i = 0
                    if let z {
                        z.withUnsafeBufferPointer { z in
                            let zs = UnsafeRawPointer(z.baseAddress!)
                            while i + 8 <= n { group(va * load(xs, i) + vb * load(ys, i) + load(zs, i)); i += 8 }
                            while i < n {
                                single(a * x[i] + b * y[i] + z[i])
                                i += 1
                            }
                        }
                    } else {
                        while i + 8 <= n { group(va * load(xs, i) + vb * load(ys, i)); i += 8 }
                        while i < n {
                            single(a * x[i] + b * y[i])
                            i += 1
                        }
                    }
                }
            }
            let k50 = r50 - tail50 - Int(below50.wrappedSum()), k90 = r90 - tail90 - Int(below90.wrappedSum())
            guard k50 >= 0, k50 < count50, k90 >= 0, k90 < count90 else { return nil }
            let p50 = nth(UnsafeMutableBufferPointer(start: in50, count: count50), k50)
            let p90 = nth(UnsafeMutableBufferPointer(start: in90, count: count90), k90)
            return P5090(p50: Double(p50), p90: Double(p90))
        }
    }
}
