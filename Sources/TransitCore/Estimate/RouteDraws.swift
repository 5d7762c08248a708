/// A journey's Monte Carlo draws: its total hours, cost per tonne and cost per unit, summed over
/// its steps in route order. The estimate scales them to a shipment and continues their streams
/// for the procedures and documents it adds; the planner reads the hours so far to date each
/// checkpoint.
public struct RouteDraws: Sendable {
    public private(set) var hours = SampleSum()
    public private(set) var costPerTonne = SampleSum()
    public private(set) var costPerUnit = SampleSum()
    /// False when no step is priced by the tonne (every per-tonne draw is zero): the cost is
    /// then the same for every tonnage, so shipments on the route share it.
    public private(set) var hasPerTonneCost = false
    /// Where the steps' streams stand: sums over more steps continue from here, so that their
    /// equal figures still get independent draws.
    private(set) var streams = StepStreams()

    public init() {}

    /// Adds a step's hours, and its cost to the per-tonne or the per-unit sum by its basis.
    mutating func add(_ step: Step, from cache: SampleCache) {
        hours.add(streams.hours(step.hours, from: cache))
        let cost = streams.cost(step.costUSD, from: cache)
        if step.costBasis == .perTonne {
            costPerTonne.add(cost)
            // Draws are never negative, so the sum is zero everywhere until a draw is not.
            if !hasPerTonneCost { hasPerTonneCost = cost.contains { $0 != 0 } }
        } else {
            costPerUnit.add(cost)
        }
    }
}
