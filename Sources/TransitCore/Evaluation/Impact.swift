/// One shipment whose result changes under a draft.
public struct ShipmentImpact: Sendable {
    public var file: String
    public var id: String
    public var verdictBefore: Verdict
    public var verdictAfter: Verdict
    public var added: [String]
    public var removed: [String]
    public var changed: [String]
    public var costDelta: P5090
    /// Change in the time until delivery: the wait for documents plus the trip.
    public var timeDelta: P5090
    /// Rules that fired on one side only, or stand behind a row that changed.
    public var rules: [String]
}

/// `rules diff`: the same corpus checked with the rules in force and with the drafts.
public struct ImpactReport: Sendable {
    public var checked = 0
    public var invalid = 0
    public var impacts: [ShipmentImpact] = []
    public var drafts: [String] = []

    public var verdictChanges: [(from: Verdict, to: Verdict, count: Int)] {
        var m: [String: (Verdict, Verdict, Int)] = [:]
        for i in impacts where i.verdictBefore != i.verdictAfter {
            let k = "\(i.verdictBefore.rawValue)>\(i.verdictAfter.rawValue)"
            m[k] = (i.verdictBefore, i.verdictAfter, (m[k]?.2 ?? 0) + 1)
        }
        return m.keys.sorted().map { (m[$0]!.0, m[$0]!.1, m[$0]!.2) }
    }
    public var documentsAdded: Int { impacts.reduce(0) { $0 + $1.added.count } }
    public var documentsRemoved: Int { impacts.reduce(0) { $0 + $1.removed.count } }
    public var costDelta: P5090 { impacts.reduce(.zero) { P5090(p50: $0.p50 + $1.costDelta.p50, p90: $0.p90 + $1.costDelta.p90) } }
    public var timeDelta: P5090 { impacts.reduce(.zero) { P5090(p50: $0.p50 + $1.timeDelta.p50, p90: $0.p90 + $1.timeDelta.p90) } }

    public init(drafts: [String]) { self.drafts = drafts }

    /// Pairs of reports for the same manifests (nil where a manifest did not load).
    /// `supersededBy` maps a replaced rule to the draft rule that replaces it, so both are named.
    public static func compare(before: [Report?], after: [Report?], drafts: [String], supersededBy: [String: String] = [:]) -> ImpactReport {
        var report = ImpactReport(drafts: drafts)
        for (b, a) in zip(before, after) {
            guard let rb = b, let ra = a else { report.invalid += 1; continue }
            report.checked += 1
            if var i = impact(rb, ra) {
                i.rules = Array(Set(i.rules + i.rules.compactMap { supersededBy[$0] })).sorted()
                report.impacts.append(i)
            }
        }
        return report
    }

    static func impact(_ b: Report, _ a: Report) -> ShipmentImpact? {
        func key(_ r: ChecklistRow) -> String { "\(r.document) (\(r.issuer))" }
        let before = Dictionary(b.checklist.map { (key($0), $0) }, uniquingKeysWith: { x, _ in x })
        let after = Dictionary(a.checklist.map { (key($0), $0) }, uniquingKeysWith: { x, _ in x })
        let added = after.keys.filter { before[$0] == nil }.sorted()
        let removed = before.keys.filter { after[$0] == nil }.sorted()
        let changed = after.keys.filter { before[$0] != nil && before[$0]!.status != after[$0]!.status }.sorted()
            .map { "\($0): \(before[$0]!.status.rawValue) → \(after[$0]!.status.rawValue)" }
        let cost = P5090(p50: a.estimate.costUSD.p50 - b.estimate.costUSD.p50, p90: a.estimate.costUSD.p90 - b.estimate.costUSD.p90)
        // Time until delivery: the wait for documents and the trip after it.
        func total(_ e: Estimate) -> P5090 {
            P5090(p50: e.timeHours.p50 + e.delayFromMissingDocumentsHours.p50, p90: e.timeHours.p90 + e.delayFromMissingDocumentsHours.p90)
        }
        let ta = total(a.estimate), tb = total(b.estimate)
        let time = P5090(p50: ta.p50 - tb.p50, p90: ta.p90 - tb.p90)
        let significant = abs(cost.p50) >= 0.5 || abs(cost.p90) >= 0.5 || abs(time.p50) >= 0.05 || abs(time.p90) >= 0.05
        guard b.verdict != a.verdict || !added.isEmpty || !removed.isEmpty || !changed.isEmpty || significant else { return nil }
        var rules = Set(a.firedRules).symmetricDifference(b.firedRules)
        for k in added { after[k]!.rules.forEach { rules.insert($0.id) } }
        for k in removed { before[k]!.rules.forEach { rules.insert($0.id) } }
        for k in after.keys where before[k] != nil && before[k]!.status != after[k]!.status { after[k]!.rules.forEach { rules.insert($0.id) } }
        return ShipmentImpact(file: a.file, id: a.shipmentID, verdictBefore: b.verdict, verdictAfter: a.verdict, added: added,
                              removed: removed, changed: changed, costDelta: cost, timeDelta: time, rules: rules.sorted())
    }
}
