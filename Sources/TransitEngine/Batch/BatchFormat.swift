import TransitCore
import TransitReports

/// A batch output format: a header, one chunk per row in input order, and a footer, so that a
/// batch streams and never holds every report.
public enum BatchFormat: String, CaseIterable, Sendable {
    case jsonl, csv, junit, sarif
}

/// Writes a batch's rows in one format: compact rows (or, with `full`, SPEC 4 reports per line),
/// with the review (baseline and waivers) applied, and the rule set at hand for SARIF's rules.
public struct BatchRenderer: Sendable {
    public var format: BatchFormat
    /// `--full`: jsonl lines are whole SPEC 4 reports, as before compact rows.
    public var full: Bool
    /// `--bom`: the CSV starts with a UTF-8 byte order mark, for spreadsheet programs that need one.
    public var bom: Bool
    public var review: Review?
    public var rules: RuleSet

    public init(format: BatchFormat, full: Bool = false, bom: Bool = false, review: Review? = nil, rules: RuleSet) {
        self.format = format; self.full = full; self.bom = bom; self.review = review; self.rules = rules
    }

    /// What the output starts with before the first row (the CSV header, the XML or SARIF opening).
    public func header() -> String {
        switch format {
        case .jsonl: return ""
        case .csv: return (bom ? "\u{FEFF}" : "") + BatchCSV.header
        case .junit:
            return
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"transit-check\">\n<testsuite "
                + "name=\"transit-check\">\n"
        case .sarif: return BatchSARIF.header
        }
    }

    /// What goes between two non-empty rows (SARIF results are one JSON array).
    public var separator: String { format == .sarif ? ",\n" : "" }

    /// The end of the output; SARIF's lists every rule that produced a result (`cited`, in the
    /// order they first did).
    public func footer(cited: [String]) -> String {
        switch format {
        case .jsonl, .csv: return ""
        case .junit: return "</testsuite>\n</testsuites>\n"
        case .sarif: return BatchSARIF.footer(cited: cited, rules: rules)
        }
    }

    /// A row's UTF-8 text and what the summary needs of it; rendered on the worker threads, so it
    /// must not depend on other rows. `compact` is the row before the review (made when needed).
    func render(_ row: BatchRow, compact: CompactRow?) -> (text: [UInt8], open: Bool, cited: [String]) {
        guard case .report(let report) = row.outcome else {
            let invalid: [UInt8]
            guard case .invalid(let file, let ds) = row.outcome else { return ([], false, []) }
            switch format {
            case .jsonl: invalid = CompactRowJSON.invalidLine(file: file, diagnostics: ds)
            case .csv: invalid = Array(BatchCSV.invalid(file: file, diagnostics: ds).utf8)
            case .junit: invalid = Array(BatchJUnit.invalid(file: file, diagnostics: ds).utf8)
            case .sarif: invalid = Array(BatchSARIF.invalid(file: file, diagnostics: ds).utf8)
            }
            return (invalid, true, format == .sarif ? ds.map(\.code) : [])
        }
        if format == .jsonl && full && (review?.isEmpty ?? true) {
            return (JSONReport.line(report), report.verdict != .ready, [])
        }
        var shown = compact ?? CompactRow(report)
        if let review, !review.isEmpty { shown = review.apply(to: shown) }
        let open = report.verdict != .ready && ((review?.isEmpty ?? true) || shown.hasOpenErrors)
        switch format {
        case .jsonl: return (full ? JSONReport.line(report) : CompactRowJSON.line(shown), open, [])
        case .csv: return (Array(BatchCSV.line(shown).utf8), open, [])
        case .junit: return (Array(BatchJUnit.testcase(shown, failing: open).utf8), open, [])
        case .sarif:
            let (text, cited) = BatchSARIF.results(shown, rules: rules)
            return (Array(text.utf8), open, cited)
        }
    }
}
