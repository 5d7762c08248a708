/// Whether a link can carry traffic.
public enum LinkStatus: String, Hashable, Sendable, CaseIterable {
    case operational, planned, underConstruction = "under-construction", closed
}

/// A period of a link's status: dated (a border closure, a railway opening) or recurring every
/// year (a mountain pass closed each winter).
public struct StatusPeriod: Hashable, Sendable {
    /// The status during `span`.
    public var status: LinkStatus
    /// The days the status holds.
    public var span: PeriodSpan
    public var source: String
    public init(status: LinkStatus, span: PeriodSpan, source: String) {
        self.status = status; self.span = span; self.source = source
    }
    public init(status: LinkStatus, period: DayRange, source: String) {
        self.init(status: status, span: .dates(period), source: source)
    }
}

/// Time and fees to cross a border in one direction, as measured (CAREC CPMM TFI1/TFI2).
public struct CrossingFigures: Hashable, Sendable {
    public var hours: P5090
    public var feesUSD: P5090
    public var source: String
    public init(hours: P5090, feesUSD: P5090, source: String) {
        self.hours = hours; self.feesUSD = feesUSD; self.source = source
    }
}

/// Time and fees to cross a border: the figures for the link's own direction (from → to), and
/// for the way back where they differ (CPMM measures inbound and outbound apart; at Torkham
/// they differ fivefold).
public struct BorderCrossing: Hashable, Sendable {
    /// The figures for crossing in the link's own direction.
    public var forward: CrossingFigures
    /// The figures for crossing the other way, where they differ.
    public var reverse: CrossingFigures?
    public init(hours: P5090, feesUSD: P5090, source: String, reverse: CrossingFigures? = nil) {
        forward = CrossingFigures(hours: hours, feesUSD: feesUSD, source: source)
        self.reverse = reverse
    }

    /// The figures for a crossing from `from` to `to` of a link drawn from `linkFrom`.
    public func figures(goingFrom from: String, linkFrom: String) -> CrossingFigures {
        from == linkFrom ? forward : reverse ?? forward
    }

    /// Where the forward figures come from.
    public var source: String { forward.source }
}

/// An edge of the network between two places, usable both ways unless `oneway`.
public struct Link: Hashable, Sendable {
    public var from: String
    public var to: String
    public var mode: TransportMode
    public var km: Double
    /// For rail: the track gauge in millimetres; a change of gauge between links means a transshipment.
    public var gaugeMM: Int?
    /// The standing status, when no `history` period covers the day.
    public var status: LinkStatus
    /// Dated or yearly periods of another status (closures, openings), which override `status`.
    public var history: [StatusPeriod]
    /// Travel time over this link, where it is known; otherwise the tariff's speed gives it.
    public var hours: P5090?
    /// A rate for this link only, per tonne and km.
    public var usdPerTonneKm: P5090?
    /// A rate for this link only, per unit (truck, wagon, container) and km: a published
    /// through-rate, say.
    public var usdPerUnitKm: P5090?
    /// True when the link may be used only from `from` to `to`.
    public var oneway: Bool
    public var border: BorderCrossing?
    public var source: String
    public var location: SourceLocation?

    public init(
        from: String, to: String, mode: TransportMode, km: Double, gaugeMM: Int? = nil,
        status: LinkStatus = .operational, history: [StatusPeriod] = [], hours: P5090? = nil,
        usdPerTonneKm: P5090? = nil, usdPerUnitKm: P5090? = nil, oneway: Bool = false, border: BorderCrossing? = nil,
        source: String, location: SourceLocation? = nil
    ) {
        self.from = from; self.to = to; self.mode = mode; self.km = km; self.gaugeMM = gaugeMM; self.status = status
        self.history = history; self.hours = hours; self.usdPerTonneKm = usdPerTonneKm; self.usdPerUnitKm = usdPerUnitKm
        self.oneway = oneway
        self.border = border; self.source = source; self.location = location
    }

    /// The status on a day: the first dated history period that contains it, else the first
    /// yearly one (so that a dated special opening overrides a seasonal closure), else the
    /// standing status.
    public func status(on day: Day) -> (LinkStatus, String) {
        let period = period(on: day)
        return period.map { ($0.status, $0.source) } ?? (status, source)
    }

    /// The history period that decides the status on a day, if any does.
    public func period(on day: Day) -> StatusPeriod? {
        history.first { !$0.span.isYearly && $0.span.contains(day) }
            ?? history.first { $0.span.isYearly && $0.span.contains(day) }
    }

    /// The first day after `day` on which the link is operational again, up to four years
    /// ahead; nil when none is known. The status only changes where a period starts or ends, so
    /// only the next day and each such boundary (a start, the day after an end) are tried, in
    /// order: the answer is the one a day-by-day search gives.
    public func reopening(after day: Day) -> Day? {
        let first = day.adding(days: 1), last = day.adding(days: 4 * 366)
        var candidates = [first]
        func boundary(_ b: Day) { if b > day && b <= last { candidates.append(b) } }
        let year = day.components.year
        for p in history {
            switch p.span {
            case .dates(let r):
                if let from = r.from { boundary(from) }
                if let until = r.until { boundary(until.adding(days: 1)) }
            case .everyYear(let r):
                for y in (year - 1)...(year + 5) {
                    boundary(r.from.firstDayOnOrAfter(inYear: y))
                    boundary(r.until.inYear(y).adding(days: 1))
                }
            }
        }
        candidates.sort()
        return candidates.first { status(on: $0).0 == .operational }
    }
}
