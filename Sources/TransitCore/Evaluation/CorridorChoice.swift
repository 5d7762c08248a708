/// One corridor's result for a shipment, for `corridors compare` and for choosing a corridor
/// when the manifest names none.
public struct CorridorOption: Sendable {
    public var corridor: String
    public var report: Report
}

extension Evaluator {
    /// The shipment checked on every corridor that joins its origin and destination, best first:
    /// ready before incomplete before blocked, then by p50 `time` (or cost), then by id.
    public func compare(
        _ shipment: Shipment, options: CheckOptions = CheckOptions(), byCost: Bool = false
    ) -> [CorridorOption] {
        var out: [CorridorOption] = []
        for c in network.sortedCorridors {
            var o = options
            o.corridor = c.id
            let r = check(shipment, options: o)
            guard !r.findings.contains(where: { $0.code.isOffCorridor }) else { continue }
            out.append(CorridorOption(corridor: c.id, report: r))
        }
        func key(_ x: CorridorOption) -> Double {
            byCost ? x.report.estimate.costUSD.p50 : x.report.estimate.timeHours.p50
        }
        return out.sorted { ($0.report.verdict, key($0), $0.corridor) < ($1.report.verdict, key($1), $1.corridor) }
    }

    /// Without a corridor in the manifest or options, the best of `compare`, with a note saying so.
    func checkOnBestCorridor(_ shipment: Shipment, options: CheckOptions) -> Report? {
        let ranked = compare(shipment, options: options)
        guard var best = ranked.first?.report else { return nil }
        let others = ranked.dropFirst().map { "\($0.corridor) (\($0.whyNot(best)))" }
        best.findings.insert(
            Finding(
                severity: .note, code: .corridorChosen,
                message:
                    "the manifest names no corridor; checked on \(best.corridor ?? "") as the best of \(ranked.count)"
                    + (others.isEmpty ? "" : "; others: " + others.joined(separator: ", ")),
                rule: nil, path: "corridor", location: shipment.fieldLocations["id"]), at: 0)
        return best
    }
}

extension CorridorOption {
    /// Why this option ranks below `best`, in a few words: what blocks it, how many documents it
    /// lacks, or that it is slower.
    func whyNot(_ best: Report) -> String {
        let r = report
        switch r.verdict {
        case .blocked:
            let codes = r.findings.filter { $0.severity == .error && !$0.code.isAboutADocument }.map(\.code.rawValue)
            return "blocked"
                + (codes.isEmpty
                    ? ""
                    : ": "
                        + codes.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(
                            separator: ", "))
        case .incomplete where best.verdict == .ready:
            let n = r.documentsToObtain.count
            return "incomplete: \(n) document\(n == 1 ? "" : "s") to obtain"
        default:
            return "\(r.verdict.rawValue), p50 \(Int(r.estimate.timeHours.p50.rounded())) h"
        }
    }
}

extension Evaluator {
    /// The cumulative profile of a corridor end to end for a reference consignment of 20 t in
    /// one unit (the CAREC CPMM normalisation), for charts of the corridor itself: its legs,
    /// borders and transshipments, without rules or documents.
    public func referenceProfile(corridor: Corridor) -> [ProfilePoint]? {
        guard let first = corridor.via.first, let last = corridor.via.last else { return nil }
        let line = GoodsLine(
            line: 1, hs: "0000", description: "reference consignment", netKg: 20000, grossKg: 20000, valueUSD: 0,
            origin: "KZ")
        let s = Shipment(
            id: "reference", file: "", shipper: Party(name: "", country: "KZ"),
            consignee: Party(name: "", country: "PK"),
            origin: first, destination: last, corridor: corridor.id, mode: corridor.mode ?? .multimodal, regime: "none",
            departure: Day(ordinal: 0), transport: Transport(), goods: [line], documents: [])
        guard case .success = planner.plan(s, corridor: corridor.id) else { return nil }
        let bare = Report(
            shipmentID: s.id, file: "", corridor: corridor.id, asOf: s.departure, verdict: .ready, checklist: [],
            findings: [],
            estimate: Estimate(costUSD: .zero, timeHours: .zero, delayFromMissingDocumentsHours: .zero, steps: []))
        return profile(s, bare, documents: false)
    }
}
