/// Collects what the rules that fired ask for, merging requirements into one row per
/// (document or alternatives, issuer country), with every checkpoint and rule behind it.
struct AppliedRules {
    let shipment: Shipment
    let journey: Journey
    /// The rule set's rules; rows refer to them by index, so that no rule is copied.
    let rules: [Rule]
    let catalogue: DocumentCatalogue

    private(set) var findings: [Finding] = []
    private(set) var procedureSteps: [Step] = []
    private(set) var prohibited = false
    private(set) var undecidedProhibition = false
    /// The rows in the order they were first asked for, each with its key. A shipment has about
    /// ten, so a key is found by comparing group numbers faster than by hashing it.
    private var rowKeys: [RowKey] = []
    private var rows: [PendingRow] = []
    /// Procedures already counted, by name and place: one step each however many rules ask. A
    /// shipment has a handful, so a list is searched faster than a set's texts are hashed.
    private var procedureKeys: [ProcedureAt] = []
    private struct ProcedureAt: Equatable { var name: String; var place: String }

    init(shipment: Shipment, journey: Journey, rules: [Rule], catalogue: DocumentCatalogue) {
        self.shipment = shipment
        self.journey = journey
        self.rules = rules
        self.catalogue = catalogue
        // Room for what a shipment usually gathers, made once rather than grown step by step.
        rowKeys.reserveCapacity(16); rows.reserveCapacity(16)
        procedureKeys.reserveCapacity(8); procedureSteps.reserveCapacity(8)
    }

    struct RowKey: Hashable {
        /// `MergeableRequirement.group`: equal for requirements naming the same documents.
        var group: Int
        var issuerCountry: String?
    }

    struct PendingRow {
        var requirement: MergeableRequirement
        var alternatives: [[DocumentRequirement]] { requirement.alternatives }
        var issuerCountry: String?
        var perLine = false
        var lines = LineSet()
        /// Where it is needed: positions in the journey's checkpoints, in the order first asked
        /// (most rows gather two or three, held inline).
        var checkpoints = FewIndices()
        /// Indices into the rule set's rules, in the order they first applied.
        var rules = FewIndices()
        var severity: Severity = .warning
        var needs: [String]? = []
    }

    /// Records the rule at `index` that applies (`unknown == nil`) or may apply (its condition
    /// is undecided).
    mutating func apply(_ index: Int, lines: LineSet, at checkpoint: Checkpoint, position: Int, unknown: [String]?) {
        // The rule's fields are read in place (`rules[index].…`): a copy of the rule would
        // retain every one of its texts and arrays, and this runs for every rule that fires.
        let severity = rules[index].severity
        // Only prohibitions and warnings name where they fired; most rules do neither. The
        // message and its reference are written into one text at once.
        func cited(_ message: String) -> String {
            String(
                joining: message, " [", rules[index].id, " at ", checkpoint.kind.rawValue, " ", checkpoint.country,
                " (", checkpoint.place, ")]")
        }
        // A remark points at the first goods line it is about (or the manifest's id).
        var at: SourceLocation? {
            lines.first.flatMap { shipment.goods[$0].location } ?? shipment.fieldLocations["id"]
        }
        if let message = rules[index].prohibit {
            if unknown == nil {
                findings.append(
                    Finding(
                        severity: severity, code: .prohibited, message: cited(message),
                        rule: rules[index].id, path: nil, location: at))
                if severity == .error { prohibited = true }
            } else {
                findings.append(
                    Finding(
                        severity: .warning, code: .prohibitionUnknown,
                        message: cited(
                            "\(message) may apply; the manifest does not give \(unknown!.joined(separator: ", "))"),
                        rule: rules[index].id, path: unknown!.first, location: at))
                if severity == .error { undecidedProhibition = true }
            }
        }
        if let message = rules[index].warn, unknown == nil {
            findings.append(
                Finding(
                    severity: .warning, code: .warning, message: cited(message),
                    rule: rules[index].id, path: nil, location: at))
        }
        if unknown == nil {
            for p in rules[index].procedures {
                let key = ProcedureAt(name: p.name, place: checkpoint.place)
                guard !procedureKeys.contains(key) else { continue }
                procedureKeys.append(key)
                procedureSteps.append(
                    Step(
                        kind: .procedure, name: p.stepName(at: checkpoint.kind),
                        place: checkpoint.place, hours: p.hours, costUSD: p.costUSD, source: rules[index].source))
            }
        }
        for requirement in rules[index].mergeable {
            let group = requirement.group
            /// Merges the requirement into its row for `country`, made if it is the first.
            func merge(issuer country: String?, lines boundLines: LineSet) {
                let key = RowKey(group: group, issuerCountry: country)
                // A row already there is changed in place.
                let i =
                    rowKeys.firstIndex(of: key)
                    ?? {
                        rowKeys.append(key)
                        rows.append(PendingRow(requirement: requirement, issuerCountry: country))
                        return rows.count - 1
                    }()
                rows[i].merge(
                    severity, index, lines: boundLines, at: position, of: journey.checkpoints, unknown: unknown,
                    perLine: requirement.perLine)
            }
            if let country = issuer(requirement.alternatives) {
                merge(issuer: country, lines: lines)
            } else {
                for (country, boundLines) in linesByOrigin(lines) { merge(issuer: country, lines: boundLines) }
            }
        }
    }

    /// The issuer country a requirement asks for (`.some(nil)` for none in particular), or nil
    /// where it asks for each line's origin country (`linesByOrigin`).
    private func issuer(_ alts: [[DocumentRequirement]]) -> String?? {
        let constraint = alts.lazy.flatMap { $0 }.first { $0.issuedBy != .any }?.issuedBy ?? .any
        switch constraint {
        case .any: return .some(nil)
        case .exporter: return .some(shipment.shipper.country)
        // One row for every checkpoint's country: `Satisfaction` judges it at each checkpoint.
        case .checkpoint: return .some(nil)
        case .country(let c): return .some(c)
        case .origin: return nil
        }
    }

    /// Bound lines split by their origin country.
    private func linesByOrigin(_ lines: LineSet) -> [(String?, LineSet)] {
        var groups: [(String?, LineSet)] = []
        lines.forEach { i in
            let c = shipment.goods[i].origin
            if let k = groups.firstIndex(where: { $0.0 == c }) {
                groups[k].1.insert(i)
            } else {
                var set = LineSet(); set.insert(i); groups.append((c, set))
            }
        }
        return groups
    }

    /// The merged checklist, each row judged against the manifest, in route order.
    func checklist(asOf day: Day) -> [ChecklistRow] {
        let judge = Satisfaction(shipment: shipment, route: journey.checkpoints, rules: rules, catalogue: catalogue)
        var rows: [ChecklistRow] = []
        var firstPosition: [Int] = []
        rows.reserveCapacity(self.rows.count)
        // Through the buffer, so that each pending row is read in place rather than copied.
        self.rows.withUnsafeBufferPointer { pending in
            for i in pending.indices {
                firstPosition.append(pending[i].checkpoints.min() ?? 0)
                rows.append(judge.row(pending[i]))
            }
        }
        // Sorted by index, so rows are not moved while compared; texts are compared only on ties.
        let order = rows.indices.sorted { a, b in
            if firstPosition[a] != firstPosition[b] { return firstPosition[a] < firstPosition[b] }
            if rows[a].document != rows[b].document { return rows[a].document < rows[b].document }
            return rows[a].issuer < rows[b].issuer
        }
        return order.map { rows[$0] }
    }
}

extension AppliedRules.PendingRow {
    /// Adds the rule at `index` (of `ruleSeverity`), found to apply (`unknown == nil`) or to
    /// maybe apply to `bound` lines at the checkpoint at `position` of `route`.
    mutating func merge(
        _ ruleSeverity: Severity, _ index: Int, lines bound: LineSet, at position: Int, of route: [Checkpoint],
        unknown: [String]?,
        perLine: Bool
    ) {
        if let unknown {
            // Undecided hits only matter while no hit is certain.
            guard needs != nil else { return }
            needs! += unknown.filter { !needs!.contains($0) }
        } else {
            if needs != nil {
                needs = nil; lines = LineSet(); severity = .warning
                checkpoints.removeAll(); rules.removeAll()
            }
        }
        self.perLine = self.perLine || perLine
        lines = lines.union(bound)
        if !checkpoints.contains(where: {
            route[$0].kind == route[position].kind && route[$0].place == route[position].place
        }) {
            checkpoints.append(position)
        }
        if !rules.contains(index) { rules.append(index) }
        if ruleSeverity == .error { severity = .error }
    }
}
