import Foundation

/// A log-normal distribution fitted to a step's p50 and p90, and the Fenton–Wilkinson sum of
/// independent ones: the analytic way SPEC 3 allows to combine steps into totals, deterministic
/// by construction. `EstimateTests` checks it against a seeded Monte Carlo of 20,000 draws.
public struct LogNormal: Sendable, Hashable {
    /// z of the 90th percentile of the standard normal.
    public static let z90 = 1.2815515655446004

    public var mu: Double
    public var sigma: Double

    public init(mu: Double, sigma: Double) { self.mu = mu; self.sigma = sigma }

    /// nil for a zero quantity (nothing to add).
    public init?(_ q: P5090) {
        guard q.p50 > 0 else { return nil }
        mu = log(q.p50)
        sigma = max(0, (log(max(q.p90, q.p50)) - mu) / LogNormal.z90)
    }

    public var mean: Double { exp(mu + sigma * sigma / 2) }
    public var variance: Double { (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma) }
    public var quantiles: P5090 { P5090(p50: exp(mu), p90: exp(mu + LogNormal.z90 * sigma)) }

    public func cdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        if sigma == 0 { return x >= exp(mu) ? 1 : 0 }
        return 0.5 * erfc(-(log(x) - mu) / (sigma * 2.0.squareRoot()))
    }
}

/// Running sum of independent log-normal steps, matched by mean and variance.
public struct LogNormalSum: Sendable {
    public private(set) var mean: Double = 0
    public private(set) var variance: Double = 0
    public init() {}

    public mutating func add(_ q: P5090) {
        guard let d = LogNormal(q) else { return }
        mean += d.mean
        variance += d.variance
    }

    /// The p50 and p90 of the total.
    public var quantiles: P5090 {
        guard mean > 0 else { return .zero }
        let s2 = log(1 + variance / (mean * mean))
        let mu = log(mean) - s2 / 2
        return LogNormal(mu: mu, sigma: s2.squareRoot()).quantiles
    }
}

/// The distribution of the longest of several independent waits (documents obtained in parallel).
public enum ParallelWait {
    /// p50 and p90 of max(X1…Xn), found by bisection on the product of the CDFs.
    public static func quantiles(of waits: [P5090]) -> P5090 {
        let ds = waits.compactMap(LogNormal.init)
        guard !ds.isEmpty else { return .zero }
        func quantile(_ p: Double) -> Double {
            var lo = 0.0
            var hi = ds.map { exp($0.mu + 6 * $0.sigma) }.max()! + 1
            for _ in 0..<80 {
                let mid = (lo + hi) / 2
                let f = ds.reduce(1.0) { $0 * $1.cdf(mid) }
                if f < p { lo = mid } else { hi = mid }
            }
            return hi
        }
        return P5090(p50: quantile(0.5), p90: quantile(0.9))
    }
}
