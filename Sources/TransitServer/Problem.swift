import Hummingbird
import TransitCore
import TransitReports

/// An error answer in RFC 9457 problem-details form (`application/problem+json`): `type`,
/// `title`, `status` and `detail`, plus, for a manifest that does not load, its `errors` with
/// file, line and column. Every error the server gives goes through this type, so no error
/// body is empty or plain text.
public struct Problem: Error, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short, stable slug naming the kind of problem; `type` is this under `/problems/`.
    public var slug: String
    /// One human sentence about this occurrence.
    public var detail: String
    /// More members: `errors` for a manifest, `unknown_parameters`, `allow`…
    public var extra: [(String, JSONValue)]
    /// Headers the answer needs (`Allow` on a 405).
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, _ slug: String, _ detail: String, extra: [(String, JSONValue)] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status; self.slug = slug; self.detail = detail; self.extra = extra; self.headers = headers
    }

    /// The problem's `type` URI, relative to the server (RFC 9457 §3.1.1 allows a relative reference).
    public var type: String { "/problems/\(slug)" }

    /// The title RFC 9457 wants: the same for every occurrence of a type, here the status's reason phrase.
    public var title: String { status.reasonPhrase }

    /// The JSON body.
    public var json: JSONValue {
        .object(
            [
                ("type", .string(type)), ("title", .string(title)), ("status", .int(Int(status.code))),
                ("detail", .string(detail)),
            ] + extra)
    }

    /// The response: the body as `application/problem+json`, with any extra headers.
    public var response: Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(
            status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: json.pretty + "\n")))
    }
}

extension Problem {
    /// 422: a manifest that does not load, with every error at its line and column.
    static func invalidManifest(_ diagnostics: [Diagnostic]) -> Problem {
        let first =
            diagnostics.first.map { d in (d.location.map { "\($0.line):\($0.column): " } ?? "") + d.message } ?? ""
        return Problem(
            .unprocessableContent, "invalid-manifest",
            "the manifest has \(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s"); the first: \(first)",
            extra: [("errors", .array(diagnostics.map(DiagnosticJSON.value)))])
    }

    /// 400: query parameters the route does not take, named.
    static func unknownParameters(_ names: [String], allowed: [String]) -> Problem {
        let list = names.map { "`\($0)`" }.joined(separator: ", ")
        let help =
            allowed.isEmpty
            ? "this route takes no query parameters" : "it takes " + allowed.map { "`\($0)`" }.joined(separator: ", ")
        let suggestions = names.compactMap { DidYouMean.help($0, among: allowed) }
        return Problem(
            .badRequest, "unknown-parameter",
            "unknown query parameter\(names.count == 1 ? "" : "s") \(list); \(help)"
                + suggestions.map { "; \($0)" }.joined(),
            extra: [("unknown_parameters", .array(names.map(JSONValue.string)))])
    }

    /// 400: a query parameter with a value the route cannot use.
    static func badParameter(_ name: String, _ detail: String) -> Problem {
        Problem(.badRequest, "bad-parameter", detail, extra: [("parameter", .string(name))])
    }
}
