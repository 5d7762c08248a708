/// Semantic checks on a loaded rule set and network (`rules lint`), beyond what loading
/// rejects: documents no rule requires, rules that can never apply, rules that contradict each
/// other, places without a source, and how many figures are labelled assumptions.
public enum Lint {
    /// The lint findings for a rule set and network; counting assumptions is left to `sources`.
    public static func check(_ rules: RuleSet, _ network: Network) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let required = Set(rules.rules.flatMap { $0.requirements.flatMap(\.documentIDs) })
        for id in rules.documents.ids where !required.contains(id) {
            out.append(
                Diagnostic(
                    "unused-document", "document type `\(id)` is required by no rule",
                    at: rules.documents[id]?.location,
                    severity: .warning))
        }
        let routeCountries = Set(network.corridors.values.flatMap { $0.via.compactMap { network.places[$0]?.country } })
        for rule in rules.rules {
            for c in rule.countries where !routeCountries.contains(c) {
                out.append(
                    Diagnostic(
                        "never-applies", "rule `\(rule.id)` applies in \(c), which no corridor passes through",
                        at: rule.location, severity: .warning))
            }
            if let when = rule.when { out += hsHeadings(when, rule) }
        }
        out += contradictions(rules.rules)
        for p in network.places.values.sorted(by: { $0.id < $1.id }) where (p.source ?? "").isEmpty {
            out.append(
                Diagnostic("missing-source", "place `\(p.id)` has no source", at: p.location, severity: .warning))
        }
        return out
    }

    /// HS chapters run from 01 to 97, and 77 is reserved: a prefix outside them never matches.
    static func hsHeadings(_ c: Condition, _ rule: Rule) -> [Diagnostic] {
        switch c {
        case .all(let cs), .any(let cs): return cs.flatMap { hsHeadings($0, rule) }
        case .not(let sub): return hsHeadings(sub, rule)
        case .match(let path, let m, let loc) where path.isHS:
            let codes: [String]
            switch m {
            case .prefix(let p): codes = p
            case .equals(let s): codes = [s.description]
            case .oneOf(let v): codes = v.map(\.description)
            default: codes = []
            }
            return codes.filter { code in
                guard let chapter = Int(code.prefix(2)) else { return true }
                return chapter < 1 || chapter > 97 || chapter == 77
            }.map {
                Diagnostic(
                    "bad-hs-heading", "rule `\(rule.id)` uses HS code `\($0)`, whose chapter does not exist", at: loc)
            }
        case .match: return []
        }
    }

    /// Two rules at the same checkpoint that ask for the same document from different fixed
    /// countries, or that require documents for goods another rule prohibits there.
    static func contradictions(_ rules: [Rule]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func onlyHS(_ c: Condition) -> Bool {
            switch c {
            case .match(let path, _, _) where path.isHS: return true
            case .all(let cs): return cs.allSatisfy(onlyHS)
            default: return false
            }
        }
        func overlap(_ a: Rule, _ b: Rule) -> Bool {
            let kinds = Set(a.at).intersection(b.at)
            guard !kinds.isEmpty else { return false }
            if !a.countries.isEmpty && !b.countries.isEmpty && Set(a.countries).isDisjoint(with: b.countries) {
                return false
            }
            guard let ga = a.when?.hsGate, let gb = b.when?.hsGate else { return true }
            return ga.contains { p in gb.contains { $0.hasPrefix(p) || p.hasPrefix($0) } }
        }
        func fixedIssuers(_ r: Rule) -> [String: String] {
            var out: [String: String] = [:]
            for case .document(let d) in r.requirements { if case .country(let c) = d.issuedBy { out[d.document] = c } }
            return out
        }
        for (i, a) in rules.enumerated() {
            for b in rules[(i + 1)...] where a.pack != b.pack || a.id != b.id {
                guard overlap(a, b) else { continue }
                let fa = fixedIssuers(a), fb = fixedIssuers(b)
                for (doc, ca) in fa.sorted(by: { $0.key < $1.key }) {
                    if let cb = fb[doc], cb != ca, a.countries == b.countries {
                        out.append(
                            Diagnostic(
                                "contradiction",
                                "rules `\(a.id)` and `\(b.id)` require `\(doc)` from \(ca) and from \(cb) "
                                    + "at the same checkpoint",
                                at: b.location, severity: .warning))
                    }
                }
                // Requiring documents for goods that are all prohibited there can never help.
                // A prohibition that also asks something else (shelf life left, a date) bans only some of those goods.
                for (p, r) in [(a, b), (b, a)] where p.prohibit != nil && r.prohibit == nil && !r.requirements.isEmpty {
                    guard p.when.map(onlyHS) == true, let banned = p.when?.hsGate, let asked = r.when?.hsGate,
                        asked.allSatisfy({ q in banned.contains { q.hasPrefix($0) } })
                    else { continue }
                    out.append(
                        Diagnostic(
                            "contradiction",
                            "rule `\(r.id)` requires documents only for goods that rule `\(p.id)` prohibits",
                            at: r.location, severity: .warning))
                }
            }
        }
        return out
    }

    /// Every `source` in the rules and network, to count the labelled assumptions.
    public static func sources(_ rules: RuleSet, _ network: Network) -> [String] {
        var s: [String] = rules.rules.map(\.source) + rules.documents.entries.map(\.source)
        s += rules.agreements.values.flatMap { [$0.source] + $0.parties.map(\.source) }
        s += network.links.flatMap { [$0.source] + [$0.border?.source].compactMap { $0 } + $0.history.map(\.source) }
        s +=
            network.tariffs.map(\.source) + network.transshipment.values.map(\.source)
            + network.corridors.values.map(\.source)
        s += network.places.values.compactMap(\.source)
        return s
    }

    /// True when a source says its figure is an assumption rather than a measurement or a citation.
    public static func isAssumption(_ source: String) -> Bool { source.lowercased().contains("assumption") }
}
