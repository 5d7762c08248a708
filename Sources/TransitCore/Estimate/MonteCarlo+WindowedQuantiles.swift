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
