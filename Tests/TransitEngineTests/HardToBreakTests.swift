import Foundation
import Testing
import TransitCore
import TransitReports
@testable import TransitEngine
import TransitYAML

/// Inputs that used to hang, be half-read or forge output.
@Suite struct HardToBreakTests {
    func decode(_ text: String) -> Result<Shipment, LoadFailure> {
        var bytes = Array(text.utf8)
        return ManifestDecoder.decode(bytes: &bytes, file: "m.yaml", vocabulary: Checkout.workspace.vocabulary)
    }

    @Test func aSecondDocumentIsAnErrorAtItsStartWhetherItParsesOrNot() throws {
        let manifest = try String(contentsOfFile: Checkout.root + "/shipments/kz-pk-oats-qtta.yaml", encoding: .utf8)
        let lines = manifest.split(separator: "\n", omittingEmptySubsequences: false).count
        for second in ["---\nid: another\n", "---\nfoo: [\n"] {
            guard case .failure(let f) = decode(manifest + second) else { Issue.record("a second document was ignored"); continue }
            let d = try #require(f.diagnostics.first)
            #expect(d.code == "yaml-multiple-documents")
            #expect(d.location?.line == lines)
        }
        #expect((try? decode(manifest).get()) != nil)
    }

    @Test func aFIFONamedLikeAManifestIsAnErrorNotAHang() throws {
        let path = NSTemporaryDirectory() + "fifo-\(getpid()).yaml"
        unlink(path)
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        // Without a writer, opening the FIFO for reading would block for ever.
        guard case .failure(let f) = Checkout.workspace.loadShipment(path) else { Issue.record("a FIFO loaded"); return }
        #expect(f.diagnostics.first?.code == "unreadable")
        #expect(f.diagnostics.first?.message == "not a regular file")
    }

    @Test func controlCharactersInAValueAreEscapedInDiagnostics() throws {
        let manifest = try String(contentsOfFile: Checkout.root + "/shipments/kz-pk-oats-qtta.yaml", encoding: .utf8)
            .replacingOccurrences(of: "destination: PKLHE", with: "destination: \"PK\\nerror: forged \\u001B[31m\"")
        guard case .failure(let f) = decode(manifest) else { Issue.record("accepted"); return }
        let text = DiagnosticText.render(f.diagnostics)
        #expect(!text.contains("\nerror: forged"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("PK\\nerror: forged \\u{1B}[31m"))
    }
}
