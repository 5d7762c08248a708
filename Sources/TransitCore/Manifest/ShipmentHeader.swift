/// What a row in a broker's list says about a shipment besides its result: who ships what to
/// whom, from where to where, and when. Carried by the report so that compact rows, the CSV and
/// `rules diff`'s breakdowns need not go back to the manifest.
public struct ShipmentHeader: Hashable, Sendable {
    /// One goods line in a few words.
    public struct Goods: Hashable, Sendable {
        public var hs: String
        public var description: String
        public var origin: String
        public init(hs: String, description: String, origin: String) {
            self.hs = hs; self.description = description; self.origin = origin
        }
        /// The HS chapter: the code's first two digits.
        public var chapter: String { String(hs.prefix(2)) }
    }

    public var shipper: Party
    public var consignee: Party
    public var origin: String
    public var destination: String
    public var departure: Day
    public var goods: [Goods]
    /// Where a result about the whole shipment points in the manifest: its `corridor` line, or
    /// its `departure` line when it names no corridor.
    public var anchor: SourceLocation?

    public init(
        shipper: Party, consignee: Party, origin: String, destination: String, departure: Day, goods: [Goods],
        anchor: SourceLocation? = nil
    ) {
        self.shipper = shipper; self.consignee = consignee; self.origin = origin; self.destination = destination
        self.departure = departure; self.goods = goods; self.anchor = anchor
    }

    /// The header of `shipment`.
    public init(_ s: Shipment) {
        self.init(
            shipper: s.shipper, consignee: s.consignee, origin: s.origin, destination: s.destination,
            departure: s.departure,
            goods: s.goods.map { Goods(hs: $0.hs, description: $0.description, origin: $0.origin) },
            anchor: s.fieldLocations["corridor"] ?? s.fieldLocations["departure"])
    }

    /// A header for reports made without a manifest (tests, hand-built reports).
    public static let unknown = ShipmentHeader(
        shipper: Party(name: "", country: ""), consignee: Party(name: "", country: ""),
        origin: "", destination: "", departure: Day(ordinal: 0), goods: [])
}
