import Testing
@testable import TransitCore

@Suite struct DocumentsToObtainTests {
    @Test func aDocumentNeededFromTwoIssuersCountsOnceForTheManifest() {
        let rule = Fixture.rule(
            "phyto-rule", when: Fixture.potatoes,
            require: [.document(DocumentRequirement(document: "phyto", per: .line, issuedBy: .origin))])
        let goods = [
            GoodsLine(
                line: 1, hs: "070190", description: "potatoes", netKg: 10, grossKg: 11, valueUSD: 1, origin: "KZ"),
            GoodsLine(
                line: 2, hs: "070190", description: "potatoes", netKg: 10, grossKg: 11, valueUSD: 1, origin: "UZ"),
        ]
        let r = Fixture.evaluator([rule]).check(Fixture.shipment(goods: goods))
        #expect(r.checklist.filter { $0.document == "phyto" }.count == 2, "one row per issuer country")
        #expect(r.documentsToObtain.map(\.document) == ["phyto"])
    }

    @Test func undecidedAndWarningRowsAreNotToObtain() {
        let warn = Fixture.rule("w", require: [.document(DocumentRequirement(document: "phyto"))], severity: .warning)
        let r = Fixture.evaluator([warn]).check(Fixture.shipment())
        #expect(r.checklist.first?.status == .missing)
        #expect(r.documentsToObtain.isEmpty)
    }
}
