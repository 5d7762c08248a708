/// Judges a merged requirement against the manifest's documents: type, issuer country,
/// validity at the latest checkpoint that needs it (p90 arrival), and goods-line coverage.
struct Satisfaction {
    let shipment: Shipment
    let rules: [Rule]
    let catalogue: DocumentCatalogue

    /// The outcome for one required document.
    struct Judgement {
        var status: DocumentStatus
        var documents: [Int]
    }

    func row(_ row: AppliedRules.PendingRow) -> ChecklistRow {
        let deadline =
            row.checkpoints.map { shipment.departure.adding(hours: $0.checkpoint.arrivalHours.p90) }.max()
            ?? shipment.departure
        // A document must exist when the first checkpoint that needs it is reached (p50 arrival).
        let neededBy =
            row.checkpoints.map { shipment.departure.adding(hours: $0.checkpoint.arrivalHours.p50) }.min()
            ?? shipment.departure
        var chosen = 0
        var judgements: [[Judgement]] = []
        var best: (closeness: Int, index: Int)?
        for (i, alt) in row.alternatives.enumerated() {
            let js = alt.map { requirement in
                requirement.issuedBy == .checkpoint
                    ? judgeAtEachCheckpoint(requirement, row)
                    : judge(
                        requirement, issuer: requirement.issuedBy == .any ? nil : row.issuerCountry, lines: row.lines,
                        neededBy: neededBy, deadline: deadline)
            }
            judgements.append(js)
            let worst = js.map(\.status.closeness).max() ?? 0
            if best == nil || worst < best!.closeness { best = (worst, i) }
        }
        chosen = best?.index ?? 0
        let status: DocumentStatus
        if row.needs != nil {
            status = .unknown
        } else {
            status = judgements[chosen].max { $0.status.closeness < $1.status.closeness }?.status ?? .present
        }
        let alt = row.alternatives[chosen]
        let entries = catalogue.entries
        let primary = catalogue.position(of: alt[0].document)
        // The documents of the alternative take as long as the slowest and cost their sum.
        var leadP50: Double?, leadP90: Double?, cost = 0.0
        for requirement in alt {
            guard let i = catalogue.position(of: requirement.document) else { continue }
            leadP50 = max(leadP50 ?? entries[i].leadTimeHours.p50, entries[i].leadTimeHours.p50)
            leadP90 = max(leadP90 ?? entries[i].leadTimeHours.p90, entries[i].leadTimeHours.p90)
            cost += entries[i].costUSD
        }
        let isOneOf = row.alternatives.count > 1
        return ChecklistRow(
            document: alt[0].document,
            unece: primary.flatMap { entries[$0].unece },
            name: primary.map { entries[$0].name } ?? alt[0].document,
            status: status,
            severity: row.severity,
            neededAt: row.checkpoints.map {
                CheckpointRef(
                    checkpoint: $0.checkpoint.kind, country: $0.checkpoint.country, place: $0.checkpoint.place)
            },
            lines: row.lines.indices.map { shipment.goods[$0].line },
            issuer: issuerText(
                primary.map { entries[$0].issuerInWords },
                alt[0].issuedBy == .checkpoint
                    ? checkpointCountries(row).joined(separator: ", ")
                    : alt[0].issuedBy == .any ? nil : row.issuerCountry),
            rules: row.rules.map { RuleRef(rules[$0]) },
            leadTimeHours: P5090(p50: leadP50 ?? 0, p90: leadP90 ?? 0),
            costUSD: cost,
            howToObtain: primary.map { entries[$0].howToObtain } ?? "",
            alternatives: isOneOf ? row.alternatives.map { $0.map(\.document) } : nil,
            alternativeNames: isOneOf
                ? row.alternatives.map {
                    $0.map { r in catalogue.position(of: r.document).map { entries[$0].name } ?? r.document }
                } : nil,
            satisfiedBy: isOneOf && status == .present ? alt.map(\.document) : nil,
            needs: row.needs,
            matchedDocuments: judgements[chosen].flatMap(\.documents))
    }

    /// The countries of a row's checkpoints, each once, in route order.
    private func checkpointCountries(_ row: AppliedRules.PendingRow) -> [String] {
        var out: [String] = []
        for c in row.checkpoints.sorted(by: { $0.position < $1.position }) where !out.contains(c.checkpoint.country) {
            out.append(c.checkpoint.country)
        }
        return out
    }

    /// A document each checkpoint's country issues (a national transit declaration): one is
    /// needed from every country, valid when the shipment reaches that country's checkpoint.
    /// The row's status is the worst of them.
    private func judgeAtEachCheckpoint(_ req: DocumentRequirement, _ row: AppliedRules.PendingRow) -> Judgement {
        var worst: Judgement?
        var documents: [Int] = []
        for country in checkpointCountries(row) {
            let here = row.checkpoints.filter { $0.checkpoint.country == country }.map(\.checkpoint)
            let deadline =
                here.map { shipment.departure.adding(hours: $0.arrivalHours.p90) }.max() ?? shipment.departure
            let neededBy =
                here.map { shipment.departure.adding(hours: $0.arrivalHours.p50) }.min() ?? shipment.departure
            let j = judge(req, issuer: country, lines: row.lines, neededBy: neededBy, deadline: deadline)
            documents += j.documents.filter { !documents.contains($0) }
            if worst == nil || j.status.closeness > worst!.status.closeness { worst = j }
        }
        return Judgement(status: worst?.status ?? .missing, documents: documents.sorted())
    }

    private func issuerText(_ role: String?, _ country: String?) -> String {
        let who = role ?? "issuer"
        guard let country else { return who }
        return who == "exporter" || who == "carrier" ? "\(who) in \(country)" : "\(who) of \(country)"
    }

    func expiry(_ d: AttachedDocument) -> Day? {
        if let e = d.expires { return e }
        if let i = catalogue.position(of: d.type), let v = catalogue.entries[i].validityDays {
            return d.issued.adding(days: v)
        }
        return nil
    }

    /// A requirement judged against the manifest's documents: a document issued after `neededBy`
    /// (when the first checkpoint that needs it is reached) does not count; the expiry is judged
    /// at `deadline` (the p90 arrival at the last such checkpoint).
    func judge(_ req: DocumentRequirement, issuer: String?, lines: LineSet, neededBy: Day, deadline: Day) -> Judgement {
        let named = shipment.documents.indices.filter { shipment.documents[$0].type == req.document }
        let ofType = named.filter { shipment.documents[$0].issued <= neededBy }
        guard !ofType.isEmpty else { return Judgement(status: .missing, documents: named) }
        let fromIssuer = issuer == nil ? ofType : ofType.filter { shipment.documents[$0].issuerCountry == issuer }
        guard !fromIssuer.isEmpty else { return Judgement(status: .wrongIssuer, documents: ofType) }
        let unexpired =
            req.validAt == .any
            ? fromIssuer
            : fromIssuer.filter { expiry(shipment.documents[$0]).map { $0 >= shipment.departure } ?? true }
        guard !unexpired.isEmpty else { return Judgement(status: .expired, documents: fromIssuer) }
        let validThrough =
            req.validAt != .checkpoint
            ? unexpired
            : unexpired.filter { expiry(shipment.documents[$0]).map { $0 >= deadline } ?? true }
        if req.per == .line {
            if lines.isSubset(of: covered(validThrough)) { return Judgement(status: .present, documents: validThrough) }
            if lines.isSubset(of: covered(unexpired)) {
                return Judgement(status: .expiresEnRoute, documents: unexpired)
            }
            return Judgement(status: .notCovering, documents: unexpired)
        }
        return validThrough.isEmpty
            ? Judgement(status: .expiresEnRoute, documents: unexpired)
            : Judgement(status: .present, documents: validThrough)
    }

    private func covered(_ docs: [Int]) -> LineSet {
        var set = LineSet()
        for d in docs {
            guard let covers = shipment.documents[d].covers else { return LineSet(all: shipment.goods.count) }
            for (i, g) in shipment.goods.enumerated() where covers.contains(g.line) { set.insert(i) }
        }
        return set
    }
}
