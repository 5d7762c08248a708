import TransitReports

/// The OpenAPI 3.1 description of the server, served at `GET /openapi.json` and committed as
/// `docs/openapi.json`. Written here by hand; `OpenAPITests` keeps it true: every route of
/// `TransitAPI.routes` is in it, and every status it documents is produced by a request.
public enum OpenAPIDocument {
    /// The document, pretty-printed with a final newline.
    public static let json: String = document.pretty + "\n"

    static var document: JSONValue {
        .object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("transit-check")),
                    ("version", .string("1")),
                    (
                        "description",
                        .string(
                            "Checks a shipment manifest (YAML or JSON) against the transit, phytosanitary, "
                                + "veterinary and documentation rules of the Central Asia – Pakistan corridors. "
                                + "Every error is an RFC 9457 problem (application/problem+json); every response "
                                + "carries X-Request-Id. Limits: request bodies up to 1 MiB, a body must arrive within "
                                + "10 s, idle connections close after 15 s, at most 1024 connections."
                        )
                    ),
                ])
            ),
            ("paths", .object(paths)),
            (
                "components",
                .object([
                    ("schemas", .object(schemas)), ("responses", .object(responses)), ("headers", .object(headers)),
                ])
            ),
        ])
    }

    // MARK: Paths

    static var paths: [(String, JSONValue)] {
        [
            (
                "/",
                .object([
                    (
                        "get",
                        op(
                            "page", "The web page: a form that writes a manifest, or a box to paste or upload one.",
                            ok: [("text/html", string)])
                    ),
                    (
                        "post",
                        op(
                            "pageAnswer",
                            "The web page with the answer for the form's manifest (errors, if any, beside their "
                                + "lines).",
                            body: form(["action", "manifest_text", "id", "origin", "destination"]),
                            ok: [("text/html", string)],
                            errors: ["400", "408", "413", "415"])
                    ),
                ])
            ),
            (
                "/print",
                .object([
                    (
                        "post",
                        op(
                            "print", "The printable HTML checklist of the manifest in the form field `manifest`.",
                            body: form(["manifest", "as_of"], required: ["manifest"]), ok: [("text/html", string)],
                            errors: ["400", "408", "413", "415", "422"])
                    )
                ])
            ),
            (
                "/health",
                .object([
                    (
                        "get",
                        op(
                            "health", "`ok` while the server answers.",
                            ok: [("text/plain", .object([("type", .string("string")), ("const", .string("ok"))]))])
                    )
                ])
            ),
            (
                "/openapi.json",
                .object([
                    (
                        "get",
                        op(
                            "openapi", "This document.",
                            ok: [("application/json", .object([("type", .string("object"))]))])
                    )
                ])
            ),
            (
                "/places",
                .object([
                    (
                        "get",
                        op(
                            "places", "Every place of the network (UN/LOCODE, or an unofficial code marked so).",
                            ok: [("application/json", array(ref("Place")))])
                    )
                ])
            ),
            (
                "/documents",
                .object([
                    (
                        "get",
                        op(
                            "documents", "The document catalogue.",
                            ok: [("application/json", array(ref("DocumentType")))])
                    )
                ])
            ),
            (
                "/corridors",
                .object([
                    ("get", op("corridors", "Every corridor.", ok: [("application/json", array(ref("Corridor")))]))
                ])
            ),
            (
                "/corridors/{id}",
                .object([
                    (
                        "parameters",
                        .array([pathParameter("id", "A corridor id (`GET /corridors`).", example: "tap-road")])
                    ),
                    (
                        "get",
                        op(
                            "corridor",
                            "A corridor with its links and their status history; with `chart=svg`, "
                                + "the UNESCAP time/cost-distance chart of a 20 t consignment in one unit.",
                            query: [
                                queryParameter("chart", "`svg` for the chart instead of JSON.", enumValues: ["svg"]),
                                queryParameter("as_of", "Also give each link's status on this day.", format: "date"),
                            ],
                            ok: [("application/json", ref("CorridorDetail")), ("image/svg+xml", string)],
                            errors: ["400", "404"])
                    ),
                ])
            ),
            (
                "/rules/{id}",
                .object([
                    ("parameters", .array([pathParameter("id", "A rule id.", example: "pk-halal-meat")])),
                    (
                        "get",
                        op(
                            "rule", "A rule in plain words: when it applies, what it requires, its source.",
                            ok: [("text/plain", string)], errors: ["400", "404"])
                    ),
                ])
            ),
            (
                "/check",
                .object([
                    (
                        "post",
                        op(
                            "check", "Check a manifest: the SPEC 4 report (verdict, checklist, findings, estimate).",
                            query: [
                                queryParameter(
                                    "corridor", "Check on this corridor instead of the manifest's (400 if unknown)."),
                                queryParameter(
                                    "as_of", "Judge rules, memberships and links as of this day.", format: "date"),
                                queryParameter(
                                    "format", "The report's form.", enumValues: ["json", "text", "markdown", "html"]),
                            ],
                            body: manifestBody,
                            ok: [
                                ("application/json", ref("Report")), ("text/plain", string), ("text/markdown", string),
                                ("text/html", string),
                            ],
                            errors: ["400", "408", "413", "415", "422"])
                    ),
                    ("get", notAllowed("checkNotAllowed", "POST")),
                ])
            ),
            (
                "/compare",
                .object([
                    (
                        "post",
                        op(
                            "compare",
                            "The manifest on every corridor that joins its origin and destination, best first (ready "
                                + "before incomplete before blocked, then by time or cost).",
                            query: [
                                queryParameter("as_of", "Judge rules as of this day.", format: "date"),
                                queryParameter(
                                    "by", "Rank by time or cost after the verdict.", enumValues: ["time", "cost"]),
                                queryParameter(
                                    "chart",
                                    "`svg` for the time/cost-distance chart of every corridor instead of JSON.",
                                    enumValues: ["svg"]),
                            ],
                            body: manifestBody,
                            ok: [("application/json", ref("Comparison")), ("image/svg+xml", string)],
                            errors: ["400", "408", "413", "415", "422"])
                    ),
                    ("get", notAllowed("compareNotAllowed", "POST")),
                ])
            ),
        ]
    }

    /// Every operation answers 400 for a query parameter it does not take.
    static func op(
        _ id: String, _ summary: String, query: [JSONValue] = [], body: JSONValue? = nil, ok: [(String, JSONValue)],
        errors: [String] = ["400"]
    ) -> JSONValue {
        var o: [(String, JSONValue)] = [("operationId", .string(id)), ("summary", .string(summary))]
        if !query.isEmpty { o.append(("parameters", .array(query))) }
        if let body { o.append(("requestBody", body)) }
        var rs: [(String, JSONValue)] = [
            (
                "200",
                .object([
                    ("description", .string("OK")), ("headers", requestIDHeader),
                    ("content", .object(ok.map { ($0.0, .object([("schema", $0.1)])) })),
                ])
            )
        ]
        for e in (errors.contains("400") ? errors : ["400"] + errors).sorted() {
            rs.append((e, ref(e, in: "responses")))
        }
        o.append(("responses", .object(rs)))
        return .object(o)
    }

    static func notAllowed(_ id: String, _ allow: String) -> JSONValue {
        .object([
            ("operationId", .string(id)),
            ("summary", .string("Not allowed: use \(allow). Answers 405 with `Allow: \(allow)`.")),
            ("responses", .object([("405", ref("405", in: "responses"))])),
        ])
    }

    static var requestIDHeader: JSONValue { .object([("X-Request-Id", ref("X-Request-Id", in: "headers"))]) }

    static var manifestBody: JSONValue {
        let text = JSONValue.object([
            ("schema", .object([("type", .string("string"))])), ("example", .string(exampleManifest)),
        ])
        return .object([
            ("required", .bool(true)),
            (
                "description",
                .string(
                    "A manifest (SPEC 2.1), YAML or JSON, at most 1 MiB. `application/x-www-form-urlencoded` is read "
                        + "as the manifest too (it is what `curl --data-binary` sends)."
                )
            ),
            (
                "content",
                .object([
                    ("application/yaml", text), ("text/yaml", text), ("text/plain", text),
                    ("application/json", .object([("schema", .object([("type", .string("object"))]))])),
                    (
                        "application/octet-stream",
                        .object([("schema", .object([("type", .string("string")), ("format", .string("binary"))]))])
                    ),
                ])
            ),
        ])
    }

    static func form(_ fields: [String], required: [String] = []) -> JSONValue {
        let schema = JSONValue.object([
            ("type", .string("object")),
            ("properties", .object(fields.map { ($0, .object([("type", .string("string"))])) })),
            ("required", .array(required.map(JSONValue.string))),
        ])
        return .object([
            ("required", .bool(true)),
            (
                "content",
                .object([
                    ("application/x-www-form-urlencoded", .object([("schema", schema)])),
                    ("multipart/form-data", .object([("schema", schema)])),
                ])
            ),
        ])
    }

    static func queryParameter(
        _ name: String, _ description: String, format: String? = nil, enumValues: [String]? = nil
    ) -> JSONValue {
        var schema: [(String, JSONValue)] = [("type", .string("string"))]
        if let format { schema.append(("format", .string(format))) }
        if let enumValues { schema.append(("enum", .array(enumValues.map(JSONValue.string)))) }
        return .object([
            ("name", .string(name)), ("in", .string("query")), ("required", .bool(false)),
            ("description", .string(description)), ("schema", .object(schema)),
        ])
    }

    static func pathParameter(_ name: String, _ description: String, example: String) -> JSONValue {
        .object([
            ("name", .string(name)), ("in", .string("path")), ("required", .bool(true)),
            ("description", .string(description)),
            ("schema", .object([("type", .string("string"))])), ("example", .string(example)),
        ])
    }

    /// A manifest that checks (200), the request body's example: Kazakh oats to Lahore on the
    /// QTTA road, a few of its documents in hand. `OpenAPITests` sends it.
    static let exampleManifest = """
        manifest: 1
        id: KZ-PK-2026-1004
        shipper: { name: Kostanay Grain Company LLP, country: KZ }
        consignee: { name: Lahore Feed Mills (Pvt) Ltd, country: PK }
        origin: KZALA
        destination: PKLHE
        corridor: qtta-torugart
        mode: road
        regime: tir
        departure: 2026-06-01
        transport: { units: 1, unit: truck }
        goods:
          - { line: 1, hs: "1004.90", description: Oats, net_kg: 21000, gross_kg: 21300, value_usd: 5900, origin: KZ,
              packaging: { kind: big bags, wood: false }, dangerous: null }
        documents:
          - { type: commercial-invoice, number: KGC-2026-1004, issued: 2026-05-25, issuer: { country: KZ } }
          - { type: tir-carnet, number: KZ-TIR-88112345, issued: 2026-05-29, issuer: { country: KZ }\
        , expires: 2026-09-30 }

        """

    // MARK: Components

    static var responses: [(String, JSONValue)] {
        func problem(_ d: String, allow: Bool = false) -> JSONValue {
            var h: [(String, JSONValue)] = [("X-Request-Id", ref("X-Request-Id", in: "headers"))]
            if allow {
                h.append(
                    (
                        "Allow",
                        .object([
                            ("description", .string("The methods the path takes.")),
                            ("schema", .object([("type", .string("string"))])), ("required", .bool(true)),
                        ])
                    ))
            }
            return .object([
                ("description", .string(d)), ("headers", .object(h)),
                ("content", .object([("application/problem+json", .object([("schema", ref("Problem"))]))])),
            ])
        }
        return [
            (
                "400",
                problem(
                    "Bad request: a query parameter the route does not take (named in `unknown_parameters`), "
                        + "a bad parameter value, an unknown corridor, a truncated body or a bad chunk."
                )
            ),
            ("404", problem("No such resource.")),
            ("405", problem("Method not allowed; `Allow` names the methods the path takes.", allow: true)),
            ("408", problem("The request body did not arrive in time.")),
            ("413", problem("The request body is larger than 1 MiB.")),
            ("415", problem("The body's media type is not one the route reads.")),
            ("422", problem("The manifest does not load: `errors` lists each problem with its line and column.")),
        ]
    }

    static var headers: [(String, JSONValue)] {
        [
            (
                "X-Request-Id",
                .object([
                    (
                        "description",
                        .string(
                            "The request's id, as in the server's log: the client's own X-Request-Id when it sent a "
                                + "plain one of at most 64 characters, otherwise a new one."
                        )
                    ),
                    ("required", .bool(true)), ("schema", .object([("type", .string("string"))])),
                ])
            )
        ]
    }

    static var schemas: [(String, JSONValue)] {
        [
            (
                "Problem",
                object(
                    [
                        ("type", string), ("title", string), ("status", integer), ("detail", string),
                        ("errors", array(ref("Diagnostic"))), ("unknown_parameters", array(string)),
                        ("parameter", string),
                        ("allow", array(string)), ("accepted", array(string)), ("limit_bytes", integer),
                    ], required: ["type", "title", "status", "detail"])
            ),
            (
                "Diagnostic",
                object(
                    [
                        ("severity", enumString(["error", "warning", "note"])), ("code", string), ("message", string),
                        ("file", string), ("line", integer), ("column", integer), ("help", string),
                    ],
                    required: ["severity", "code", "message"])
            ),
            (
                "Place",
                object(
                    [
                        ("id", string), ("name", string), ("country", string), ("kind", string),
                        ("official_code", boolean), ("source", string),
                    ],
                    required: ["id", "name", "country", "kind", "official_code"])
            ),
            (
                "DocumentType",
                object(
                    [
                        ("id", string), ("name", string), ("unece", string), ("issuer", string),
                        ("validity_days", integer),
                        ("lead_time_hours", ref("Quantiles")), ("cost_usd", number), ("how_to_obtain", string),
                        ("source", string),
                    ],
                    required: ["id", "name", "issuer", "lead_time_hours", "cost_usd", "how_to_obtain", "source"])
            ),
            (
                "Corridor",
                object(
                    [
                        ("id", string), ("name", string), ("via", array(string)), ("description", string),
                        ("source", string),
                    ],
                    required: ["id", "name", "via", "description", "source"])
            ),
            (
                "CorridorDetail",
                object(
                    [
                        ("id", string), ("name", string), ("via", array(string)), ("description", string),
                        ("source", string),
                        ("as_of", string),
                        (
                            "links",
                            array(
                                object(
                                    [
                                        ("from", string), ("to", string), ("mode", string), ("km", number),
                                        ("status", string),
                                        ("status_as_of", string),
                                        (
                                            "history",
                                            array(
                                                object(
                                                    [("status", string), ("period", string), ("source", string)],
                                                    required: ["status", "period", "source"]))
                                        ),
                                        ("border", boolean), ("source", string),
                                    ],
                                    required: ["from", "to", "mode", "km", "status", "history", "border", "source"]))
                        ),
                    ],
                    required: ["id", "name", "via", "description", "source", "links"])
            ),
            ("Quantiles", object([("p50", nullableNumber), ("p90", nullableNumber)], required: ["p50", "p90"])),
            (
                "Report",
                object(
                    [
                        ("report", integer),
                        ("shipment", object([("id", string), ("file", string)], required: ["id", "file"])),
                        ("corridor", .object([("type", .array([.string("string"), .string("null")]))])),
                        ("as_of", string),
                        ("verdict", enumString(["ready", "incomplete", "blocked"])),
                        (
                            "checklist",
                            array(
                                object(
                                    [
                                        ("document", string),
                                        ("unece", .object([("type", .array([.string("string"), .string("null")]))])),
                                        ("name", string),
                                        (
                                            "status",
                                            enumString([
                                                "present", "missing", "expired", "expires-en-route", "wrong-issuer",
                                                "not-covering", "unknown",
                                            ])
                                        ),
                                        ("severity", string),
                                        (
                                            "needed_at",
                                            array(
                                                object(
                                                    [("checkpoint", string), ("country", string), ("place", string)],
                                                    required: ["checkpoint", "country", "place"]))
                                        ),
                                        ("lines", array(integer)), ("issuer", string),
                                        (
                                            "rules",
                                            array(
                                                object(
                                                    [
                                                        ("id", string), ("pack", string), ("source", string),
                                                        ("file", string), ("line", integer),
                                                    ], required: ["id", "pack", "source"]))
                                        ),
                                        ("lead_time_hours", ref("Quantiles")), ("cost_usd", nullableNumber),
                                        ("how_to_obtain", string), ("apply_by", string),
                                        ("alternatives", array(array(string))), ("satisfied_by", array(string)),
                                        ("needs", array(string)),
                                    ],
                                    required: [
                                        "document", "name", "status", "needed_at", "issuer", "rules", "lead_time_hours",
                                        "cost_usd",
                                    ]))
                        ),
                        (
                            "findings",
                            array(
                                object(
                                    [
                                        ("severity", string), ("code", string), ("message", string), ("rule", string),
                                        ("path", string),
                                        ("file", string), ("line", integer), ("column", integer),
                                    ], required: ["severity", "code", "message"]))
                        ),
                        (
                            "estimate",
                            object(
                                [
                                    ("cost_usd", ref("Quantiles")), ("time_hours", ref("Quantiles")),
                                    ("delay_from_missing_documents_hours", ref("Quantiles")),
                                    (
                                        "ready_to_dispatch",
                                        object([("p50", string), ("p90", string)], required: ["p50", "p90"])
                                    ),
                                    (
                                        "steps",
                                        array(
                                            object(
                                                [
                                                    ("kind", string), ("name", string), ("hours", ref("Quantiles")),
                                                    ("cost_usd", ref("Quantiles")), ("source", string),
                                                ],
                                                required: ["kind", "name", "hours", "cost_usd", "source"]))
                                    ),
                                ], required: ["cost_usd", "time_hours", "delay_from_missing_documents_hours", "steps"])
                        ),
                    ],
                    required: [
                        "report", "shipment", "corridor", "as_of", "verdict", "checklist", "findings", "estimate",
                    ])
            ),
            (
                "Comparison",
                object(
                    [
                        ("shipment", string), ("origin", string), ("destination", string),
                        ("by", enumString(["time", "cost"])),
                        (
                            "corridors",
                            array(
                                object(
                                    [
                                        ("rank", integer), ("corridor", string),
                                        ("verdict", enumString(["ready", "incomplete", "blocked"])),
                                        ("cost_usd", ref("Quantiles")), ("time_hours", ref("Quantiles")),
                                        ("delay_from_missing_documents_hours", ref("Quantiles")),
                                        ("documents_to_obtain", array(string)), ("blocked_by", string),
                                    ],
                                    required: [
                                        "rank", "corridor", "verdict", "cost_usd", "time_hours",
                                        "delay_from_missing_documents_hours", "documents_to_obtain",
                                    ]))
                        ),
                    ], required: ["shipment", "origin", "destination", "by", "corridors"])
            ),
        ]
    }

    // MARK: Schema helpers

    static let string = JSONValue.object([("type", .string("string"))])
    static let integer = JSONValue.object([("type", .string("integer"))])
    static let number = JSONValue.object([("type", .string("number"))])
    static let nullableNumber = JSONValue.object([("type", .array([.string("number"), .string("null")]))])
    static let boolean = JSONValue.object([("type", .string("boolean"))])
    static func array(_ items: JSONValue) -> JSONValue { .object([("type", .string("array")), ("items", items)]) }
    static func enumString(_ values: [String]) -> JSONValue {
        .object([("type", .string("string")), ("enum", .array(values.map(JSONValue.string)))])
    }
    static func ref(_ name: String, in section: String = "schemas") -> JSONValue {
        .object([("$ref", .string("#/components/\(section)/\(name)"))])
    }
    static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        .object([
            ("type", .string("object")), ("properties", .object(properties)),
            ("required", .array(required.map(JSONValue.string))),
        ])
    }
}
