import TransitCore

/// A key of a manifest mapping whose value each decoder reads by hand, in a `switch` over the
/// key: the case name is the key as a manifest writes it, and the cases are in the order both
/// decoders read them (so the tree decoder reports problems in that order).
protocol MappingKey: CaseIterable, RawRepresentable, Sendable where RawValue == Int {
    /// A manifest without the key (or with it null) does not load.
    var isRequired: Bool { get }
}

/// A manifest's top-level keys (SPEC 2.1).
enum TopKey: Int, MappingKey {
    case manifest, id, shipper, consignee, origin, destination, corridor, mode, regime, departure, transport, goods
    case documents

    var isRequired: Bool {
        switch self {
        case .corridor, .transport, .documents: return false
        default: return true
        }
    }
}

/// The keys of an attached document (`documents[]`).
enum DocumentKey: Int, MappingKey {
    case type, number, issued, issuer, covers, expires

    var isRequired: Bool { self == .type || self == .issued || self == .issuer }
}

/// A `MappingKey` type's keys as the decoders match them, built once: the names in case order
/// (the tree decoder's allowed keys) and as bytes (the event decoder's; its index into them is
/// the case's raw value), the required ones, and those as a bit mask over the names.
struct KeyTable<Key: MappingKey>: Sendable {
    let names: [String]
    let bytes: KeyBytes
    let required: [String]
    let requiredMask: UInt32

    init() {
        names = Key.allCases.map { "\($0)" }
        bytes = KeyBytes(names)
        required = Key.allCases.filter(\.isRequired).map { "\($0)" }
        requiredMask = ManifestSchema.mask(names, required)
    }

    /// The name of `key`.
    func name(_ key: Key) -> String { names[key.rawValue] }
}

extension ManifestField {
    /// Reads the value node into `model` with the `Schema` function of the field's form; a bad
    /// value is an error recorded in the schema. `what` names the field in messages ("goods[0].net_kg").
    func read(_ s: Schema, _ node: YAMLNode, _ what: @autoclosure () -> String, into model: inout Model) {
        let value: ScalarValue?
        switch form {
        case .text: value = s.string(node, what()).map(ScalarValue.text)
        case .hs: value = s.hs(node, what()).map(ScalarValue.text)
        case .country: value = s.country(node, what()).map(ScalarValue.text)
        case .count(let min): value = s.int(node, what(), min: min).map(ScalarValue.count)
        case .number(let min): value = s.double(node, what(), min: min).map(ScalarValue.number)
        case .day: value = s.day(node, what()).map(ScalarValue.day)
        case .flag: value = s.bool(node, what()).map(ScalarValue.flag)
        }
        store(&model, value)
    }
}

/// The manifest's schema (SPEC 2.1), in one place. The scalar fields of goods lines and of
/// `transport:` are the models' own tables (`GoodsLine.fields`, `Transport.fields`).
enum ManifestSchema {
    static let top = KeyTable<TopKey>()
    static let document = KeyTable<DocumentKey>()
    static let partyKeys = ["name", "country"]
    static let packagingKeys = ["kind", "wood"]
    static let dangerousKeys = ["un", "class"]
    static let issuerKeys = ["country", "authority"]
    static let issuerRequired = ["country"]

    static let transportKeys = Transport.fields.map(\.key)
    static let goodsMappings = ["packaging", "dangerous"]
    /// Every key a goods line may have: its scalars, then its mappings.
    static let goodsKeys = GoodsLine.fields.map(\.key) + goodsMappings
    static let goodsRequired = GoodsLine.fields.filter(\.required).map(\.key)

    /// The keys of `required` as a bit mask over `names` (bit i for `names[i]`), as the event
    /// decoder tracks which keys a mapping gave.
    static func mask(_ names: [String], _ required: [String]) -> UInt32 {
        var m: UInt32 = 0
        for (i, k) in names.enumerated() where required.contains(k) { m |= 1 << UInt32(i) }
        return m
    }
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
