/// Combines the journey, the procedures rules add and the documents still to obtain into
/// totals (SPEC 3) by the seeded Monte Carlo: the journey's own draws scaled to the shipment's
/// tonnage and units, plus draws for each procedure and document. Documents are obtained in
/// parallel, so their delay is the elementwise maximum of their lead times.
public enum Estimator {
    /// CAREC CPMM normalises a truck or container to 20 t (TFI3): a shared load pays that share.
    public static let referenceUnitTonnes = 20.0

    /// The units a shipment pays for: whole units, or for a load that shares its units with
    /// others (groupage) its weight's share of a 20-tonne unit, at least a tenth of one and at
    /// most the units it names.
    static func chargedUnits(_ t: Transport, tonnes: Double) -> Double {
        let whole = Double(max(1, t.units))
        guard t.shared else { return whole }
        return min(whole, max(0.1, tonnes / referenceUnitTonnes))
    }

    /// The estimate for a shipment whose missing documents are applied for on `asOf`.
    static func estimate(
        journey: Journey, shipment: Shipment, procedures: [Step], checklist: [ChecklistRow],
        asOf: Day, cache: SampleCache
    ) -> Estimate {
        let tonnes = shipment.grossKg / 1000
        let units = chargedUnits(shipment.transport, tonnes: tonnes)
        var obtained: [ChecklistRow] = [], waits: [P5090] = []
        obtained.reserveCapacity(checklist.count); waits.reserveCapacity(checklist.count)
        var fixedCost = 0.0
        for row in checklist where row.isToObtain {
            // One document obtained serves every row that asks for it from the same issuer.
            guard !obtained.contains(where: { $0.document == row.document && $0.issuer == row.issuer }) else {
                continue
            }
            obtained.append(row)
            waits.append(row.leadTimeHours)
            fixedCost += row.costUSD
        }
        // Streams continue after the journey's so that equal figures stay independent draws.
        let trip = SampleCache.TripKey(journey: journey.id, procedures: procedures.map(\.hours))
        let totals = cache.time(SampleCache.TimeKey(trip: trip, waits: waits)) {
            // The trip time does not depend on the documents waited for: routes share it.
            let time = cache.tripTime(trip) {
                var streams = journey.draws.streams
                var time = journey.draws.hours
                for p in procedures { time.add(streams.hours(p.hours, from: cache)) }
                return time.quantiles
            }
            guard !waits.isEmpty else { return (time, .zero) }
            // The trip is dispatch to delivery; the wait for documents comes before it, apart.
            // It depends on the lead times and the streams they are drawn from, not on the route.
            var streams = journey.draws.streams
            for p in procedures { streams.skipHours(p.hours) }
            let key = SampleCache.DelayKey(waits: waits, streams: waits.map { streams.hoursStream($0) })
            let delay = cache.delay(key) {
                var delay = SampleSum(cache.samples(key.waits[0], stream: key.streams[0]))
                for i in key.waits.indices.dropFirst() {
                    delay.maximize(cache.samples(key.waits[i], stream: key.streams[i]))
                }
                return delay.quantiles
            }
            return (time, delay)
        }
        // The procedures' costs do not scale with the shipment: their sum is drawn once per route.
        let procedureKey = SampleCache.ProcedureKey(journey: journey.id, costs: procedures.map(\.costUSD))
        let procedureCosts =
            procedures.isEmpty
            ? nil
            : cache.procedureCosts(procedureKey) {
                var streams = journey.draws.streams
                var sum = SampleSum()
                for p in procedures { sum.add(streams.cost(p.costUSD, from: cache)) }
                return sum.values
            }
        let a = Float(tonnes), b = Float(units)
        let perTonne = journey.draws.costPerTonne.values, perUnit = journey.draws.costPerUnit.values
        let costKey = SampleCache.CostKey(procedures: procedureKey, units: b)
        /// The exact quantiles of the cost draws at tonnage `t`, from every draw.
        func allDraws(_ t: Float) -> P5090 { SampleSum(t, perTonne, b, perUnit, plus: procedureCosts).quantiles }
        let c =
            journey.draws.hasPerTonneCost
            ? cache.costQuantiles(
                costKey, tonnes: a,
                window: { low, high in
                    MonteCarlo.quantiles(a, perTonne, b, perUnit, plus: procedureCosts, between: low, and: high)
                },
                full: { allDraws(a) })
            // Every per-tonne draw is zero, so a·x is zero whatever the tonnage: one answer per key.
            : cache.unitCost(costKey) { allDraws(0) }
        // A fixed amount shifts every draw, so it shifts the quantiles by the same amount.
        var estimate = Estimate(
            costUSD: P5090(p50: c.p50 + fixedCost, p90: c.p90 + fixedCost), timeHours: totals.time,
            delayFromMissingDocumentsHours: totals.delay, route: journey.steps, tonnes: tonnes, units: units,
            own: procedures, obtained: obtained)
        if !waits.isEmpty {
            func ready(_ hours: Double) -> Day {
                max(shipment.departure, asOf.adding(days: Int((hours / 24).rounded(.up))))
            }
            estimate.readyToDispatch = (ready(totals.delay.p50), ready(totals.delay.p90))
        }
        return estimate
    }
}
