import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TransitEngine
import TransitYAML
@testable import TransitServer

/// The page at `/`: the form, the YAML it writes, the answer rendered on the server, errors
/// beside their lines, the printable checklist; nothing loaded from elsewhere.
@Suite struct WebPageTests {
    func app() -> some ApplicationProtocol {
        Application(responder: TransitAPI(workspace: APITests.workspace).responder)
    }

    /// The oats shipment as the form would be filled in (three of its documents).
    static let oatsForm: [(String, String)] = [
        ("action", "check-form"), ("id", "KZ-PK-2026-1004"), ("shipper_name", "Kostanay Grain Company LLP"),
        ("shipper_country", "KZ"),
        ("consignee_name", "Lahore Feed Mills (Pvt) Ltd"), ("consignee_country", "PK"), ("origin", "KZALA"),
        ("destination", "PKLHE"),
        ("corridor", "qtta-torugart"), ("mode", "road"), ("regime", "tir"), ("departure", "2026-06-01"), ("units", "1"),
        ("unit", "truck"),
        ("g0_hs", "1004.90"), ("g0_description", "Oats, other than seed"), ("g0_net_kg", "21000"),
        ("g0_gross_kg", "21300"),
        ("g0_value_usd", "5900"), ("g0_origin", "KZ"), ("g0_packaging", "big bags"),
        ("d0_type", "commercial-invoice"), ("d0_number", "KGC-2026-1004"), ("d0_issued", "2026-05-25"),
        ("d0_issuer", "KZ"),
        ("d1_type", "tir-carnet"), ("d1_number", "KZ-TIR-88112345"), ("d1_issued", "2026-05-29"),
        ("d1_expires", "2026-09-30"), ("d1_issuer", "KZ"),
        ("d2_type", "phytosanitary-certificate"), ("d2_number", "KZ-PC-2026-40551"), ("d2_issued", "2026-05-28"),
        ("d2_issuer", "KZ"), ("d2_covers", "1"),
    ]

    static func encode(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._")
        return ByteBuffer(
            string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(
                separator: "&"))
    }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func theEmptyPageHasTheFormAndLoadsNothingFromElsewhere() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { r in
                let page = String(buffer: r.body)
                #expect(r.headers[.contentType] == "text/html; charset=utf-8")
                #expect(page.contains("<form method=\"post\" action=\"/\""))
                #expect(page.contains("<option value=\"KZALA\">Almaty"))
                #expect(page.contains("name=\"viewport\""))
                #expect(!page.contains("src=\"http") && !page.contains("href=\"http") && !page.contains("<script"))
            }
        }
    }

    @Test func theFormWritesAManifestTheCheckerReads() throws {
        var state = FormState()
        for (k, v) in Self.oatsForm { state.values[k] = v }
        state.values["g0_description"] = "Oats: \"naked\", #1"
        let shipment = try ManifestDecoder.decode(state.yaml, file: "form", vocabulary: APITests.workspace.vocabulary)
            .get()
        #expect(shipment.id == "KZ-PK-2026-1004")
        #expect(shipment.goods.first?.description == "Oats: \"naked\", #1")
        #expect(shipment.goods.first?.hs == "100490")
        #expect(shipment.documents.count == 3)
        #expect(shipment.documents[2].covers == [1])
    }

    @Test func theAnswerIsOnThePage() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: Self.form, body: Self.encode(Self.oatsForm)) {
                r in
                let page = String(buffer: r.body)
                #expect(r.status == .ok)
                #expect(page.contains("id=\"verdict\">Incomplete"))
                #expect(page.contains("To do before dispatch"))
                // The to-do list holds a missing document, dated.
                let todo = try #require(
                    page.range(of: "id=todo>").map { page[$0.upperBound...] }?.components(separatedBy: "</table>").first
                )
                #expect(todo.contains("<b>Plant import permit</b>"))
                #expect(todo.contains(#/<td data-h="Apply by"><b>\d{4}-\d{2}-\d{2}</b>/#))
                #expect(page.contains("The trip, dispatch to delivery"))
                #expect(page.contains("Waiting for documents first"))
                #expect(page.contains("Ready to dispatch by"))
                #expect(page.contains("Every corridor for this shipment"))
                #expect(page.contains("data:image/svg+xml;base64,"))
                #expect(page.contains("action=\"/print\""))
            }
        }
    }

    @Test func aBrokenManifestShowsEachErrorBesideItsLine() async throws {
        let broken = try String(contentsOfFile: APITests.root + "/shipments/invalid/unknown-key.yaml", encoding: .utf8)
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/", method: .post, headers: Self.form,
                body: Self.encode([("action", "check-text"), ("manifest_text", broken)])
            ) { r in
                let page = String(buffer: r.body)
                let failure = try #require(
                    ManifestDecoder.decode(broken, file: "x", vocabulary: APITests.workspace.vocabulary).failure)
                let line = try #require(failure.diagnostics.first?.location?.line)
                #expect(page.contains("The manifest has"))
                #expect(page.contains("<tr class=bad><td class=n>\(line)</td>"))
                #expect(page.contains("id=\"error-\(line)\">line \(line), column"))
            }
            // Multipart with a file, as a browser uploads one.
            var multipart = ByteBuffer(
                string: "--XyZ\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\ncheck-text\r\n")
            multipart.writeString(
                "--XyZ\r\nContent-Disposition: form-data; name=\"manifest_file\"; filename=\"m.yaml\"\r\nContent-Type: "
                    + "application/yaml\r\n\r\n\(broken)\r\n--XyZ--\r\n"
            )
            try await client.execute(
                uri: "/", method: .post, headers: [.contentType: "multipart/form-data; boundary=XyZ"], body: multipart
            ) { r in
                #expect(String(buffer: r.body).contains("<tr class=bad>"))
            }
        }
    }

    @Test func buttonsAddRowsShowTheYAMLAndPrint() async throws {
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/", method: .post, headers: Self.form,
                body: Self.encode([("action", "add-goods"), ("goods_rows", "2")])
            ) { r in
                #expect(String(buffer: r.body).contains("name=\"g2_hs\""))
            }
            try await client.execute(
                uri: "/", method: .post, headers: Self.form,
                body: Self.encode(Self.oatsForm.map { $0.0 == "action" ? ($0.0, "yaml") : $0 })
            ) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("The manifest the form writes"))
                #expect(page.contains("hs: &quot;1004.90&quot;"))
            }
            let oats = try String(contentsOfFile: APITests.root + "/shipments/kz-pk-oats-qtta.yaml", encoding: .utf8)
            try await client.execute(
                uri: "/print", method: .post, headers: Self.form, body: Self.encode([("manifest", oats)])
            ) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("KZ-PK-2026-1004 checklist"))
                #expect(page.contains("&#9744;"))
            }
        }
    }

    @Test func formDataParsesEscapesAndParts() throws {
        let f = FormData.urlencoded(Array("a=1+2%3D3&b=%ZZ&c".utf8))
        #expect(f["a"] == "1 2=3")
        #expect(f["b"] == "%ZZ")
        #expect(f["c"] == "")
        let m = try FormData.multipart(
            Array("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nline1\r\nline2\r\n--b--\r\n".utf8),
            boundary: "b")
        #expect(m["x"] == "line1\r\nline2")
    }
}

extension Result {
    var failure: Failure? { if case .failure(let f) = self { return f }; return nil }
}
