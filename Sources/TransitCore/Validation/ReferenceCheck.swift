/// Checks what single files cannot: that links and corridors name known places, consecutive
/// corridor places are linked, border links carry crossing data, rules name known documents and
/// agreements, and ids are unique across files.
public enum ReferenceCheck {
    /// The network's reference problems: duplicate place and corridor ids, links and corridors naming
    /// unknown places, border links without crossing figures, corridor places no link joins, and
    /// modes without a general tariff. `places` and `corridors` are as read, before duplicates merged.
    public static func network(_ network: Network, places: [Place], corridors: [Corridor]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen = Set<String>()
        for p in places where !seen.insert(p.id).inserted {
            out.append(Diagnostic("duplicate-id", "place `\(p.id)` is defined twice", at: p.location))
        }
        var seenCorridors = Set<String>()
        for c in corridors where !seenCorridors.insert(c.id).inserted {
            out.append(Diagnostic("duplicate-id", "corridor `\(c.id)` is defined twice", at: c.location))
        }
        let known = network.places.keys
        for l in network.links {
            for id in [l.from, l.to] where network.places[id] == nil {
                out.append(
                    Diagnostic(
                        "unknown-place", "link names unknown place `\(id)`", at: l.location,
                        help: DidYouMean.help(id, among: known)))
            }
            if let a = network.places[l.from], let b = network.places[l.to], a.country != b.country, l.border == nil {
                out.append(
                    Diagnostic(
                        "missing-key",
                        "link \(l.from)–\(l.to) crosses from \(a.country) to \(b.country) and needs `border`",
                        at: l.location))
            }
        }
        for c in corridors {
            for id in c.via where network.places[id] == nil {
                out.append(
                    Diagnostic(
                        "unknown-place", "corridor `\(c.id)` names unknown place `\(id)`", at: c.location,
                        help: DidYouMean.help(id, among: known)))
            }
            for (a, b) in zip(c.via, c.via.dropFirst()) where network.places[a] != nil && network.places[b] != nil {
                if network.links(from: a, to: b, preferring: nil).isEmpty {
                    out.append(
                        Diagnostic(
                            "corridor-gap", "corridor `\(c.id)` goes from \(a) to \(b) but no link joins them",
                            at: c.location))
                }
            }
        }
        for mode in Set(network.links.map(\.mode)) where network.tariff(mode: mode, country: "") == nil {
            out.append(
                Diagnostic(
                    "missing-tariff", "no general tariff for mode \(mode.rawValue)",
                    at: network.links.first { $0.mode == mode }?.location))
        }
        return out
    }

    /// The rule packs' reference problems: duplicate rule ids, unknown documents and unknown agreements.
    public static func rules(
        _ packs: [RulePack], documents: DocumentCatalogue, agreements: [String: Agreement]
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for pack in packs {
            for rule in pack.rules {
                if let first = seen[rule.id] {
                    out.append(
                        Diagnostic("duplicate-id", "rule `\(rule.id)` is also defined at \(first)", at: rule.location))
                } else {
                    seen[rule.id] = rule.location
                }
                for r in rule.requirements {
                    for d in r.alternatives.joined() where documents[d.document] == nil {
                        out.append(
                            Diagnostic(
                                "unknown-document", "rule `\(rule.id)` requires unknown document `\(d.document)`",
                                at: d.location ?? rule.location, help: DidYouMean.help(d.document, among: documents.ids)
                            ))
                    }
                }
                if let when = rule.when { out += agreementReferences(when, agreements) }
            }
        }
        return out
    }

    private static func agreementReferences(_ c: Condition, _ agreements: [String: Agreement]) -> [Diagnostic] {
        switch c {
        case .all(let cs), .any(let cs): return cs.flatMap { agreementReferences($0, agreements) }
        case .not(let sub): return agreementReferences(sub, agreements)
        case .match(let path, let m, let loc):
            guard path == .computed(.routeAllParties) || path == .computed(.shipmentRegime) else { return [] }
            let ids: [String]
            switch m {
            case .equals(.text(let t)): ids = [t]
            case .oneOf(let v): ids = v.map(\.description)
            default:
                return path == .computed(.routeAllParties)
                    ? [Diagnostic("bad-matcher", "route.all_parties takes one agreement id", at: loc)] : []
            }
            return ids.filter { agreements[$0] == nil && !Shipment.nationalRegimes.contains($0) }.map {
                Diagnostic(
                    "unknown-agreement", "unknown agreement `\($0)`", at: loc,
                    help: DidYouMean.help($0, among: agreements.keys))
            }
        }
    }
}
