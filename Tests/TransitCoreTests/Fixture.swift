@testable import TransitCore

/// A two-country world small enough to reason about by hand: Almaty (KZ) to Karachi (PK) over
/// one road link with a border, a catalogue of three documents, and rules that exercise each
/// checklist status and verdict.
enum Fixture {
    static let at = SourceLocation(file: "fixture.yaml", line: 1, column: 1)

    static func network(linkHistory: [StatusPeriod] = []) -> Network {
        Network(
            places: [
                Place(id: "KZALA", name: "Almaty", country: "KZ", kind: .city),
                Place(id: "PKKHI", name: "Karachi", country: "PK", kind: .port),
            ],
            links: [
                Link(
                    from: "KZALA", to: "PKKHI", mode: .road, km: 480, history: linkHistory,
                    border: BorderCrossing(
                        hours: P5090(p50: 10, p90: 30), feesUSD: P5090(p50: 100, p90: 200), source: "test"),
                    source: "test", location: SourceLocation(file: "net.yaml", line: 3, column: 5))
            ],
            tariffs: [
                Tariff(
                    mode: .road, country: nil, usdPerTonneKm: P5090(p50: 0.1, p90: 0.12),
                    speedKmh: P5090(p50: 24, p90: 12), source: "test")
            ],
            transshipment: [:],
            corridors: [
                Corridor(id: "c1", name: "Test", via: ["KZALA", "PKKHI"], mode: .road, description: "", source: "test")
            ])
    }

    static let documents = DocumentCatalogue([
        DocumentType(
            id: "phyto", name: "Phyto", unece: "851", issuer: "plant-protection", validityDays: nil,
            leadTimeHours: P5090(p50: 48, p90: 120), costUSD: 30, howToObtain: "NPPO", source: "test"),
        DocumentType(
            id: "cold", name: "Cold chain", unece: nil, issuer: "carrier", validityDays: 10,
            leadTimeHours: P5090(p50: 4, p90: 8), costUSD: 0, howToObtain: "carrier", source: "test"),
        DocumentType(
            id: "carnet", name: "Carnet", unece: "952", issuer: "guarantor", validityDays: nil,
            leadTimeHours: P5090(p50: 24, p90: 72), costUSD: 150, howToObtain: "association", source: "test"),
    ])

    static func rule(
        _ id: String, at: [CheckpointKind] = [.import], countries: [String] = ["PK"], when: Condition? = nil,
        require: [Requirement] = [], prohibit: String? = nil, severity: Severity = .error,
        effective: DayRange = DayRange()
    ) -> Rule {
        Rule(
            id: id, title: id, kind: .phytosanitary, at: at, countries: countries, when: when, requirements: require,
            prohibit: prohibit, severity: severity, source: "test source", effective: effective, pack: "p",
            location: at_)
    }
    static let at_ = SourceLocation(file: "pack.yaml", line: 7, column: 5)

    static let potatoes = Condition.match(FieldPath(rawValue: "goods.hs")!, .prefix(["0701"]), nil)

    static func evaluator(_ rules: [Rule], agreements: [Agreement] = [], network: Network = network()) -> Evaluator {
        let pack = RulePack(
            id: "p", title: "p", status: .inForce, effective: DayRange(), source: "test", rules: rules,
            file: "pack.yaml")
        return Evaluator(rules: RuleSet(packs: [pack], documents: documents, agreements: agreements), network: network)
    }

    static func shipment(
        goods: [GoodsLine]? = nil, documents: [AttachedDocument] = [], regime: String = "none",
        departure: Day = Day(iso: "2026-03-10")!, temperature: Double? = nil
    ) -> Shipment {
        Shipment(
            id: "T-1", file: "t.yaml", shipper: Party(name: "S", country: "KZ"),
            consignee: Party(name: "C", country: "PK"),
            origin: "KZALA", destination: "PKKHI", corridor: "c1", mode: .road, regime: regime, departure: departure,
            transport: Transport(units: 1, unit: "truck", temperatureC: temperature),
            goods: goods ?? [
                GoodsLine(
                    line: 1, hs: "070190", description: "Potatoes", netKg: 20000, grossKg: 20500, valueUSD: 8000,
                    origin: "KZ")
            ],
            documents: documents, fieldLocations: ["documents": SourceLocation(file: "t.yaml", line: 20, column: 1)])
    }

    static func doc(
        _ type: String, _ country: String = "KZ", issued: String = "2026-03-08", expires: String? = nil,
        covers: [Int]? = nil
    ) -> AttachedDocument {
        var d = AttachedDocument(
            type: type, issued: Day(iso: issued)!, issuerCountry: country, covers: covers,
            expires: expires.flatMap { Day(iso: $0) }, location: SourceLocation(file: "t.yaml", line: 22, column: 5))
        d.expiresLocation = SourceLocation(file: "t.yaml", line: 25, column: 14)
        return d
    }
}

/// Tests name finding codes as they appear in reports ("link-closed"); a code that does not
/// exist stops the test at once.
extension FindingCode: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let code = FindingCode(rawValue: value) else { preconditionFailure("no finding code `\(value)`") }
        self = code
    }
}
