/// An entry of the document catalogue (SPEC 2.2): what a document is, who issues it,
/// how long it stays valid, and what obtaining it costs in time and money.
public struct DocumentType: Hashable, Sendable {
    public var id: String
    public var name: String
    /// UN/CEFACT UNTDID 1001 document name code, where one exists.
    public var unece: String?
    /// The issuing role: exporter, carrier, customs, plant-protection, veterinary, …
    public var issuer: String
    public var validityDays: Int?
    public var leadTimeHours: P5090
    public var costUSD: Double
    public var howToObtain: String
    public var source: String
    public var location: SourceLocation?

    public init(
        id: String, name: String, unece: String?, issuer: String, validityDays: Int?, leadTimeHours: P5090,
        costUSD: Double, howToObtain: String, source: String, location: SourceLocation? = nil
    ) {
        self.id = id; self.name = name; self.unece = unece; self.issuer = issuer; self.validityDays = validityDays
        self.leadTimeHours = leadTimeHours; self.costUSD = costUSD; self.howToObtain = howToObtain
        self.source = source; self.location = location
    }

    /// The issuer role in words, for a checklist ("plant-protection authority").
    public var issuerInWords: String {
        switch issuer {
        case "plant-protection": return "plant-protection authority"
        case "veterinary": return "veterinary authority"
        case "customs": return "customs authority"
        case "chamber-of-commerce": return "chamber of commerce"
        case "guarantor": return "national guarantee association"
        case "health": return "health authority"
        case "halal": return "halal certification body"
        case "standards": return "conformity assessment body"
        default: return issuer
        }
    }
}

/// The document catalogue, by id. Built once at load and only read after.
public struct DocumentCatalogue: Sendable {
    /// The entries in the order they were loaded, for reads in place: `entries[i].name` copies
    /// one field, where a lookup that returns the entry copies all of it (retaining each text).
    public let entries: [DocumentType]
    /// Each entry's `issuerInWords`, worked out once: every checklist row names its issuer.
    public let issuersInWords: [String]
    /// Each entry's issuer in words before a country ("exporter in ", "customs authority of ").
    public let issuerPrefixes: [String]
    /// The entries' ids, numbered by position: every document of every manifest is looked up.
    private let positions: TextTable

    public init(_ list: [DocumentType]) {
        entries = list
        issuersInWords = list.map(\.issuerInWords)
        issuerPrefixes = issuersInWords.map(DocumentCatalogue.issuerPrefix)
        positions = TextTable(list.map(\.id))
    }

    /// An issuer in words, as it stands before a country: exporters and carriers are in one.
    public static func issuerPrefix(_ who: String) -> String {
        who == "exporter" || who == "carrier" ? who + " in " : who + " of "
    }

    /// Where the entry for `id` is in `entries` (the first, if an id is given twice).
    public func position(of id: String) -> Int? { positions.number(of: id) }
    public subscript(id: String) -> DocumentType? { position(of: id).map { entries[$0] } }
    public var ids: [String] { Set(positions.texts).sorted() }
}
