import Foundation

/// A log-normal distribution fitted to a step's p50 and p90: the shape every step's time and
/// cost is drawn from in the Monte Carlo.
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

}
