import Foundation

/// The seeded Monte Carlo behind every total (SPEC 3): 10,000 draws per step, Latin-hypercube
/// stratified (each step uses every standard-normal stratum once, in an order seeded from the
/// step's own figures), so the same steps always give the same totals, byte for byte.
public enum MonteCarlo {
    public static let draws = 10_000

    /// Standard-normal quantiles at the midpoints of `draws` equal-probability strata.
    static let strata: [Float] = (0..<draws).map { Float(inverseNormal((Double($0) + 0.5) / Double(draws))) }

    /// One step's draws, in a stream-specific order. `stream` separates independent steps that
    /// happen to have equal figures.
    public static func samples(_ q: P5090, stream: UInt64) -> [Float] {
        guard let d = LogNormal(q) else { return [Float](repeating: 0, count: draws) }
        var rng = SplitMix64(
            seed: q.p50.bitPattern &* 0x9E3779B97F4A7C15 ^ q.p90.bitPattern ^ (stream &* 0xBF58476D1CE4E5B9))
        let mu = Float(d.mu), sigma = Float(d.sigma)
        // A Fisher–Yates shuffle of the strata's order, then each stratum's draw in that order.
        // Through raw buffers: the indices are in range by construction, and every step's
        // draws are made this way once per process, 10,000 at a time.
        return strata.withUnsafeBufferPointer { strata in
            [Float](unsafeUninitializedCapacity: draws) { out, count in
                var order = [Int32](unsafeUninitializedCapacity: draws) { o, n in
                    for k in 0..<draws { o[k] = Int32(k) }
                    n = draws
                }
                order.withUnsafeMutableBufferPointer { order in
                    for i in stride(from: draws - 1, to: 0, by: -1) {
                        let j = Int(rng.next() % UInt64(i + 1))
                        order.swapAt(i, j)
                    }
                    for k in 0..<draws { out[k] = expf(mu + sigma * strata[Int(order[k])]) }
                }
                count = draws
            }
        }
    }

    /// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
    static func inverseNormal(_ p: Double) -> Double {
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low { return -inverseNormal(1 - p) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
