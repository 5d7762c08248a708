/// A place on the journey where rules are checked (SPEC 3): export, each border exit and entry,
/// transit through each intermediate country, each transshipment, and import.
public struct Checkpoint: Hashable, Sendable {
    public var kind: CheckpointKind
    public var country: String
    public var place: String
    /// The mode of the link the goods travel by at this checkpoint.
    public var mode: TransportMode?
    /// The country of the place the goods come from on the link that reaches this checkpoint's
    /// place (the checkpoint's own country at export).
    public var fromCountry: String
    /// Hours from departure until the shipment reaches this checkpoint.
    public var arrivalHours: P5090
}

/// What an estimate step is.
public enum StepKind: String, Hashable, Sendable { case leg, border, transshipment, procedure, document }

/// What a step's cost is proportional to: the journey is planned once per route, and costs
/// are scaled to each shipment's tonnage and number of units.
public enum CostBasis: String, Hashable, Sendable {
    case fixed, perTonne, perUnit

    /// What a cost on this basis is multiplied by for a shipment of `tonnes` and `units`.
    public func factor(tonnes: Double, units: Double) -> Double {
        switch self {
        case .fixed: return 1
        case .perTonne: return tonnes
        case .perUnit: return units
        }
    }
}

/// One step of the journey or of getting ready for it, with its time and cost.
public struct Step: Hashable, Sendable {
    public var kind: StepKind
    public var name: String
    public var from: String?
    public var to: String?
    public var place: String?
    public var mode: TransportMode?
    /// For a leg: its length.
    public var km: Double?
    public var hours: P5090
    /// The cost for this shipment (after scaling by `costBasis`).
    public var costUSD: P5090
    /// What the cost was scaled by.
    public var costBasis: CostBasis
    /// Where the step's figures come from.
    public var source: String
    public init(
        kind: StepKind, name: String, from: String? = nil, to: String? = nil, place: String? = nil,
        mode: TransportMode? = nil, km: Double? = nil, hours: P5090, costUSD: P5090,
        costBasis: CostBasis = .fixed, source: String
    ) {
        self.kind = kind; self.name = name; self.from = from; self.to = to; self.place = place; self.mode = mode
        self.km = km; self.hours = hours; self.costUSD = costUSD; self.costBasis = costBasis; self.source = source
    }

    /// This step with its cost scaled to a shipment of `tonnes` and `units`.
    public func scaled(tonnes: Double, units: Double) -> Step {
        var s = self
        if costBasis != .fixed { s.costUSD = costUSD.scaled(by: costBasis.factor(tonnes: tonnes, units: units)) }
        return s
    }
}

/// A reason the route cannot be used on the shipment's dates.
public struct RouteProblem: Hashable, Sendable, Error {
    public var code: FindingCode
    public var message: String
    public var location: SourceLocation?
    /// The message without the figures' sources, for compact rows.
    public var brief: String? = nil
}

/// The journey along a corridor between two places: the places, links, checkpoints and steps,
/// with the Monte Carlo draws of its total hours and of its cost per tonne and per unit. It does not
/// depend on the shipment's goods or dates, so it is planned once per route and reused.
public struct Journey: Sendable {
    /// Identifies the route (corridor, origin, destination, preferred mode) in caches.
    public var id: String = ""
    public var corridor: String
    /// The ids of the places passed, origin to destination.
    public var places: [String]
    public var links: [DirectedLink]
    public var checkpoints: [Checkpoint]
    public var steps: [Step]
    /// Countries in route order, each once.
    public var countries: [String]
    /// Countries that are neither the origin's nor the destination's.
    public var transit: [String]
    /// The modes the journey uses, in the order first met.
    public var modes: [TransportMode] { didSet { modeNames = modes.map(\.rawValue) } }
    /// The modes' names, as conditions on `route.modes` read them: made once, not at each check.
    public private(set) var modeNames: [String]
    /// Median hours from departure to the start of each link (to date link statuses).
    public var linkStartHours: [Double]
    /// The Monte Carlo draws of the journey's total hours and costs, which the estimate owns.
    public var draws: RouteDraws

    public init(
        corridor: String, places: [String], links: [DirectedLink], checkpoints: [Checkpoint], steps: [Step],
        countries: [String], transit: [String], modes: [TransportMode], linkStartHours: [Double], draws: RouteDraws
    ) {
        self.corridor = corridor; self.places = places; self.links = links; self.checkpoints = checkpoints
        self.steps = steps; self.countries = countries; self.transit = transit; self.modes = modes
        self.modeNames = modes.map(\.rawValue); self.linkStartHours = linkStartHours; self.draws = draws
    }
}
