import TransitCore

/// A scalar field of a manifest mapping, described once for both decoders: its key, whether the
/// manifest must give it, and how its value is read into the model. The tree decoder
/// (`ManifestDecoder`) and the event decoder (`ManifestStreamDecoder`) both walk these tables,
/// so a new scalar field is one entry here (and a property on the model).
struct ScalarField<Model>: Sendable {
    let key: StaticString
    let required: Bool
    /// Reads the value node into the model; a bad value is an error recorded in the schema.
    /// `what` names the field in messages ("goods[0].net_kg").
    let read: @Sendable (_ schema: Schema, _ value: YAMLNode, _ what: String, _ into: inout Model) -> Void

    init(
        _ key: StaticString, required: Bool = false,
        _ read: @escaping @Sendable (Schema, YAMLNode, String, inout Model) -> Void
    ) {
        self.key = key; self.required = required; self.read = read
    }
}

/// The manifest's schema (SPEC 2.1), in one place.
enum ManifestSchema {
    /// The conveyance's fields (`transport:`), all optional.
    static let transportScalars: [ScalarField<Transport>] = [
        ScalarField("units") { s, v, w, t in if let n = s.int(v, w, min: 1) { t.units = n } },
        ScalarField("unit") { s, v, w, t in if let u = s.string(v, w) { t.unit = u } },
        ScalarField("container") { s, v, w, t in t.container = s.string(v, w) },
        ScalarField("temperature_c") { s, v, w, t in t.temperatureC = s.double(v, w, min: -100) },
        ScalarField("shared") { s, v, w, t in t.shared = s.bool(v, w) ?? false },
    ]
    static let transportKeys: [StaticString] = transportScalars.map(\.key)

    /// A goods line's scalar fields; `packaging` and `dangerous` are mappings, read by each decoder.
    static let goodsScalars: [ScalarField<GoodsLine>] = [
        ScalarField("line", required: true) { s, v, w, g in if let n = s.int(v, w, min: 1) { g.line = n } },
        ScalarField("hs", required: true) { s, v, w, g in if let h = s.hs(v, w) { g.hs = h } },
        ScalarField("description", required: true) { s, v, w, g in if let d = s.string(v, w) { g.description = d } },
        ScalarField("net_kg", required: true) { s, v, w, g in if let n = s.double(v, w) { g.netKg = n } },
        ScalarField("gross_kg", required: true) { s, v, w, g in if let n = s.double(v, w) { g.grossKg = n } },
        ScalarField("value_usd", required: true) { s, v, w, g in if let n = s.double(v, w) { g.valueUSD = n } },
        ScalarField("origin", required: true) { s, v, w, g in if let c = s.country(v, w) { g.origin = c } },
        ScalarField("temperature_c") { s, v, w, g in g.temperatureC = s.double(v, w, min: -100) },
        ScalarField("produced") { s, v, w, g in g.produced = s.day(v, w) },
        ScalarField("best_before") { s, v, w, g in g.bestBefore = s.day(v, w) },
    ]
    static let goodsMappings: [StaticString] = ["packaging", "dangerous"]
    /// Every key a goods line may have: its scalars, then its mappings.
    static let goodsKeys: [StaticString] = goodsScalars.map(\.key) + goodsMappings
    static let goodsRequired: [String] = goodsScalars.filter(\.required).map(\.key.description)
    /// A goods line before its fields are read; the required ones are always overwritten.
    static let emptyGoodsLine = GoodsLine(
        line: 0, hs: "", description: "", netKg: 0, grossKg: 0, valueUSD: 0, origin: "")

    /// Checks across a goods line's fields once they are read: gross not under net, best before
    /// not before production. Each problem goes to `problem` (the key it is about, and the
    /// message); the event decoder passes none and only asks whether the line is consistent.
    @discardableResult
    static func checkGoodsLine(
        _ g: GoodsLine, _ what: @autoclosure () -> String,
        problem: ((_ key: String, _ message: String) -> Void)? = nil
    ) -> Bool {
        var ok = true
        if g.grossKg < g.netKg {
            ok = false
            problem?(
                "gross_kg",
                "\(what()).gross_kg (\(Scalar.number(g.grossKg))) is less than net_kg (\(Scalar.number(g.netKg)))")
        }
        if let p = g.produced, let b = g.bestBefore, b < p {
            ok = false
            problem?("best_before", "\(what()).best_before (\(b)) is before produced (\(p))")
        }
        return ok
    }
}
