/// Combines the steps of a journey, the procedures rules add and the documents still to obtain
/// into totals (SPEC 3): each step a log-normal fitted to its p50 and p90, totals by
/// Fenton–Wilkinson, documents obtained in parallel so their delay is the longest wait.
public enum Estimator {
    static func estimate(journey: Journey, procedures: [Step], checklist: [ChecklistRow]) -> Estimate {
        var steps = journey.steps + procedures
        var waits: [P5090] = []
        var seen = Set<String>()
        for row in checklist where row.status.needsAction && row.severity == .error {
            // One document obtained serves every row that asks for it from the same issuer.
            guard seen.insert("\(row.document)|\(row.issuer)").inserted else { continue }
            steps.append(Step(kind: .document, name: "obtain \(row.document)", hours: row.leadTimeHours,
                              costUSD: P5090(row.costUSD), source: row.howToObtain))
            waits.append(row.leadTimeHours)
        }
        let delay = ParallelWait.quantiles(of: waits)
        var time = LogNormalSum(), cost = LogNormalSum()
        for s in steps where s.kind != .document { time.add(s.hours) }
        time.add(delay)
        for s in steps { cost.add(s.costUSD) }
        return Estimate(costUSD: cost.quantiles, timeHours: time.quantiles, delayFromMissingDocumentsHours: delay, steps: steps)
    }
}
