import TransitCore

/// Renders a report for a person at a terminal: the verdict first, then the checklist in
/// route order with what to obtain from whom, then the estimate.
public enum TextReport {
    /// `check`'s default output: the verdict, the checklist, findings and the estimate, for a terminal.
    public static func render(_ r: Report, explanations: [[RowExplanation]]? = nil) -> String {
        var out: [String] = []
        let headline: String
        switch r.verdict {
        case .ready: headline = "READY"
        case .incomplete: headline = "INCOMPLETE: documents to obtain before dispatch"
        case .blocked: headline = "BLOCKED: this shipment cannot go as planned"
        }
        out.append("\(r.shipmentID) (\(r.file)) via \(r.corridor ?? "no corridor"), as of \(r.asOf)")
        out.append(headline)
        let blockers = r.findings.filter { $0.severity == .error && !$0.code.isAboutADocument }
        for f in blockers { out.append("  ✗ \(f.message)\(where_(f))") }
        if !r.checklist.isEmpty {
            out.append("")
            out.append("Checklist (route order):")
            for (index, row) in r.checklist.enumerated() {
                let mark: String
                switch row.status {
                case .present: mark = "✓"
                case .unknown: mark = "?"
                default: mark = row.severity == .error ? "✗" : "!"
                }
                let at = row.neededAt.map { "\($0.checkpoint.rawValue) \($0.country)" }.joined(separator: ", ")
                let name =
                    row.alternativeNames.map { $0.map { $0.joined(separator: " + ") }.joined(separator: " or ") }
                    ?? row.name
                out.append("  \(mark) \(name) [\(row.status.rawValue)] at \(at)")
                if row.status.needsAction {
                    out.append(
                        "      obtain from: \(row.issuer); \(hoursText(row.leadTimeHours)), about \(money(row.costUSD))"
                            + (row.applyBy.map { "; apply by \($0) to dispatch on time" } ?? ""))
                    if !row.howToObtain.isEmpty { out.append("      how: \(row.howToObtain)") }
                }
                if let needs = row.needs { out.append("      give in the manifest: \(needs.joined(separator: ", "))") }
                out.append("      rule: \(row.rules.map { "\($0.id) (\($0.source))" }.joined(separator: "; "))")
                if let e = explanations?[index] { out += PolicyReports.explanationText(e) }
            }
        }
        for f in r.findings where f.severity == .note { out.insert("  note: \(f.message)", at: 2) }
        let others = r.findings.filter { $0.severity == .warning }
        if !others.isEmpty {
            out.append("")
            out.append("Warnings:")
            for f in others { out.append("  ! \(f.message)") }
        }
        if !r.estimate.steps.isEmpty {
            let e = r.estimate
            out.append("")
            out.append(
                "Estimate: \(money(e.costUSD.p50)) (p90 \(money(e.costUSD.p90))); the trip, dispatch to delivery, "
                    + "\(days(e.timeHours.p50)) (p90 \(days(e.timeHours.p90)))"
            )
            if let ready = e.readyToDispatch {
                out.append(
                    "  documents to obtain first: \(days(e.delayFromMissingDocumentsHours.p50)) "
                        + "(p90 \(days(e.delayFromMissingDocumentsHours.p90))), so ready to dispatch by \(ready.p50) "
                        + "(p90 \(ready.p90))"
                )
            }
            for s in e.steps {
                let km = s.km.map { " \(JSONValue.format($0, decimals: 0)) km" } ?? ""
                // A procedure is named by checkpoint kind ("at transit"), so say which place.
                let place = s.kind == .procedure ? s.place.map { " (\($0))" } ?? "" : ""
                out.append(
                    "  \(s.kind.rawValue.padded(14)) \(s.name)\(place)\(km): \(hoursText(s.hours)), "
                        + "\(money(s.costUSD.p50))"
                )
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func where_(_ f: Finding) -> String {
        guard let l = f.location else { return "" }
        return " (\(l.file):\(l.line):\(l.column))"
    }

    static func money(_ v: Double) -> String { "USD " + JSONValue.format(v, decimals: 0) }
    static func hoursText(_ q: P5090) -> String {
        "\(JSONValue.format(q.p50, decimals: 1)) h (p90 \(JSONValue.format(q.p90, decimals: 1)) h)"
    }
    static func days(_ hours: Double) -> String { JSONValue.format(hours / 24, decimals: 1) + " days" }
}
