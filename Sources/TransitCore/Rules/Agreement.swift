/// A country's membership of an agreement over a span of dates.
public struct Membership: Hashable, Sendable {
    public var country: String
    /// The days the country is a party.
    public var period: DayRange
    /// Where the membership is documented.
    public var source: String
    public init(country: String, period: DayRange, source: String) {
        self.country = country; self.period = period; self.source = source
    }
}

/// A transit or carriage agreement (TIR, CMR, SMGS, APTTA, QTTA…) with its parties and dates.
/// A manifest's `regime` names one; a route country that is not a party blocks the shipment.
public struct Agreement: Hashable, Sendable {
    public var id: String
    public var name: String
    /// The member countries, each with the days it is a party.
    public var parties: [Membership]
    /// Where the agreement's text or status is documented.
    public var source: String
    public var location: SourceLocation?
    public init(id: String, name: String, parties: [Membership], source: String, location: SourceLocation? = nil) {
        self.id = id; self.name = name; self.parties = parties; self.source = source; self.location = location
    }

    /// Whether `country` is a party to the agreement on `day`.
    public func isParty(_ country: String, on day: Day) -> Bool {
        parties.contains { $0.country == country && $0.period.contains(day) }
    }
}
