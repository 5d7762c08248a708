/// A manifest, route or checkpoint field that a condition can read (SPEC 2.4 paths).
public enum FieldPath: String, Hashable, Sendable, CaseIterable {
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
    case shipmentUnits = "shipment.units"
    /// The gross weight each unit carries (the manifest's total gross kg over `transport.units`).
    case shipmentGrossKgPerUnit = "shipment.gross_kg_per_unit"
    case shipmentUnit = "shipment.unit"
    case shipmentContainer = "shipment.container"
    case shipmentTemperature = "shipment.temperature_c"
    case goodsHS = "goods.hs"
    case goodsDescription = "goods.description"
    case goodsNetKg = "goods.net_kg"
    case goodsGrossKg = "goods.gross_kg"
    case goodsValueUSD = "goods.value_usd"
    case goodsOrigin = "goods.origin"
    case goodsPackagingKind = "goods.packaging.kind"
    case goodsPackagingWood = "goods.packaging.wood"
    case goodsDangerous = "goods.dangerous"
    case goodsDangerousUN = "goods.dangerous.un"
    case goodsDangerousClass = "goods.dangerous.class"
    case goodsTemperature = "goods.temperature_c"
    case goodsProduced = "goods.produced"
    case goodsBestBefore = "goods.best_before"
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

    /// True for paths evaluated line by line.
    public var isGoods: Bool { rawValue.hasPrefix("goods.") }

    /// True for paths whose matcher values are HS codes (compared as digits only).
    public var isHS: Bool { self == .goodsHS }
}
