import TransitCore
import TransitReports

/// A batch output format: a header, one chunk per row in input order, and a footer, so that a
/// batch streams and never holds every report.
public enum BatchFormat: String, CaseIterable, Sendable {
    case jsonl, csv, junit, sarif

    public func header(rules: RuleSet) -> String {
        switch self {
        case .jsonl: return ""
        case .csv: return BatchCSV.header
        case .junit: return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"transit-check\">\n<testsuite name=\"transit-check\">\n"
        case .sarif: return BatchSARIF.header
        }
    }

    /// A row's UTF-8 text; rendered on the worker threads, so it must not depend on other rows.
    public func row(_ row: BatchRow) -> [UInt8] {
        switch self {
        case .jsonl: return BatchJSONL.line(row)
        case .csv: return Array(BatchCSV.line(row).utf8)
        case .junit: return Array(BatchJUnit.testcase(row).utf8)
        case .sarif: return Array(BatchSARIF.results(row).utf8)
        }
    }

    /// What goes between two non-empty rows (SARIF results are one JSON array).
    public var separator: String { self == .sarif ? ",\n" : "" }

    public var footer: String {
        switch self {
        case .jsonl, .csv: return ""
        case .junit: return "</testsuite>\n</testsuites>\n"
        case .sarif: return BatchSARIF.footer
        }
    }
}

enum BatchJSONL {
    static func line(_ row: BatchRow) -> [UInt8] {
        switch row.outcome {
        case .report(let r):
            return JSONReport.line(r)
        case .invalid(let file, let ds):
            return Array(JSONValue.object([
                ("report", .int(1)),
                ("shipment", .object([("id", .null), ("file", .string(file))])),
                ("verdict", .string("error")),
                ("errors", .array(ds.map(DiagnosticJSON.value))),
            ]).compact.utf8) + [10]
        }
    }
}

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

enum BatchJUnit {
    static func testcase(_ row: BatchRow) -> String {
        switch row.outcome {
        case .report(let r):
            let name = MarkupText.escape("\(r.shipmentID) (\(r.file))")
            let head = "<testcase classname=\"\(MarkupText.escape(r.corridor ?? "no-corridor"))\" name=\"\(name)\" file=\"\(MarkupText.escape(r.file))\">"
            if r.verdict == .ready { return head + "</testcase>\n" }
            let body = r.findings.filter { $0.severity == .error }.map { f in
                "\(f.location.map { "\($0.file):\($0.line):\($0.column): " } ?? "")\(f.message) [\(f.code)]"
            }.joined(separator: "\n")
            return head + "<failure type=\"\(r.verdict.rawValue)\" message=\"\(r.verdict.rawValue)\">\(MarkupText.escape(body))</failure></testcase>\n"
        case .invalid(let file, let ds):
            let body = ds.map { d in (d.location.map { "\($0.file):\($0.line):\($0.column): " } ?? "") + d.message + " [\(d.code)]" }.joined(separator: "\n")
            return "<testcase classname=\"invalid\" name=\"\(MarkupText.escape(file))\" file=\"\(MarkupText.escape(file))\"><error type=\"error\" message=\"invalid manifest\">\(MarkupText.escape(body))</error></testcase>\n"
        }
    }

}

/// SARIF: one result per finding, located at the manifest's file, line and column.
enum BatchSARIF {
    static let header = SARIF.header(tool: "transit-check")
    static let footer = SARIF.footer

    static func results(_ row: BatchRow) -> String {
        let items: [JSONValue]
        switch row.outcome {
        case .report(let r):
            items = r.findings.map { f in
                SARIF.result(code: f.code, severity: f.severity, message: f.message, file: f.location?.file ?? r.file,
                             line: f.location?.line, column: f.location?.column, rule: f.rule)
            }
        case .invalid(let file, let ds):
            items = ds.map { SARIF.result($0, file: file) }
        }
        return items.map(\.compact).joined(separator: ",\n")
    }
}
