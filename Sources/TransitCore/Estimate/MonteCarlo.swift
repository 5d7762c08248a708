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
        var rng = SplitMix64(seed: q.p50.bitPattern &* 0x9E3779B97F4A7C15 ^ q.p90.bitPattern ^ (stream &* 0xBF58476D1CE4E5B9))
        var order = Array(0..<draws)
        for i in stride(from: draws - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        let mu = Float(d.mu), sigma = Float(d.sigma)
        return order.map { expf(mu + sigma * strata[$0]) }
    }

    /// The p50 and p90 of a sample of non-negative values: exact order statistics (the 5,000th and
    /// 9,000th smallest of 10,000). One pass counts the top 16 bits of the floats' bit patterns
    /// (for non-negative IEEE floats they sort like the values) in a two-level histogram; the
    /// few values in the bucket that holds each rank are then selected exactly.
    public static func quantiles(_ values: [Float]) -> P5090 {
        guard !values.isEmpty else { return .zero }
        let r50 = values.count / 2, r90 = Int(Double(values.count) * 0.9)
        return values.withUnsafeBufferPointer { v in
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 65536 + 256) { counts in
                counts.initialize(repeating: 0)
                let high = UnsafeMutableBufferPointer(rebasing: counts[65536...])
                for x in v {
                    let key = Int(max(x, 0).bitPattern >> 16)
                    counts[key] &+= 1
                    high[key >> 8] &+= 1
                }
                func locate(_ rank: Int) -> (key: UInt32, offset: Int) {
                    var r = rank, h = 0
                    while r >= Int(high[h]) { r -= Int(high[h]); h += 1 }
                    var k = h << 8
                    while r >= Int(counts[k]) { r -= Int(counts[k]); k += 1 }
                    return (UInt32(k), r)
                }
                let (k50, o50) = locate(r50), (k90, o90) = locate(r90)
                var in50: [Float] = [], in90: [Float] = []
                in50.reserveCapacity(Int(counts[Int(k50)]))
                in90.reserveCapacity(Int(counts[Int(k90)]))
                for x in v {
                    let y = max(x, 0), k = y.bitPattern >> 16
                    if k == k50 { in50.append(y) }
                    if k == k90 { in90.append(y) }
                }
                return P5090(p50: Double(nth(&in50, o50)), p90: Double(nth(&in90, o90)))
            }
        }
    }

    /// The k-th smallest of `a` (reorders it): Hoare quickselect, median-of-three pivot.
    static func nth(_ a: inout [Float], _ k: Int) -> Float {
        a.withUnsafeMutableBufferPointer { a in
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

    /// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
    static func inverseNormal(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low { return -inverseNormal(1 - p) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// A running Monte Carlo total: add steps (or scaled sample vectors) and read its quantiles.
public struct SampleSum: Sendable {
    public private(set) var values: [Float]
    public init() { values = [Float](repeating: 0, count: MonteCarlo.draws) }

    /// A sum that starts from existing draws.
    public init(_ start: [Float]) { values = start }

    /// a·x + b·y, elementwise, in one pass.
    public init(_ a: Float, _ x: [Float], _ b: Float, _ y: [Float]) {
        values = [Float](unsafeUninitializedCapacity: x.count) { out, n in
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    for i in 0..<x.count { out[i] = a * x[i] + b * y[i] }
                }
            }
            n = x.count
        }
    }

    public mutating func add(_ samples: [Float], times factor: Float = 1) {
        values.withUnsafeMutableBufferPointer { v in
            samples.withUnsafeBufferPointer { s in
                for i in 0..<v.count { v[i] += s[i] * factor }
            }
        }
    }

    /// The elementwise maximum: the wait for the last of several things done in parallel.
    public mutating func maximize(_ samples: [Float]) {
        values.withUnsafeMutableBufferPointer { v in
            samples.withUnsafeBufferPointer { s in
                for i in 0..<v.count where s[i] > v[i] { v[i] = s[i] }
            }
        }
    }

    public var quantiles: P5090 { MonteCarlo.quantiles(values) }
}
