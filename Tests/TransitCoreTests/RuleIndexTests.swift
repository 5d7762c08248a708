import Testing

@testable import TransitCore

/// The rule set's index (`RuleSet.candidates`) against the rules read one by one: at every
/// checkpoint kind and country, for every set of HS codes, it gives exactly the rules whose
/// kinds, countries and HS gate let them apply, in load order, each once.
struct RuleIndexTests {
    static let countries = ["KZ", "PK", "UZ", "AF", "ZZ", "kz", "EUR"]
    static let hsSets = [[], ["0701900000"], ["0201", "080810"], ["0808", "0701"], ["99"], ["0"]]

    /// Rules of every kind, in one country, several, any (`*`) or an odd code a rule set built
    /// in code may hold, gated on HS prefixes or not.
    static let rules: [Rule] = {
        let kinds = CheckpointKind.allCases
        let countryChoices: [[String]] = [[], ["KZ"], ["PK", "UZ"], ["kz"], ["EUR", "AF"]]
        let gates: [Condition?] = [
            nil, Fixture.potatoes,
            .match(FieldPath(rawValue: "goods.hs")!, .prefix(["0808", "02"]), nil),
            .all([Fixture.potatoes, .match(FieldPath(rawValue: "goods.hs")!, .prefix(["07019"]), nil)]),
        ]
        var out: [Rule] = []
        for (k, kind) in kinds.enumerated() {
            for (c, countries) in countryChoices.enumerated() {
                for (g, gate) in gates.enumerated() where (k + c + g) % 2 == 0 {
                    let at = k % 3 == 0 ? [kind, kinds[(k + 2) % kinds.count]] : [kind]
                    out.append(Fixture.rule("r\(k)-\(c)-\(g)", at: at, countries: countries, when: gate))
                }
            }
        }
        return out
    }()

    /// Whether `rule` may apply at a checkpoint of `kind` in `country` to goods with `hs` codes.
    static func mayApply(_ rule: Rule, _ kind: CheckpointKind, _ country: String, _ hs: [String]) -> Bool {
        guard rule.at.contains(kind), rule.countries.isEmpty || rule.countries.contains(country) else { return false }
        guard let gate = rule.when?.hsGate else { return true }
        return hs.contains { code in gate.contains { code.hasPrefix($0) } }
    }

    @Test func candidatesAreTheRulesThatMayApply() {
        let pack = RulePack(
            id: "p", title: "p", status: .inForce, effective: DayRange(), source: "test", rules: Self.rules,
            file: "pack.yaml")
        let set = RuleSet(packs: [pack], documents: Fixture.documents, agreements: [])
        var checked = 0
        // One list reused for every call, as a check reuses it from checkpoint to checkpoint.
        var reused: [Int] = []
        for kind in CheckpointKind.allCases {
            for country in Self.countries {
                for hs in Self.hsSets {
                    let got = set.candidates(kind: kind, country: country, prefixes: set.gatePrefixes(of: hs))
                    let want = set.rules.indices.filter { Self.mayApply(set.rules[$0], kind, country, hs) }
                    #expect(got == want, "\(kind) \(country) \(hs)")
                    set.candidates(kind: kind, country: country, prefixes: set.gatePrefixes(of: hs), into: &reused)
                    #expect(reused == want, "reused list: \(kind) \(country) \(hs)")
                    // Prefixes given in another order than `gatePrefixes` gives them find the same.
                    let reversed = Array(set.gatePrefixes(of: hs).reversed())
                    #expect(set.candidates(kind: kind, country: country, prefixes: reversed) == want)
                    if !want.isEmpty { checked += 1 }
                }
            }
        }
        #expect(checked > 100)
    }

    /// Tables by checkpoint kind (the index's buckets, procedures' step names) use its number.
    @Test func kindNumbersAreTheirPlacesInAllCases() {
        #expect(CheckpointKind.allCases.map(\.number) == Array(CheckpointKind.allCases.indices))
        let rule = Fixture.rule("inspect", at: [.entry, .export])
        var withProcedure = rule
        withProcedure.procedures = [Procedure(name: "phytosanitary inspection", hours: .zero, costUSD: .zero)]
        let pack = RulePack(
            id: "p", title: "p", status: .inForce, effective: DayRange(), source: "test", rules: [withProcedure],
            file: "pack.yaml")
        let set = RuleSet(packs: [pack], documents: Fixture.documents, agreements: [])
        for kind in CheckpointKind.allCases {
            #expect(set.rules[0].procedures[0].stepName(at: kind) == "phytosanitary inspection at \(kind.rawValue)")
        }
    }
}

/// Which computed paths are read line by line is a list of cases; it must match their names.
struct ComputedPathTests {
    @Test func goodsPathsAreThoseSpeltGoods() {
        for path in ComputedPath.allCases {
            #expect(path.isGoods == path.rawValue.hasPrefix("goods."), "\(path.rawValue)")
            #expect(FieldPath.computed(path).isGoods == path.isGoods)
        }
    }
}
