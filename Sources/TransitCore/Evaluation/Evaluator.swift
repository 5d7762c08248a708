/// Options that change what a check sees: the date to judge rules by.
public struct CheckOptions: Sendable {
    /// Judge rules, memberships and link statuses as of this day instead of the departure.
    public var asOf: Day?
    /// Corridor to use when the manifest names none (or to override it).
    public var corridor: String?
    public init(asOf: Day? = nil, corridor: String? = nil) { self.asOf = asOf; self.corridor = corridor }
}

/// Checks one shipment against the rule set and network (SPEC 3): builds the journey, applies
/// every rule that can apply at each checkpoint, merges what they require into the checklist,
/// matches it against the manifest's documents, and gives the verdict and the estimate.
/// A pure function of its inputs: the same shipment always gives the same report.
public struct Evaluator: Sendable {
    public let rules: RuleSet
    public let planner: JourneyPlanner
    /// The Monte Carlo draws and totals shared between shipments, handed to the planner (for
    /// each journey's draws) and to the estimate.
    public let cache: SampleCache

    /// An evaluator whose caches start empty.
    public init(rules: RuleSet, network: Network) {
        self.init(rules: rules, network: network, cache: SampleCache())
    }

    private init(rules: RuleSet, network: Network, cache: SampleCache) {
        self.rules = rules
        self.cache = cache
        self.planner = JourneyPlanner(network: network, cache: cache)
    }

    /// An evaluator for another thread of a batch: the same rules and network, its own cache,
    /// which asks this evaluator's before making a value. The caches' keys do not name the
    /// network or the rules, so only evaluators over the same ones may share values this way.
    package func worker() -> Evaluator {
        Evaluator(rules: rules, network: network, cache: SampleCache(parent: cache))
    }

    public var network: Network { planner.network }

    /// The report for one shipment: its verdict, checklist, findings and estimate, as of `options.asOf` (else the
    /// departure) on `options.corridor` (else the manifest's, else the best one).
    public func check(_ shipment: Shipment, options: CheckOptions = CheckOptions()) -> Report {
        let day = options.asOf ?? shipment.departure
        let corridorID = options.corridor ?? shipment.corridor
        var findings: [Finding] = []
        findings.reserveCapacity(16)
        var blocked = false

        guard let corridorID else {
            if let best = checkOnBestCorridor(shipment, options: options) { return best }
            return unroutable(
                shipment, day, nil,
                RouteProblem(
                    code: .noCorridor,
                    message:
                        "no bundled corridor joins \(shipment.origin) and \(shipment.destination); give `corridor:` or "
                        + "--corridor",
                    location: shipment.fieldLocations["id"]))
        }
        let journey: Journey
        switch planner.plan(shipment, corridor: corridorID) {
        case .failure(let p): return unroutable(shipment, day, corridorID, p)
        case .success(let j): journey = j
        }
        for p in planner.problems(journey, departure: day) {
            findings.append(
                Finding(
                    severity: .error, code: p.code, message: p.message, rule: nil, path: "corridor",
                    location: p.location ?? shipment.fieldLocations["corridor"], brief: p.brief))
            blocked = true
        }
        if let problem = regimeProblem(shipment, journey, day) {
            findings.append(problem)
            blocked = true
        }

        var applied = AppliedRules(shipment: shipment, journey: journey, rules: rules.rules, catalogue: rules.documents)
        let allLines = LineSet(all: shipment.goods.count)
        let originCountry = journey.checkpoints.first?.country ?? shipment.shipper.country
        let destinationCountry = journey.checkpoints.last?.country ?? shipment.consignee.country
        let prefixes = rules.gatePrefixes(of: shipment.goods.map(\.hs))
        // The rules that fired, as indices (a rule may fire at several checkpoints): sorted and
        // made unique once at the end, cheaper than a set for the dozen or so a shipment fires.
        var fired: [Int] = []
        fired.reserveCapacity(32)
        // The candidates at each checkpoint, in one list reused from checkpoint to checkpoint.
        var candidates: [Int] = []
        candidates.reserveCapacity(64)
        if let first = journey.checkpoints.first {
            let ctx = EvaluationContext(
                shipment: shipment, journey: journey, checkpoint: first,
                agreements: rules.agreements, day: day, allLines: allLines,
                originCountry: originCountry, destinationCountry: destinationCountry)
            for position in journey.checkpoints.indices {
                // The checkpoint is copied once, into the context, and read from there.
                ctx.checkpoint = journey.checkpoints[position]
                rules.candidates(
                    kind: ctx.checkpoint.kind, country: ctx.checkpoint.country, prefixes: prefixes, into: &candidates)
                for index in candidates {
                    // Read in place: a copy of the rule would retain every one of its fields.
                    guard rules.rules[index].effective.contains(day) else { continue }
                    let truth: LineTruth
                    if let when = rules.rules[index].when {
                        truth = ConditionEvaluator.evaluate(when, ctx)
                    } else {
                        truth = LineTruth(yes: allLines)
                    }
                    if !truth.yes.isEmpty {
                        fired.append(index)
                        applied.apply(index, lines: truth.yes, at: ctx.checkpoint, position: position, unknown: nil)
                    } else if !truth.unknown.isEmpty {
                        applied.apply(
                            index, lines: truth.unknown, at: ctx.checkpoint, position: position, unknown: truth.needs)
                    }
                }
            }
        }
        if applied.prohibited { blocked = true }
        findings += applied.findings

        var checklist = applied.checklist(asOf: day)
        for i in checklist.indices where checklist[i].isToObtain {
            checklist[i].applyBy = shipment.departure.adding(
                days: -Int((checklist[i].leadTimeHours.p90 / 24).rounded(.up)))
        }
        var incomplete = applied.undecidedProhibition
        for row in checklist where row.status != .present {
            if row.severity == .error { incomplete = true }
            findings.append(DocumentFindings.finding(for: row, shipment: shipment))
        }
        findings += DocumentFindings.datedAfterDeparture(shipment, firstNeeded: checklist)
        findings += Plausibility.findings(shipment, destinationCountry: destinationCountry)
        let verdict: Verdict = blocked ? .blocked : incomplete ? .incomplete : .ready
        let estimate = Estimator.estimate(
            journey: journey, shipment: shipment, procedures: applied.procedureSteps,
            checklist: checklist, asOf: day, cache: cache)
        var report = Report(
            shipmentID: shipment.id, file: shipment.file, corridor: corridorID, asOf: day, verdict: verdict,
            checklist: checklist, findings: findings, estimate: estimate)
        fired.sort()
        var firedRules: [String] = []
        firedRules.reserveCapacity(fired.count)
        for i in fired.indices where i == 0 || fired[i] != fired[i - 1] { firedRules.append(rules.rules[fired[i]].id) }
        report.firedRules = firedRules
        report.header = ShipmentHeader(shipment)
        return report
    }

    private func unroutable(_ s: Shipment, _ day: Day, _ corridor: String?, _ p: RouteProblem) -> Report {
        let finding = Finding(
            severity: .error, code: p.code, message: p.message, rule: nil, path: "corridor",
            location: p.location ?? s.fieldLocations["corridor"])
        var report = Report(
            shipmentID: s.id, file: s.file, corridor: corridor, asOf: day, verdict: .blocked, checklist: [],
            findings: [finding],
            estimate: Estimate(costUSD: .zero, timeHours: .zero, delayFromMissingDocumentsHours: .zero, steps: []))
        report.header = ShipmentHeader(s)
        return report
    }

    /// A claimed transit regime that some route country is not party to on the day blocks the shipment.
    private func regimeProblem(_ s: Shipment, _ j: Journey, _ day: Day) -> Finding? {
        guard !Shipment.nationalRegimes.contains(s.regime), let agreement = rules.agreements[s.regime] else {
            return nil
        }
        let outside = j.countries.filter { !agreement.isParty($0, on: day) }
        guard !outside.isEmpty else { return nil }
        return Finding(
            severity: .error, code: .regimeNotAccepted,
            message:
                "\(agreement.name) is claimed, but \(outside.joined(separator: ", ")) on the route "
                + "\(outside.count == 1 ? "is" : "are") not party to it on \(day)",
            rule: nil, path: "regime", location: s.fieldLocations["regime"])
    }
}
