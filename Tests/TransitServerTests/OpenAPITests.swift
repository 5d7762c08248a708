import Foundation
import Testing
@testable import TransitServer

/// Keeps `/openapi.json` true: every route is in it, every status it documents for an
/// operation is produced by a real request to a running server, every answer's status and
/// media type are documented, and `docs/openapi.json` is the document the server serves.
@Suite(.serialized) struct OpenAPITests {
    nonisolated(unsafe) static let document =
        try! JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as! [String: Any]
    static var paths: [String: [String: Any]] { document["paths"] as! [String: [String: Any]] }
    static let methods = ["get", "post", "put", "delete", "patch"]

    /// (path, method) of every documented operation.
    static var operations: Set<String> {
        Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
    }

    @Test func everyRouteIsDocumentedAndNothingElse() {
        let routes = Set(TransitAPI(workspace: APITests.workspace).routes.map { "\($0.method.rawValue) \($0.path)" })
        // GET /check and GET /compare are documented as the 405 they answer.
        #expect(Self.operations == routes.union(["GET /check", "GET /compare"]))
        for route in TransitAPI(workspace: APITests.workspace).routes {
            let op = Self.paths[route.path]?[route.method.rawValue.lowercased()] as? [String: Any]
            let documented = ((op?["parameters"] as? [[String: Any]]) ?? []).filter { $0["in"] as? String == "query" }
                .compactMap { $0["name"] as? String }
            #expect(Set(documented) == Set(route.query), "\(route.method.rawValue) \(route.path)")
        }
    }

    @Test func theCommittedCopyIsCurrent() throws {
        let committed = try String(contentsOfFile: APITests.root + "/docs/openapi.json", encoding: .utf8)
        #expect(
            committed == OpenAPIDocument.json,
            """
            docs/openapi.json is stale: run the server and save GET /openapi.json, or `swift run transit-check serve` \
            then curl
            """
        )
    }

    /// A request that should get `status` from the documented operation `operation`.
    struct Probe: Sendable {
        let operation: String
        let status: Int
        let method: String
        let target: String
        var body: [UInt8]? = nil
        var contentType: String? = nil
        var raw: String? = nil
    }

    static let oats = try! Array(
        Data(contentsOf: URL(fileURLWithPath: APITests.root + "/shipments/kz-pk-oats-qtta.yaml")))
    static let broken = Array("manifest: 1\nid: [\n".utf8)
    static let big = [UInt8](repeating: UInt8(ascii: "#"), count: ServerLimits.standard.maxBody + 1)

    static var probes: [Probe] {
        var out: [Probe] = []
        let getters = [
            "/": "/", "/health": "/health", "/openapi.json": "/openapi.json", "/places": "/places",
            "/documents": "/documents",
            "/corridors": "/corridors", "/corridors/{id}": "/corridors/tap-road", "/rules/{id}": "/rules/pk-halal-meat",
        ]
        for (path, target) in getters {
            out.append(Probe(operation: "GET \(path)", status: 200, method: "GET", target: target))
            out.append(Probe(operation: "GET \(path)", status: 400, method: "GET", target: target + "?nope=1"))
        }
        out.append(
            Probe(
                operation: "GET /corridors/{id}", status: 200, method: "GET",
                target: "/corridors/tap-road?chart=svg&as_of=2026-01-01"))
        out.append(Probe(operation: "GET /corridors/{id}", status: 404, method: "GET", target: "/corridors/no-such"))
        out.append(Probe(operation: "GET /rules/{id}", status: 404, method: "GET", target: "/rules/no-such"))
        for path in ["/check", "/compare"] {
            let op = "POST \(path)"
            out.append(
                Probe(
                    operation: op, status: 200, method: "POST", target: path, body: oats,
                    contentType: "application/yaml"))
            out.append(Probe(operation: op, status: 400, method: "POST", target: path + "?as_of=yesterday", body: oats))
            out.append(
                Probe(
                    operation: op, status: 408, method: "POST", target: path,
                    raw: "POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Length: 50"))
            out.append(
                Probe(
                    operation: op, status: 413, method: "POST", target: path, body: big, contentType: "application/yaml"
                ))
            out.append(
                Probe(operation: op, status: 415, method: "POST", target: path, body: oats, contentType: "image/png"))
            out.append(
                Probe(operation: op, status: 422, method: "POST", target: path, body: broken, contentType: "text/yaml"))
            out.append(Probe(operation: "GET \(path)", status: 405, method: "GET", target: path))
        }
        out.append(
            Probe(operation: "POST /check", status: 400, method: "POST", target: "/check?corridor=nope", body: oats))
        out.append(
            Probe(operation: "POST /check", status: 200, method: "POST", target: "/check?format=markdown", body: oats))
        out.append(
            Probe(
                operation: "POST /check", status: 200, method: "POST", target: "/check",
                body: Array(OpenAPIDocument.exampleManifest.utf8), contentType: "application/yaml"))
        out.append(
            Probe(
                operation: "POST /compare", status: 200, method: "POST", target: "/compare?chart=svg&by=cost",
                body: oats))
        let form = "application/x-www-form-urlencoded"
        out.append(
            Probe(
                operation: "POST /", status: 200, method: "POST", target: "/",
                body: Array("action=check-text&manifest_text=manifest%3A+1".utf8), contentType: form))
        out.append(
            Probe(operation: "POST /", status: 400, method: "POST", target: "/?x=1", body: [], contentType: form))
        out.append(
            Probe(
                operation: "POST /", status: 408, method: "POST", target: "/",
                raw: "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: \(form)\r\nContent-Length: 50"))
        out.append(Probe(operation: "POST /", status: 413, method: "POST", target: "/", body: big, contentType: form))
        out.append(
            Probe(
                operation: "POST /", status: 415, method: "POST", target: "/", body: oats,
                contentType: "application/yaml"))
        let printBody =
            Array("manifest=".utf8)
            + Array(
                (String(decoding: oats, as: UTF8.self).addingPercentEncoding(withAllowedCharacters: .alphanumerics)
                    ?? "").utf8)
        out.append(
            Probe(
                operation: "POST /print", status: 200, method: "POST", target: "/print", body: printBody,
                contentType: form))
        out.append(
            Probe(
                operation: "POST /print", status: 400, method: "POST", target: "/print",
                body: Array("as_of=2026-01-01".utf8), contentType: form))
        out.append(
            Probe(
                operation: "POST /print", status: 408, method: "POST", target: "/print",
                raw: "POST /print HTTP/1.1\r\nHost: x\r\nContent-Type: \(form)\r\nContent-Length: 50"))
        out.append(
            Probe(operation: "POST /print", status: 413, method: "POST", target: "/print", body: big, contentType: form)
        )
        out.append(
            Probe(
                operation: "POST /print", status: 415, method: "POST", target: "/print", body: oats,
                contentType: "text/yaml"))
        out.append(
            Probe(
                operation: "POST /print", status: 422, method: "POST", target: "/print",
                body: Array("manifest=id%3A+%5B".utf8), contentType: form))
        return out
    }

    /// The documented media types for an operation's status.
    static func documentedTypes(_ operation: String, _ status: Int) -> [String]? {
        let parts = operation.split(separator: " ")
        guard let op = paths[String(parts[1])]?[parts[0].lowercased()] as? [String: Any],
            var response = (op["responses"] as? [String: Any])?[String(status)] as? [String: Any]
        else { return nil }
        if let ref = response["$ref"] as? String {
            let name = String(ref.split(separator: "/").last!)
            response =
                ((document["components"] as! [String: Any])["responses"] as! [String: Any])[name] as! [String: Any]
        }
        return (response["content"] as? [String: Any]).map { Array($0.keys) } ?? []
    }

    @Test func everyDocumentedStatusIsProducedAndEveryAnswerIsDocumented() async throws {
        // Every (operation, status) the document gives has a probe.
        var documented: Set<String> = []
        for (path, item) in Self.paths {
            for (method, op) in item where Self.methods.contains(method) {
                for status in ((op as! [String: Any])["responses"] as! [String: Any]).keys {
                    documented.insert("\(method.uppercased()) \(path) \(status)")
                }
            }
        }
        let probes = Self.probes
        #expect(documented == Set(probes.map { "\($0.operation) \($0.status)" }))
        try await LiveServer.run { port in
            for p in probes {
                let r: RawResponse
                if let raw = p.raw {
                    r = try await RawSocket.exchange(port, raw, body: Array("manifest: 1\n".utf8), shutdownWrite: false)
                } else {
                    r = try await RawSocket.request(port, p.method, p.target, body: p.body, contentType: p.contentType)
                }
                #expect(r.status == p.status, "\(p.method) \(p.target): \(r.status) \(r.body.prefix(300))")
                let type = (r.headers["content-type"] ?? "").split(separator: ";").first.map(String.init) ?? ""
                let types = Self.documentedTypes(p.operation, r.status)
                #expect(
                    types?.contains(type) == true,
                    "\(p.method) \(p.target): \(r.status) \(type) is not documented (\(types ?? []))")
                #expect(r.headers["x-request-id"]?.isEmpty == false)
                if r.status >= 400 {
                    let problem = try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any]
                    #expect(problem?["status"] as? Int == r.status)
                    #expect(problem?["type"] is String && problem?["title"] is String && problem?["detail"] is String)
                }
            }
        }
    }
}
