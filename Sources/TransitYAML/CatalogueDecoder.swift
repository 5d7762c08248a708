import TransitCore

/// Reads the document catalogue (`rules/documents.yaml`, SPEC 2.2).
public enum CatalogueDecoder {
    static let keys = [
        "id", "name", "unece", "issuer", "validity_days", "lead_time_hours", "cost_usd", "how_to_obtain", "source",
    ]

    /// The document types in a file, and the problems found reading it.
    public static func decode(_ root: YAMLNode, file: String) -> (types: [DocumentType], diagnostics: [Diagnostic]) {
        let s = Schema(file: file)
        var out: [DocumentType] = []
        var seen = Set<String>()
        if let f = s.fields(root, "document catalogue", allowed: ["documents"], required: ["documents"]) {
            for (i, item) in (s.sequence(f["documents"], "documents") ?? []).enumerated() {
                let what = "documents[\(i)]"
                guard
                    let d = s.fields(
                        item, what, allowed: keys,
                        required: ["id", "name", "issuer", "lead_time_hours", "cost_usd", "how_to_obtain", "source"]),
                    let id = s.identifier(d["id"], "\(what).id")
                else { continue }
                if !seen.insert(id).inserted {
                    s.error("duplicate-id", "document type `\(id)` is defined twice", at: d["id"]!)
                }
                let unece = s.string(d["unece"], "\(what).unece")
                if let u = unece, u.isEmpty || u.count > 3 || !u.allSatisfy(\.isNumber) {
                    s.error(
                        "bad-value",
                        "\(what).unece `\(u)` must be a UNTDID 1001 code of 1 to 3 digits (quote it: \"380\")",
                        at: d["unece"]!)
                }
                guard let name = s.string(d["name"], "\(what).name"),
                    let issuer = s.identifier(d["issuer"], "\(what).issuer"),
                    let lead = s.p5090(d["lead_time_hours"], "\(what).lead_time_hours"),
                    let cost = s.double(d["cost_usd"], "\(what).cost_usd"),
                    let how = s.string(d["how_to_obtain"], "\(what).how_to_obtain")
                else { continue }
                let validity = s.int(d["validity_days"], "\(what).validity_days", min: 1, max: 36_500)  // a century
                out.append(
                    DocumentType(
                        id: id, name: name, unece: unece, issuer: issuer, validityDays: validity,
                        leadTimeHours: lead, costUSD: cost, howToObtain: how, source: s.source(d, what),
                        location: item.location))
            }
        }
        return (out, s.diagnostics.all)
    }
}
