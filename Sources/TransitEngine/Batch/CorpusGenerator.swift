import TransitCore

/// Writes realistic manifests across the bundled corridors and trade flows, for benchmarks and
/// load tests: seeded, so the same seed gives the same corpus. Some documents are dropped or
/// expire early on purpose, so the corpus has every verdict in it.
public struct CorpusGenerator: Sendable {
    struct Flow {
        var name: String
        var hs: String
        var description: String
        var exporter: String  // country
        var origins: [String]
        var destinations: [String]
        var corridors: [String]
        var documents: [String]
        var tonnes: ClosedRange<Double>
        var usdPerTonne: Double
        var temperature: Int?
    }

    static let flows: [Flow] = [
        Flow(
            name: "potatoes", hs: "0701.90", description: "Table potatoes", exporter: "PK", origins: ["PKLHE"],
            destinations: ["KZALA"],
            corridors: ["qtta-torugart", "tap-road"], documents: ["phytosanitary-certificate"], tonnes: 18...24,
            usdPerTonne: 400, temperature: 4),
        Flow(
            name: "citrus", hs: "0805.21", description: "Kinnow mandarins", exporter: "PK", origins: ["PKLHE"],
            destinations: ["KZALA"],
            corridors: ["qtta-torugart", "tap-road"], documents: ["phytosanitary-certificate"], tonnes: 18...23,
            usdPerTonne: 700, temperature: 5),
        Flow(
            name: "medicines", hs: "3004.90", description: "Packaged medicaments", exporter: "PK",
            origins: ["PKKHI", "PKLHE"], destinations: ["KZALA"],
            corridors: ["qtta-torugart"], documents: ["marketing-authorisation"], tonnes: 2...6, usdPerTonne: 25000,
            temperature: 20),
        Flow(
            name: "knitwear", hs: "6110.20", description: "Cotton knitwear", exporter: "PK",
            origins: ["PKLHE", "PKKHI"], destinations: ["KZALA"],
            corridors: ["qtta-torugart", "tap-road"], documents: ["certificate-of-conformity"], tonnes: 3...8,
            usdPerTonne: 12000, temperature: nil),
        Flow(
            name: "wheat", hs: "1001.99", description: "Milling wheat", exporter: "KZ", origins: ["KZALA"],
            destinations: ["PKKHI", "PKLHE"],
            corridors: ["tap-road", "qtta-torugart", "tap-rail"],
            documents: ["phytosanitary-certificate", "import-permit"], tonnes: 20...24, usdPerTonne: 250,
            temperature: nil),
        Flow(
            name: "oats", hs: "1004.90", description: "Oats", exporter: "KZ", origins: ["KZALA"],
            destinations: ["PKLHE"],
            corridors: ["qtta-torugart", "tap-road"], documents: ["phytosanitary-certificate", "import-permit"],
            tonnes: 20...22, usdPerTonne: 280, temperature: nil),
        Flow(
            name: "flax", hs: "1204.00", description: "Flax seed", exporter: "KZ", origins: ["KZALA"],
            destinations: ["PKKHI"],
            corridors: ["tap-rail", "tap-road"], documents: ["phytosanitary-certificate", "import-permit"],
            tonnes: 20...64, usdPerTonne: 550, temperature: nil),
        Flow(
            name: "legumes", hs: "0713.40", description: "Dried lentils", exporter: "KZ", origins: ["KZALA"],
            destinations: ["PKKHI"],
            corridors: ["qtta-torugart", "tap-road"], documents: ["phytosanitary-certificate", "import-permit"],
            tonnes: 20...23, usdPerTonne: 600, temperature: nil),
        Flow(
            name: "beef", hs: "0202.30", description: "Frozen boneless beef", exporter: "KZ", origins: ["KZALA"],
            destinations: ["PKKHI"],
            corridors: ["qtta-torugart"],
            documents: ["veterinary-certificate", "veterinary-import-permit", "halal-certificate"], tonnes: 18...21,
            usdPerTonne: 4800, temperature: -18),
    ]

    public let seed: UInt64
    /// Share of manifests written broken (bad date, unknown key, malformed YAML).
    public let brokenShare: Double

    public init(seed: UInt64 = 1, brokenShare: Double = 0) { self.seed = seed; self.brokenShare = brokenShare }

    /// The `index`-th manifest of the corpus, as YAML text.
    public func manifest(_ index: Int) -> String {
        var rng = SplitMix64(seed: seed &* 0x9E3779B97F4A7C15 &+ UInt64(index))
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        func unit() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        let flow = pick(Self.flows)
        let corridor = pick(flow.corridors)
        let rail = corridor == "tap-rail"
        let departure = Day(iso: "2025-03-01")!.adding(days: Int(unit() * 640))
        let tonnes = flow.tonnes.lowerBound + unit() * (flow.tonnes.upperBound - flow.tonnes.lowerBound)
        let net = (tonnes * 1000).rounded()
        let importer = flow.exporter == "PK" ? "KZ" : "PK"
        let regime = rail ? "national" : "tir"
        func date(_ offset: Int) -> String { departure.adding(days: offset).description }
        var docs: [(String, String, String, String?)] = [  // type, issuer country, issued, expires
            ("commercial-invoice", flow.exporter, date(-7), nil),
            ("packing-list", flow.exporter, date(-7), nil),
            ("export-declaration", flow.exporter, date(-1), nil),
            (rail ? "smgs-waybill" : "cmr-consignment-note", flow.exporter, date(0), nil),
            ("certificate-of-origin", flow.exporter, date(-5), nil),
        ]
        if !rail { docs.append(("tir-carnet", flow.exporter, date(-4), date(120))) }
        if corridor == "qtta-torugart" { docs.append(("road-transit-permit", flow.exporter, date(-60), date(300))) }
        for d in flow.documents {
            switch d {
            case "phytosanitary-certificate", "veterinary-certificate":
                docs.append((d, flow.exporter, date(-2), date(unit() < 0.15 ? 3 : 45)))
            case "import-permit", "veterinary-import-permit", "marketing-authorisation", "certificate-of-conformity":
                docs.append((d, importer, date(-40), date(365)))
            default:
                docs.append((d, flow.exporter, date(-3), date(90)))
            }
        }
        docs = docs.filter { _ in unit() >= 0.06 }
        var text = """
            # Generated by transit-check corpus (seed \(seed), manifest \(index)): \(flow.name) by \(corridor).
            manifest: 1
            id: GEN-\(seed)-\(index)
            shipper:   { name: \(flow.exporter == "PK" ? "Lahore Traders (Pvt) Ltd" : "Steppe Export LLP"), country: \
            \(flow.exporter) }
            consignee: { name: \(importer == "PK" ? "Karachi Importers (Pvt) Ltd" : "Almaty Distribution LLP"), \
            country: \(importer) }
            origin: \(pick(flow.origins))
            destination: \(pick(flow.destinations))
            corridor: \(corridor)
            mode: \(rail ? "rail" : "road")
            regime: \(regime)
            departure: \(departure)
            transport: { units: 1, unit: \
            \(rail ? "wagon" : "truck")\(flow.temperature.map { ", container: 40RF, temperature_c: \($0)" } ?? "") }
            goods:
              - line: 1
                hs: "\(flow.hs)"
                description: \(flow.description)
                net_kg: \(Int(net))
                gross_kg: \(Int(net * 1.02))
                value_usd: \(Int(tonnes * flow.usdPerTonne))
                origin: \(flow.exporter)
                packaging: { kind: \(unit() < 0.5 ? "bags" : "cartons"), wood: \(unit() < 0.2 ? "true" : "false") }
                dangerous: null
            documents:

            """
        for (i, d) in docs.enumerated() {
            text +=
                "  - type: \(d.0)\n    number: \(d.0.prefix(3).uppercased())-\(seed)-\(index)-\(i)\n    issued: "
                + "\(d.2)\n    issuer: { country: \(d.1) }\n"
            if let e = d.3 { text += "    expires: \(e)\n" }
        }
        if unit() < brokenShare {
            switch rng.next() % 3 {
            case 0:
                text = text.replacingOccurrences(
                    of: "departure: \(departure)", with: "departure: \(departure.components.year)-02-30")
            case 1: text = text.replacingOccurrences(of: "consignee:", with: "consigne:")
            default: text = text.replacingOccurrences(of: "goods:\n", with: "goods: [\n")
            }
        }
        return text
    }
}
