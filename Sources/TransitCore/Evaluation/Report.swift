/// The overall answer for a shipment (SPEC 4).
public enum Verdict: String, Hashable, Sendable, Comparable {
    case ready, incomplete, blocked

    private var rank: Int { self == .ready ? 0 : self == .incomplete ? 1 : 2 }
    /// Ordered by how far the shipment is from going: ready, incomplete, blocked.
    public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }
}

/// The state of one checklist row against the documents the manifest lists.
public enum DocumentStatus: String, Hashable, Sendable, CaseIterable {
    case present, missing, expired
    case expiresEnRoute = "expires-en-route"
    case wrongIssuer = "wrong-issuer"
    case notCovering = "not-covering"
    case unknown

    /// How close a status is to satisfied, for choosing between one_of alternatives.
    var closeness: Int {
        switch self {
        case .present: return 0
        case .expiresEnRoute: return 1
        case .notCovering: return 2
        case .wrongIssuer: return 3
        case .expired: return 4
        case .unknown: return 5
        case .missing: return 6
        }
    }

    /// True when the shipper has to obtain (or replace) the document.
    public var needsAction: Bool { self != .present && self != .unknown }
}

/// A checkpoint as a checklist row names it.
public struct CheckpointRef: Hashable, Sendable {
    public var checkpoint: CheckpointKind
    public var country: String
    public var place: String
}

/// A rule as a checklist row or finding cites it.
public struct RuleRef: Hashable, Sendable {
    public var id: String
    public var pack: String
    public var source: String
    public var file: String
    public var line: Int

    /// The reference to `rule`, where it is written.
    init(_ rule: Rule) {
        id = rule.id; pack = rule.pack; source = rule.source; file = rule.location.file; line = rule.location.line
    }
}

/// One document the shipment needs, merged over every checkpoint and rule that asks for it.
public struct ChecklistRow: Hashable, Sendable {
    public var document: String
    public var unece: String?
    public var name: String
    public var status: DocumentStatus
    public var severity: Severity
    public var neededAt: [CheckpointRef]
    /// Goods line numbers (as the manifest numbers them) the requirement binds to.
    public var lines: [Int]
    public var issuer: String
    public var rules: [RuleRef]
    public var leadTimeHours: P5090
    public var costUSD: Double
    public var howToObtain: String
    /// For `one_of` requirements: every alternative set of documents.
    public var alternatives: [[String]]?
    /// The same alternatives by the catalogue's document names, for people.
    public var alternativeNames: [[String]]?
    /// The alternative that satisfied a `one_of` requirement.
    public var satisfiedBy: [String]?
    /// For status `unknown`: the manifest fields that would decide it.
    public var needs: [String]?
    /// Indices of manifest documents that satisfy or were judged for this row.
    public var matchedDocuments: [Int]
    /// For a document to obtain: the latest day to apply so that it is in hand (p90 lead time)
    /// on the planned departure.
    public var applyBy: Day? = nil
}

/// A problem or remark about the shipment, with the rule and the manifest place behind it.
public struct Finding: Hashable, Sendable {
    public var severity: Severity
    public var code: FindingCode
    public var message: String
    public var rule: String?
    public var path: String?
    public var location: SourceLocation?
    /// The message without the sources of the figures behind it (a link's status), for compact
    /// rows, which cite sources elsewhere; nil when the message is brief already.
    public var brief: String? = nil
}

/// Time and cost of the trip, step by step, with totals combined from log-normal steps.
public struct Estimate: Hashable, Sendable {
    public var costUSD: P5090
    /// The trip, dispatch to delivery: legs, borders, transshipments and procedures. The time
    /// to obtain missing documents is not in it; it is `delayFromMissingDocumentsHours`.
    public var timeHours: P5090
    public var delayFromMissingDocumentsHours: P5090
    public var steps: [Step]
    /// When the documents still to obtain could all be in hand if applied for on the as-of day
    /// (p50 and p90), and so the earliest dispatch; nil when nothing is missing.
    public var readyToDispatch: (p50: Day, p90: Day)? = nil

    public init(costUSD: P5090, timeHours: P5090, delayFromMissingDocumentsHours: P5090, steps: [Step]) {
        self.costUSD = costUSD; self.timeHours = timeHours;
        self.delayFromMissingDocumentsHours = delayFromMissingDocumentsHours
        self.steps = steps
    }

    /// Equal totals, steps and readiness.
    public static func == (a: Estimate, b: Estimate) -> Bool {
        a.costUSD == b.costUSD && a.timeHours == b.timeHours
            && a.delayFromMissingDocumentsHours == b.delayFromMissingDocumentsHours
            && a.steps == b.steps && a.readyToDispatch?.p50 == b.readyToDispatch?.p50
            && a.readyToDispatch?.p90 == b.readyToDispatch?.p90
    }

    /// Hashes what `==` compares.
    public func hash(into h: inout Hasher) {
        h.combine(costUSD); h.combine(timeHours); h.combine(steps); h.combine(readyToDispatch?.p50);
        h.combine(readyToDispatch?.p90)
    }
}

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

extension ChecklistRow {
    /// A document the shipper must still obtain or fix before the shipment is ready: the one
    /// predicate the CSV, the batch summary and the corridor comparison count by.
    public var isToObtain: Bool { status.needsAction && severity == .error }
}

extension Report {
    /// The rows to obtain, one per document: a document needed from several issuers or at several
    /// checkpoints counts once for the manifest.
    public var documentsToObtain: [ChecklistRow] {
        var seen = Set<String>()
        return checklist.filter { $0.isToObtain && seen.insert($0.document).inserted }
    }
}
