import Foundation
import Hummingbird
import TransitCore
import TransitEngine
import TransitReports

/// The page at `/`: a form that writes a manifest (or a box to paste or upload one), and the
/// answer on the same page, rendered on the server so that it needs no JavaScript: the verdict,
/// what blocks the shipment, a dated to-do list, the checklist in route order with each rule's
/// source, the estimate (the trip and the document wait apart), and the corridor comparison
/// with its time/cost-distance chart. A broken manifest is shown with each error beside its
/// line. Everything is inline (styles, chart), so the page works offline from the binary.
struct WebPage {
    let api: TransitAPI
    var workspace: Workspace { api.workspace }

    /// What the answer section shows.
    enum Answer {
        case report(Report, comparison: [CorridorOption], shipment: Shipment)
        case errors([Diagnostic])
        case yamlOnly
    }

    // MARK: Requests

    /// The form's fields from a POST (415 for anything but a form).
    func form(_ request: Request) async throws -> FormData {
        let type = request.headers[.contentType] ?? ""
        let body = try await BodyReader.read(request, limits: api.limits)
        guard let form = try FormData.parse(body, contentType: type) else {
            throw Problem(
                .unsupportedMediaType, "unsupported-media-type",
                "the page posts a form: application/x-www-form-urlencoded or multipart/form-data (got "
                    + "\(type.isEmpty ? "none" : type))",
                extra: [
                    (
                        "accepted",
                        .array([.string("application/x-www-form-urlencoded"), .string("multipart/form-data")])
                    )
                ])
        }
        return form
    }

    /// `POST /`: a button of the form was pressed.
    func answer(_ request: Request) async throws -> Response {
        let form = try await form(request)
        var state = FormState(form: form)
        let asOf = Day(iso: state["as_of"])
        let action = form["action"] ?? "check-form"
        switch action {
        case "add-goods":
            state.goodsRows = min(FormState.maxRows, state.goodsRows + 1); return TransitAPI.html(render(state))
        case "add-document":
            state.documentRows = min(FormState.maxRows, state.documentRows + 1); return TransitAPI.html(render(state))
        case "yaml": state.manifestText = state.yaml; return TransitAPI.html(render(state, answer: .yamlOnly))
        default: break
        }
        // The manifest: an uploaded file, else the paste box (its own button), else the fields.
        var bytes: [UInt8]
        if let file = form.bytes("manifest_file"), !file.isEmpty {
            bytes = file
            state.manifestText = String(decoding: file, as: UTF8.self)
        } else if action == "check-text" {
            bytes = form.bytes("manifest_text") ?? []
        } else {
            state.manifestText = state.yaml
            bytes = Array(state.manifestText.utf8)
        }
        guard !bytes.isEmpty else {
            return TransitAPI.html(
                render(
                    state,
                    answer: .errors([
                        Diagnostic(
                            "empty-manifest", "there is no manifest to check: fill in the form, or paste or upload one",
                            at: nil)
                    ])))
        }
        let shipment: Shipment
        do { shipment = try await api.decode(bytes, file: "manifest") } catch let p as Problem
            where p.status == .unprocessableContent
        {
            return TransitAPI.html(render(state, answer: .errors(Self.diagnostics(p))))
        }
        let evaluator = workspace.evaluator
        let (report, ranked) = try await api.offLoop {
            (
                evaluator.check(shipment, options: CheckOptions(asOf: asOf)),
                evaluator.compare(shipment, options: CheckOptions(asOf: asOf))
            )
        }
        return TransitAPI.html(render(state, answer: .report(report, comparison: ranked, shipment: shipment)))
    }

    /// `POST /print`: the printable checklist of the manifest in the `manifest` field.
    func print(_ request: Request) async throws -> Response {
        let form = try await form(request)
        guard let bytes = form.bytes("manifest"), !bytes.isEmpty else {
            throw Problem(.badRequest, "bad-form", "the form has no `manifest` field to print")
        }
        let shipment = try await api.decode(bytes, file: "manifest")
        let evaluator = workspace.evaluator
        let asOf = form["as_of"].flatMap { Day(iso: $0) }
        let report = try await api.offLoop { evaluator.check(shipment, options: CheckOptions(asOf: asOf)) }
        return TransitAPI.html(DocumentReport.html(report))
    }

    /// The located errors a 422 problem carries, back as diagnostics.
    static func diagnostics(_ p: Problem) -> [Diagnostic] {
        guard let errors = p.extra.first(where: { $0.0 == "errors" })?.1, case .array(let items) = errors else {
            return []
        }
        return items.compactMap { item in
            guard case .object(let f) = item else { return nil }
            func string(_ key: String) -> String? {
                if case .string(let v)? = f.first(where: { $0.0 == key })?.1 { return v }; return nil
            }
            func int(_ key: String) -> Int? {
                if case .number(let v, _)? = f.first(where: { $0.0 == key })?.1 { return Int(v) }; return nil
            }
            let at = int("line").map {
                SourceLocation(file: string("file") ?? "manifest", line: $0, column: int("column") ?? 1)
            }
            return Diagnostic(string("code") ?? "error", string("message") ?? "", at: at, help: string("help"))
        }
    }

    // MARK: Rendering

    func render(_ state: FormState, answer: Answer? = nil) -> String {
        var body = ""
        if let answer { body += AnswerView(workspace: workspace, state: state).render(answer) }
        body += formHTML(state, open: answer == nil)
        return Self.page(title: "transit-check: is the shipment ready to go?", body: body)
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(MarkupText.escape(title))</title>
        <style>\(css)</style></head>
        <body><header><h1><a href="/">transit-check</a></h1><p>Documents, route and time for a shipment on the \
        Central Asia &ndash; Pakistan corridors, checked against the rules before dispatch.</p></header>
        <main>\(body)</main>
        <footer><p>Answers come from the bundled rule packs; every rule cites its legal source. API: \
        <a href="/openapi.json">/openapi.json</a>.</p></footer>
        </body></html>

        """
    }

    static let css = """
        *{box-sizing:border-box}body{font:15px/1.45 system-ui,-apple-system,"Segoe \
        UI",Roboto,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
        header,main,footer{max-width:1100px;margin:0 auto;padding:0 14px}header h1{margin:.5em 0 0;font-size:1.5em}\
        header h1 a{color:inherit;text-decoration:none}
        header p{margin:.2em 0 1em;color:#555}section{background:#fff;border:1px solid \
        #d8dde3;border-radius:8px;padding:12px 16px;margin:0 0 16px}
        h2{font-size:1.2em;margin:.2em 0 .6em}h3{font-size:1.05em;margin:1em 0 .4em}
        fieldset{border:1px solid #d8dde3;border-radius:6px;margin:0 0 12px;padding:8px 12px}legend{font-weight:600}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:8px 12px}
        label{display:flex;flex-direction:column;font-size:.85em;color:#444}\
        input,select,textarea{font:inherit;padding:6px;border:1px solid #aab3bd;border-radius:4px;background:#fff;\
        min-width:0;width:100%}
        label.check{flex-direction:row;align-items:center;gap:6px}label.check input{width:auto}
        textarea{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;min-height:12em}
        .row{border-top:1px dashed #ccd;padding-top:8px;margin-top:8px}\
        .buttons{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
        button{font:inherit;padding:8px 14px;border-radius:6px;border:1px solid \
        #2b5d9b;background:#2b5d9b;color:#fff;cursor:pointer}button.secondary{background:#fff;color:#2b5d9b}
        table{border-collapse:collapse;width:100%}\
        td,th{border-bottom:1px solid #e1e5ea;padding:6px;text-align:left;vertical-align:top}\
        th{font-size:.85em;color:#555}
        .scroll{overflow-x:auto}.verdict{font-size:1.6em;font-weight:700;margin:.1em 0}.ready{color:#11703a}\
        .incomplete{color:#a55a00}.blocked{color:#b00020}.error{color:#b00020}
        .banner{border-left:6px solid currentColor;padding-left:12px}.blocker{color:#b00020;font-weight:600}
        .status{font-weight:600;white-space:nowrap}.status.present{color:#11703a}.status.unknown{color:#555}\
        .status.missing,.status.expired,.status.expires-en-route,.status.wrong-issuer,\
        .status.not-covering{color:#b00020}
        .small{font-size:.85em;color:#555}\
        .figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:10px}\
        .figure{background:#f3f6fa;border-radius:6px;padding:8px 10px}
        .figure b{display:block;font-size:1.25em}pre.yaml{margin:0}.yaml td{padding:0 6px;border:0;font:13px/1.5 \
        ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-all}
        .yaml td.n{color:#888;text-align:right;user-select:none;width:3em}.yaml tr.bad{background:#fde8ea}\
        .yaml td.msg{color:#b00020;font-family:system-ui,sans-serif;white-space:normal}
        img.chart{max-width:100%;height:auto;border:1px solid #e1e5ea;border-radius:6px;background:#fff}
        @media (max-width:640px){body{font-size:14px}.verdict{font-size:1.3em}table.stack thead{display:none}\
        table.stack tr{display:block;border-bottom:2px solid #d8dde3;padding:6px 0}\
        table.stack td{display:block;border:0;padding:2px 0}table.stack td[data-h]::before{content:attr(data-h) ": \
        ";font-weight:600;color:#555}}
        @media print{form,header p,footer,.noprint{display:none}body{background:#fff}section{border:0;padding:0}}
        """

    func formHTML(_ s: FormState, open: Bool) -> String {
        let places = workspace.network.places.values.sorted { ($0.country, $0.name) < ($1.country, $1.name) }
        let placeOptions = places.map {
            "<option value=\"\(x($0.id))\">\(x($0.name)) (\(x($0.country)), \(x($0.kind.rawValue)))</option>"
        }.joined()
        let docs = workspace.ruleSet.documents.entries.sorted { $0.name < $1.name }
        func field(
            _ name: String, _ label: String, type: String = "text", list: String? = nil, placeholder: String = "",
            extra: String = ""
        ) -> String {
            "<label>\(x(label))<input type=\"\(type)\" name=\"\(name)\" id=\"\(name)\" "
                + "value=\"\(x(s[name]))\"\(list.map { " list=\"\($0)\"" } ?? "")"
                + (placeholder.isEmpty ? "" : " placeholder=\"\(x(placeholder))\"") + "\(extra)></label>"
        }
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> String {
            "<label>\(x(label))<select name=\"\(name)\" id=\"\(name)\">"
                + options.map { v, t in
                    "<option value=\"\(x(v))\"\(s[name] == v ? " selected" : "")>\(x(t))</option>"
                }.joined() + "</select></label>"
        }
        let corridors =
            [("", "best (compare all)")] + workspace.network.sortedCorridors.map { ($0.id, "\($0.id): \($0.name)") }
        let modes = TransportMode.allCases.map { ($0.rawValue, $0.rawValue) }
        let regimes =
            workspace.ruleSet.agreements.keys.sorted().map { ($0, $0.uppercased()) } + [
                ("national", "national transit"), ("none", "none"),
            ]
        let units = ["truck", "wagon", "container"].map { ($0, $0) }
        var goods = ""
        for i in 0..<s.goodsRows {
            goods +=
                "<div class=\"row grid\"><b>Goods line \(i + 1)</b>"
                + field("g\(i)_hs", "HS code", placeholder: "1004.90") + field("g\(i)_description", "Description")
                + field("g\(i)_net_kg", "Net kg", type: "text", extra: " inputmode=\"decimal\"")
                + field("g\(i)_gross_kg", "Gross kg", extra: " inputmode=\"decimal\"")
                + field("g\(i)_value_usd", "Value USD", extra: " inputmode=\"decimal\"")
                + field("g\(i)_origin", "Origin country", placeholder: "KZ")
                + field("g\(i)_packaging", "Packaging", placeholder: "bags")
                + "<label class=check><input type=checkbox name=\"g\(i)_wood\" id=\"g\(i)_wood\" "
                + "value=\"1\"\(s["g\(i)_wood"].isEmpty ? "" : " checked")>wood packaging</label></div>"
        }
        var documents = ""
        let docOptions = [("", "—")] + docs.map { ($0.id, $0.name + ($0.unece.map { " (UN/CEFACT \($0))" } ?? "")) }
        for i in 0..<s.documentRows {
            documents +=
                "<div class=\"row grid\"><b>Document \(i + 1)</b>" + select("d\(i)_type", "Type", docOptions)
                + field("d\(i)_number", "Number") + field("d\(i)_issued", "Issued", type: "date")
                + field("d\(i)_expires", "Expires (if stated)", type: "date")
                + field("d\(i)_issuer", "Issuer country", placeholder: "KZ")
                + field("d\(i)_covers", "Goods lines covered", placeholder: "all, or 1, 2") + "</div>"
        }
        return """
            <section id="manifest"><h2>Your shipment</h2>
            <form method="post" action="/" enctype="multipart/form-data">
            <input type="hidden" name="goods_rows" value="\(s.goodsRows)"><input type="hidden" name="document_rows" \
            value="\(s.documentRows)">
            <details\(open && s.manifestText.isEmpty ? "" : " open")><summary>Paste or upload a manifest (YAML or \
            JSON)</summary>
            <label>Manifest<textarea name="manifest_text" id="manifest_text" \
            spellcheck="false">\(x(s.manifestText))</textarea></label>
            <label>or a file<input type="file" name="manifest_file" id="manifest_file" \
            accept=".yaml,.yml,.json,text/yaml,application/json"></label>
            <div class="buttons"><button type="submit" name="action" value="check-text" id="check-text">Check this \
            manifest</button></div>
            </details>
            <h3>Or fill in the form</h3>
            <fieldset><legend>Shipment</legend><div class="grid">
            \(field("id", "Shipment id", placeholder: "KZ-PK-2026-0001"))\
            \(field("departure", "Departure", type: "date"))
            \(field("shipper_name", "Shipper"))\(field("shipper_country", "Shipper country", placeholder: "KZ"))
            \(field("consignee_name", "Consignee"))\(field("consignee_country", "Consignee country", placeholder: "PK"))
            \(field("origin", "From (search a place)", list: "places", placeholder: "KZALA"))\
            \(field("destination", "To (search a place)", list: "places", placeholder: "PKKHI"))
            \(select("corridor", "Corridor", corridors))\(select("mode", "Mode", modes))\
            \(select("regime", "Transit regime", regimes))
            \(field("units", "Units", extra: " inputmode=\"numeric\""))\(select("unit", "Unit", units))\
            \(field("as_of", "Judge as of (optional)", type: "date"))
            </div></fieldset>
            <datalist id="places">\(placeOptions)</datalist>
            <fieldset><legend>Goods</legend>\(goods)<div class="buttons">\
            <button class="secondary" type="submit" name="action" value="add-goods">Add a goods line</button></div>\
            </fieldset>
            <fieldset><legend>Documents you already hold</legend>\(documents)<div class="buttons">\
            <button class="secondary" type="submit" name="action" value="add-document">Add a document</button></div>\
            </fieldset>
            <div class="buttons"><button type="submit" name="action" value="check-form" id="check-form">Check the \
            shipment</button>
            <button class="secondary" type="submit" name="action" value="yaml" id="show-yaml">Show the YAML it \
            writes</button></div>
            </form></section>
            """
    }

    func x(_ s: String) -> String { MarkupText.escape(s) }
}
