import Foundation
import TransitCore
import TransitEngine
import TransitReports

/// The answer part of the web page: for a report, the verdict first, then what blocks the
/// shipment, the dated to-do list, the estimate, the checklist in route order, warnings and
/// the corridor comparison with its chart; for a broken manifest, its lines with each error
/// beside the line it is about.
struct AnswerView {
    let workspace: Workspace
    let state: FormState

    func render(_ answer: WebPage.Answer) -> String {
        switch answer {
        case .report(let r, let ranked, let shipment): return report(r, ranked, shipment)
        case .errors(let ds): return errors(ds)
        case .yamlOnly:
            return
                "<section id=\"answer\">"
                + "<h2>The manifest the form writes</h2>\(listing(state.manifestText, []))\(saveLink)</section>"
        }
    }

    var saveLink: String {
        "<p class=noprint>"
            + "<a download=\"manifest.yaml\" "
            + "href=\"data:application/yaml;base64,\(Data(state.manifestText.utf8).base64EncodedString())\">Save this "
            + "YAML</a>"
            + " and check it again with <code>transit-check check manifest.yaml</code>.</p>"
    }

    // MARK: A broken manifest

    func errors(_ ds: [Diagnostic]) -> String {
        let unplaced = ds.filter { $0.location == nil }.map { "<li class=error>\(x(message($0)))</li>" }.joined()
        return """
            <section id="answer"><h2 class="error">The manifest has \(ds.count) error\(ds.count == 1 ? "" : "s")</h2>
            <p>Each error is shown beside the line it is about. Fix them in the form or in the text below, \
            and check again.</p>
            \(unplaced.isEmpty ? "" : "<ul>\(unplaced)</ul>")\
            \(state.manifestText.isEmpty ? "" : listing(state.manifestText, ds))</section>
            """
    }

    func message(_ d: Diagnostic) -> String {
        (d.location.map { "line \($0.line), column \($0.column): " } ?? "") + d.message
            + (d.help.map { " (\($0))" } ?? "") + " [\(d.code)]"
    }

    /// The text with line numbers, the lines with errors marked and their messages beside them.
    func listing(_ text: String, _ ds: [Diagnostic]) -> String {
        var byLine: [Int: [Diagnostic]] = [:]
        for d in ds { if let l = d.location?.line { byLine[l, default: []].append(d) } }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        // An error past the end (an unexpected end of text) shows on a line of its own.
        if let last = byLine.keys.max(), last > lines.count { lines += Array(repeating: "", count: last - lines.count) }
        var rows = ""
        for (i, l) in lines.enumerated() {
            let here = byLine[i + 1] ?? []
            let msg = here.map { "<div id=\"error-\(i + 1)\">\(x(message($0)))</div>" }.joined()
            rows +=
                "<tr\(here.isEmpty ? "" : " class=bad")><td class=n>\(i + 1)</td><td>\(x(l))</td>"
                + "<td class=msg>\(msg)</td></tr>"
        }
        return "<div class=scroll><table class=yaml id=listing>\(rows)</table></div>"
    }

    // MARK: A report

    func report(_ r: Report, _ ranked: [CorridorOption], _ shipment: Shipment) -> String {
        let e = r.estimate
        var out =
            "<section id=\"answer\"><div class=\"banner \(r.verdict.rawValue)\"><p class=small>\(x(r.shipmentID)): "
            + "\(x(shipment.origin)) &rarr; \(x(shipment.destination)) "
            + "via <b>\(x(r.corridor ?? "no corridor"))</b>, judged as of \(r.asOf)</p>"
        out += "<p class=\"verdict \(r.verdict.rawValue)\" id=\"verdict\">\(x(headline(r.verdict)))</p></div>"
        let blockers = r.blockers
        if !blockers.isEmpty {
            out +=
                "<h3>What blocks it</h3><ul id=blockers>" + blockers.map { "<li class=blocker>\(x($0))</li>" }.joined()
                + "</ul>"
        }
        for f in r.findings where f.severity == .note { out += "<p class=small>\(x(f.message))</p>" }
        // To do, dated: the documents to obtain, latest application day first.
        let todo = r.checklist.filter(\.isToObtain).sorted {
            ($0.applyBy ?? r.asOf, $0.name) < ($1.applyBy ?? r.asOf, $1.name)
        }
        if !todo.isEmpty {
            out +=
                "<h3>To do before dispatch</h3><div class=scroll><table class=stack id=todo><thead><tr>"
                + "<th>Apply by</th><th>Document</th><th>Why</th><th>From whom</th><th>Takes</th><th>Costs</th>"
                + "</tr></thead><tbody>"
            for row in todo {
                out +=
                    "<tr><td data-h=\"Apply by\"><b>\(row.applyBy.map { "\($0)" } ?? "now")</b></td>"
                    + "<td data-h=Document><b>\(x(title(row)))</b></td><td data-h=Why>"
                    + "<span class=\"status \(row.status.rawValue)\">\(x(row.status.rawValue))</span></td>"
                    + "<td data-h=\"From whom\">\(x(row.issuer))<div class=small>\(x(row.howToObtain))</div></td>"
                    + "<td data-h=Takes>\(days(row.leadTimeHours.p50))&ndash;\(days(row.leadTimeHours.p90)) days</td>"
                    + "<td data-h=Costs>USD \(n(row.costUSD))</td></tr>"
            }
            out += "</tbody></table></div>"
        }
        // The estimate: the trip and the wait for documents apart.
        out += "<h3>Estimate</h3><div class=figures id=estimate>"
        out +=
            "<div class=figure>The trip, dispatch to delivery<b>\(days(e.timeHours.p50)) days</b>"
            + "<span class=small>p90 \(days(e.timeHours.p90)) days</span></div>"
        out +=
            "<div class=figure>Cost<b>USD \(n(e.costUSD.p50))</b><span class=small>p90 USD \(n(e.costUSD.p90))</span>"
            + "</div>"
        if let ready = e.readyToDispatch {
            out +=
                "<div class=figure>Waiting for documents first<b>\(days(e.delayFromMissingDocumentsHours.p50)) days</b>"
                + "<span class=small>p90 \(days(e.delayFromMissingDocumentsHours.p90)) days</span></div>"
            out +=
                "<div class=figure>Ready to dispatch by<b>\(ready.p50)</b><span class=small>p90 \(ready.p90)</span>"
                + "</div>"
        } else {
            out +=
                "<div class=figure>Waiting for documents<b>none</b><span class=small>every document is in hand</span>"
                + "</div>"
        }
        out +=
            "</div><details><summary>Step by step</summary><div class=scroll><table class=stack><thead><tr>"
            + "<th>Step</th><th></th><th>km</th><th>Hours p50/p90</th><th>USD p50/p90</th></tr></thead><tbody>"
        for s in e.steps {
            out +=
                "<tr><td data-h=Step>\(x(s.kind.rawValue))</td><td>\(x(s.name))<div class=small>\(x(s.source))</div>"
                + "</td><td data-h=km>\(s.km.map { n($0) } ?? "")</td>"
                + "<td data-h=Hours>\(JSONValue.format(s.hours.p50, decimals: 1))/"
                + "\(JSONValue.format(s.hours.p90, decimals: 1))</td>"
                + "<td data-h=USD>\(n(s.costUSD.p50))/\(n(s.costUSD.p90))</td></tr>"
        }
        out += "</tbody></table></div></details>"
        // The checklist, in route order.
        out +=
            "<h3>Checklist, in route order</h3><div class=scroll><table class=stack id=checklist><thead><tr>"
            + "<th>Document</th><th>Status</th><th>Needed at</th><th>Issuer</th><th>Rule and source</th></tr>"
            + "</thead><tbody>"
        for row in r.checklist {
            let places = row.neededAt.map { "\($0.checkpoint.rawValue) \($0.country) (\($0.place))" }.joined(
                separator: ", ")
            out +=
                "<tr><td data-h=Document>"
                + "<b>\(x(title(row)))</b>\(row.unece.map { " <span class=small>UN/CEFACT \(x($0))</span>" } ?? "")"
                + "</td>"
                + "<td data-h=Status>"
                + "<span class=\"status \(row.status.rawValue)\">\(x(row.status.rawValue))</span>"
                + "\(row.needs.map { "<div class=small>needs \(x($0.joined(separator: ", ")))</div>" } ?? "")</td>"
                + "<td data-h=\"Needed at\">\(x(places))</td><td data-h=Issuer>\(x(row.issuer))</td>"
                + "<td data-h=Rule class=small>"
                + row.rules.map { "<a href=\"/rules/\(x($0.id))\">\(x($0.id))</a>: \(x($0.source))" }
                .joined(separator: "<br>")
                + "</td></tr>"
        }
        out += "</tbody></table></div>"
        let warnings = r.findings.filter { $0.severity == .warning }
        if !warnings.isEmpty {
            out += "<h3>Warnings</h3><ul>" + warnings.map { "<li>\(x($0.message))</li>" }.joined() + "</ul>"
        }
        // Print, save.
        out += """
            <form method="post" action="/print" class="noprint buttons">\
            <input type="hidden" name="manifest" value="\(x(state.manifestText))">
            <input type="hidden" name="as_of" value="\(x(state["as_of"]))"><button type="submit" id="print">Printable \
            checklist</button></form>\(saveLink)
            """
        out += "</section>"
        if !ranked.isEmpty { out += comparison(ranked, shipment) }
        return out
    }

    func comparison(_ ranked: [CorridorOption], _ shipment: Shipment) -> String {
        var out =
            "<section id=comparison><h2>Every corridor for this shipment</h2><div class=scroll><table class=stack>"
            + "<thead><tr><th>#</th><th>Corridor</th><th>Verdict</th><th>Trip days p50 (p90)</th>"
            + "<th>USD p50 (p90)</th><th>Why not ready</th></tr></thead><tbody>"
        for (i, o) in ranked.enumerated() {
            let e = o.report.estimate
            let why = o.report.blockers.first ?? o.report.documentsToObtain.map(\.name).joined(separator: ", ")
            out +=
                "<tr><td data-h=\"#\">\(i + 1)</td><td data-h=Corridor><b>\(x(o.corridor))</b></td>"
                + "<td data-h=Verdict class=\"\(o.report.verdict.rawValue)\">\(o.report.verdict.rawValue)</td>"
                + "<td data-h=Trip>\(days(e.timeHours.p50)) (\(days(e.timeHours.p90)))</td>"
                + "<td data-h=USD>\(n(e.costUSD.p50)) (\(n(e.costUSD.p90)))</td>"
                + "<td data-h=Why class=small>\(x(why))</td></tr>"
        }
        let svg = TransitAPI.chart(shipment, ranked, workspace.evaluator)
        out +=
            "</tbody></table></div><h3>Time/cost-distance (UNESCAP)</h3><img class=chart alt=\"Cumulative time and "
            + "cost against distance for each corridor\" "
            + "src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\"></section>"
        return out
    }

    func headline(_ v: Verdict) -> String {
        switch v {
        case .ready: return "Ready to go"
        case .incomplete: return "Incomplete: documents to obtain"
        case .blocked: return "Blocked: it cannot go as planned"
        }
    }

    func title(_ row: ChecklistRow) -> String {
        row.alternativeNames.map { $0.map { $0.joined(separator: " + ") }.joined(separator: " or ") } ?? row.name
    }

    func n(_ v: Double) -> String { JSONValue.format(v, decimals: 0) }
    func days(_ h: Double) -> String { JSONValue.format(h / 24, decimals: 1) }
    func x(_ s: String) -> String { MarkupText.escape(s) }
}
