/// Turns a checklist row that is not satisfied into a finding that points at the manifest.
enum DocumentFindings {
    static func finding(for row: ChecklistRow, shipment: Shipment) -> Finding {
        // "export PK, transit AF": its parts written into one text at once (`String(joining:)`).
        var parts: [String] = []
        parts.reserveCapacity(row.neededAt.count * 4)
        for (k, n) in row.neededAt.enumerated() {
            if k > 0 { parts.append(", ") }
            parts += [n.checkpoint.rawValue, " ", n.country]
        }
        let places = String(joining: parts)
        let doc = row.matchedDocuments.first
        let name =
            row.alternatives.map { alts in alts.map { $0.joined(separator: " + ") }.joined(separator: " or ") }
            ?? row.document
        func at(_ field: String) -> (String?, SourceLocation?) {
            guard let doc else { return ("documents", shipment.fieldLocations["documents"]) }
            let d = shipment.documents[doc]
            let loc: SourceLocation?
            switch field {
            case "expires": loc = d.expiresLocation ?? d.location
            case "issuer": loc = d.issuerLocation ?? d.location
            case "covers": loc = d.coversLocation ?? d.location
            default: loc = d.location
            }
            return ("documents[\(doc)].\(field)", loc)
        }
        let message: String
        let place: (String?, SourceLocation?)
        switch row.status {
        case .missing where !row.matchedDocuments.isEmpty:
            // The manifest lists one, dated after the checkpoint that needs it is reached.
            let i = row.matchedDocuments[0]
            message = String(
                joining: name, " is required at ", places, "; the manifest's is dated ",
                shipment.documents[i].issued.description, ", after the shipment reaches the first of them")
            place = ("documents[\(i)].issued", shipment.documents[i].location)
        case .missing:
            message = String(joining: name, " is required at ", places, " and the manifest has none")
            place = ("documents", shipment.fieldLocations["documents"])
        case .expired:
            message = String(joining: row.document, " has expired before departure on ", shipment.departure.description)
            place = at("expires")
        case .expiresEnRoute:
            message = String(joining: row.document, " expires before the shipment reaches ", places, " (p90 arrival)")
            place = at("expires")
        case .wrongIssuer:
            message = String(joining: row.document, " must be issued by the ", row.issuer)
            place = at("issuer")
        case .notCovering:
            message =
                "\(row.document) does not cover goods line\(row.lines.count == 1 ? "" : "s") "
                + "\(row.lines.map(String.init).joined(separator: ", "))"
            place = at("covers")
        case .unknown:
            message = String(
                joining: name, " may be required at ", places, "; the manifest does not give ",
                (row.needs ?? []).joined(separator: ", "))
            place = (row.needs?.first, nil)
        case .present:
            message = ""
            place = (nil, nil)
        }
        return Finding(
            severity: row.status == .unknown ? .warning : row.severity, code: .document(row.status),
            message: message, rule: row.rules.first?.id, path: place.0, location: place.1)
    }

    /// Documents the checklist relies on that are dated after the shipment leaves: usually a
    /// typo, sometimes a document that will not exist when the first checkpoint asks for it.
    static func datedAfterDeparture(_ shipment: Shipment, firstNeeded checklist: [ChecklistRow]) -> [Finding] {
        // Most manifests date every document before departure: nothing to look up then.
        guard shipment.documents.contains(where: { $0.issued > shipment.departure }) else { return [] }
        var out: [Finding] = []
        let used = Set(checklist.flatMap(\.matchedDocuments))
        for i in used.sorted() {
            let d = shipment.documents[i]
            guard d.issued > shipment.departure else { continue }
            out.append(
                Finding(
                    severity: .warning, code: .documentIssuedAfterDeparture,
                    message:
                        "\(d.type) is dated \(d.issued), after departure on \(shipment.departure); it counts only for "
                        + "checkpoints reached after that day: check the date, or obtain it before the checkpoint "
                        + "that needs it",
                    rule: nil, path: "documents[\(i)].issued", location: d.location))
        }
        return out
    }
}
