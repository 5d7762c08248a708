import TransitCore

/// Reads agreements and their parties (`rules/agreements/*.yaml`).
public enum AgreementDecoder {
    /// The agreements in a file, and the problems found reading it.
    public static func decode(_ root: YAMLNode, file: String) -> (agreements: [Agreement], diagnostics: [Diagnostic]) {
        let s = Schema(file: file)
        var out: [Agreement] = []
        if let f = s.fields(root, "agreements file", allowed: ["agreements"], required: ["agreements"]) {
            for (i, item) in (s.sequence(f["agreements"], "agreements") ?? []).enumerated() {
                let what = "agreements[\(i)]"
                guard
                    let a = s.fields(
                        item, what, allowed: ["id", "name", "source", "parties", "notes"],
                        required: ["id", "name", "source", "parties"]),
                    let id = s.identifier(a["id"], "\(what).id"), let name = s.string(a["name"], "\(what).name")
                else { continue }
                _ = s.string(a["notes"], "\(what).notes")
                var parties: [Membership] = []
                for (j, p) in (s.sequence(a["parties"], "\(what).parties") ?? []).enumerated() {
                    let pw = "\(what).parties[\(j)]"
                    guard
                        let pf = s.fields(
                            p, pw, allowed: ["country", "since", "until", "source"], required: ["country", "source"]),
                        let c = s.country(pf["country"], "\(pw).country")
                    else { continue }
                    let range = DayRange(
                        from: s.day(pf["since"], "\(pw).since"), until: s.day(pf["until"], "\(pw).until"))
                    if range.isEmpty { s.error("empty-range", "\(pw) ends before it starts", at: p) }
                    parties.append(Membership(country: c, period: range, source: s.source(pf, pw)))
                }
                out.append(
                    Agreement(id: id, name: name, parties: parties, source: s.source(a, what), location: item.location))
            }
        }
        return (out, s.diagnostics.all)
    }
}
