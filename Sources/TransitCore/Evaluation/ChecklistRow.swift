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
///
/// What the row says is judged once and seldom changes, so it is kept in one shared box: a row
/// is copied (into the sorted checklist, the report, a compact row) by one retain rather than a
/// dozen texts and lists. Only the status, the severity and `applyBy` are held in the row itself.
public struct ChecklistRow: Hashable, Sendable {
    public var status: DocumentStatus
    public var severity: Severity
    /// For a document to obtain: the latest day to apply so that it is in hand (p90 lead time)
    /// on the planned departure.
    public var applyBy: Day? = nil
    private var box: Box

    public var document: String {
        get { box.fields.document }
        set { update { $0.document = newValue } }
    }
    public var unece: String? {
        get { box.fields.unece }
        set { update { $0.unece = newValue } }
    }
    public var name: String {
        get { box.fields.name }
        set { update { $0.name = newValue } }
    }
    public var neededAt: [CheckpointRef] {
        get { box.fields.neededAt }
        set { update { $0.neededAt = newValue } }
    }
    /// Goods line numbers (as the manifest numbers them) the requirement binds to.
    public var lines: [Int] {
        get { box.fields.lines }
        set { update { $0.lines = newValue } }
    }
    public var issuer: String {
        get { box.fields.issuer }
        set { update { $0.issuer = newValue } }
    }
    public var rules: [RuleRef] {
        get { box.fields.rules }
        set { update { $0.rules = newValue } }
    }
    public var leadTimeHours: P5090 {
        get { box.fields.leadTimeHours }
        set { update { $0.leadTimeHours = newValue } }
    }
    public var costUSD: Double {
        get { box.fields.costUSD }
        set { update { $0.costUSD = newValue } }
    }
    public var howToObtain: String {
        get { box.fields.howToObtain }
        set { update { $0.howToObtain = newValue } }
    }
    /// For `one_of` requirements: every alternative set of documents.
    public var alternatives: [[String]]? {
        get { box.fields.alternatives }
        set { update { $0.alternatives = newValue } }
    }
    /// The same alternatives by the catalogue's document names, for people.
    public var alternativeNames: [[String]]? {
        get { box.fields.alternativeNames }
        set { update { $0.alternativeNames = newValue } }
    }
    /// The alternative that satisfied a `one_of` requirement.
    public var satisfiedBy: [String]? {
        get { box.fields.satisfiedBy }
        set { update { $0.satisfiedBy = newValue } }
    }
    /// For status `unknown`: the manifest fields that would decide it.
    public var needs: [String]? {
        get { box.fields.needs }
        set { update { $0.needs = newValue } }
    }
    /// Indices of manifest documents that satisfy or were judged for this row.
    public var matchedDocuments: [Int] {
        get { box.fields.matchedDocuments }
        set { update { $0.matchedDocuments = newValue } }
    }

    /// Changes a field: the row takes a box of its own, and its copies keep theirs.
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    /// The fields a row shares with its copies.
    private struct Fields: Hashable, Sendable {
        var document: String
        var unece: String?
        var name: String
        var neededAt: [CheckpointRef]
        var lines: [Int]
        var issuer: String
        var rules: [RuleRef]
        var leadTimeHours: P5090
        var costUSD: Double
        var howToObtain: String
        var alternatives: [[String]]?
        var alternativeNames: [[String]]?
        var satisfiedBy: [String]?
        var needs: [String]?
        var matchedDocuments: [Int]
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    init(
        document: String, unece: String?, name: String, status: DocumentStatus, severity: Severity,
        neededAt: [CheckpointRef], lines: [Int], issuer: String, rules: [RuleRef], leadTimeHours: P5090,
        costUSD: Double, howToObtain: String, alternatives: [[String]]?, alternativeNames: [[String]]?,
        satisfiedBy: [String]?, needs: [String]?, matchedDocuments: [Int]
    ) {
        self.status = status
        self.severity = severity
        box = Box(
            Fields(
                document: document, unece: unece, name: name, neededAt: neededAt, lines: lines, issuer: issuer,
                rules: rules, leadTimeHours: leadTimeHours, costUSD: costUSD, howToObtain: howToObtain,
                alternatives: alternatives, alternativeNames: alternativeNames, satisfiedBy: satisfiedBy,
                needs: needs, matchedDocuments: matchedDocuments))
    }

    /// Rows are equal when everything they say is: shared or not.
    public static func == (a: ChecklistRow, b: ChecklistRow) -> Bool {
        a.status == b.status && a.severity == b.severity && a.applyBy == b.applyBy
            && (a.box === b.box || a.box.fields == b.box.fields)
    }

    /// Hashes what `==` compares.
    public func hash(into h: inout Hasher) {
        h.combine(status); h.combine(severity); h.combine(applyBy); h.combine(box.fields)
    }
}

extension ChecklistRow {
    /// A document the shipper must still obtain or fix before the shipment is ready: the one
    /// predicate the CSV, the batch summary and the corridor comparison count by.
    public var isToObtain: Bool { status.needsAction && severity == .error }
}
