import TransitCore
import TransitReports

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
