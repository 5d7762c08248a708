/// Whether a link can carry traffic.
public enum LinkStatus: String, Hashable, Sendable, CaseIterable {
    case operational, planned, underConstruction = "under-construction", closed
}

/// A dated period of a link's status (a border closure, a railway opening).
public struct StatusPeriod: Hashable, Sendable {
    public var status: LinkStatus
    public var period: DayRange
    public var source: String
    public init(status: LinkStatus, period: DayRange, source: String) { self.status = status; self.period = period; self.source = source }
}

/// Time and fees to cross a border, as measured (CAREC CPMM TFI1/TFI2 where they exist).
public struct BorderCrossing: Hashable, Sendable {
    public var hours: P5090
    public var feesUSD: P5090
    public var source: String
    public init(hours: P5090, feesUSD: P5090, source: String) { self.hours = hours; self.feesUSD = feesUSD; self.source = source }
}

/// An edge of the network between two places, usable both ways unless `oneway`.
public struct Link: Hashable, Sendable {
    public var from: String
    public var to: String
    public var mode: TransportMode
    public var km: Double
    public var gaugeMM: Int?
    public var status: LinkStatus
    public var history: [StatusPeriod]
    public var hours: P5090?
    public var usdPerTonneKm: P5090?
    public var oneway: Bool
    public var border: BorderCrossing?
    public var source: String
    public var location: SourceLocation?

    public init(from: String, to: String, mode: TransportMode, km: Double, gaugeMM: Int? = nil,
                status: LinkStatus = .operational, history: [StatusPeriod] = [], hours: P5090? = nil,
                usdPerTonneKm: P5090? = nil, oneway: Bool = false, border: BorderCrossing? = nil,
                source: String, location: SourceLocation? = nil) {
        self.from = from; self.to = to; self.mode = mode; self.km = km; self.gaugeMM = gaugeMM; self.status = status
        self.history = history; self.hours = hours; self.usdPerTonneKm = usdPerTonneKm; self.oneway = oneway
        self.border = border; self.source = source; self.location = location
    }

    /// The status on a day: the first history period that contains it, else the standing status.
    public func status(on day: Day) -> (LinkStatus, String) {
        for p in history where p.period.contains(day) { return (p.status, p.source) }
        return (status, source)
    }
}
