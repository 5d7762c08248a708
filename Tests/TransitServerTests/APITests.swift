import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TransitEngine
@testable import TransitServer

/// The HTTP API driven in-process, without a port.
@Suite struct APITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let workspace = try! Workspace.load(rulesDirectory: root + "/rules").get()

    func app() -> some ApplicationProtocol { Application(router: TransitAPI.router(workspace: Self.workspace)) }

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
                let report = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as! [String: Any]
                #expect(report["verdict"] as? String == "incomplete")
            }
            try await client.execute(uri: "/check?as_of=yesterday", method: .post, body: ByteBuffer(string: manifest)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/check", method: .post, body: ByteBuffer(repeating: UInt8(ascii: "#"), count: TransitAPI.maxBody + 1)) { response in
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
