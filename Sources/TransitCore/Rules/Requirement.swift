/// Whose issue a required document must be.
public enum IssuerConstraint: Hashable, Sendable {
    case any
    /// The country of origin of the goods (of each bound line, or of the shipment's origin).
    case origin
    /// The shipper's country.
    case exporter
    /// The country of the checkpoint that asks for it.
    case checkpoint
    case country(String)
}

/// Whether one document may serve the whole shipment or each bound goods line must be covered.
public enum Per: String, Hashable, Sendable { case line, shipment }

/// When a required document must still be valid.
public enum ValidAt: String, Hashable, Sendable { case checkpoint, departure, any }

/// One document a rule asks for.
public struct DocumentRequirement: Hashable, Sendable {
    /// The document's id in the catalogue.
    public var document: String
    public var per: Per
    public var issuedBy: IssuerConstraint
    public var validAt: ValidAt
    public var location: SourceLocation?
    public init(
        document: String, per: Per = .shipment, issuedBy: IssuerConstraint = .any,
        validAt: ValidAt = .checkpoint, location: SourceLocation? = nil
    ) {
        self.document = document; self.per = per; self.issuedBy = issuedBy; self.validAt = validAt
        self.location = location
    }
}

/// What a rule requires: a document, or one of several sets of documents.
public enum Requirement: Hashable, Sendable {
    case document(DocumentRequirement)
    case oneOf([[DocumentRequirement]])

    /// The sets of documents any one of which satisfies the requirement.
    public var alternatives: [[DocumentRequirement]] {
        switch self {
        case .document(let d): return [[d]]
        case .oneOf(let alts): return alts
        }
    }

    /// Every document id the requirement mentions, across all alternatives.
    public var documentIDs: [String] { alternatives.flatMap { $0.map(\.document) } }
}

/// A step that is not a document (an inspection, a fumigation) and costs time and money.
public struct Procedure: Hashable, Sendable {
    public var name: String
    public var hours: P5090
    public var costUSD: P5090
    /// The name of its step at each kind of checkpoint ("phytosanitary inspection at entry"),
    /// by `CheckpointKind.number`. Set when the rule set is built, so a check does not write it.
    public internal(set) var stepNames: [String] = []

    /// The name of its step at a checkpoint of `kind`.
    func stepName(at kind: CheckpointKind) -> String {
        kind.number < stepNames.count ? stepNames[kind.number] : Procedure.stepName(name, at: kind)
    }

    static func stepName(_ name: String, at kind: CheckpointKind) -> String { "\(name) at \(kind.rawValue)" }
    public init(name: String, hours: P5090, costUSD: P5090) {
        self.name = name; self.hours = hours; self.costUSD = costUSD
    }
}

/// A requirement as checklist rows merge it, worked out once when the rule set is built, so
/// that a check neither builds the alternatives' lists nor looks documents up by name.
public struct MergeableRequirement: Hashable, Sendable {
    /// The same for every requirement (of any rule in the rule set) asking for the same
    /// documents or alternatives: requirements merge into one row by comparing numbers, not
    /// lists of names.
    public var group: Int
    /// The sets of documents any one of which satisfies it (`Requirement.alternatives`).
    public var alternatives: [[DocumentRequirement]]
    /// Each alternative's documents' positions in the rule set's catalogue (nil: not in it).
    public var positions: [[Int?]]
    /// True when some document is required for each goods line.
    public var perLine: Bool
}
