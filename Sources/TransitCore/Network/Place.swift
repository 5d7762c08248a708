/// What kind of place a network node is.
public enum PlaceKind: String, Hashable, Sendable, CaseIterable {
    case city, port, borderPost = "border-post", railTerminal = "rail-terminal", dryPort = "dry-port"
}

/// A node of the network, identified by its UN/LOCODE (or a marked unofficial code).
public struct Place: Hashable, Sendable {
    public var id: String
    public var name: String
    public var country: String
    public var kind: PlaceKind
    /// False when the code is not in the UN/LOCODE list (`locode: unofficial`).
    public var officialCode: Bool
    public var source: String?
    public var location: SourceLocation?
    public init(
        id: String, name: String, country: String, kind: PlaceKind, officialCode: Bool = true,
        source: String? = nil, location: SourceLocation? = nil
    ) {
        self.id = id; self.name = name; self.country = country; self.kind = kind; self.officialCode = officialCode
        self.source = source; self.location = location
    }
}
