import TransitCore

/// Renders a report as a document for people: Markdown (to paste into an email or a ticket) or a
/// self-contained HTML page that prints as a checklist to tick off before dispatch.
public enum DocumentReport {
    /// `check --format markdown`: the verdict, the checklist, findings and the estimate as Markdown.
    public static func markdown(_ r: Report) -> String {
        var out: [String] = []
        out.append("# \(r.shipmentID): \(headline(r.verdict))")
        out.append("")
        out.append("`\(r.file)` via **\(r.corridor ?? "no corridor")**, as of \(r.asOf)")
        let blockers = r.findings.filter { $0.severity == .error && !$0.code.isAboutADocument }
        if !blockers.isEmpty {
            out.append("")
            for f in blockers { out.append("- **\(cell(f.message))**") }
        }
        for f in r.findings where f.severity == .note { out.append(""); out.append("> \(cell(f.message))") }
        if !r.checklist.isEmpty {
            out.append("")
            out.append("## Checklist")
            out.append("")
            out.append(
                "| | Document | Status | Needed at | Issuer | Lead time (p50/p90 h) | Apply by | Cost (USD) | "
                    + "Rule and source |"
            )
            out.append("|---|---|---|---|---|---|---|---|---|")
            for row in r.checklist {
                out.append(
                    "| \(mark(row)) | \(cell(title(row))) (\(row.unece.map { "UN/CEFACT \($0)" } ?? row.document)) | "
                        + "\(row.status.rawValue) | "
                        + "\(places(row)) | \(cell(row.issuer)) | "
                        + "\(n(row.leadTimeHours.p50))/\(n(row.leadTimeHours.p90)) | "
                        + "\(row.applyBy.map { "\($0)" } ?? "") | \(n(row.costUSD)) | "
                        + "\(row.rules.map { "`\($0.id)`: \(cell($0.source))" }.joined(separator: "<br>")) |")
            }
        }
        let warnings = r.findings.filter { $0.severity == .warning }
        if !warnings.isEmpty {
            out.append("")
            out.append("## Warnings")
            out.append("")
            for f in warnings { out.append("- \(cell(f.message))") }
        }
        let e = r.estimate
        if !e.steps.isEmpty {
            out.append("")
            out.append("## Estimate")
            out.append("")
            out.append(
                "Cost USD \(n(e.costUSD.p50)) (p90 \(n(e.costUSD.p90))); the trip, dispatch to delivery, "
                    + "\(days(e.timeHours.p50)) days (p90 \(days(e.timeHours.p90)))."
                    + readiness(e))
            out.append("")
            out.append("| Step | | km | Hours p50/p90 | USD p50/p90 |")
            out.append("|---|---|---|---|---|")
            for s in e.steps {
                out.append(
                    "| \(s.kind.rawValue) | \(cell(s.name)) | \(s.km.map { n($0) } ?? "") | "
                        + "\(JSONValue.format(s.hours.p50, decimals: 1))/\(JSONValue.format(s.hours.p90, decimals: 1)) "
                        + "| \(n(s.costUSD.p50))/\(n(s.costUSD.p90)) |"
                )
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `check --format html`: a page to print, with the checklist as a table of boxes to tick.
    public static func html(_ r: Report) -> String {
        var rows = ""
        for row in r.checklist {
            let how = row.status.needsAction ? "<div class=how>\(x(row.howToObtain))</div>" : ""
            rows +=
                "<tr class=\"\(row.status.rawValue)\">"
                + "<td class=box>\(row.status == .present ? "&#9745;" : "&#9744;")</td>"
                + "<td><b>\(x(title(row)))</b>\(row.unece.map { " <small>UN/CEFACT \(x($0))</small>" } ?? "")\(how)"
                + "</td>"
                + "<td>\(x(row.status.rawValue))</td><td>\(x(places(row)))</td><td>\(x(row.issuer))</td>"
                + "<td>\(n(row.leadTimeHours.p50))&ndash;\(n(row.leadTimeHours.p90)) "
                + "h\(row.applyBy.map { "<br>apply by \($0)" } ?? "")</td><td>\(n(row.costUSD))</td>"
                + "<td><small>\(row.rules.map { "\(x($0.id)): \(x($0.source))" }.joined(separator: "<br>"))</small>"
                + "</td></tr>\n"
        }
        let blockers = r.findings.filter { $0.severity == .error && !$0.code.isAboutADocument }
            .map { "<p class=blocker>\(x($0.message))</p>" }.joined()
        let e = r.estimate
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(x(r.shipmentID)) checklist</title>
            <style>body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}\
            td,th{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}
            .box{font-size:20px;text-align:center}.ready{color:#060}.incomplete{color:#a60}.blocked{color:#a00}\
            .blocker{color:#a00;font-weight:bold}
            tr.missing,tr.expired,tr.expires-en-route,tr.wrong-issuer,tr.not-covering{background:#fff4f0}\
            .how{font-size:12px;color:#444}@media print{body{margin:0}}</style></head>
            <body><h1>\(x(r.shipmentID)): <span class="\(r.verdict.rawValue)">\(x(headline(r.verdict)))</span></h1>
            <p>\(x(r.file)) via <b>\(x(r.corridor ?? "no corridor"))</b>, as of \(r.asOf)</p>\(blockers)
            <table><tr><th></th><th>Document</th><th>Status</th><th>Needed at</th><th>Issuer</th><th>Lead time</th>\
            <th>USD</th><th>Rule and source</th></tr>
            \(rows)</table>
            <p>Estimate: USD \(n(e.costUSD.p50)) (p90 \(n(e.costUSD.p90))); the trip, dispatch to delivery, \
            \(days(e.timeHours.p50)) days (p90 \(days(e.timeHours.p90))).\(readiness(e))</p>
            </body></html>

            """
    }

    static func headline(_ v: Verdict) -> String {
        switch v {
        case .ready: return "ready"
        case .incomplete: return "incomplete: documents to obtain"
        case .blocked: return "blocked"
        }
    }

    static func title(_ row: ChecklistRow) -> String {
        row.alternativeNames.map { $0.map { $0.joined(separator: " + ") }.joined(separator: " or ") } ?? row.name
    }

    static func mark(_ row: ChecklistRow) -> String {
        switch row.status {
        case .present: return "✓"
        case .unknown: return "?"
        default: return row.severity == .error ? "✗" : "!"
        }
    }

    static func places(_ row: ChecklistRow) -> String {
        row.neededAt.map { "\($0.checkpoint.rawValue) \($0.country)" }.joined(separator: ", ")
    }
    /// " Documents to obtain first: … ready to dispatch by …" when documents must be obtained before
    /// dispatch; empty otherwise.
    static func readiness(_ e: Estimate) -> String {
        e.readyToDispatch.map {
            " Documents to obtain first: \(days(e.delayFromMissingDocumentsHours.p50)) days (p90 "
                + "\(days(e.delayFromMissingDocumentsHours.p90))); ready to dispatch by \($0.p50) (p90 \($0.p90))."
        } ?? ""
    }

    static func n(_ v: Double) -> String { JSONValue.format(v, decimals: 0) }
    static func days(_ h: Double) -> String { JSONValue.format(h / 24, decimals: 1) }
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
    static func x(_ s: String) -> String { MarkupText.escape(s) }
}

/// Text made safe for XML, HTML and SVG.
public enum MarkupText {
    /// `text` with the characters that HTML gives a meaning to (`&`, `<`, `>`, quotes) escaped.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if c.value < 0x20 && c != "\n" && c != "\t" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
