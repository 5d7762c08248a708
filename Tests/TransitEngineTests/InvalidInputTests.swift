import Foundation
import Testing
import TransitCore
@testable import TransitEngine

/// Each broken manifest in shipments/invalid gets exit status 2 and an error at the marked place.
@Suite struct InvalidInputTests {
    @Test(arguments: Checkout.files(in: "shipments/invalid"))
    func brokenManifest(_ file: String) throws {
        let text = try String(contentsOfFile: Checkout.root + "/" + file, encoding: .utf8)
        let outcome = Checkout.workspace.check(file: file.hasPrefix("/") ? file : Checkout.root + "/" + file)
        guard case .invalid(_, let diagnostics) = outcome else { Issue.record("\(file) was accepted"); return }
        #expect(outcome.exitStatus == 2)
        #expect(diagnostics.allSatisfy { $0.location?.file.hasSuffix(file) == true }, "every error names the file")
        for m in Marker.all(in: text) {
            #expect(
                diagnostics.contains {
                    $0.code == m.code && $0.location?.line == m.line && $0.location?.column == m.column
                },
                """
                \(file): expected \(m.code) at \(m.line):\(m.column), \
                got \(diagnostics.map { "\($0.code)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" })
                """
            )
        }
    }

    @Test func bombsAndDepthAreStoppedWithAPosition() {
        for (file, code) in [("alias-bomb", "yaml-alias-bomb"), ("deep-nesting", "yaml-too-deep")] {
            guard
                case .invalid(_, let ds) = Checkout.workspace.check(
                    file: Checkout.root + "/shipments/invalid/\(file).yaml")
            else {
                Issue.record("\(file) accepted"); continue
            }
            #expect(ds.first?.code == code)
            #expect((ds.first?.location?.line ?? 0) >= 2)
        }
    }

    @Test func misspeltKeysGetADidYouMean() {
        guard
            case .invalid(_, let ds) = Checkout.workspace.check(
                file: Checkout.root + "/shipments/invalid/unknown-key.yaml")
        else { return }
        #expect(ds.contains { $0.code == "unknown-key" && $0.help == "did you mean `consignee`?" })
        guard
            case .invalid(_, let ds2) = Checkout.workspace.check(
                file: Checkout.root + "/shipments/invalid/unknown-document.yaml")
        else { return }
        #expect(ds2.contains { $0.help == "did you mean `phytosanitary-certificate`?" })
    }

    @Test func aMissingFileIsAnErrorNotACrash() {
        let outcome = Checkout.workspace.check(file: "/nonexistent/manifest.yaml")
        #expect(outcome.exitStatus == 2)
    }
}
