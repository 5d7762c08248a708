import TransitCore
import TransitReports

enum BatchCSV {
    static let header = "file,id,corridor,verdict,missing_documents,cost_p50_usd,cost_p90_usd,time_p50_hours,time_p90_hours,delay_p50_hours,errors\n"

    static func line(_ row: BatchRow) -> String {
        switch row.outcome {
        case .report(let r):
            let missing = r.documentsToObtain.map { "\($0.document) (\($0.status.rawValue))" }
            let e = r.estimate
            let blockers = r.findings.filter { $0.severity == .error && !$0.code.hasPrefix("document-") }.map(\.message)
            return [r.file, r.shipmentID, r.corridor ?? "", r.verdict.rawValue, missing.joined(separator: "; "),
                    n(e.costUSD.p50, 0), n(e.costUSD.p90, 0), n(e.timeHours.p50, 1), n(e.timeHours.p90, 1),
                    n(e.delayFromMissingDocumentsHours.p50, 1), blockers.joined(separator: "; ")].map(field).joined(separator: ",") + "\n"
        case .invalid(let file, let ds):
            let errors = ds.map { d in (d.location.map { "\($0.line):\($0.column): " } ?? "") + d.message }
            return [file, "", "", "error", "", "", "", "", "", "", errors.joined(separator: "; ")].map(field).joined(separator: ",") + "\n"
        }
    }

    static func n(_ v: Double, _ d: Int) -> String { JSONValue.format(v, decimals: d) }

    /// RFC 4180 quoting; a leading = + - @ is prefixed so that spreadsheets do not run it.
    static func field(_ s: String) -> String {
        var v = s
        if let c = v.first, "=+-@".contains(c), Double(v) == nil { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
