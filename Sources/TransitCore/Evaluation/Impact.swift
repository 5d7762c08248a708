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
    public var corridor: String? = nil
    /// HS chapters (two digits) of the goods, and the goods' country of origin (first line).
    public var chapters: [String] = []
    public var originCountry: String = ""
    /// Documents the draft no longer asks for, counted whether or not the manifest holds them:
    /// the compliance cost it avoids.
    public var avoided: [DocumentCost] = []
    /// Documents the draft asks for that the rules in force do not.
    public var required: [DocumentCost] = []

    /// The compliance cost avoided (positive) or added (negative): documents' fees.
    public var avoidedCostUSD: Double { avoided.reduce(0) { $0 + $1.costUSD } - required.reduce(0) { $0 + $1.costUSD } }
    /// The lead time avoided: the longest of the avoided documents' p50 lead times (documents
    /// are applied for in parallel).
    public var avoidedLeadTimeHours: Double { avoided.map(\.leadTimeHours.p50).max() ?? 0 }
}

/// A document's cost of compliance: its fee and the time to obtain it.
public struct DocumentCost: Hashable, Sendable {
    public var document: String
    public var name: String
    public var costUSD: Double
    public var leadTimeHours: P5090
    /// True when the manifest already holds it (its cost was paid, or would be on renewal).
    public var held: Bool
}

/// Impact summed over a group of shipments (a corridor, an HS chapter, an origin country).
public struct ImpactGroup: Hashable, Sendable {
    public var key: String
    public var checked = 0
    public var affected = 0
    public var better = 0
    public var worse = 0
    public var avoidedDocuments = 0
    public var avoidedCostUSD = 0.0
    /// Time until delivery, p50, summed over the group's affected shipments, in days.
    public var shipmentDays = 0.0
    /// The median change per affected shipment of time until delivery (p50, days) and cost (p50, USD).
    public var medianDays = 0.0
    public var medianCostUSD = 0.0
}

/// `rules diff`: the same corpus checked with the rules in force and with the drafts.
public struct ImpactReport: Sendable {
    public var checked = 0
    public var invalid = 0
    public var impacts: [ShipmentImpact] = []
    public var drafts: [String] = []
    /// The day every shipment was judged on, when one was set, and why (`--as-of`, or the
    /// drafts' start date when it is in the future).
    public var asOf: Day?
    public var asOfNote: String?
    /// Shipments checked, by corridor, HS chapter and origin country (for the breakdowns).
    var checkedBy: [String: Int] = [:]

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
    public var costDelta: P5090 {
        impacts.reduce(.zero) { P5090(p50: $0.p50 + $1.costDelta.p50, p90: $0.p90 + $1.costDelta.p90) }
    }
    public var timeDelta: P5090 {
        impacts.reduce(.zero) { P5090(p50: $0.p50 + $1.timeDelta.p50, p90: $0.p90 + $1.timeDelta.p90) }
    }

    public init(drafts: [String]) { self.drafts = drafts }

    /// Documents no longer needed, over all shipments, and how many of them were already held.
    public var documentsAvoided: (count: Int, held: Int) {
        impacts.reduce((0, 0)) { ($0.0 + $1.avoided.count, $0.1 + $1.avoided.filter(\.held).count) }
    }
    public var avoidedCostUSD: Double { impacts.reduce(0) { $0 + $1.avoidedCostUSD } }
    /// Time until delivery (p50) summed over shipments, in shipment-days.
    public var shipmentDays: Double { timeDelta.p50 / 24 }
    /// The median change per affected shipment: time until delivery p50 in days, and cost p50 in USD.
    public var medianDays: Double { Self.median(impacts.map { $0.timeDelta.p50 / 24 }) }
    public var medianCostUSD: Double { Self.median(impacts.map(\.costDelta.p50)) }

    static func median(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted(), n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// The impact by one dimension: "corridor", "hs_chapter" or "origin_country".
    public func breakdown(_ dimension: String) -> [ImpactGroup] {
        func keys(_ i: ShipmentImpact) -> [String] {
            switch dimension {
            case "corridor": return [i.corridor ?? "none"]
            case "hs_chapter": return i.chapters
            default: return [i.originCountry]
            }
        }
        var groups: [String: ImpactGroup] = [:]
        var days: [String: [Double]] = [:], costs: [String: [Double]] = [:]
        for (k, n) in checkedBy where k.hasPrefix(dimension + "|") {
            let key = String(k.dropFirst(dimension.count + 1))
            groups[key, default: ImpactGroup(key: key)].checked = n
        }
        for i in impacts {
            for key in keys(i) {
                var g = groups[key] ?? ImpactGroup(key: key)
                g.affected += 1
                if i.verdictAfter < i.verdictBefore { g.better += 1 }
                if i.verdictAfter > i.verdictBefore { g.worse += 1 }
                g.avoidedDocuments += i.avoided.count
                g.avoidedCostUSD += i.avoidedCostUSD
                g.shipmentDays += i.timeDelta.p50 / 24
                days[key, default: []].append(i.timeDelta.p50 / 24)
                costs[key, default: []].append(i.costDelta.p50)
                groups[key] = g
            }
        }
        for k in groups.keys {
            groups[k]!.medianDays = Self.median(days[k] ?? [])
            groups[k]!.medianCostUSD = Self.median(costs[k] ?? [])
        }
        return groups.values.filter { $0.affected > 0 }.sorted { ($0.affected, $1.key) > ($1.affected, $0.key) }
    }

    /// The day to judge a diff by when none is given: the drafts' latest start date if it is
    /// after `today` (a draft that starts in 2027 would otherwise show nothing on 2026
    /// shipments), else nil (each shipment on its own departure).
    public static func defaultAsOf(draftStarts: [Day], today: Day) -> Day? {
        guard let start = draftStarts.max(), start > today else { return nil }
        return start
    }

    /// Pairs of reports for the same manifests (nil where a manifest did not load).
    /// `supersededBy` maps a replaced rule to the draft rule that replaces it, so both are named.
    public static func compare(
        before: [Report?], after: [Report?], drafts: [String], supersededBy: [String: String] = [:]
    ) -> ImpactReport {
        var report = ImpactReport(drafts: drafts)
        for (b, a) in zip(before, after) {
            guard let rb = b, let ra = a else { report.invalid += 1; continue }
            report.checked += 1
            let chapters = Array(Set(ra.header.goods.map(\.chapter))).sorted()
            let origin = ra.header.goods.first?.origin ?? ra.header.shipper.country
            report.checkedBy["corridor|\(ra.corridor ?? "none")", default: 0] += 1
            for c in chapters { report.checkedBy["hs_chapter|\(c)", default: 0] += 1 }
            report.checkedBy["origin_country|\(origin)", default: 0] += 1
            if var i = impact(rb, ra) {
                i.rules = Array(Set(i.rules + i.rules.compactMap { supersededBy[$0] })).sorted()
                i.corridor = ra.corridor
                i.chapters = chapters
                i.originCountry = origin
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
        let cost = P5090(
            p50: a.estimate.costUSD.p50 - b.estimate.costUSD.p50, p90: a.estimate.costUSD.p90 - b.estimate.costUSD.p90)
        // Time until delivery: the wait for documents and the trip after it.
        func total(_ e: Estimate) -> P5090 {
            P5090(
                p50: e.timeHours.p50 + e.delayFromMissingDocumentsHours.p50,
                p90: e.timeHours.p90 + e.delayFromMissingDocumentsHours.p90)
        }
        let ta = total(a.estimate), tb = total(b.estimate)
        let time = P5090(p50: ta.p50 - tb.p50, p90: ta.p90 - tb.p90)
        let significant = abs(cost.p50) >= 0.5 || abs(cost.p90) >= 0.5 || abs(time.p50) >= 0.05 || abs(time.p90) >= 0.05
        guard b.verdict != a.verdict || !added.isEmpty || !removed.isEmpty || !changed.isEmpty || significant else {
            return nil
        }
        var rules = Set(a.firedRules).symmetricDifference(b.firedRules)
        for k in added { after[k]!.rules.forEach { rules.insert($0.id) } }
        for k in removed { before[k]!.rules.forEach { rules.insert($0.id) } }
        for k in after.keys where before[k] != nil && before[k]!.status != after[k]!.status {
            after[k]!.rules.forEach { rules.insert($0.id) }
        }
        var i = ShipmentImpact(
            file: a.file, id: a.shipmentID, verdictBefore: b.verdict, verdictAfter: a.verdict, added: added,
            removed: removed, changed: changed, costDelta: cost, timeDelta: time, rules: rules.sorted())
        // By document, not by row: a document still asked for from another issuer is not avoided.
        let docsBefore = Set(b.checklist.map(\.document)), docsAfter = Set(a.checklist.map(\.document))
        func documentCost(_ row: ChecklistRow) -> DocumentCost {
            DocumentCost(
                document: row.document, name: row.name, costUSD: row.costUSD, leadTimeHours: row.leadTimeHours,
                held: row.status == .present)
        }
        var seen = Set<String>()
        i.avoided = b.checklist.filter {
            !docsAfter.contains($0.document) && $0.severity == .error && seen.insert($0.document).inserted
        }.map(documentCost)
        i.required = a.checklist.filter {
            !docsBefore.contains($0.document) && $0.severity == .error && seen.insert($0.document).inserted
        }.map(documentCost)
        return i
    }
}
