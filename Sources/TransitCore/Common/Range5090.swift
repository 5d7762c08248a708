/// A quantity known by its median and its 90th percentile (hours, dollars).
/// p90 is the value that nine trips in ten do not exceed.
public struct P5090: Hashable, Sendable {
    public var p50: Double
    public var p90: Double
    public init(p50: Double, p90: Double) { self.p50 = p50; self.p90 = p90 }
    /// A quantity that never varies: median and 90th percentile are both `fixed`.
    public init(_ fixed: Double) { p50 = fixed; p90 = fixed }
    public static let zero = P5090(0)

    /// Both figures multiplied by `factor` (a distance, a number of containers).
    public func scaled(by factor: Double) -> P5090 { P5090(p50: p50 * factor, p90: p90 * factor) }
}
