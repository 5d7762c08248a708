import Foundation
import Testing
import TransitCore
@testable import TransitEngine
import TransitYAML

/// What a broker relies on from the bundled rules and network: seasonal closures, one border
/// control at the EAEU's external border, one transit row per document.
@Suite struct TradeAsItIsTests {
    func load(_ file: String) throws -> Shipment {
        try Checkout.workspace.loadShipment(Checkout.root + "/" + file).get()
    }

    @Test func potatoesReachingKhunjerabInMarchAreBlockedWithTheReopeningDate() throws {
        var s = try load("shipments/pk-kz-potatoes-qtta.yaml")
        s.departure = Day(iso: "2026-03-10")!
        let r = Checkout.workspace.evaluator.check(s)
        #expect(r.verdict == .blocked)
        let closure = try #require(r.findings.first { $0.code == "link-closed" })
        #expect(closure.message.contains("Khunjerab"))
        #expect(closure.message.contains("reopens on 2026-04-01"))
        s.departure = Day(iso: "2026-05-12")!
        #expect(!Checkout.workspace.evaluator.check(s).findings.contains { $0.code == "link-closed" })
    }

    @Test func withoutACorridorAWinterShipmentAvoidsTheClosedPassAndSaysWhy() throws {
        var s = try load("shipments/pk-kz-potatoes-qtta.yaml")
        s.corridor = nil
        s.departure = Day(iso: "2027-01-12")!
        let ranked = Checkout.workspace.evaluator.compare(s)
        let first = try #require(ranked.first)
        #expect(!first.report.findings.contains { $0.code == "link-closed" && $0.message.contains("Khunjerab") })
        let chosen = Checkout.workspace.evaluator.check(s)
        let note = try #require(chosen.findings.first { $0.code == "corridor-chosen" })
        #expect(note.message.contains("qtta-torugart (blocked: link-closed)"))
    }

    @Test func theEAEUPlantInspectionIsChargedOnceAtTheExternalBorder() throws {
        let r = Checkout.workspace.evaluator.check(try load("shipments/pk-kz-potatoes-qtta.yaml"))
        let inspections = r.estimate.steps.filter { $0.name.hasPrefix("phytosanitary inspection at the EAEU border") }
        #expect(inspections.count == 1)
        #expect(inspections.first?.place == "KGTRG", "Torugart, where the goods enter the EAEU; not again at Almaty")
        let phyto = try #require(r.checklist.first { $0.document == "phytosanitary-certificate" })
        #expect(
            !phyto.neededAt.contains { $0.country == "KZ" },
            "checked where the goods enter the Union, not again inside it")
    }

    @Test func aDocumentEachTransitCountryIssuesIsOneRowListingEveryCheckpoint() throws {
        let r = Checkout.workspace.evaluator.check(try load("shipments/kz-pk-flaxseed-tap-rail.yaml"))
        let rows = r.checklist.filter { $0.rules.contains { $0.id == "rail-transit-document" } }
        #expect(rows.count == 1)
        #expect(rows.first?.neededAt.map(\.country) == ["UZ", "TM", "AF"])
    }

    @Test func aDocumentIssuedAfterTheCheckpointThatNeedsItDoesNotCount() throws {
        var s = try load("shipments/pk-kz-potatoes-qtta.yaml")
        let i = try #require(s.documents.firstIndex { $0.type == "export-declaration" })
        s.documents[i].issued = s.departure.adding(days: 3)
        let r = Checkout.workspace.evaluator.check(s)
        #expect(r.checklist.first { $0.document == "export-declaration" }?.status == .missing)
        #expect(
            r.findings.contains { $0.code == "document-issued-after-departure" && $0.path == "documents[\(i)].issued" })
    }

    @Test func aConsigneeOutsideTheDestinationCountryIsWarnedAtItsLine() throws {
        var s = try load("shipments/pk-kz-potatoes-qtta.yaml")
        s.consignee.country = "UZ"
        let f = try #require(
            Checkout.workspace.evaluator.check(s).findings.first { $0.code == "consignee-outside-destination" })
        #expect(f.location?.line == 5)
        #expect(f.severity == .warning)
    }

    @Test func aManifestWhoseDestinationIsItsOriginIsAnErrorAtTheDestination() throws {
        var text = try String(contentsOfFile: Checkout.root + "/shipments/pk-kz-potatoes-qtta.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "destination: KZALA", with: "destination: PKLHE")
        guard case .failure(let f) = Checkout.decode(text, file: "same.yaml") else {
            Issue.record("a manifest going nowhere loads"); return
        }
        #expect(f.diagnostics.first?.code == "same-origin-destination")
        #expect(f.diagnostics.first?.location?.line == 7)
        #expect(f.diagnostics.first?.location?.column == 1)
    }
}

/// Pakistan's 66 % shelf-life condition, read from a goods line's `produced` and `best_before`.
@Suite struct ShelfLifeTests {
    let file = Checkout.root + "/shipments/kz-pk-beef-qtta.yaml"

    func decode(_ text: String) -> Result<Shipment, LoadFailure> { Checkout.decode(text, file: "beef.yaml") }

    @Test func bothDatesAreReadByBothDecoders() throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let fast = try decode(text).get()
        #expect(fast.goods[0].produced == Day(iso: "2026-09-15"))
        #expect(fast.goods[0].bestBefore == Day(iso: "2027-09-14"))
        // The tree decoder (what a manifest with any problem goes through) reads the same.
        let node = try YAMLReader.parse(text, file: "beef.yaml", limits: Files.manifestLimits).get()
        #expect(
            try ManifestDecoder.decode(node, file: "beef.yaml", vocabulary: Checkout.workspace.vocabulary).get() == fast
        )
    }

    @Test func bestBeforeBeforeProducedIsAnErrorAtItsLine() throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: "best_before: 2027-09-14", with: "best_before: 2026-09-01")
        guard case .failure(let f) = decode(text) else { Issue.record("accepted"); return }
        let d = try #require(f.diagnostics.first)
        #expect(d.code == "out-of-range")
        #expect(d.message.contains("goods[0].best_before (2026-09-01) is before produced (2026-09-15)"))
        #expect(
            d.location?.line
                == text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("best_before:") }.map { $0 + 1 })
    }

    @Test func tooLittleShelfLeftBlocksAndMissingDatesAreNamed() throws {
        var s = try decode(try String(contentsOfFile: file, encoding: .utf8)).get()
        let e = Checkout.workspace.evaluator
        #expect(!e.check(s).findings.contains { $0.rule == "pk-food-shelf-life" })
        s.goods[0].produced = Day(iso: "2026-03-01")
        s.goods[0].bestBefore = Day(iso: "2027-03-01")
        let old = e.check(s)
        #expect(old.verdict == .blocked)
        #expect(old.findings.contains { $0.code == "prohibited" && $0.rule == "pk-food-shelf-life" })
        s.goods[0].produced = nil
        s.goods[0].bestBefore = nil
        let undecided = try #require(e.check(s).findings.first { $0.rule == "pk-food-shelf-life" })
        #expect(undecided.code == "prohibition-unknown")
        #expect(undecided.message.contains("goods[0].produced, goods[0].best_before"))
    }
}

/// Bounded work on any input: a huge value is rejected without a did-you-mean search over it.
@Suite struct HugeValueTests {
    @Test func aMegabyteOriginIsRejectedQuickly() throws {
        let text = try String(contentsOfFile: Checkout.root + "/shipments/pk-kz-potatoes-qtta.yaml", encoding: .utf8)
            .replacingOccurrences(
                of: "    origin: PK\n", with: "    origin: " + String(repeating: "Q", count: 1 << 20) + "\n")
        var bytes = Array(text.utf8)
        let clock = ContinuousClock()
        var result: Result<Shipment, LoadFailure>?
        let elapsed = clock.measure {
            result = ManifestDecoder.decode(
                bytes: &bytes, file: "big.yaml", vocabulary: Checkout.workspace.vocabulary,
                limits: YAMLLimits(maxBytes: 2 << 20, maxDepth: 64))
        }
        guard case .failure(let f)? = result else { Issue.record("a 1 MiB country code was accepted"); return }
        #expect(f.diagnostics.first?.code == "bad-country")
        #expect(f.diagnostics.first?.help == nil)
        #expect(elapsed < .seconds(10), "took \(elapsed); it took a minute before the bound")
    }
}

/// The trip and the wait for documents apart: a 90-day registration is not part of the trip.
@Suite struct TripAndDocumentWaitTests {
    @Test func theTripExcludesTheDocumentWaitAndEachMissingDocumentHasALatestDay() throws {
        let s = try Checkout.workspace.loadShipment(Checkout.root + "/shipments/pk-kz-medicines-qtta.yaml").get()
        let r = Checkout.workspace.evaluator.check(s)
        let e = r.estimate
        #expect(e.delayFromMissingDocumentsHours.p50 > 24 * 60, "the marketing authorisation takes months")
        #expect(e.timeHours.p50 < 24 * 30, "the trip itself is days, not months: \(e.timeHours.p50) h")
        let ready = try #require(e.readyToDispatch)
        #expect(ready.p50 == s.departure.adding(days: Int((e.delayFromMissingDocumentsHours.p50 / 24).rounded(.up))))
        #expect(ready.p90 >= ready.p50)
        let toObtain = r.checklist.filter(\.isToObtain)
        #expect(!toObtain.isEmpty)
        for row in toObtain {
            #expect(
                row.applyBy == s.departure.adding(days: -Int((row.leadTimeHours.p90 / 24).rounded(.up))),
                "\(row.document)")
        }
        #expect(r.checklist.filter { !$0.isToObtain }.allSatisfy { $0.applyBy == nil })
    }

    @Test func aReadyShipmentHasNoDispatchDateToWaitFor() throws {
        let s = try Checkout.workspace.loadShipment(Checkout.root + "/shipments/pk-kz-potatoes-qtta.yaml").get()
        #expect(Checkout.workspace.evaluator.check(s).estimate.readyToDispatch == nil)
    }
}
