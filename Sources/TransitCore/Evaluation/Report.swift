/// The full answer for one shipment: verdict, checklist, findings and estimate.
public struct Report: Hashable, Sendable {
    public var shipmentID: String
    public var file: String
    public var corridor: String?
    public var asOf: Day
    public var verdict: Verdict
    public var checklist: [ChecklistRow]
    public var findings: [Finding]
    public var estimate: Estimate
    /// Ids of every rule that applied (required, prohibited, warned or added a procedure), in
    /// load order: for `rules coverage` and `rules diff`. Not part of the JSON report.
    public var firedRules: [String] = []
    /// The shipment in a few fields (parties, places, departure, goods), for compact rows, the
    /// CSV and `rules diff`'s breakdowns. Not part of the JSON report.
    public var header: ShipmentHeader = .unknown
}

extension Report {
    /// The rows to obtain, one per document: a document needed from several issuers or at several
    /// checkpoints counts once for the manifest. A checklist has about ten rows, so a document
    /// already counted is found by comparing ids faster than by hashing them.
    public var documentsToObtain: [ChecklistRow] {
        var out: [ChecklistRow] = []
        out.reserveCapacity(checklist.count)
        for row in checklist where row.isToObtain && !out.contains(where: { $0.document == row.document }) {
            out.append(row)
        }
        return out
    }
}

/// The overall answer for a shipment (SPEC 4).
public enum Verdict: String, Hashable, Sendable, Comparable {
    case ready, incomplete, blocked

    private var rank: Int { self == .ready ? 0 : self == .incomplete ? 1 : 2 }
    /// Ordered by how far the shipment is from going: ready, incomplete, blocked.
    public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }
}
