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
