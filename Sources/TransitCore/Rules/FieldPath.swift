/// A manifest, route or checkpoint field that a condition can read (SPEC 2.4 paths).
public enum FieldPath: Hashable, Sendable {
    /// A goods-line scalar field described by its entry in `GoodsLine.fields`, read line by line.
    case goods(ManifestField<GoodsLine>)
    /// A conveyance field described by its entry in `Transport.fields` (`shipment.units`).
    case transport(ManifestField<Transport>)
    /// Any other path, whose value `ConditionEvaluator` works out case by case.
    case computed(ComputedPath)

    /// Every path: the computed `shipment.…` ones, those of the field tables (conveyance, then
    /// goods line), then the other computed ones. A did-you-mean takes the first of equally near
    /// names, so the order is kept as it was before the tables.
    public static let allCases: [FieldPath] = {
        let computed = ComputedPath.allCases.map(FieldPath.computed)
        let shipment = computed.filter { $0.rawValue.hasPrefix("shipment.") }
        let tables =
            Transport.fields.filter { $0.path != nil }.map(FieldPath.transport)
            + GoodsLine.fields.filter { $0.path != nil }.map(FieldPath.goods)
        return shipment + tables + computed.filter { !$0.rawValue.hasPrefix("shipment.") }
    }()

    /// The path named `rawValue` as rules write it (`goods.hs`), if there is one.
    public init?(rawValue: String) {
        guard let path = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = path
    }

    /// The path as rules write it.
    public var rawValue: String {
        switch self {
        case .goods(let field): return field.path ?? "goods." + field.key
        case .transport(let field): return field.path ?? "shipment." + field.key
        case .computed(let path): return path.rawValue
        }
    }

    /// True for paths evaluated line by line.
    public var isGoods: Bool {
        switch self {
        case .goods: return true
        case .transport: return false
        case .computed(let path): return path.isGoods
        }
    }

    /// The manifest field a person fills in to decide the path, as the manifest spells it: for
    /// a `goods.*` path the key within a goods line (`hs`, `packaging.kind`), else the place in
    /// the manifest (`transport.units`, `shipper.country`, `goods[].gross_kg` for a total over
    /// the lines); nil for route and checkpoint paths, which the corridor decides. The one
    /// answer `--explain` and the `needs` of an undecided row both give.
    public var manifestField: String? {
        switch self {
        case .goods(let field): return field.key
        case .transport(let field): return "transport." + field.key
        case .computed(let path):
            switch path {
            case .shipmentOriginCountry: return "origin"
            case .shipmentDestinationCountry: return "destination"
            case .shipmentValueUSD: return "goods[].value_usd"
            case .shipmentGrossKg: return "goods[].gross_kg"
            case .shipmentNetKg: return "goods[].net_kg"
            case .shipmentGrossKgPerUnit: return "transport.units"
            default:
                if path.rawValue.hasPrefix("goods.") { return String(path.rawValue.dropFirst("goods.".count)) }
                if path.rawValue.hasPrefix("shipment.") { return String(path.rawValue.dropFirst("shipment.".count)) }
                return nil
            }
        }
    }

    /// True for paths whose matcher values are HS codes (compared as digits only).
    public var isHS: Bool {
        guard case .goods(let field) = self else { return false }
        return field.form == .hs
    }
}

/// A path that is not one scalar of a field table: a top-level field, a total over the goods
/// lines, a field of a nested mapping (`packaging`, `dangerous`), a value worked out from
/// several fields, the route or the checkpoint. `ConditionEvaluator` gives each its own case.
public enum ComputedPath: String, Hashable, Sendable, CaseIterable {
    /// True for the paths read line by line, those spelt `goods.…` (a test holds the two
    /// together): a case test, where comparing the name would cost each condition evaluated.
    var isGoods: Bool {
        switch self {
        case .goodsPackagingKind, .goodsPackagingWood, .goodsDangerous, .goodsDangerousUN, .goodsDangerousClass,
            .goodsTemperature, .goodsShelfLifeLeftPct:
            return true
        default: return false
        }
    }

    case shipmentID = "shipment.id"
    case shipmentMode = "shipment.mode"
    case shipmentRegime = "shipment.regime"
    case shipmentOrigin = "shipment.origin"
    case shipmentOriginCountry = "shipment.origin.country"
    case shipmentDestination = "shipment.destination"
    case shipmentDestinationCountry = "shipment.destination.country"
    case shipmentShipperCountry = "shipment.shipper.country"
    case shipmentConsigneeCountry = "shipment.consignee.country"
    case shipmentCorridor = "shipment.corridor"
    case shipmentValueUSD = "shipment.value_usd"
    case shipmentGrossKg = "shipment.gross_kg"
    case shipmentNetKg = "shipment.net_kg"
    case shipmentDeparture = "shipment.departure"
    /// The gross weight each unit carries (the manifest's total gross kg over `transport.units`).
    case shipmentGrossKgPerUnit = "shipment.gross_kg_per_unit"
    case goodsPackagingKind = "goods.packaging.kind"
    case goodsPackagingWood = "goods.packaging.wood"
    case goodsDangerous = "goods.dangerous"
    case goodsDangerousUN = "goods.dangerous.un"
    case goodsDangerousClass = "goods.dangerous.class"
    case goodsTemperature = "goods.temperature_c"
    /// The share of a line's shelf life (from `produced` to `best_before`) still left when the
    /// shipment reaches the checkpoint (p90 arrival), in per cent.
    case goodsShelfLifeLeftPct = "goods.shelf_life_left_pct"
    case routeCountries = "route.countries"
    case routeTransit = "route.transit"
    case routeModes = "route.modes"
    case routePlaces = "route.places"
    case routeAllParties = "route.all_parties"
    case checkpointCountry = "checkpoint.country"
    case checkpointKind = "checkpoint.kind"
    case checkpointPlace = "checkpoint.place"
    case checkpointMode = "checkpoint.mode"
    /// The country of the place the goods come from on the link that reaches the checkpoint
    /// (the checkpoint's own country at export): tells an external border from an internal one.
    case checkpointFromCountry = "checkpoint.from_country"
}
