/// How goods move on a leg or, for a whole shipment, the mode its manifest declares.
public enum TransportMode: String, Sendable, Hashable, CaseIterable {
    case road, rail, sea, multimodal
}

/// A shipper or consignee.
public struct Party: Hashable, Sendable {
    public var name: String
    public var country: String
    public init(name: String, country: String) { self.name = name; self.country = country }
}

/// The conveyance: how many units (trucks, wagons, containers) and any temperature it keeps.
public struct Transport: Hashable, Sendable {
    public var units: Int
    public var unit: String
    public var container: String?
    public var temperatureC: Double?
    /// True when the load shares its units with other consignments (groupage, part load): it
    /// then pays its share of each unit by weight, not whole units.
    public var shared: Bool
    public init(
        units: Int = 1, unit: String = "truck", container: String? = nil, temperatureC: Double? = nil,
        shared: Bool = false
    ) {
        self.units = units; self.unit = unit; self.container = container; self.temperatureC = temperatureC;
        self.shared = shared
    }
}

extension Transport {
    /// The conveyance's scalar fields (`transport:`), all optional; rules read them as `shipment.…`.
    /// Both decoders, the conditions and the explanations go by this table (see `ManifestField`).
    package static let fields: [ManifestField<Transport>] = [
        ManifestField("units", .count(min: 1), \.units, path: "shipment.units"),
        ManifestField("unit", .text, \.unit, path: "shipment.unit"),
        ManifestField("container", .text, \.container, path: "shipment.container"),
        ManifestField("temperature_c", .number(min: -100), \.temperatureC, path: "shipment.temperature_c"),
        ManifestField("shared", .flag, \.shared),
    ]
}

/// Dangerous-goods identity of a goods line (UN number and ADR/RID/SMGS class).
public struct DangerousGoods: Hashable, Sendable {
    public var un: String
    public var hazardClass: String
    public init(un: String, hazardClass: String) { self.un = un; self.hazardClass = hazardClass }
}

/// One line of the goods in a manifest.
public struct GoodsLine: Hashable, Sendable {
    /// The line number the manifest gives (1-based); documents cover lines by this number.
    public var line: Int
    /// The HS code, digits only ("0701.90" becomes "070190").
    public var hs: String
    public var description: String
    public var netKg: Double
    public var grossKg: Double
    public var valueUSD: Double
    public var origin: String
    public var packagingKind: String?
    public var packagingWood: Bool?
    public var dangerous: DangerousGoods?
    /// True when the manifest says `dangerous: null` explicitly (known not dangerous).
    public var dangerousDeclared: Bool
    public var temperatureC: Double?
    /// Date of manufacture and end of shelf life, where the manifest gives them (food).
    public var produced: Day?
    public var bestBefore: Day?
    public var location: SourceLocation?

    public init(
        line: Int, hs: String, description: String, netKg: Double, grossKg: Double, valueUSD: Double,
        origin: String, packagingKind: String? = nil, packagingWood: Bool? = nil,
        dangerous: DangerousGoods? = nil, dangerousDeclared: Bool = false,
        temperatureC: Double? = nil, location: SourceLocation? = nil
    ) {
        self.line = line; self.hs = hs; self.description = description; self.netKg = netKg; self.grossKg = grossKg
        self.valueUSD = valueUSD; self.origin = origin; self.packagingKind = packagingKind
        self.packagingWood = packagingWood; self.dangerous = dangerous; self.dangerousDeclared = dangerousDeclared
        self.temperatureC = temperatureC; self.location = location
    }
}

extension GoodsLine {
    /// A goods line's scalar fields, in manifest order; `packaging` and `dangerous` are mappings,
    /// read by each decoder. Both decoders, the conditions and the explanations go by this table
    /// (see `ManifestField`). `goods.temperature_c` is not read from here: it falls back to the
    /// conveyance's temperature (`ConditionEvaluator.goodsValue`).
    package static let fields: [ManifestField<GoodsLine>] = [
        ManifestField("line", .count(min: 1), \.line, required: true),
        ManifestField("hs", .hs, \.hs, required: true, path: "goods.hs"),
        ManifestField("description", .text, \.description, required: true, path: "goods.description"),
        ManifestField("net_kg", .number(), \.netKg, required: true, path: "goods.net_kg"),
        ManifestField("gross_kg", .number(), \.grossKg, required: true, path: "goods.gross_kg"),
        ManifestField("value_usd", .number(), \.valueUSD, required: true, path: "goods.value_usd"),
        ManifestField("origin", .country, \.origin, required: true, path: "goods.origin"),
        ManifestField("temperature_c", .number(min: -100), \.temperatureC),
        ManifestField("produced", .day, \.produced, path: "goods.produced"),
        ManifestField("best_before", .day, \.bestBefore, path: "goods.best_before"),
    ]
}

/// A document the shipper already holds, as listed in the manifest.
public struct AttachedDocument: Hashable, Sendable {
    public var type: String
    public var number: String?
    public var issued: Day
    public var issuerCountry: String
    public var authority: String?
    /// Goods line numbers covered; nil means every line.
    public var covers: [Int]?
    public var expires: Day?
    public var location: SourceLocation?
    public var expiresLocation: SourceLocation?
    public var issuerLocation: SourceLocation?
    public var coversLocation: SourceLocation?

    /// A document as a manifest lists it; the decoders give where it and three of its fields stand.
    @inlinable public init(
        type: String, number: String? = nil, issued: Day, issuerCountry: String, authority: String? = nil,
        covers: [Int]? = nil, expires: Day? = nil, location: SourceLocation? = nil,
        expiresLocation: SourceLocation? = nil, issuerLocation: SourceLocation? = nil,
        coversLocation: SourceLocation? = nil
    ) {
        self.type = type; self.number = number; self.issued = issued; self.issuerCountry = issuerCountry
        self.authority = authority; self.covers = covers; self.expires = expires; self.location = location
        self.expiresLocation = expiresLocation; self.issuerLocation = issuerLocation
        self.coversLocation = coversLocation
    }
}

/// A shipment manifest (SPEC 2.1): who sends what, from where to where, by which corridor and
/// transit regime, and which documents it already carries.
public struct Shipment: Hashable, Sendable {
    public var id: String
    public var file: String
    public var shipper: Party
    public var consignee: Party
    public var origin: String
    public var destination: String
    public var corridor: String?
    public var mode: TransportMode
    /// An agreement id (`tir`, `aptta`, `qtta`…), or `national` / `none`.
    public var regime: String
    public var departure: Day
    public var transport: Transport
    public var goods: [GoodsLine]
    public var documents: [AttachedDocument]
    /// Where each top-level key stands in the manifest file (`corridor`, `regime`, `departure`…).
    public var fieldLocations: FieldLocations

    public init(
        id: String, file: String, shipper: Party, consignee: Party, origin: String, destination: String,
        corridor: String?, mode: TransportMode, regime: String, departure: Day, transport: Transport,
        goods: [GoodsLine], documents: [AttachedDocument], fieldLocations: FieldLocations = [:]
    ) {
        self.id = id; self.file = file; self.shipper = shipper; self.consignee = consignee; self.origin = origin
        self.destination = destination; self.corridor = corridor; self.mode = mode; self.regime = regime
        self.departure = departure; self.transport = transport; self.goods = goods; self.documents = documents
        self.fieldLocations = fieldLocations
    }

    public var grossKg: Double { goods.reduce(0) { $0 + $1.grossKg } }
    public var netKg: Double { goods.reduce(0) { $0 + $1.netKg } }
    public var valueUSD: Double { goods.reduce(0) { $0 + $1.valueUSD } }

    /// Regimes that are not agreements and so impose no membership check.
    public static let nationalRegimes: Set<String> = ["national", "none"]
}

/// Where the top-level keys of a manifest stand, for findings that point at a key. A dozen
/// entries, read only when a finding is made, so a list (no hashing) is built for every manifest.
public struct FieldLocations: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    private var keys: [String] = []
    private var locations: [SourceLocation] = []

    public init() {}
    public init(dictionaryLiteral elements: (String, SourceLocation)...) {
        for (k, l) in elements { append(k, l) }
    }

    /// Makes room for `count` keys at once, for a reader that knows how many it may record.
    public mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count); locations.reserveCapacity(count)
    }

    /// Records where `key` is written (the first place, if it is given twice).
    public mutating func append(_ key: String, _ location: SourceLocation) {
        keys.append(key)
        locations.append(location)
    }

    public subscript(key: String) -> SourceLocation? { keys.firstIndex(of: key).map { locations[$0] } }
}
