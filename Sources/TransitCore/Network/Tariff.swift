/// Cost and speed of moving goods by one mode, optionally in one country only.
public struct Tariff: Hashable, Sendable {
    public var mode: TransportMode
    /// nil: applies wherever no country-specific tariff exists.
    public var country: String?
    public var usdPerTonneKm: P5090
    /// Speed in km/h: p50 the typical speed, p90 the slow speed nine trips in ten beat.
    public var speedKmh: P5090
    public var source: String
    public init(mode: TransportMode, country: String?, usdPerTonneKm: P5090, speedKmh: P5090, source: String) {
        self.mode = mode; self.country = country; self.usdPerTonneKm = usdPerTonneKm; self.speedKmh = speedKmh; self.source = source
    }
}

/// What changing gauge or mode costs at a place (a transshipment).
public struct TransshipmentCost: Hashable, Sendable {
    public var hours: P5090
    public var usdPerUnit: P5090
    public var source: String
    public init(hours: P5090, usdPerUnit: P5090, source: String) { self.hours = hours; self.usdPerUnit = usdPerUnit; self.source = source }
}

/// Why goods are transshipped at a place.
public enum TransshipmentReason: String, Hashable, Sendable { case gaugeChange = "gauge-change", modeChange = "mode-change" }
