import TransitCore

/// The codes a person writing a manifest needs: the known places (UN/LOCODEs, with country and
/// kind) and the document types of the catalogue, as text or JSON.
public enum CatalogueReports {
    /// Places sorted by country and id, optionally of one country only.
    public static func places(_ network: Network, country: String? = nil) -> [Place] {
        network.places.values.filter { country == nil || $0.country == country }
            .sorted { ($0.country, $0.id) < ($1.country, $1.id) }
    }

    /// `places list`: one line per place (code, country, kind, name).
    public static func placesText(_ places: [Place]) -> String {
        places.map { p in
            "\(p.id.padded(7)) \(p.country)  \(p.kind.rawValue.padded(13)) "
                + "\(p.name)\(p.officialCode ? "" : "  (unofficial code)")\n"
        }.joined()
    }

    /// `places list --format json`: one object per place.
    public static func placesJSON(_ places: [Place]) -> JSONValue {
        .array(
            places.map { p in
                .object([
                    ("id", .string(p.id)), ("name", .string(p.name)), ("country", .string(p.country)),
                    ("kind", .string(p.kind.rawValue)), ("official_code", .bool(p.officialCode)),
                ])
            })
    }

    /// `documents list`: one line per document type.
    public static func documentsText(_ catalogue: DocumentCatalogue) -> String {
        catalogue.entries.sorted { $0.id < $1.id }.map { d in
            "\(d.id.padded(30)) \((d.unece ?? "").padded(4)) \(d.name) — from \(d.issuerInWords)\n"
        }.joined()
    }

    /// `documents list --format json`: one object per document type.
    public static func documentsJSON(_ catalogue: DocumentCatalogue) -> JSONValue {
        .array(
            catalogue.entries.sorted { $0.id < $1.id }.map { d in
                .object([
                    ("id", .string(d.id)), ("name", .string(d.name)), ("unece", d.unece.map(JSONValue.string) ?? .null),
                    ("issuer", .string(d.issuerInWords)),
                    ("validity_days", d.validityDays.map { .number(Double($0), decimals: 0) } ?? .null),
                    ("lead_time_hours", .quantiles(d.leadTimeHours, decimals: 1)),
                    ("cost_usd", .number(d.costUSD, decimals: 0)), ("how_to_obtain", .string(d.howToObtain)),
                ])
            })
    }
}
