import TransitCore
import TransitReports

/// JUnit XML for CI: one testcase per manifest, failing when it is not ready (and, with a
/// baseline or waivers, only when something new or unwaived stands in the way).
enum BatchJUnit {
    static func testcase(_ r: CompactRow, failing: Bool) -> String {
        let name = MarkupText.escape("\(r.id) (\(r.file))")
        let head =
            "<testcase classname=\"\(MarkupText.escape(r.corridor ?? "no-corridor"))\" name=\"\(name)\" "
            + "file=\"\(MarkupText.escape(r.file))\">"
        guard failing else { return head + "</testcase>\n" }
        let items =
            r.blockers.map { ($0.message, $0.code, $0.location) }
            + r.documents.map { ($0.message, "document-\($0.status.rawValue)", $0.location) }
            + r.expiredWaivers.map { ($0.message, $0.code, $0.location) }
        let body = items.map { m, code, l in "\(l.map { "\($0.file):\($0.line):\($0.column): " } ?? "")\(m) [\(code)]" }
            .joined(separator: "\n")
        return head
            + "<failure type=\"\(r.verdict.rawValue)\" message=\"\(r.verdict.rawValue)\">\(MarkupText.escape(body))"
            + "</failure></testcase>\n"
    }

    static func invalid(file: String, diagnostics ds: [Diagnostic]) -> String {
        let body = ds.map { d in
            (d.location.map { "\($0.file):\($0.line):\($0.column): " } ?? "") + d.message + " [\(d.code)]"
        }.joined(separator: "\n")
        return
            "<testcase classname=\"invalid\" name=\"\(MarkupText.escape(file))\" file=\"\(MarkupText.escape(file))\">"
            + "<error type=\"error\" message=\"invalid manifest\">\(MarkupText.escape(body))</error></testcase>\n"
    }
}
