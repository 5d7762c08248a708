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
