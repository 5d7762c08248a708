import Testing
@testable import TransitCore

@Suite struct ChecklistStatusTests {
    let phytoRule = Fixture.rule(
        "phyto-rule", when: Fixture.potatoes,
        require: [.document(DocumentRequirement(document: "phyto", per: .line, issuedBy: .origin))])

    func status(_ docs: [AttachedDocument], goods: [GoodsLine]? = nil) -> (DocumentStatus?, Report) {
        let r = Fixture.evaluator([phytoRule]).check(Fixture.shipment(goods: goods, documents: docs))
        return (r.checklist.first { $0.document == "phyto" }?.status, r)
    }

    @Test func present() {
        let (s, r) = status([Fixture.doc("phyto")])
        #expect(s == .present)
        #expect(r.verdict == .ready)
    }

    @Test func missing() {
        let (s, r) = status([])
        #expect(s == .missing)
        #expect(r.verdict == .incomplete)
        #expect(r.findings.first?.code == "document-missing")
        #expect(r.findings.first?.location?.line == 20)
    }

    @Test func expiredBeforeDeparture() {
        let (s, r) = status([Fixture.doc("phyto", issued: "2026-02-01", expires: "2026-03-01")])
        #expect(s == .expired)
        #expect(r.findings.first?.path == "documents[0].expires")
        #expect(r.findings.first?.location == SourceLocation(file: "t.yaml", line: 25, column: 14))
    }

    @Test func expiresBeforeTheImportCheckpoint() {
        // 480 km at 12-24 km/h plus a 10-30 h border: the truck reaches Karachi days after departure.
        let (s, _) = status([Fixture.doc("phyto", expires: "2026-03-10")])
        #expect(s == .expiresEnRoute)
    }

    @Test func wrongIssuer() {
        let (s, r) = status([Fixture.doc("phyto", "UZ")])
        #expect(s == .wrongIssuer)
        #expect(r.checklist[0].issuer == "plant-protection authority of KZ")
    }

    @Test func notCoveringEveryLine() {
        let goods = [
            GoodsLine(line: 1, hs: "070190", description: "Potatoes", netKg: 1, grossKg: 1, valueUSD: 1, origin: "KZ"),
            GoodsLine(
                line: 2, hs: "070110", description: "Seed potatoes", netKg: 1, grossKg: 1, valueUSD: 1, origin: "KZ"),
        ]
        let (s, r) = status([Fixture.doc("phyto", covers: [1])], goods: goods)
        #expect(s == .notCovering)
        #expect(r.checklist[0].lines == [1, 2])
    }

    @Test func linesOfDifferentOriginsNeedCertificatesFromEach() {
        let goods = [
            GoodsLine(line: 1, hs: "070190", description: "Potatoes", netKg: 1, grossKg: 1, valueUSD: 1, origin: "KZ"),
            GoodsLine(line: 2, hs: "070190", description: "Potatoes", netKg: 1, grossKg: 1, valueUSD: 1, origin: "UZ"),
        ]
        let (_, r) = status([Fixture.doc("phyto")], goods: goods)
        #expect(
            r.checklist.map(\.status) == [.present, .wrongIssuer], "the KZ certificate cannot serve the Uzbek line")
        #expect(r.checklist.map(\.lines) == [[1], [2]])
    }

    @Test func unknownWhenTheManifestDoesNotSayTheTemperature() {
        let cold = Fixture.rule(
            "cold-rule", when: .match(.computed(.goodsTemperature), .less(0, orEqual: false), nil),
            require: [.document(DocumentRequirement(document: "cold"))])
        let r = Fixture.evaluator([cold]).check(Fixture.shipment())
        #expect(r.checklist.first?.status == .unknown)
        #expect(r.checklist.first?.needs == ["goods[0].temperature_c"])
        #expect(r.verdict == .incomplete)
        let frozen = Fixture.evaluator([cold]).check(Fixture.shipment(temperature: -18))
        #expect(frozen.checklist.first?.status == .missing)
        let chilled = Fixture.evaluator([cold]).check(Fixture.shipment(temperature: 4))
        #expect(chilled.checklist.isEmpty)
    }

    /// A row keeps what it says in a box its copies share: changing a copy leaves the original
    /// as it was, and rows are equal (and hash alike) by what they say, not by their box.
    @Test func aChangedCopyOfARowLeavesTheOriginal() throws {
        let transit = Fixture.rule(
            "transit", at: [.export], countries: [], require: [.document(.init(document: "carnet"))])
        let row = try #require(Fixture.evaluator([transit]).check(Fixture.shipment()).checklist.first)
        var copy = row
        copy.issuer = "guarantor of KG"
        copy.lines = [9]
        #expect(row.issuer != copy.issuer && row.lines != [9] && copy.lines == [9])
        #expect(copy != row)
        copy.issuer = row.issuer
        copy.lines = row.lines
        #expect(copy == row && copy.hashValue == row.hashValue)
        let again = try #require(Fixture.evaluator([transit]).check(Fixture.shipment()).checklist.first)
        #expect(again == row && again.hashValue == row.hashValue)
    }

    @Test func oneOfNamesTheAlternativeThatSatisfiedIt() {
        let transit = Fixture.rule(
            "transit", at: [.export], countries: [],
            require: [
                .oneOf([
                    [DocumentRequirement(document: "carnet")],
                    [DocumentRequirement(document: "cold"), DocumentRequirement(document: "phyto")],
                ])
            ])
        let none = Fixture.evaluator([transit]).check(Fixture.shipment())
        #expect(none.checklist[0].status == .missing)
        #expect(none.checklist[0].alternatives == [["carnet"], ["cold", "phyto"]])
        let second = Fixture.evaluator([transit]).check(
            Fixture.shipment(documents: [Fixture.doc("cold"), Fixture.doc("phyto")]))
        #expect(second.checklist[0].status == .present)
        #expect(second.checklist[0].satisfiedBy == ["cold", "phyto"])
    }

    @Test func requirementsMergeIntoOneRowWithEveryCheckpointAndRule() {
        let a = Fixture.rule(
            "a", at: [.export], countries: ["KZ"], require: [.document(DocumentRequirement(document: "carnet"))])
        let b = Fixture.rule(
            "b", at: [.import], countries: ["PK"], require: [.document(DocumentRequirement(document: "carnet"))])
        let r = Fixture.evaluator([a, b]).check(Fixture.shipment())
        #expect(r.checklist.count == 1)
        #expect(r.checklist[0].neededAt.map(\.checkpoint) == [.export, .import])
        #expect(r.checklist[0].rules.map(\.id) == ["a", "b"])
    }

    @Test func warningRulesDoNotStopAReadyShipment() {
        let w = Fixture.rule("w", require: [.document(DocumentRequirement(document: "carnet"))], severity: .warning)
        let r = Fixture.evaluator([w]).check(Fixture.shipment())
        #expect(r.checklist[0].status == .missing)
        #expect(r.verdict == .ready)
    }
}

@Suite struct VerdictTests {
    @Test func prohibitionBlocks() {
        let p = Fixture.rule("no-potatoes", when: Fixture.potatoes, prohibit: "no potatoes")
        let r = Fixture.evaluator([p]).check(Fixture.shipment())
        #expect(r.verdict == .blocked)
        #expect(r.findings.contains { $0.code == "prohibited" && $0.rule == "no-potatoes" })
    }

    @Test func aRegimeNotEveryCountryIsPartyToBlocks() {
        let tir = Agreement(
            id: "tir", name: "TIR",
            parties: [
                Membership(country: "KZ", period: DayRange(), source: "t"),
                Membership(country: "PK", period: DayRange(from: Day(iso: "2016-01-21")), source: "t"),
            ],
            source: "t")
        let before = Fixture.evaluator([], agreements: [tir]).check(
            Fixture.shipment(regime: "tir", departure: Day(iso: "2015-06-01")!))
        #expect(before.verdict == .blocked)
        #expect(before.findings.first?.code == "regime-not-accepted")
        #expect(before.findings.first?.message.contains("PK") == true)
        let after = Fixture.evaluator([], agreements: [tir]).check(Fixture.shipment(regime: "tir"))
        #expect(after.verdict == .ready)
    }

    @Test func aLinkClosedOnTheDayBlocksAndReopensAfter() {
        let closure = [
            StatusPeriod(
                status: .closed, period: DayRange(from: Day(iso: "2026-03-01"), until: Day(iso: "2026-03-31")),
                source: "closure")
        ]
        let e = Fixture.evaluator([], network: Fixture.network(linkHistory: closure))
        let r = e.check(Fixture.shipment())
        #expect(r.verdict == .blocked)
        #expect(r.findings.first?.code == "link-closed")
        #expect(r.findings.first?.location?.file == "net.yaml")
        #expect(e.check(Fixture.shipment(departure: Day(iso: "2026-04-02")!)).verdict == .ready)
        #expect(e.check(Fixture.shipment(), options: CheckOptions(asOf: Day(iso: "2026-04-02"))).verdict == .ready)
    }

    @Test func rulesApplyOnlyWithinTheirEffectiveDates() {
        let future = Fixture.rule(
            "future", require: [.document(DocumentRequirement(document: "carnet"))],
            effective: DayRange(from: Day(iso: "2027-01-01")))
        let e = Fixture.evaluator([future])
        #expect(e.check(Fixture.shipment()).checklist.isEmpty)
        #expect(e.check(Fixture.shipment(), options: CheckOptions(asOf: Day(iso: "2027-02-01"))).checklist.count == 1)
    }

    @Test func sameInputSameReport() {
        let e = Fixture.evaluator([Fixture.rule("x", require: [.document(DocumentRequirement(document: "phyto"))])])
        #expect(e.check(Fixture.shipment()) == e.check(Fixture.shipment()))
        #expect(Fixture.evaluator([]).check(Fixture.shipment()) == Fixture.evaluator([]).check(Fixture.shipment()))
    }
}

@Suite struct DocumentDateTests {
    @Test func aDocumentDatedAfterDepartureIsFlagged() {
        let rule = Fixture.rule("r", require: [.document(DocumentRequirement(document: "phyto"))])
        let r = Fixture.evaluator([rule]).check(
            Fixture.shipment(documents: [Fixture.doc("phyto", issued: "2026-03-12")]))
        let f = r.findings.first { $0.code == "document-issued-after-departure" }
        #expect(f?.path == "documents[0].issued")
        #expect(f?.severity == .warning)
        #expect(Fixture.evaluator([rule]).check(Fixture.shipment(documents: [Fixture.doc("phyto")])).findings.isEmpty)
    }
}

@Suite struct SupersessionTests {
    @Test func aSupersededRuleEndsTheDayBeforeItsSuccessorStarts() {
        let old = Fixture.rule("old"), gone = Fixture.rule("gone")
        var successor = Fixture.rule("new", effective: DayRange(from: Day(iso: "2027-01-01")))
        successor.supersedes = ["old"]
        var immediate = Fixture.rule("now")
        immediate.supersedes = ["gone", "nothing-by-this-name"]
        let pack = RulePack(
            id: "p", title: "p", status: .inForce, effective: DayRange(), source: "t",
            rules: [old, gone, successor, immediate], file: "p.yaml")
        let r = Supersession.apply(to: [pack])
        let ids = r.packs[0].rules.map(\.id)
        #expect(ids == ["old", "new", "now"])
        #expect(r.packs[0].rules[0].effective.until == Day(iso: "2026-12-31"))
        #expect(r.superseded == ["old", "gone", "nothing-by-this-name"])
        #expect(r.diagnostics.map(\.code) == ["unknown-rule"])
    }
}
