/// A point of the time/cost-distance chart: the distance covered and the cumulative time and
/// cost after a step, as Monte Carlo quantiles (p10, p50, p90) of the same draws the estimate's
/// totals come from, so the chart ends where the table does.
public struct ProfilePoint: Hashable, Sendable {
    public var km: Double
    public var hours: Spread
    public var usd: Spread

    /// Three quantiles of a cumulative figure.
    public struct Spread: Hashable, Sendable {
        public var p10: Double, p50: Double, p90: Double
    }
}

extension Evaluator {
    /// The cumulative profile of a checked shipment's trip, step by step (legs, borders,
    /// transshipments, then procedures at the end), with the cost of documents still to obtain
    /// at the start when `documents` is true. Empty when the shipment has no route.
    public func profile(_ shipment: Shipment, _ report: Report, documents: Bool = true) -> [ProfilePoint] {
        guard let corridor = report.corridor, case .success(let journey) = planner.plan(shipment, corridor: corridor)
        else { return [] }
        let tonnes = shipment.grossKg / 1000
        let units = Estimator.chargedUnits(shipment.transport, tonnes: tonnes)
        let documentCost =
            documents ? report.estimate.steps.filter { $0.kind == .document }.reduce(0) { $0 + $1.costUSD.p50 } : 0
        var streams = StepStreams()
        var hours = SampleSum(), cost = SampleSum([Float](repeating: Float(documentCost), count: MonteCarlo.draws))
        var km = 0.0
        var out = [ProfilePoint(km: 0, hours: Self.spread(hours.values), usd: Self.spread(cost.values))]
        // The same streams, in the same order, as the journey's and the estimate's sums.
        for step in journey.steps + report.estimate.steps.filter({ $0.kind == .procedure }) {
            hours.add(streams.hours(step.hours, from: cache))
            let factor = Float(step.costBasis.factor(tonnes: tonnes, units: units))
            cost.add(streams.cost(step.costUSD, from: cache), times: factor)
            km += step.km ?? 0
            out.append(ProfilePoint(km: km, hours: Self.spread(hours.values), usd: Self.spread(cost.values)))
        }
        return out
    }

    /// p10, p50 and p90 at the ranks the estimate's quantiles use.
    static func spread(_ values: [Float]) -> ProfilePoint.Spread {
        let sorted = values.sorted(), n = sorted.count
        guard n > 0 else { return ProfilePoint.Spread(p10: 0, p50: 0, p90: 0) }
        func at(_ rank: Int) -> Double { (Double(sorted[min(n - 1, rank)]) * 10).rounded() / 10 }
        return ProfilePoint.Spread(p10: at(n / 10), p50: at(n / 2), p90: at(Int(Double(n) * 0.9)))
    }
}
