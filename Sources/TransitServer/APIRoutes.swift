import Foundation
import Hummingbird
import TransitCore
import TransitEngine
import TransitReports
import TransitYAML

extension TransitAPI {
    /// Every route the server answers, in the order `/openapi.json` documents them.
    var routes: [Route] {
        [
            Route(.get, "/") { api, _ in TransitAPI.html(WebPage(api: api).render(FormState())) },
            Route(.post, "/") { api, r in try await WebPage(api: api).answer(r.request) },
            Route(.post, "/print") { api, r in try await WebPage(api: api).print(r.request) },
            Route(.get, "/health") { _, _ in TransitAPI.text("ok") },
            Route(.get, "/openapi.json") { _, _ in TransitAPI.json(OpenAPIDocument.json, type: "application/json") },
            Route(.get, "/places") { api, _ in TransitAPI.json(api.placesJSON) },
            Route(.get, "/documents") { api, _ in TransitAPI.json(api.documentsJSON) },
            Route(.get, "/corridors") { api, _ in TransitAPI.json(api.corridorsJSON) },
            Route(.get, "/corridors/{id}", query: ["chart", "as_of"]) { api, r in try api.corridor(r) },
            Route(.get, "/rules/{id}") { api, r in try api.rule(r) },
            Route(.post, "/check", query: ["corridor", "as_of", "format"]) { api, r in try await api.check(r) },
            Route(.post, "/compare", query: ["as_of", "by", "chart"]) { api, r in try await api.compare(r) },
        ]
    }

    // MARK: Reference data

    var placesJSON: JSONValue {
        .array(
            workspace.network.places.values.sorted { $0.id < $1.id }.map { p in
                var o: [(String, JSONValue)] = [
                    ("id", .string(p.id)), ("name", .string(p.name)), ("country", .string(p.country)),
                    ("kind", .string(p.kind.rawValue)), ("official_code", .bool(p.officialCode)),
                ]
                if let s = p.source { o.append(("source", .string(s))) }
                return .object(o)
            })
    }

    var documentsJSON: JSONValue {
        .array(
            workspace.ruleSet.documents.entries.sorted { $0.id < $1.id }.map { d in
                var o: [(String, JSONValue)] = [("id", .string(d.id)), ("name", .string(d.name))]
                if let u = d.unece { o.append(("unece", .string(u))) }
                o.append(("issuer", .string(d.issuer)))
                if let v = d.validityDays { o.append(("validity_days", .int(v))) }
                o += [
                    ("lead_time_hours", .quantiles(d.leadTimeHours, decimals: 1)),
                    ("cost_usd", .number(d.costUSD, decimals: 0)), ("how_to_obtain", .string(d.howToObtain)),
                    ("source", .string(d.source)),
                ]
                return .object(o)
            })
    }

    var corridorsJSON: JSONValue { .array(workspace.network.sortedCorridors.map(corridorSummary)) }

    func corridorSummary(_ c: Corridor) -> JSONValue {
        .object([
            ("id", .string(c.id)), ("name", .string(c.name)), ("via", .array(c.via.map(JSONValue.string))),
            ("description", .string(c.description)), ("source", .string(c.source)),
        ])
    }

    func corridor(_ r: RouteRequest) throws -> Response {
        let id = r.parameters["id"] ?? ""
        guard let c = workspace.network.corridors[id] else {
            throw Problem(
                .notFound, "unknown-corridor",
                "no corridor `\(id)`"
                    + (DidYouMean.help(id, among: workspace.network.corridors.keys).map { "; \($0)" } ?? ""))
        }
        let asOf = try day(r.query, "as_of")
        if try r.query.choice("chart", ["svg"], default: "") == "svg" {
            // A corridor with no route to plan draws an empty chart.
            let points = workspace.evaluator.referenceProfile(corridor: c) ?? []
            return TransitAPI.text(
                TimeCostChart.svg(title: "\(c.name): 20 t in one unit", series: [.init(name: c.id, points: points)]),
                type: "image/svg+xml")
        }
        var links: [JSONValue] = []
        for (a, b) in zip(c.via, c.via.dropFirst()) {
            guard let d = workspace.network.links(from: a, to: b, preferring: c.mode).first else { continue }
            let l = workspace.network.links[d.index]
            var o: [(String, JSONValue)] = [
                ("from", .string(a)), ("to", .string(b)), ("mode", .string(l.mode.rawValue)),
                ("km", .number(l.km, decimals: 0)), ("status", .string(l.status.rawValue)),
            ]
            if let asOf { o.append(("status_as_of", .string(l.status(on: asOf).0.rawValue))) }
            o.append(
                (
                    "history",
                    .array(
                        l.history.map {
                            .object([
                                ("status", .string($0.status.rawValue)), ("period", .string($0.span.description)),
                                ("source", .string($0.source)),
                            ])
                        })
                ))
            o += [("border", .bool(l.border != nil)), ("source", .string(l.source))]
            links.append(.object(o))
        }
        guard case .object(var fields) = corridorSummary(c) else { return TransitAPI.json(corridorSummary(c)) }
        if let asOf { fields.append(("as_of", .string(asOf.description))) }
        fields.append(("links", .array(links)))
        return TransitAPI.json(.object(fields))
    }

    func rule(_ r: RouteRequest) throws -> Response {
        let id = r.parameters["id"] ?? ""
        guard let rule = workspace.ruleSet.rule(id: id) else {
            throw Problem(
                .notFound, "unknown-rule",
                "no rule `\(id)`"
                    + (DidYouMean.help(id, among: workspace.ruleSet.rules.map(\.id)).map { "; \($0)" } ?? ""))
        }
        return TransitAPI.text(ConditionWords.rule(rule, workspace.ruleSet.documents) + "\n")
    }

    // MARK: Checking

    /// The media types a manifest body may be sent as. `application/x-www-form-urlencoded` is
    /// what `curl --data-binary` sends unless told otherwise, so it is read as the manifest too.
    static let manifestTypes = [
        "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json",
        "text/plain", "application/octet-stream", "application/x-www-form-urlencoded",
    ]

    /// The manifest a POST carries: its media type checked (415), its body read within the
    /// limits (413, 408, 400), decoded off the event loop (422 with every error located).
    func manifest(_ request: Request) async throws -> Shipment {
        if let type = request.headers[.contentType] {
            let bare =
                type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard Self.manifestTypes.contains(bare) else {
                throw Problem(
                    .unsupportedMediaType, "unsupported-media-type",
                    "a manifest is YAML or JSON; send it as " + Self.manifestTypes.prefix(5).joined(separator: ", ")
                        + " (got \(type))",
                    extra: [("accepted", .array(Self.manifestTypes.map(JSONValue.string)))])
            }
        }
        let bytes = try await BodyReader.read(request, limits: limits)
        return try await decode(bytes, file: "request")
    }

    /// A manifest's bytes decoded on the check threads, or a 422 problem with every error.
    func decode(_ bytes: [UInt8], file: String) async throws -> Shipment {
        let vocabulary = workspace.vocabulary, maxBody = limits.maxBody
        let result = try await offLoop { () -> Result<Shipment, LoadFailure> in
            var bytes = bytes
            return ManifestDecoder.decode(
                bytes: &bytes, file: file, vocabulary: vocabulary,
                limits: YAMLLimits(maxBytes: maxBody, maxDepth: 32, maxAliasExpansion: 10_000))
        }
        switch result {
        case .success(let s): return s
        case .failure(let f): throw Problem.invalidManifest(f.diagnostics)
        }
    }

    func day(_ q: Query, _ key: String) throws -> Day? {
        guard let a = q[key] else { return nil }
        guard let day = Day(iso: a) else {
            throw Problem.badParameter(key, "`\(key)` must be a date, YYYY-MM-DD; got `\(a)`")
        }
        return day
    }

    func corridorOption(_ q: Query) throws -> String? {
        guard let c = q["corridor"] else { return nil }
        guard workspace.network.corridors[c] != nil else {
            throw Problem(
                .badRequest, "unknown-corridor",
                "no corridor `\(c)`"
                    + (DidYouMean.help(c, among: workspace.network.corridors.keys).map { "; \($0)" } ?? ""),
                extra: [("parameter", .string("corridor"))])
        }
        return c
    }

    func check(_ r: RouteRequest) async throws -> Response {
        let options = CheckOptions(asOf: try day(r.query, "as_of"), corridor: try corridorOption(r.query))
        let format = try r.query.choice("format", ["json", "text", "markdown", "html"], default: "json")
        let shipment = try await manifest(r.request)
        let evaluator = workspace.evaluator
        let report = try await offLoop { evaluator.check(shipment, options: options) }
        switch format {
        case "text": return TransitAPI.text(TextReport.render(report))
        case "markdown": return TransitAPI.text(DocumentReport.markdown(report), type: "text/markdown; charset=utf-8")
        case "html": return TransitAPI.text(DocumentReport.html(report), type: "text/html; charset=utf-8")
        default: return TransitAPI.text(JSONReport.render(report) + "\n", type: "application/json")
        }
    }

    func compare(_ r: RouteRequest) async throws -> Response {
        let asOf = try day(r.query, "as_of")
        let by = try r.query.choice("by", ["time", "cost"], default: "time")
        let chart = try r.query.choice("chart", ["svg"], default: "")
        let shipment = try await manifest(r.request)
        let evaluator = workspace.evaluator
        let ranked = try await offLoop {
            evaluator.compare(shipment, options: CheckOptions(asOf: asOf), byCost: by == "cost")
        }
        if chart == "svg" { return TransitAPI.text(Self.chart(shipment, ranked, evaluator), type: "image/svg+xml") }
        return TransitAPI.json(Self.comparisonJSON(shipment, ranked, by: by))
    }

    static func chart(_ shipment: Shipment, _ ranked: [CorridorOption], _ evaluator: Evaluator) -> String {
        TimeCostChart.svg(
            title: "\(shipment.id): \(shipment.origin) → \(shipment.destination)",
            series: ranked.map {
                .init(
                    name: "\($0.corridor) (\($0.report.verdict.rawValue))",
                    points: evaluator.profile(shipment, $0.report))
            })
    }

    static func comparisonJSON(_ shipment: Shipment, _ ranked: [CorridorOption], by: String) -> JSONValue {
        return .object([
            ("shipment", .string(shipment.id)), ("origin", .string(shipment.origin)),
            ("destination", .string(shipment.destination)),
            ("by", .string(by)),
            (
                "corridors",
                .array(
                    ranked.enumerated().map { i, o in
                        let e = o.report.estimate
                        var f: [(String, JSONValue)] = [
                            ("rank", .int(i + 1)), ("corridor", .string(o.corridor)),
                            ("verdict", .string(o.report.verdict.rawValue)),
                            ("cost_usd", .quantiles(e.costUSD, decimals: 0)),
                            ("time_hours", .quantiles(e.timeHours, decimals: 1)),
                            (
                                "delay_from_missing_documents_hours",
                                .quantiles(e.delayFromMissingDocumentsHours, decimals: 1)
                            ),
                            ("documents_to_obtain", .array(o.report.documentsToObtain.map { .string($0.document) })),
                        ]
                        if let why = o.report.blockers.first { f.append(("blocked_by", .string(why))) }
                        return .object(f)
                    })
            ),
        ])
    }

    // MARK: Responses

    static func json(_ v: JSONValue, type: String = "application/json") -> Response {
        TransitAPI.text(v.pretty + "\n", type: type)
    }
    static func json(_ s: String, type: String) -> Response { TransitAPI.text(s, type: type) }

    static func text(
        _ s: String, status: HTTPResponse.Status = .ok, type: String = "text/plain; charset=utf-8"
    ) -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: s)))
    }

    static func html(_ s: String, status: HTTPResponse.Status = .ok) -> Response {
        TransitAPI.text(s, status: status, type: "text/html; charset=utf-8")
    }
}

extension Report {
    /// What stops the shipment, other than documents: prohibitions, closed or planned links,
    /// regimes not open on the route.
    var blockers: [String] { findings.filter { $0.severity == .error && !$0.code.isAboutADocument }.map(\.message) }
}
