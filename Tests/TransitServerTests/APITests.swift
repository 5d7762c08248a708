import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TransitEngine
@testable import TransitServer

/// The HTTP API driven in-process, without a port.
@Suite struct APITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let workspace = try! Workspace.load(rulesDirectory: root + "/rules").get()

    func app() -> some ApplicationProtocol { Application(responder: TransitAPI(workspace: Self.workspace).responder) }

    @Test func checkReturnsTheReportAndBadManifestsGetTheirErrorsWhileTheServerGoesOn() async throws {
        let manifest = try String(contentsOfFile: Self.root + "/shipments/kz-pk-oats-qtta.yaml", encoding: .utf8)
        let broken = try String(contentsOfFile: Self.root + "/shipments/invalid/unknown-key.yaml", encoding: .utf8)
        try await app().test(.router) { client in
            try await client.execute(uri: "/check", method: .post, body: ByteBuffer(string: broken)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("\"code\": \"unknown-key\""))
            }
            try await client.execute(uri: "/check", method: .post, body: ByteBuffer(string: "a: [1, 2")) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/check", method: .post, body: ByteBuffer(string: manifest)) { response in
                #expect(response.status == .ok)
                let report =
                    try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as! [String: Any]
                #expect(report["verdict"] as? String == "incomplete")
            }
            try await client.execute(uri: "/check?as_of=yesterday", method: .post, body: ByteBuffer(string: manifest)) {
                response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/check", method: .post,
                body: ByteBuffer(repeating: UInt8(ascii: "#"), count: ServerLimits.standard.maxBody + 1)
            ) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(String(buffer: response.body) == "ok")
            }
        }
    }

    @Test func corridorsAndRules() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/corridors", method: .get) { response in
                #expect(String(buffer: response.body).contains("\"id\": \"qtta-torugart\""))
            }
            try await client.execute(uri: "/rules/pk-halal-meat", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Halal certificate"))
            }
            try await client.execute(uri: "/rules/no-such-rule", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}

/// Errors as problems, request ids and the request log, the reference routes and compare.
@Suite struct ContractTests {
    func app(log: RequestLog = .none) -> some ApplicationProtocol {
        Application(responder: TransitAPI(workspace: APITests.workspace, log: log).responder)
    }
    static let oats = try! String(contentsOfFile: APITests.root + "/shipments/kz-pk-oats-qtta.yaml", encoding: .utf8)

    func object(_ r: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [String: Any])
    }

    @Test func unknownQueryParametersAreNamedAndGetIsNotAllowedOnCheck() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/check?formt=text", method: .post, body: ByteBuffer(string: Self.oats)) {
                r in
                #expect(r.status == .badRequest)
                #expect(r.headers[.contentType] == "application/problem+json")
                let p = try object(r)
                #expect(p["unknown_parameters"] as? [String] == ["formt"])
                #expect((p["detail"] as? String)?.contains("did you mean `format`?") == true)
            }
            try await client.execute(uri: "/check", method: .get) { r in
                #expect(r.status == .methodNotAllowed)
                #expect(r.headers[.allow] == "POST")
                let p = try object(r)
                #expect(p["status"] as? Int == 405)
            }
            try await client.execute(uri: "/nowhere", method: .get) { r in
                #expect(r.status == .notFound)
                let p = try object(r)
                #expect(p["type"] as? String == "/problems/not-found")
            }
            try await client.execute(
                uri: "/check?corridor=tap-rood", method: .post, body: ByteBuffer(string: Self.oats)
            ) { r in
                #expect(r.status == .badRequest)
                let p = try object(r)
                #expect((p["detail"] as? String)?.contains("did you mean `tap-road`?") == true)
            }
            try await client.execute(
                uri: "/check", method: .post, headers: [.contentType: "image/png"], body: ByteBuffer(string: Self.oats)
            ) { r in
                #expect(r.status == .unsupportedMediaType)
            }
        }
    }

    @Test func invalidUTF8IsTheCommandLinesErrorAtTheBadByte() async throws {
        try await app().test(.router) { client in
            var body = ByteBuffer(string: "manifest: 1\nid: ab")
            body.writeBytes([0xFF, 0xFE])
            body.writeString("cd\n")
            try await client.execute(uri: "/check", method: .post, body: body) { r in
                #expect(r.status == .unprocessableContent)
                let errors = try #require(try object(r)["errors"] as? [[String: Any]])
                #expect(errors.first?["line"] as? Int == 2)
                #expect(errors.first?["column"] as? Int == 7)
                #expect((errors.first?["message"] as? String)?.contains("UTF-8") == true)
            }
        }
    }

    @Test func everyResponseHasARequestIdAndEveryRequestALogLine() async throws {
        let lines = LockedLines()
        try await app(log: RequestLog { lines.append($0) }).test(.router) { client in
            try await client.execute(uri: "/health", method: .get, headers: [RequestID.header: "client-id-1"]) { r in
                #expect(r.headers[RequestID.header] == "client-id-1")
            }
            try await client.execute(
                uri: "/nowhere?x=\"", method: .get, headers: [RequestID.header: "bad id with spaces"]
            ) { r in
                let id = try #require(r.headers[RequestID.header])
                #expect(id.count == 16 && id != "bad id with spaces")
            }
        }
        let logged = lines.all
        #expect(logged.count == 2)
        // host ident authuser [date] "request" status bytes "id"
        let clf = try Regex(
            #"^\S+ - - \[\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "#
                + #""GET /health HTTP/1\.1" 200 2 "client-id-1"$"#)
        #expect(logged[0].wholeMatch(of: clf) != nil, "\(logged[0])")
        #expect(logged[1].contains("\"GET /nowhere?x=\\\" HTTP/1.1\" 404 "), "\(logged[1])")
    }

    @Test func placesDocumentsCorridorAndCompare() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/places", method: .get) { r in
                let places = try #require(
                    try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [[String: Any]])
                #expect(places.contains { $0["id"] as? String == "KZALA" && $0["country"] as? String == "KZ" })
            }
            try await client.execute(uri: "/documents", method: .get) { r in
                let docs = try #require(
                    try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [[String: Any]])
                #expect(
                    docs.contains {
                        $0["id"] as? String == "phytosanitary-certificate" && $0["unece"] as? String == "851"
                    })
            }
            try await client.execute(uri: "/corridors/tap-road?as_of=2026-01-01", method: .get) { r in
                let c = try object(r)
                let links = try #require(c["links"] as? [[String: Any]])
                #expect(links.contains { $0["status_as_of"] as? String == "closed" })
            }
            try await client.execute(uri: "/corridors/tap-road?chart=svg", method: .get) { r in
                #expect(r.headers[.contentType] == "image/svg+xml")
                #expect(String(buffer: r.body).hasPrefix("<svg"))
            }
            try await client.execute(uri: "/corridors/tap-road?chart=png", method: .get) { r in
                #expect(r.status == .badRequest)
            }
            try await client.execute(uri: "/compare?by=cost", method: .post, body: ByteBuffer(string: Self.oats)) { r in
                let c = try object(r)
                let corridors = try #require(c["corridors"] as? [[String: Any]])
                #expect(corridors.count >= 2)
                #expect(corridors.first?["rank"] as? Int == 1)
                #expect(corridors.contains { $0["corridor"] as? String == "qtta-torugart" })
            }
        }
    }
}

/// Log lines collected across threads.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ s: String) { lock.lock(); lines.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
