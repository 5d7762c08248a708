import Foundation
import Testing
import TransitCore
import TransitReports
@testable import TransitEngine

/// A copy of the bundled checkout (rules and shipments) with one extra pack, so fixtures can be
/// checked against the real catalogue and network.
func checkoutWith(pack: String) throws -> (root: String, rules: String, packPath: String) {
    let root = NSTemporaryDirectory() + "tc-\(getpid())-\(UUID().uuidString)"
    let fm = FileManager.default
    try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
    try fm.copyItem(atPath: Checkout.root + "/rules", toPath: root + "/rules")
    try fm.copyItem(atPath: Checkout.root + "/shipments", toPath: root + "/shipments")
    try fm.createDirectory(atPath: root + "/rules/fixture", withIntermediateDirectories: true)
    let dest = root + "/rules/fixture/" + (pack as NSString).lastPathComponent
    try fm.copyItem(atPath: pack, toPath: dest)
    return (root, root + "/rules", dest)
}

@Suite struct LintTests {
    @Test func bundledRulesAreClean() {
        let r = Policy.lint(rulesDirectory: Checkout.root + "/rules")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { DiagnosticText.render($0) })")
        #expect(r.assumptions > 0 && r.assumptions < r.sources)
    }

    static let fixtures =
        ((try? FileManager.default.contentsOfDirectory(atPath: Checkout.root + "/Tests/Fixtures/lint")) ?? []).sorted()

    @Test(arguments: fixtures)
    func plantedErrorIsReportedWhereItIs(_ name: String) throws {
        let source = Checkout.root + "/Tests/Fixtures/lint/" + name
        let (root, rules, _) = try checkoutWith(pack: source)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Policy.lint(rulesDirectory: rules)
        let markers = Marker.all(in: try String(contentsOfFile: source, encoding: .utf8))
        #expect(!markers.isEmpty)
        for m in markers {
            #expect(
                result.diagnostics.contains {
                    $0.code == m.code && $0.location?.file == "rules/fixture/\(name)" && $0.location?.line == m.line
                        && $0.location?.column == m.column
                },
                """
                \(name): expected \(m.code) at \(m.line):\(m.column); \
                got \(result.diagnostics.map { DiagnosticText.render($0) })
                """
            )
        }
    }

    @Test func lintRendersJSONAndSARIF() throws {
        let d = Diagnostic(
            "unknown-path", "unknown field path `x`", at: SourceLocation(file: "rules/a.yaml", line: 3, column: 7),
            help: "did you mean `y`?")
        let json = try JSONSerialization.jsonObject(with: Data(PolicyReports.lintJSON([d]).utf8)) as! [[String: Any]]
        #expect(json[0]["line"] as? Int == 3)
        let sarif = try JSONSerialization.jsonObject(with: Data(PolicyReports.lintSARIF([d]).utf8)) as! [String: Any]
        #expect(sarif["version"] as? String == "2.1.0")
        #expect(
            DiagnosticText.render(d)
                == "rules/a.yaml:3:7: error: unknown field path `x` [unknown-path]\n  help: did you mean `y`?")
    }
}

@Suite struct RulesTestTests {
    @Test func bundledExamplesAndTestsPass() {
        let results = Policy.test(Checkout.workspace)
        #expect(results.count == Checkout.workspace.examples.count + Checkout.workspace.tests.count)
        #expect(Checkout.workspace.tests.count >= 4)
        #expect(results.filter { !$0.passed }.map(\.example.name) == [])
    }

    @Test func aWrongExampleFailsWithTheDifferenceAndItsLocation() throws {
        let (root, rules, _) = try checkoutWith(pack: Checkout.root + "/Tests/Fixtures/rules-test/wrong-example.yaml")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let w = try Workspace.load(rulesDirectory: rules).get()
        let failed = Policy.test(w).filter { !$0.passed }
        #expect(failed.count == 1)
        let f = try #require(failed.first)
        #expect(f.example.rule == "fixture-wrong-example")
        #expect(f.example.location.file == "rules/fixture/wrong-example.yaml")
        #expect(f.failures.contains("verdict: expected incomplete, got ready"))
        #expect(
            f.failures.contains {
                $0.hasPrefix("expected commercial-invoice to be missing or unsatisfied; checklist: [")
                    && $0.contains("commercial-invoice=present")
            })
    }
}

@Suite struct ExplainTests {
    @Test func rowsNameTheRuleTheConditionAndTheManifestLine() throws {
        let w = Checkout.workspace
        let s = try w.loadShipment(
            Checkout.root + "/shipments/kz-pk-oats-qtta.yaml", display: "shipments/kz-pk-oats-qtta.yaml"
        ).get()
        let r = w.evaluator.check(s)
        let e = w.evaluator.explain(s, r)
        let i = try #require(r.checklist.firstIndex { $0.document == "phytosanitary-certificate" })
        let why = try #require(e[i].first { $0.rule == "pk-phyto-certificate" })
        #expect(why.rule == "pk-phyto-certificate")
        #expect(why.checkpoint.checkpoint == .import && why.checkpoint.country == "PK")
        let m = try #require(why.matched.first)
        #expect(m.field == "goods[0].hs")
        #expect(m.value == "100490")
        #expect(m.condition.hasPrefix("starts with"))
        let text = try String(contentsOfFile: Checkout.root + "/shipments/kz-pk-oats-qtta.yaml", encoding: .utf8)
        let goodsLine =
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("- line: 1") }! + 1
        #expect(m.location?.line == goodsLine)
        let json = JSONReport.render(r, explanations: e)
        #expect(json.contains("\"explain\": ["))
    }

    @Test func ruleInPlainWords() throws {
        let w = Checkout.workspace
        let words = ConditionWords.rule(try #require(w.ruleSet.rule(id: "pk-halal-meat")), w.ruleSet.documents)
        #expect(
            words.contains("requires: Halal certificate (halal-certificate), issued in the goods' country of origin"))
        #expect(words.contains("source: Import Policy Order amendment of 19 Feb 2019"))
    }
}

@Suite struct DraftImpactTests {
    static let draft = Checkout.root + "/rules/drafts/kz-pk-transit-agreement.yaml"

    @Test func theDraftIsLoadedOnlyWhenNamed() throws {
        #expect(Checkout.workspace.ruleSet.rule(id: "kzpk-plant-import-permit") == nil)
        let w = try Workspace.load(rulesDirectory: Checkout.root + "/rules", drafts: [Self.draft]).get()
        #expect(w.ruleSet.rule(id: "kzpk-plant-import-permit") != nil)
        #expect(w.ruleSet.rule(id: "pk-plant-import-permit") == nil, "superseded at once: the draft has no start date")
    }

    /// What a reader of the draft predicts: Kazakh plant and meat shipments into Pakistan lose the
    /// DPP and AQD permits; the lentils, held up only by the DPP permit, become ready.
    @Test func diffOnTheBundledShipmentsMatchesTheDraft() throws {
        let before = Checkout.workspace
        let after = try Workspace.load(rulesDirectory: Checkout.root + "/rules", drafts: [Self.draft]).get()
        let files = Checkout.files(in: "shipments").map { Checkout.root + "/" + $0 }
        let r = ImpactReport.compare(
            before: Policy.check(before, files, options: CheckOptions()).map(\.report),
            after: Policy.check(after, files, options: CheckOptions()).map(\.report),
            drafts: ["draft"], supersededBy: after.supersededBy)
        #expect(r.checked == files.count)
        // Affected: exactly the shipments whose in-force checklist asks for one of the two permits.
        let permits = ["import-permit", "veterinary-import-permit"]
        let expected = Set(
            Policy.check(before, files, options: CheckOptions()).compactMap(\.report)
                .filter { $0.checklist.contains { permits.contains($0.document) } }.map(\.shipmentID))
        // README states these figures: "16 of 24 shipments affected", the lentils 120 hours sooner.
        #expect(expected.count == 16)
        #expect(files.count == 24)
        #expect(Set(r.impacts.map(\.id)) == expected)
        #expect(
            r.impacts.allSatisfy { i in
                i.added.isEmpty && i.removed.count == 1 && permits.contains { i.removed[0].hasPrefix($0 + " (") }
            })
        #expect(r.documentsRemoved == expected.count && r.documentsAdded == 0)
        #expect(r.verdictChanges.map { "\($0.from.rawValue)>\($0.to.rawValue):\($0.count)" } == ["incomplete>ready:1"])
        let lentils = try #require(r.impacts.first { $0.id == "KZ-PK-2026-0713" })
        #expect(lentils.rules == ["kzpk-plant-import-permit", "pk-plant-import-permit"])
        #expect(lentils.costDelta.p50 == -50)
        #expect(lentils.timeDelta.p50.rounded() == -120)
        #expect(PolicyReports.diffText(r, markdown: true).contains("| KZ-PK-2026-0713 (`"))
    }

    @Test func aDatedSupersessionKeepsTheOldRuleUntilTheNewOneStarts() throws {
        let text = try String(contentsOfFile: Self.draft, encoding: .utf8)
            .replacingOccurrences(of: "status: draft\n", with: "status: draft\neffective: { from: 2027-01-01 }\n")
        let dated = NSTemporaryDirectory() + "dated-draft-\(getpid()).yaml"
        try text.write(toFile: dated, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: dated) }
        let w = try Workspace.load(rulesDirectory: Checkout.root + "/rules", drafts: [dated]).get()
        let s = try w.loadShipment(Checkout.root + "/shipments/kz-pk-lentils-qtta.yaml").get()
        #expect(w.evaluator.check(s).verdict == .incomplete, "2026: the permit is still required")
        #expect(
            w.evaluator.check(s, options: CheckOptions(asOf: Day(iso: "2027-02-01"))).checklist.allSatisfy {
                $0.document != "import-permit"
            })
    }

    @Test func coverageCountsFiringsAndNeverFired() {
        let w = Checkout.workspace
        let outcomes = Policy.check(
            w, Checkout.files(in: "shipments").map { Checkout.root + "/" + $0 }, options: CheckOptions())
        let rows = Policy.coverage(w, outcomes)
        #expect(rows.count == w.ruleSet.rules.count)
        #expect(rows.first { $0.rule.id == "doc-commercial-invoice" }?.shipments == outcomes.count)
        #expect(rows.first { $0.rule.id == "pk-no-pork" }?.shipments == 0)
        #expect(rows.first { $0.rule.id == "pk-halal-meat" }?.shipments == 1)
    }
}

/// Issue 18: what `rules diff` tells an analyst.
@Suite struct DraftImpactBreakdownTests {
    static let draft = Checkout.root + "/rules/drafts/kz-pk-transit-agreement.yaml"

    func diff(asOf: Day? = nil) throws -> ImpactReport {
        let after = try Workspace.load(rulesDirectory: Checkout.root + "/rules", drafts: [Self.draft]).get()
        let files = Checkout.files(in: "shipments").map { Checkout.root + "/" + $0 }
        let options = CheckOptions(asOf: asOf)
        return ImpactReport.compare(
            before: Policy.check(Checkout.workspace, files, options: options).map(\.report),
            after: Policy.check(after, files, options: options).map(\.report),
            drafts: ["draft"], supersededBy: after.supersededBy)
    }

    /// A permit the manifest already holds still counts as compliance cost avoided.
    @Test func avoidedCostCountsDocumentsAlreadyHeld() throws {
        let r = try diff()
        let oats = try #require(r.impacts.first { $0.id == "KZ-PK-2026-1004" })
        let permit = try #require(oats.avoided.first { $0.document == "import-permit" })
        #expect(permit.held, "the oats manifest holds its DPP permit")
        #expect(permit.costUSD > 0 && oats.avoidedCostUSD == permit.costUSD)
        #expect(oats.costDelta.p50 == 0, "the estimate does not change for a held document")
        #expect(r.documentsAvoided.count == r.impacts.count && r.documentsAvoided.held >= 1)
        #expect(r.avoidedCostUSD == r.impacts.reduce(0) { $0 + $1.avoidedCostUSD })
    }

    @Test func impactIsBrokenDownByCorridorChapterAndOrigin() throws {
        let r = try diff()
        let byCorridor = r.breakdown("corridor")
        #expect(byCorridor.reduce(0) { $0 + $1.affected } == r.impacts.count)
        #expect(byCorridor.allSatisfy { $0.checked >= $0.affected })
        let chapters = Set(r.breakdown("hs_chapter").map(\.key))
        #expect(chapters.isSuperset(of: ["10", "12", "07", "02"]), "\(chapters)")
        let origins = r.breakdown("origin_country")
        #expect(origins.map(\.key) == ["KZ"])
        let lentilsQTTA = try #require(byCorridor.first { $0.key == "qtta-torugart" })
        #expect(lentilsQTTA.better == 1)
        #expect(r.shipmentDays == r.timeDelta.p50 / 24)
        #expect(r.medianDays <= 0)
        let text = PolicyReports.diffText(r, markdown: false)
        #expect(text.contains("shipment-days") && text.contains("By HS chapter:") && text.contains("already held"))
        let csv = PolicyReports.diffCSV(r).split(separator: "\n")
        #expect(csv.count == r.impacts.count + 1 && csv[0].hasPrefix("file,id,corridor,hs_chapters,origin_country"))
        let json = try JSONSerialization.jsonObject(with: Data(PolicyReports.diffJSON(r).utf8)) as! [String: Any]
        #expect((json["breakdown"] as? [String: Any])?["corridor"] != nil)
    }

    @Test func theDefaultAsOfIsTheDraftsStartWhenItIsInTheFuture() {
        let today = Day(iso: "2026-03-10")!
        #expect(
            ImpactReport.defaultAsOf(draftStarts: [Day(iso: "2027-01-01")!], today: today) == Day(iso: "2027-01-01"))
        #expect(ImpactReport.defaultAsOf(draftStarts: [Day(iso: "2026-01-01")!], today: today) == nil)
        #expect(ImpactReport.defaultAsOf(draftStarts: [], today: today) == nil)
    }
}
