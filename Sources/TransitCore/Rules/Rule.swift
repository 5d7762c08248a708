/// What area of regulation a rule belongs to.
public enum RuleKind: String, Hashable, Sendable, CaseIterable {
    case transit, phytosanitary, veterinary, documentation, prohibition, safety
}

/// Where on a journey a rule is checked.
public enum CheckpointKind: String, Hashable, Sendable, CaseIterable {
    case export, exit, entry, transit, transshipment, `import`
}

/// One rule of a pack (SPEC 2.4): where it applies, when, and what it requires, prohibits or warns.
public struct Rule: Hashable, Sendable {
    public var id: String
    public var title: String
    public var kind: RuleKind
    /// The kinds of checkpoint where the rule is checked.
    public var at: [CheckpointKind]
    /// Checkpoint countries; empty means any.
    public var countries: [String]
    /// The condition on the shipment under which the rule applies; nil means always.
    public var when: Condition?
    public var requirements: [Requirement]
    public var procedures: [Procedure]
    /// For a prohibition: the finding's message, why the goods may not pass.
    public var prohibit: String?
    /// For a warning rule: the warning's message.
    public var warn: String?
    public var severity: Severity
    /// The law or document the rule comes from.
    public var source: String
    /// The days the rule is in force.
    public var effective: DayRange
    /// The id of the pack the rule comes from.
    public var pack: String
    /// Where the rule is written.
    public var location: SourceLocation
    /// Rules this one replaces when its pack is loaded (a draft amending adopted rules).
    public var supersedes: [String] = []
    /// Each requirement as checklist rows merge it (`MergeableRequirement`). Set when the rule
    /// set is built.
    public internal(set) var mergeable: [MergeableRequirement] = []

    public init(
        id: String, title: String, kind: RuleKind, at: [CheckpointKind], countries: [String] = [],
        when: Condition? = nil, requirements: [Requirement] = [], procedures: [Procedure] = [],
        prohibit: String? = nil, warn: String? = nil, severity: Severity = .error, source: String,
        effective: DayRange = DayRange(), pack: String, location: SourceLocation
    ) {
        self.id = id; self.title = title; self.kind = kind; self.at = at; self.countries = countries
        self.when = when; self.requirements = requirements; self.procedures = procedures
        self.prohibit = prohibit; self.warn = warn; self.severity = severity; self.source = source
        self.effective = effective; self.pack = pack; self.location = location
    }
}

/// Whether a pack is law in force or a draft under discussion (loaded only with `--draft`).
public enum PackStatus: String, Hashable, Sendable, CaseIterable { case inForce = "in-force", draft }

/// A rule pack: one file of rules sharing a legal source and an effective range.
public struct RulePack: Hashable, Sendable {
    public var id: String
    public var title: String
    public var status: PackStatus
    /// The days the pack's rules are in force, unless a rule narrows them.
    public var effective: DayRange
    public var source: String
    public var rules: [Rule]
    /// The file the pack was read from.
    public var file: String
    public init(
        id: String, title: String, status: PackStatus, effective: DayRange, source: String, rules: [Rule], file: String
    ) {
        self.id = id; self.title = title; self.status = status; self.effective = effective; self.source = source
        self.rules = rules; self.file = file
    }
}
