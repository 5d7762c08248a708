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

extension ChecklistRow {
    /// A document the shipper must still obtain or fix before the shipment is ready: the one
    /// predicate the CSV, the batch summary and the corridor comparison count by.
    public var isToObtain: Bool { status.needsAction && severity == .error }
}
