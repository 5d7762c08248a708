/// Judges a merged requirement against the manifest's documents: type, issuer country,
/// validity at the latest checkpoint that needs it (p90 arrival), and goods-line coverage.
struct Satisfaction {
    let shipment: Shipment
    /// The journey's checkpoints, which rows name by position.
    let route: [Checkpoint]
    let rules: [Rule]
    let catalogue: DocumentCatalogue
    /// Each of the manifest's documents' place in the catalogue (nil for a type it does not
    /// list), so that a requirement finds the documents of its type by number, not by text.
    let documentPositions: [Int?]

    init(shipment: Shipment, route: [Checkpoint], rules: [Rule], catalogue: DocumentCatalogue) {
        self.shipment = shipment; self.route = route; self.rules = rules; self.catalogue = catalogue
        documentPositions = shipment.documents.map { catalogue.position(of: $0.type) }
    }

    /// The outcome for one required document.
    struct Judgement {
        var status: DocumentStatus
        var documents: [Int]
    }

    func row(_ row: AppliedRules.PendingRow) -> ChecklistRow {
        let (neededBy, deadline) = window(row.checkpoints)
        // The row's checkpoint countries, for a document each checkpoint's country issues.
        let countries =
            row.alternatives.contains { $0.contains { $0.issuedBy == .checkpoint } } ? checkpointCountries(row) : []
        // The alternative whose worst document is closest to satisfied (the first on a tie): its
        // worst status is the row's, and the documents its requirements matched are the row's.
        var chosen = 0, bestCloseness = Int.max, chosenStatus = DocumentStatus.present, matched: [Int] = []
        for (i, alt) in row.alternatives.enumerated() {
            var worst: DocumentStatus?, documents: [Int] = []
            for k in alt.indices {
                let requirement = alt[k], position = row.requirement.positions[i][k]
                let j =
                    requirement.issuedBy == .checkpoint
                    ? judgeAtEachCheckpoint(requirement, position: position, row, countries: countries)
                    : judge(
                        requirement, position: position, issuer: requirement.issuedBy == .any ? nil : row.issuerCountry,
                        lines: row.lines, neededBy: neededBy, deadline: deadline)
                if worst.map({ j.status.closeness > $0.closeness }) ?? true { worst = j.status }
                if documents.isEmpty { documents = j.documents } else { documents += j.documents }
            }
            let closeness = worst?.closeness ?? 0
            if closeness < bestCloseness {
                (chosen, bestCloseness, chosenStatus, matched) = (i, closeness, worst ?? .present, documents)
            }
        }
        let status = row.needs != nil ? .unknown : chosenStatus
        let alt = row.alternatives[chosen]
        let entries = catalogue.entries
        let positions = row.requirement.positions
        let primary = positions[chosen][0]
        // The documents of the alternative take as long as the slowest and cost their sum.
        var leadP50: Double?, leadP90: Double?, cost = 0.0
        for position in positions[chosen] {
            guard let i = position else { continue }
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
                CheckpointRef(checkpoint: route[$0].kind, country: route[$0].country, place: route[$0].place)
            },
            lines: row.lines.map { shipment.goods[$0].line },
            issuer: issuerText(
                primary,
                alt[0].issuedBy == .checkpoint
                    ? countries.joined(separator: ", ")
                    : alt[0].issuedBy == .any ? nil : row.issuerCountry),
            rules: row.rules.map { RuleRef(rules[$0]) },
            leadTimeHours: P5090(p50: leadP50 ?? 0, p90: leadP90 ?? 0),
            costUSD: cost,
            howToObtain: primary.map { entries[$0].howToObtain } ?? "",
            alternatives: isOneOf ? row.alternatives.map { $0.map(\.document) } : nil,
            alternativeNames: isOneOf
                ? zip(row.alternatives, positions).map { alt, at in
                    zip(alt, at).map { r, i in i.map { entries[$0].name } ?? r.document }
                } : nil,
            satisfiedBy: isOneOf && status == .present ? alt.map(\.document) : nil,
            needs: row.needs,
            matchedDocuments: matched)
    }

    /// The countries of a row's checkpoints, each once, in route order.
    private func checkpointCountries(_ row: AppliedRules.PendingRow) -> [String] {
        var out: [String] = []
        for p in row.checkpoints.sorted() where !out.contains(route[p].country) { out.append(route[p].country) }
        return out
    }

    /// A document each checkpoint's country issues (a national transit declaration): one is
    /// needed from every country, valid when the shipment reaches that country's checkpoint.
    /// The row's status is the worst of them.
    private func judgeAtEachCheckpoint(
        _ req: DocumentRequirement, position: Int?, _ row: AppliedRules.PendingRow, countries: [String]
    ) -> Judgement {
        var worst: Judgement?
        var documents: [Int] = []
        for country in countries {
            let (neededBy, deadline) = window(row.checkpoints.lazy.filter { route[$0].country == country })
            let j = judge(
                req, position: position, issuer: country, lines: row.lines, neededBy: neededBy, deadline: deadline)
            documents += j.documents.filter { !documents.contains($0) }
            if worst == nil || j.status.closeness > worst!.status.closeness { worst = j }
        }
        return Judgement(status: worst?.status ?? .missing, documents: documents.sorted())
    }

    /// When a document must be in hand at the checkpoints at `positions` of the route: issued by
    /// the first one reached (p50 arrival), and valid through the last (p90 arrival); the
    /// departure day when there are none.
    private func window<Positions: Sequence<Int>>(_ positions: Positions) -> (neededBy: Day, deadline: Day) {
        var neededBy: Day?, deadline: Day?
        for p in positions {
            let first = shipment.departure.adding(hours: route[p].arrivalHours.p50)
            let last = shipment.departure.adding(hours: route[p].arrivalHours.p90)
            if neededBy.map({ first < $0 }) ?? true { neededBy = first }
            if deadline.map({ last > $0 }) ?? true { deadline = last }
        }
        return (neededBy ?? shipment.departure, deadline ?? shipment.departure)
    }

    /// Who issues the catalogue's document at `position` (nil: one it does not list), in words,
    /// and of which country when one is asked: "plant-protection authority of PK".
    private func issuerText(_ position: Int?, _ country: String?) -> String {
        guard let country else { return position.map { catalogue.issuersInWords[$0] } ?? "issuer" }
        return String(
            joining: position.map { catalogue.issuerPrefixes[$0] } ?? DocumentCatalogue.issuerPrefix("issuer"), country)
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
    ///
    /// Each document of the type passes the tests in turn (issued in time, from the issuer, not
    /// expired at departure, valid through the deadline); the row's status is set by the document
    /// that passes the most, and the documents it cites are those that got as far. `position` is
    /// the required document's place in the catalogue, when it is listed there.
    func judge(
        _ req: DocumentRequirement, position: Int?, issuer: String?, lines: LineSet, neededBy: Day, deadline: Day
    ) -> Judgement {
        // Each document of the type with the number of tests it passes, worked out once, in room
        // on the stack (a requirement is judged for every row of every manifest). By index,
        // reading fields in place: a copy of a document would retain each of its texts.
        withUnsafeTemporaryAllocation(of: (document: Int, passed: Int).self, capacity: shipment.documents.count) {
            room in
            var count = 0
            for i in shipment.documents.indices where isOfType(i, req, position) {
                room[count] = (i, stage(i, req, issuer: issuer, neededBy: neededBy, deadline: deadline))
                count += 1
            }
            let stages = UnsafeBufferPointer(rebasing: room[..<count])
            guard let best = stages.lazy.map(\.passed).max() else { return Judgement(status: .missing, documents: []) }
            /// The documents of the type that passed at least `passed` tests.
            func documents(passing passed: Int) -> [Int] {
                var out: [Int] = []
                for s in stages where s.passed >= passed { out.append(s.document) }
                return out
            }
            switch best {
            case 0: return Judgement(status: .missing, documents: documents(passing: 0))
            case 1: return Judgement(status: .wrongIssuer, documents: documents(passing: 1))
            case 2: return Judgement(status: .expired, documents: documents(passing: 2))
            default: break
            }
            if req.per == .line {
                let validThrough = documents(passing: 4), unexpired = documents(passing: 3)
                if lines.isSubset(of: covered(validThrough)) {
                    return Judgement(status: .present, documents: validThrough)
                }
                if lines.isSubset(of: covered(unexpired)) {
                    return Judgement(status: .expiresEnRoute, documents: unexpired)
                }
                return Judgement(status: .notCovering, documents: unexpired)
            }
            return best == 4
                ? Judgement(status: .present, documents: documents(passing: 4))
                : Judgement(status: .expiresEnRoute, documents: documents(passing: 3))
        }
    }

    /// Whether the manifest's document at `i` is of the type `req` asks for (at `position` in the
    /// catalogue): numbers are compared where both types are listed, texts where one is not.
    private func isOfType(_ i: Int, _ req: DocumentRequirement, _ position: Int?) -> Bool {
        if let position, let p = documentPositions[i] { return p == position }
        return shipment.documents[i].type == req.document
    }

    /// How many of the tests the document at `i` passes, in order: issued by `neededBy`, from `issuer`
    /// (when one is asked), not expired at departure, and (when the requirement asks for validity
    /// at the checkpoint) not expired by `deadline`. A test that does not apply is passed.
    private func stage(
        _ i: Int, _ req: DocumentRequirement, issuer: String?, neededBy: Day, deadline: Day
    ) -> Int {
        guard shipment.documents[i].issued <= neededBy else { return 0 }
        guard issuer == nil || shipment.documents[i].issuerCountry == issuer else { return 1 }
        guard req.validAt != .any else { return 4 }
        let expires = expiry(shipment.documents[i])
        guard expires.map({ $0 >= shipment.departure }) ?? true else { return 2 }
        guard req.validAt == .checkpoint else { return 4 }
        return expires.map { $0 >= deadline } ?? true ? 4 : 3
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
