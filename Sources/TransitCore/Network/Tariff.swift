/// Cost and speed of moving goods by one mode, optionally in one country only. A truck, wagon
/// or container costs the same whatever it carries up to its payload (CAREC CPMM's TFI3 is the
/// cost of one 20-tonne truck or container over 500 km), so the cost is per unit and km; a
/// tariff for bulk (sea) may instead give a cost per tonne and km.
public struct Tariff: Hashable, Sendable {
    public var mode: TransportMode
    /// nil: applies wherever no country-specific tariff exists.
    public var country: String?
    /// USD to move one unit (truck, wagon, container) one km.
    public var usdPerUnitKm: P5090?
    /// USD to move one tonne one km, for bulk where no per-unit rate is given.
    public var usdPerTonneKm: P5090?
    /// Speed without delays in km/h (CPMM SWOD): border, transshipment and procedure time are
    /// added once, as steps. p50 the typical speed, p90 the slow speed nine trips in ten beat.
    public var speedKmh: P5090
    public var source: String
    public init(
        mode: TransportMode, country: String?, usdPerUnitKm: P5090? = nil, usdPerTonneKm: P5090? = nil,
        speedKmh: P5090, source: String
    ) {
        self.mode = mode; self.country = country; self.usdPerUnitKm = usdPerUnitKm; self.usdPerTonneKm = usdPerTonneKm
        self.speedKmh = speedKmh; self.source = source
    }
}

/// What changing gauge or mode costs at a place (a transshipment).
public struct TransshipmentCost: Hashable, Sendable {
    public var hours: P5090
    /// USD per unit (truck, wagon, container) transshipped.
    public var usdPerUnit: P5090
    public var source: String
    public init(hours: P5090, usdPerUnit: P5090, source: String) {
        self.hours = hours; self.usdPerUnit = usdPerUnit; self.source = source
    }
}

/// Why goods are transshipped at a place.
public enum TransshipmentReason: String, Hashable, Sendable {
    case gaugeChange = "gauge-change", modeChange = "mode-change"
}
