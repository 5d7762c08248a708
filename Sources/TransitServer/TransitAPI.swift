import Foundation
import Hummingbird
import TransitCore
import TransitEngine
import TransitReports
import TransitYAML

/// The HTTP API over a loaded workspace, as a value that tests drive without a port:
///
/// - `GET /health` → `ok`
/// - `GET /corridors` → the corridors as JSON
/// - `POST /check?corridor=ID&as_of=DATE&format=json|text|markdown|html` with a manifest (YAML or
///   JSON) as the body → the SPEC 4 report (200), or the manifest's errors with file, line and
///   column (422); a body over 1 MiB is refused (413)
/// - `GET /rules/{id}` → the rule in plain words
///
/// One bad request gets an error response; the server goes on.
public enum TransitAPI {
    public static let maxBody = 1 << 20

    public static func router(workspace: Workspace) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("health") { _, _ in "ok" }
        router.get("corridors") { _, _ in
            json(JSONValue.array(workspace.network.sortedCorridors.map { c in
                .object([("id", .string(c.id)), ("name", .string(c.name)), ("via", .array(c.via.map(JSONValue.string))),
                         ("description", .string(c.description)), ("source", .string(c.source))])
            }).pretty + "\n")
        }
        router.get("rules/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let rule = workspace.ruleSet.rule(id: id) else {
                return text("unknown rule `\(id)`\n", status: .notFound)
            }
            return text(ConditionWords.rule(rule, workspace.ruleSet.documents) + "\n")
        }
        router.post("check") { request, _ in
            let body: ByteBuffer
            do { body = try await request.body.collect(upTo: maxBody) } catch {
                return text("the manifest is larger than \(maxBody) bytes\n", status: .contentTooLarge)
            }
            let query = request.uri.queryParameters
            var options = CheckOptions()
            if let c = query.get("corridor") { options.corridor = c }
            if let a = query.get("as_of") {
                guard let day = Day(iso: a) else { return text("as_of must be a date, YYYY-MM-DD\n", status: .badRequest) }
                options.asOf = day
            }
            let format = query.get("format") ?? "json"
            guard ["json", "text", "markdown", "html"].contains(format) else {
                return text("format must be json, text, markdown or html\n", status: .badRequest)
            }
            switch ManifestDecoder.decode(String(buffer: body), file: "request", vocabulary: workspace.vocabulary,
                                          limits: YAMLLimits(maxBytes: maxBody, maxDepth: 32, maxAliasExpansion: 10_000)) {
            case .failure(let f):
                return json(JSONValue.object([("errors", .array(f.diagnostics.map(DiagnosticJSON.value)))]).pretty + "\n",
                            status: .unprocessableContent)
            case .success(let shipment):
                if let c = options.corridor, workspace.network.corridors[c] == nil {
                    return text("unknown corridor `\(c)`\n", status: .badRequest)
                }
                let report = workspace.evaluator.check(shipment, options: options)
                switch format {
                case "text": return text(TextReport.render(report))
                case "markdown": return text(DocumentReport.markdown(report), type: "text/markdown; charset=utf-8")
                case "html": return text(DocumentReport.html(report), type: "text/html; charset=utf-8")
                default: return json(JSONReport.render(report) + "\n")
                }
            }
        }
        return router
    }

    /// Serves until the process is stopped.
    public static func serve(workspace: Workspace, host: String, port: Int) async throws {
        let app = Application(router: router(workspace: workspace), configuration: .init(address: .hostname(host, port: port)))
        try await app.runService()
    }

    static func json(_ s: String, status: HTTPResponse.Status = .ok) -> Response {
        text(s, status: status, type: "application/json")
    }

    static func text(_ s: String, status: HTTPResponse.Status = .ok, type: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: s)))
    }
}
