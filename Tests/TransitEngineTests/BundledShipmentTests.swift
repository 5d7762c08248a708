import Foundation
import Testing
import TransitCore
import TransitReports
@testable import TransitEngine

/// The verdict each bundled shipment was written to show. A change here is a change in what the
/// product tells a broker, so it must be deliberate.
let expectedVerdicts: [String: Verdict] = [
    "shipments/pk-kz-potatoes-qtta.yaml": .ready,  // in April, once the Khunjerab pass has reopened
    "shipments/kz-pk-wheat-tap-road-2025.yaml": .ready,
    "shipments/pk-kz-medicines-qtta.yaml": .incomplete,
    "shipments/kz-pk-oats-qtta.yaml": .incomplete,
    "shipments/kz-pk-beef-qtta.yaml": .incomplete,
    "shipments/kz-pk-lentils-qtta.yaml": .incomplete,
    "shipments/pk-kz-citrus-tap-road.yaml": .blocked,
    "shipments/kz-pk-flaxseed-tap-rail.yaml": .blocked,
    "shipments/kz-pk-flaxseed-instc-bandar-abbas.yaml": .ready,
    "shipments/kz-pk-flaxseed-middle-corridor.yaml": .ready,
    "shipments/kz-pk-crude-oil-instc-bandar-abbas.yaml": .incomplete,
    "shipments/kz-pk-oats-cpec-khunjerab.yaml": .incomplete,
    "shipments/pk-kz-knitwear-qtta.yaml": .incomplete,
    "shipments/kz-pk-lentils-instc-chabahar.yaml": .blocked,
    "shipments/kz-pk-wheat-uap.yaml": .blocked,
    "shipments/kz-pk-cheese-qtta.yaml": .incomplete,  // no halal certificate: Pakistan asks it of all food
    "shipments/kz-pk-chocolate-oil-flour-instc.yaml": .incomplete,  // the halal certificate does not cover the flour
    "shipments/pk-kz-footwear-linen-qtta.yaml": .incomplete,  // EAEU conformity does not cover the footwear
    "shipments/kz-pk-wheat-2022-export-quota.yaml": .incomplete,  // no share of Kazakhstan's 2022 wheat export quota
    "shipments/kz-pk-flaxseed-shymkent-instc-sarakhs.yaml": .ready,  // from Shymkent by rail over Sarakhs
    "shipments/kz-pk-flaxseed-kostanay-taftan-rail.yaml": .ready,  // from Kostanay wholly by rail over Taftan
    "shipments/pk-kz-knitwear-sialkot-qtta-irkeshtam.yaml": .incomplete,  // no EAEU conformity; over Irkeshtam
    "shipments/kz-pk-oats-astana-cpec-dostyk.yaml": .incomplete,  // no QTTA permit for the Kashgar truck
    "shipments/kz-pk-wheat-uap-road-2025.yaml": .ready,  // by road over Termez and Torkham in May 2025
]

@Suite struct BundledShipmentTests {
    @Test func everyBundledShipmentHasAnExpectedVerdict() {
        #expect(Set(Checkout.files(in: "shipments")) == Set(expectedVerdicts.keys))
    }

    @Test(arguments: expectedVerdicts.keys.sorted())
    func verdict(_ file: String) throws {
        let outcome = Checkout.workspace.check(file: Checkout.root + "/" + file)
        guard case .report(let report) = outcome else { Issue.record("\(file) does not load"); return }
        #expect(report.verdict == expectedVerdicts[file])
        #expect(outcome.exitStatus == (report.verdict == .ready ? 0 : 1))
    }

    /// Golden JSON: the SPEC 4 report of each bundled shipment, byte for byte. Regenerate with
    /// UPDATE_GOLDEN=1 swift test after a deliberate change, and read the diff.
    @Test(arguments: expectedVerdicts.keys.sorted())
    func goldenJSON(_ file: String) throws {
        let w = Checkout.workspace
        guard case .success(let s) = w.loadShipment(Checkout.root + "/" + file, display: file) else {
            Issue.record("\(file) does not load"); return
        }
        let json = JSONReport.render(w.evaluator.check(s)) + "\n"
        let again = JSONReport.render(w.evaluator.check(s)) + "\n"
        #expect(json == again, "the same input must give byte-identical JSON")
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let golden = Checkout.root + "/Tests/TransitEngineTests/Golden/\(name).json"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (golden as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try json.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(
            json == expected,
            """
            report differs from \(golden) (UPDATE_GOLDEN=1 to accept):\n\
            \(LineDiff.describe(expected: expected, actual: json))
            """
        )
    }

    @Test func reportsFollowTheSpecShape() throws {
        let w = Checkout.workspace
        guard
            case .success(let s) = w.loadShipment(
                Checkout.root + "/shipments/kz-pk-oats-qtta.yaml", display: "shipments/kz-pk-oats-qtta.yaml")
        else { Issue.record("no report"); return }
        let r = w.evaluator.check(s)
        let text = try String(contentsOfFile: Checkout.root + "/shipments/kz-pk-oats-qtta.yaml", encoding: .utf8)
        let expiresLine =
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.contains("expires: 2026-06-04")
            }! + 1
        let object = try JSONSerialization.jsonObject(with: Data(JSONReport.render(r).utf8)) as! [String: Any]
        #expect(
            Set(object.keys) == [
                "report", "shipment", "corridor", "as_of", "verdict", "checklist", "findings", "estimate",
            ])
        let estimate = object["estimate"] as! [String: Any]
        for key in ["cost_usd", "time_hours", "delay_from_missing_documents_hours"] {
            let q = estimate[key] as! [String: Double]
            #expect(q["p90"]! >= q["p50"]!, "\(key) p90 must not be below p50")
        }
        let phyto = (object["checklist"] as! [[String: Any]]).first {
            $0["document"] as? String == "phytosanitary-certificate"
        }!
        #expect(phyto["status"] as? String == "expires-en-route")
        #expect(phyto["unece"] as? String == "851")
        let finding = (object["findings"] as! [[String: Any]]).first {
            $0["code"] as? String == "document-expires-en-route"
        }!
        #expect(finding["path"] as? String == "documents[3].expires")
        #expect(finding["file"] as? String == "shipments/kz-pk-oats-qtta.yaml")
        #expect(finding["line"] as? Int == expiresLine)
    }

    /// Every corridor the product knows has at least one bundled shipment on it.
    @Test func everyCorridorHasABundledShipment() throws {
        let w = Checkout.workspace
        var used = Set<String>()
        for file in expectedVerdicts.keys {
            if case .success(let s) = w.loadShipment(Checkout.root + "/" + file), let c = s.corridor { used.insert(c) }
        }
        #expect(Set(w.network.corridors.keys) == used)
        #expect(
            Set(w.network.corridors.keys).isSuperset(of: [
                "tap-road", "tap-rail", "uap", "instc-bandar-abbas", "instc-chabahar",
                "cpec-khunjerab", "qtta-torugart", "middle-corridor",
            ]))
    }

    /// Every corridor joins Almaty and Karachi, both ways.
    @Test func everyCorridorJoinsAlmatyAndKarachiBothWays() throws {
        let w = Checkout.workspace
        let s = try w.loadShipment(Checkout.root + "/shipments/kz-pk-wheat-tap-road-2025.yaml").get()
        for id in w.network.corridors.keys.sorted() {
            for (o, d) in [("KZALA", "PKKHI"), ("PKKHI", "KZALA")] {
                var t = s
                t.origin = o; t.destination = d; t.corridor = id; t.mode = .multimodal
                let r = w.evaluator.check(t)
                #expect(
                    !r.findings.contains { ["corridor-gap", "not-on-corridor", "unknown-corridor"].contains($0.code) },
                    "\(id) \(o)→\(d)")
                #expect(r.estimate.timeHours.p50 > 24, "\(id) \(o)→\(d) has a journey")
            }
        }
    }

    @Test func closedBorderBlocksTheCitrusWithTheReason() throws {
        let r = try #require(
            Checkout.workspace.check(file: Checkout.root + "/shipments/pk-kz-citrus-tap-road.yaml").report)
        let closure = r.findings.first { $0.code == "link-closed" }
        #expect(closure != nil)
        #expect(closure?.message.contains("Chaman") == true)
        #expect(closure?.location?.file == "rules/network/tap.yaml")
    }

    @Test func plannedRailwayBlocksTheFlaxSeed() throws {
        let r = try #require(
            Checkout.workspace.check(file: Checkout.root + "/shipments/kz-pk-flaxseed-tap-rail.yaml").report)
        #expect(r.findings.filter { $0.code == "link-planned" }.count == 4)
        #expect(
            r.estimate.steps.contains { $0.kind == .transshipment && $0.place == "PKCMN" },
            "gauge change 1520/1676 at Chaman")
    }
}

@Suite struct CorridorChoiceTests {
    @Test func withoutACorridorTheBestOpenOneIsChosenAndSaid() throws {
        let w = Checkout.workspace
        var s = try w.loadShipment(Checkout.root + "/shipments/pk-kz-potatoes-qtta.yaml").get()
        s.corridor = nil
        let r = w.evaluator.check(s)
        // In April both Kyrgyz crossings are open; the road over Irkeshtam and Osh is the faster.
        #expect(r.corridor == "qtta-irkeshtam")
        #expect(r.verdict == .ready)
        #expect(r.findings.first?.code == "corridor-chosen")
    }

    @Test func compareRanksByVerdictThenTime() throws {
        let w = Checkout.workspace
        let s = try w.loadShipment(Checkout.root + "/shipments/kz-pk-oats-qtta.yaml").get()
        let ranked = w.evaluator.compare(s)
        #expect(ranked.count == w.network.corridors.count)
        #expect(
            zip(ranked, ranked.dropFirst()).allSatisfy { a, b in
                a.report.verdict < b.report.verdict
                    || (a.report.verdict == b.report.verdict
                        && a.report.estimate.timeHours.p50 <= b.report.estimate.timeHours.p50)
            })
        #expect(ranked.last?.report.verdict == .blocked)
        let byCost = w.evaluator.compare(s, byCost: true)
        #expect(byCost.first?.report.verdict == ranked.first?.report.verdict)
    }
}
