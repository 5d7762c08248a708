/// One manifest's result as a broker acts on it (issue 18): the shipment in a few fields, the
/// verdict, what blocks it, the documents to obtain or fix (one per document), warnings and the
/// estimate's totals. Rules are cited by id; `rules export` gives their titles and sources once.
/// The batch's compact jsonl, CSV, JUnit and SARIF are written from it, the record stores it,
/// and baselines and waivers act on its items.
public struct CompactRow: Hashable, Sendable {
    /// A blocker or a warning: a finding that is not a document to obtain.
    public struct Item: Hashable, Sendable {
        public var severity: Severity
        public var code: String
        public var message: String
        /// The id of the rule that raised it; nil for findings no rule raises (`link-closed`).
        public var rule: String?
        public var location: SourceLocation?

        public init(
            severity: Severity, code: String, message: String, rule: String? = nil, location: SourceLocation? = nil
        ) {
            self.severity = severity; self.code = code; self.message = message; self.rule = rule;
            self.location = location
        }

        /// What a baseline remembers of it: its code, rule and words, not where it is.
        public var baselineKey: String { "finding|\(code)|\(rule ?? "")|\(message)" }
        /// Ids a waiver's `rule` may name: the rule behind it, or its code when no rule is.
        public var ruleIDs: [String] { rule.map { [$0, code] } ?? [code] }
    }

    /// A document to obtain or fix.
    public struct Document: Hashable, Sendable {
        public var id: String
        public var name: String
        public var status: DocumentStatus
        /// The checkpoints that ask for it.
        public var neededAt: [CheckpointRef]
        public var issuer: String
        public var leadTimeHours: P5090
        public var costUSD: Double
        /// The latest day to apply so that it is in hand on the planned departure.
        public var applyBy: Day?
        /// Ids of the rules that require it.
        public var rules: [String]
        /// The finding's words and place in the manifest.
        public var message: String
        public var location: SourceLocation?

        /// What a baseline remembers of it: its id and status.
        public var baselineKey: String { "document|\(id)|\(status.rawValue)" }
    }

    /// Why an item is not shown: the baseline had it, or a waiver silences it.
    public struct Waived: Hashable, Sendable {
        /// The baseline key of the item left out.
        public var key: String
        public var waiver: Waiver
    }

    /// The manifest file, as the batch names it.
    public var file: String
    public var id: String
    public var header: ShipmentHeader
    /// The corridor the shipment was checked on, if one was found.
    public var corridor: String?
    /// The day the rules and network were applied as of.
    public var asOf: Day
    public var verdict: Verdict
    public var blockers: [Item]
    public var documents: [Document]
    public var warnings: [Item]
    public var estimate: Estimate
    /// Items left out because the baseline has them.
    public var baselined = 0
    /// Items a waiver silences, with the waiver.
    public var waived: [Waived] = []
    /// Waivers for this manifest that have expired while their finding still occurs: each is a
    /// finding of its own (an error), located in the waivers file.
    public var expiredWaivers: [Item] = []

    /// The compact row of a report. Blockers are the error findings that are not about a
    /// document; documents are `Report.documentsToObtain`, one per document; warnings are the
    /// warning findings (notes are left out).
    public init(_ r: Report) {
        file = r.file; id = r.shipmentID; header = r.header; corridor = r.corridor; asOf = r.asOf; verdict = r.verdict
        estimate = r.estimate
        var blockers: [Item] = [], warnings: [Item] = []
        for f in r.findings {
            let documentFinding = f.code.isAboutADocument
            if f.severity == .error && !documentFinding {
                blockers.append(
                    Item(
                        severity: .error, code: f.code.rawValue, message: f.brief ?? f.message, rule: f.rule,
                        location: f.location))
            } else if f.severity == .warning {
                warnings.append(
                    Item(
                        severity: .warning, code: f.code.rawValue, message: f.message, rule: f.rule,
                        location: f.location))
            }
        }
        self.blockers = blockers
        self.warnings = warnings
        documents = r.documentsToObtain.map { row in
            let code = FindingCode.document(row.status)
            let rule = row.rules.first?.id
            let finding = r.findings.first { $0.code == code && $0.rule == rule && $0.severity == .error }
            return Document(
                id: row.document, name: row.name, status: row.status, neededAt: row.neededAt, issuer: row.issuer,
                leadTimeHours: row.leadTimeHours, costUSD: row.costUSD, applyBy: row.applyBy,
                rules: row.rules.map(\.id),
                message: finding?.message ?? "\(row.name) is \(row.status.rawValue)", location: finding?.location)
        }
    }

    /// True when something still stands in the way: a blocker or a document to obtain that is
    /// neither in the baseline nor waived.
    public var hasOpenErrors: Bool {
        !blockers.isEmpty || !documents.isEmpty || !expiredWaivers.isEmpty
    }

    /// Every baseline key of the row's items.
    public var baselineKeys: [String] {
        blockers.map(\.baselineKey) + documents.map(\.baselineKey) + warnings.map(\.baselineKey)
    }

    /// The key a baseline and waivers know a manifest by: its id, or its file when it has none.
    public var manifestKey: String { id.isEmpty ? file : id }
}
