import TransitCore
import TransitReports

/// A spreadsheet row per manifest (issue 18): who, what, where and when, the verdict and what
/// blocks it, the documents to obtain by name (each counted once for the manifest), cost, trip
/// time and the date it could be ready to dispatch. The columns of earlier versions keep their
/// names, so scripts that read columns by name go on working.
enum BatchCSV {
    static let columns = [
        "file", "id", "shipper", "consignee", "origin", "destination", "departure", "corridor", "goods", "verdict",
        "blockers", "documents_to_obtain", "missing_documents", "documents_cost_usd", "cost_p50_usd", "cost_p90_usd",
        "trip_p50_days", "trip_p90_days", "time_p50_hours", "time_p90_hours", "delay_p50_hours", "ready_to_dispatch",
        "ready_to_dispatch_p90", "warnings", "waived", "errors",
    ]
    static let header = columns.joined(separator: ",") + "\n"

    static func line(_ r: CompactRow) -> String {
        let e = r.estimate
        let goods = r.header.goods.map { "\(HSText.dotted($0.hs)) \($0.description)" }.joined(separator: "; ")
        // Ready to dispatch: when the documents to obtain could be in hand, the planned departure
        // when nothing is to obtain, and nothing when something other than documents blocks it.
        let ready: (String, String)
        if !r.blockers.isEmpty || r.verdict == .blocked {
            ready = ("", "")
        } else if let d = e.readyToDispatch {
            ready = (d.p50.description, d.p90.description)
        } else {
            ready = (r.header.departure.description, r.header.departure.description)
        }
        let fields = [
            r.file, r.id, party(r.header.shipper), party(r.header.consignee), r.header.origin, r.header.destination,
            r.header.departure.description, r.corridor ?? "", goods, r.verdict.rawValue,
            (r.blockers + r.expiredWaivers).map(\.message).joined(separator: "; "),
            r.documents.map { $0.status == .missing ? $0.name : "\($0.name) (\($0.status.rawValue))" }.joined(
                separator: "; "),
            r.documents.map { "\($0.id) (\($0.status.rawValue))" }.joined(separator: "; "),
            n(r.documents.reduce(0) { $0 + $1.costUSD }, 0),
            n(e.costUSD.p50, 0), n(e.costUSD.p90, 0), n(e.timeHours.p50 / 24, 1), n(e.timeHours.p90 / 24, 1),
            n(e.timeHours.p50, 1), n(e.timeHours.p90, 1), n(e.delayFromMissingDocumentsHours.p50, 1), ready.0, ready.1,
            r.warnings.map(\.message).joined(separator: "; "),
            r.waived.map { "\($0.waiver.rule) until \($0.waiver.expires) (\($0.waiver.who))" }.joined(separator: "; "),
            "",
        ]
        return fields.map(field).joined(separator: ",") + "\n"
    }

    static func invalid(file: String, diagnostics ds: [Diagnostic]) -> String {
        let errors = ds.map { d in (d.location.map { "\($0.line):\($0.column): " } ?? "") + d.message }
        var fields = [String](repeating: "", count: columns.count)
        fields[0] = file
        fields[columns.firstIndex(of: "verdict")!] = "error"
        fields[columns.count - 1] = errors.joined(separator: "; ")
        return fields.map(field).joined(separator: ",") + "\n"
    }

    static func party(_ p: Party) -> String { p.name.isEmpty ? p.country : "\(p.name) (\(p.country))" }

    static func n(_ v: Double, _ d: Int) -> String { JSONValue.format(v, decimals: d) }

    static func field(_ s: String) -> String { CSVField.quote(s) }
}

/// HS codes as people write them: "070190" as "0701.90".
enum HSText {
    static func dotted(_ hs: String) -> String {
        guard hs.count > 4 else { return hs }
        var s = hs
        s.insert(".", at: s.index(s.startIndex, offsetBy: 4))
        if s.count > 8 { s.insert(".", at: s.index(s.startIndex, offsetBy: 7)) }
        return s
    }
}
