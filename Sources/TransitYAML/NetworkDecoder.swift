import TransitCore

/// The parts of a network file; several files are merged into one `Network`.
public struct NetworkParts: Sendable {
    public var places: [Place] = []
    public var links: [Link] = []
    public var tariffs: [Tariff] = []
    public var transshipment: [TransshipmentReason: TransshipmentCost] = [:]
    public var corridors: [Corridor] = []
    public init() {}

    /// Adds another file's parts; for a transshipment reason both give, the first file's cost stands.
    public mutating func merge(_ o: NetworkParts) {
        places += o.places; links += o.links; tariffs += o.tariffs; corridors += o.corridors
        transshipment.merge(o.transshipment) { a, _ in a }
    }
}

/// Reads network files (`rules/network/*.yaml`, SPEC 2.3).
public enum NetworkDecoder {
    /// The parts of the network in a file, and the problems found reading it.
    public static func decode(_ root: YAMLNode, file: String) -> (parts: NetworkParts, diagnostics: [Diagnostic]) {
        let s = Schema(file: file)
        var parts = NetworkParts()
        guard
            let f = s.fields(
                root, "network file", allowed: ["places", "links", "tariffs", "transshipment", "corridors"])
        else {
            return (parts, s.diagnostics.all)
        }
        for (i, n) in (s.sequence(f["places"], "places") ?? []).enumerated() {
            if let p = place(n, i, s) { parts.places.append(p) }
        }
        for (i, n) in (s.sequence(f["links"], "links") ?? []).enumerated() {
            if let l = link(n, i, s) { parts.links.append(l) }
        }
        for (i, n) in (s.sequence(f["tariffs"], "tariffs") ?? []).enumerated() {
            if let t = tariff(n, i, s) { parts.tariffs.append(t) }
        }
        if let t = f["transshipment"], let tf = s.fields(t, "transshipment", allowed: ["gauge-change", "mode-change"]) {
            for reason in [TransshipmentReason.gaugeChange, .modeChange] {
                guard let n = tf[reason.rawValue] else { continue }
                let what = "transshipment.\(reason.rawValue)"
                guard
                    let c = s.fields(
                        n, what, allowed: ["hours", "usd_per_unit", "source"],
                        required: ["hours", "usd_per_unit", "source"]),
                    let h = s.p5090(c["hours"], "\(what).hours"),
                    let u = s.p5090(c["usd_per_unit"], "\(what).usd_per_unit")
                else { continue }
                parts.transshipment[reason] = TransshipmentCost(hours: h, usdPerUnit: u, source: s.source(c, what))
            }
        }
        for (i, n) in (s.sequence(f["corridors"], "corridors") ?? []).enumerated() {
            if let c = corridor(n, i, s) { parts.corridors.append(c) }
        }
        return (parts, s.diagnostics.all)
    }

    private static func place(_ n: YAMLNode, _ i: Int, _ s: Schema) -> Place? {
        let what = "places[\(i)]"
        guard
            let f = s.fields(
                n, what, allowed: ["id", "name", "country", "kind", "locode", "source"],
                required: ["id", "name", "country", "kind"]),
            let id = s.string(f["id"], "\(what).id"), let name = s.string(f["name"], "\(what).name"),
            let country = s.country(f["country"], "\(what).country"),
            let kind = s.choice(f["kind"], "\(what).kind", PlaceKind.self)
        else { return nil }
        var official = true
        if let l = f["locode"] {
            switch s.string(l, "\(what).locode") {
            case "unofficial": official = false
            case "official": official = true
            default: s.error("bad-value", "\(what).locode must be `official` or `unofficial`", at: l)
            }
        }
        if id.count != 5 || !id.hasPrefix(country) || !id.allSatisfy({ $0.isUppercase || $0.isNumber }) {
            s.error(
                "bad-locode",
                "\(what).id `\(id)` must be a UN/LOCODE: the country code \(country) and three letters or digits",
                at: f["id"]!)
        }
        if !official && !f.has("source") {
            s.error("missing-source", "\(what) has an unofficial code and so needs a `source` for its location", at: n)
        }
        return Place(
            id: id, name: name, country: country, kind: kind, officialCode: official,
            source: s.string(f["source"], "\(what).source"), location: n.location)
    }

    private static func link(_ n: YAMLNode, _ i: Int, _ s: Schema) -> Link? {
        let what = "links[\(i)]"
        guard
            let f = s.fields(
                n, what,
                allowed: [
                    "from", "to", "mode", "km", "gauge_mm", "status", "history", "hours",
                    "usd_per_tonne_km", "usd_per_unit_km", "oneway", "border", "source",
                ],
                required: ["from", "to", "mode", "km", "source"]),
            let from = s.string(f["from"], "\(what).from"), let to = s.string(f["to"], "\(what).to"),
            let mode = s.choice(f["mode"], "\(what).mode", TransportMode.self),
            let km = s.double(f["km"], "\(what).km", max: 20_000)
        else { return nil }
        if mode == .multimodal { s.error("bad-value", "\(what).mode must be road, rail or sea", at: f["mode"]!) }
        let gauge = s.int(f["gauge_mm"], "\(what).gauge_mm", min: 500)
        if mode == .rail && gauge == nil && !f.has("gauge_mm") {
            s.error("missing-key", "\(what) is a rail link and needs `gauge_mm`", at: n)
        }
        let status = f["status"].flatMap { s.choice($0, "\(what).status", LinkStatus.self) } ?? .operational
        var history: [StatusPeriod] = []
        for (j, h) in (s.sequence(f["history"], "\(what).history") ?? []).enumerated() {
            let hw = "\(what).history[\(j)]"
            guard
                let hf = s.fields(
                    h, hw, allowed: ["status", "from", "until", "every_year", "source"],
                    required: ["status", "source"]),
                let st = s.choice(hf["status"], "\(hw).status", LinkStatus.self)
            else { continue }
            let span: PeriodSpan
            if let yearly = hf["every_year"] {
                if hf.has("from") || hf.has("until") {
                    s.error(
                        "bad-value", "\(hw) gives both `every_year` and dates; a period is either dated or yearly",
                        at: yearly)
                }
                guard let range = s.yearlyRange(yearly, "\(hw).every_year") else { continue }
                span = .everyYear(range)
            } else {
                let range = DayRange(from: s.day(hf["from"], "\(hw).from"), until: s.day(hf["until"], "\(hw).until"))
                if range.isEmpty { s.error("empty-range", "\(hw) ends before it starts", at: h) }
                span = .dates(range)
            }
            history.append(StatusPeriod(status: st, span: span, source: s.source(hf, hw)))
        }
        var border: BorderCrossing?
        if let b = f["border"],
            let bf = s.fields(
                b, "\(what).border", allowed: ["crossing_hours", "fees_usd", "source", "reverse"],
                required: ["crossing_hours", "fees_usd", "source"]),
            let forward = crossing(bf, "\(what).border", s)
        {
            var reverse: CrossingFigures?
            if let r = bf["reverse"],
                let rf = s.fields(
                    r, "\(what).border.reverse", allowed: ["crossing_hours", "fees_usd", "source"],
                    required: ["crossing_hours", "fees_usd", "source"])
            {
                reverse = crossing(rf, "\(what).border.reverse", s)
            }
            border = BorderCrossing(
                hours: forward.hours, feesUSD: forward.feesUSD, source: forward.source, reverse: reverse)
        }
        return Link(
            from: from, to: to, mode: mode, km: km, gaugeMM: gauge, status: status, history: history,
            hours: s.p5090(f["hours"], "\(what).hours"),
            usdPerTonneKm: s.p5090(f["usd_per_tonne_km"], "\(what).usd_per_tonne_km"),
            usdPerUnitKm: s.p5090(f["usd_per_unit_km"], "\(what).usd_per_unit_km"),
            oneway: s.bool(f["oneway"], "\(what).oneway") ?? false, border: border, source: s.source(f, what),
            location: n.location)
    }

    /// One direction's border figures.
    private static func crossing(_ f: Fields, _ what: String, _ s: Schema) -> CrossingFigures? {
        guard let h = s.p5090(f["crossing_hours"], "\(what).crossing_hours"),
            let fee = s.p5090(f["fees_usd"], "\(what).fees_usd")
        else { return nil }
        return CrossingFigures(hours: h, feesUSD: fee, source: s.source(f, what))
    }

    private static func tariff(_ n: YAMLNode, _ i: Int, _ s: Schema) -> Tariff? {
        let what = "tariffs[\(i)]"
        guard
            let f = s.fields(
                n, what, allowed: ["mode", "country", "usd_per_unit_km", "usd_per_tonne_km", "speed_kmh", "source"],
                required: ["mode", "speed_kmh", "source"]),
            let mode = s.choice(f["mode"], "\(what).mode", TransportMode.self)
        else { return nil }
        let perUnit = s.p5090(f["usd_per_unit_km"], "\(what).usd_per_unit_km")
        let perTonne = s.p5090(f["usd_per_tonne_km"], "\(what).usd_per_tonne_km")
        if !f.has("usd_per_unit_km") && !f.has("usd_per_tonne_km") {
            s.error(
                "missing-key",
                "\(what) needs `usd_per_unit_km` (a truck, wagon or container) or `usd_per_tonne_km` (bulk)", at: n)
        }
        guard let speed = rate(f["speed_kmh"], "\(what).speed_kmh", max: 1000, s) else { return nil }
        return Tariff(
            mode: mode, country: f["country"].flatMap { s.country($0, "\(what).country") }, usdPerUnitKm: perUnit,
            usdPerTonneKm: perTonne,
            speedKmh: speed, source: s.source(f, what))
    }

    /// A rate whose p90 is the slow value nine trips in ten beat (a speed):
    /// above 0, at most `max`, and p90 not above p50.
    private static func rate(_ node: YAMLNode?, _ what: String, max: Double, _ s: Schema) -> P5090? {
        guard let node, let f = s.fields(node, what, allowed: ["p50", "p90"], required: ["p50", "p90"]),
            let p50 = s.double(f["p50"], "\(what).p50"), let p90 = s.double(f["p90"], "\(what).p90")
        else { return nil }
        guard p90 > 0, p90 <= p50, p50 <= max else {
            s.error(
                "out-of-range",
                "\(what).p90 is the slow value nine trips in ten beat: it must be above 0 and not above p50, and p50 "
                    + "at most \(Scalar.number(max))",
                at: node)
            return nil
        }
        return P5090(p50: p50, p90: p90)
    }

    private static func corridor(_ n: YAMLNode, _ i: Int, _ s: Schema) -> Corridor? {
        let what = "corridors[\(i)]"
        guard
            let f = s.fields(
                n, what, allowed: ["id", "name", "via", "mode", "description", "source"],
                required: ["id", "name", "via", "description", "source"]),
            let id = s.identifier(f["id"], "\(what).id"), let name = s.string(f["name"], "\(what).name"),
            let description = s.string(f["description"], "\(what).description")
        else { return nil }
        var via: [String] = [], viaModes: [TransportMode?] = []
        for item in s.sequence(f["via"], "\(what).via") ?? [] {
            if item.mapping != nil {
                guard let vf = s.fields(item, "\(what).via[]", allowed: ["place", "by"], required: ["place", "by"]),
                    let place = s.string(vf["place"], "\(what).via[].place")
                else { continue }
                via.append(place)
                viaModes.append(s.choice(vf["by"], "\(what).via[].by", TransportMode.self))
            } else if let place = s.string(item, "\(what).via[]") {
                via.append(place)
                viaModes.append(nil)
            }
        }
        if via.count < 2 { s.error("bad-value", "\(what).via must list at least two places", at: f["via"] ?? n) }
        var corridor = Corridor(
            id: id, name: name, via: via, mode: f["mode"].flatMap { s.choice($0, "\(what).mode", TransportMode.self) },
            description: description, source: s.source(f, what), location: n.location)
        corridor.viaModes = viaModes
        return corridor
    }
}
