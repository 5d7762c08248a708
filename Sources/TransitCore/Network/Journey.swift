/// A place on the journey where rules are checked (SPEC 3): export, each border exit and entry,
/// transit through each intermediate country, each transshipment, and import.
public struct Checkpoint: Hashable, Sendable {
    public var kind: CheckpointKind
    public var country: String
    public var place: String
    public var mode: TransportMode?
    /// Hours from departure until the shipment reaches this checkpoint.
    public var arrivalHours: P5090
}

/// What an estimate step is.
public enum StepKind: String, Hashable, Sendable { case leg, border, transshipment, procedure, document }

/// One step of the journey or of getting ready for it, with its time and cost.
public struct Step: Hashable, Sendable {
    public var kind: StepKind
    public var name: String
    public var from: String?
    public var to: String?
    public var place: String?
    public var mode: TransportMode?
    public var km: Double?
    public var hours: P5090
    public var costUSD: P5090
    public var source: String
    public init(kind: StepKind, name: String, from: String? = nil, to: String? = nil, place: String? = nil,
                mode: TransportMode? = nil, km: Double? = nil, hours: P5090, costUSD: P5090, source: String) {
        self.kind = kind; self.name = name; self.from = from; self.to = to; self.place = place; self.mode = mode
        self.km = km; self.hours = hours; self.costUSD = costUSD; self.source = source
    }
}

/// A reason the route cannot be used on the shipment's dates.
public struct RouteProblem: Hashable, Sendable, Error {
    public var code: String
    public var message: String
    public var location: SourceLocation?
}

/// The journey of a shipment along a corridor: the places, links, checkpoints and steps.
public struct Journey: Hashable, Sendable {
    public var corridor: String
    public var places: [String]
    public var links: [DirectedLink]
    public var checkpoints: [Checkpoint]
    public var steps: [Step]
    /// Countries in route order, each once.
    public var countries: [String]
    /// Countries that are neither the origin's nor the destination's.
    public var transit: [String]
    public var modes: [TransportMode]
    /// Links that are not operational on the day the shipment reaches them.
    public var problems: [RouteProblem]
    /// Distance in km from the start to each place on `places`.
    public var kmAt: [Double]
}
