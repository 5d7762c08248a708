/// A named route: the ordered places a shipment passes (SPEC 2.3).
public struct Corridor: Hashable, Sendable {
    public var id: String
    public var name: String
    /// The ids of the places passed, in order.
    public var via: [String]
    /// Preferred mode where two places are joined by links of several modes.
    public var mode: TransportMode?
    /// Per place of `via`: the mode of the link that reaches it, where a multimodal corridor
    /// names one (`{place: AFMZR, by: rail}`); nil elsewhere.
    public var viaModes: [TransportMode?] = []
    public var description: String
    /// Where the route is documented.
    public var source: String
    public var location: SourceLocation?
    public init(
        id: String, name: String, via: [String], mode: TransportMode?, description: String, source: String,
        location: SourceLocation? = nil
    ) {
        self.id = id; self.name = name; self.via = via; self.mode = mode; self.description = description
        self.source = source; self.location = location
    }
}
