import TransitCore
import TransitReports

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
