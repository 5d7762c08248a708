import Foundation
import Testing
import TransitCore
import TransitReports
@testable import TransitEngine
import TransitYAML

/// Inputs that used to hang, be half-read or forge output.
@Suite struct HardToBreakTests {
    func decode(_ text: String) -> Result<Shipment, LoadFailure> { Checkout.decode(text) }

    @Test func aSecondDocumentIsAnErrorAtItsStartWhetherItParsesOrNot() throws {
        let manifest = try String(contentsOfFile: Checkout.root + "/shipments/kz-pk-oats-qtta.yaml", encoding: .utf8)
        let lines = manifest.split(separator: "\n", omittingEmptySubsequences: false).count
        for second in ["---\nid: another\n", "---\nfoo: [\n"] {
            guard case .failure(let f) = decode(manifest + second) else {
                Issue.record("a second document was ignored"); continue
            }
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
        guard case .failure(let f) = Checkout.workspace.loadShipment(path) else {
            Issue.record("a FIFO loaded"); return
        }
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

/// Figures outside their physical range are load errors at their line, not traps in evaluation.
@Suite struct FigureRangeTests {
    func node(_ text: String) throws -> YAMLNode { try YAMLReader.parse(text, file: "f.yaml", limits: .standard).get() }

    @Test func aCenturyOfValidityAtMost() throws {
        let text = """
            documents:
              - { id: x, name: X, issuer: exporter, validity_days: 9223372036854775807, lead_time_hours: { p50: 1, \
            p90: 2 }, cost_usd: 0, how_to_obtain: y, source: z }
            """
        let r = CatalogueDecoder.decode(try node(text), file: "f.yaml")
        let d = try #require(r.diagnostics.first { $0.code == "out-of-range" })
        #expect(d.location?.line == 2)
    }

    @Test func hoursKilometresAndWeightsOverTheirRangeAreRejected() throws {
        let text = """
            links:
              - { from: A, to: B, mode: road, km: 1e38, source: s }
              - { from: B, to: C, mode: road, km: 10, hours: { p50: 1e38, p90: 1e39 }, source: s }
            """
        let r = NetworkDecoder.decode(try node(text), file: "f.yaml")
        let lines = r.diagnostics.filter { $0.code == "out-of-range" }.compactMap { $0.location?.line }
        #expect(lines.contains(2) && lines.contains(3))
        let manifest = try String(contentsOfFile: Checkout.root + "/shipments/kz-pk-oats-qtta.yaml", encoding: .utf8)
            .replacingOccurrences(of: "gross_kg: 21300", with: "gross_kg: 1e300")
        guard case .failure(let f) = Checkout.decode(manifest) else {
            Issue.record("a 1e300 kg line loaded"); return
        }
        #expect(f.diagnostics.contains { $0.code == "out-of-range" && $0.message.contains("gross_kg") })
    }
}

/// A directory given as a symbolic link is searched like the directory itself.
@Suite struct BatchInputLinkTests {
    @Test func aSymlinkToADirectoryIsSearched() throws {
        let link = NSTemporaryDirectory() + "shipments-link-\(getpid())"
        unlink(link)
        #expect(symlink(Checkout.root + "/shipments", link) == 0)
        defer { unlink(link) }
        let found = BatchInputs.expand([link])
        #expect(
            found.count == Checkout.files(in: "shipments").count
                + (try FileManager.default.contentsOfDirectory(atPath: Checkout.root + "/shipments/invalid").filter {
                    $0.hasSuffix(".yaml")
                }.count))
        #expect(found.allSatisfy { $0.hasPrefix(link + "/") })
        #expect(found.contains(link + "/kz-pk-oats-qtta.yaml"))
    }
}
