/// All rules loaded once into an immutable index, so that evaluating a checkpoint touches only
/// the rules that can apply there: by checkpoint kind, then country, then HS prefix.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    public let packs: [RulePack]
    public let documents: DocumentCatalogue
    /// The agreements by id.
    public let agreements: [String: Agreement]

    private struct Bucket: Sendable {
        var ungated: [Int] = []
        var byHSPrefix: [String: [Int]] = [:]
    }
    private struct Key: Hashable, Sendable { var kind: CheckpointKind; var country: String }
    private let buckets: [Key: Bucket]
    /// The lengths of HS prefixes that some rule is gated on, so lookups try only those.
    private let gateLengths: [Int]

    public init(packs: [RulePack], documents: DocumentCatalogue, agreements: [Agreement]) {
        self.packs = packs
        self.documents = documents
        self.agreements = Dictionary(agreements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rules: [Rule] = []
        for pack in packs { rules += pack.rules }
        var groups: [[[String]]: Int] = [:]
        for i in rules.indices {
            rules[i].mergeable = rules[i].requirements.map { requirement in
                let alternatives = requirement.alternatives
                let key = alternatives.map { $0.map(\.document) }
                let group = groups[key] ?? groups.count
                if group == groups.count { groups[key] = group }
                return MergeableRequirement(
                    group: group, alternatives: alternatives,
                    positions: alternatives.map { $0.map { documents.position(of: $0.document) } },
                    perLine: alternatives.contains { $0.contains { $0.per == .line } })
            }
        }
        self.rules = rules
        var buckets: [Key: Bucket] = [:]
        var lengths = Set<Int>()
        for (i, rule) in rules.enumerated() {
            let gate = rule.when?.hsGate
            for kind in rule.at {
                for country in rule.countries.isEmpty ? ["*"] : rule.countries {
                    let key = Key(kind: kind, country: country)
                    if let gate {
                        for p in gate {
                            buckets[key, default: Bucket()].byHSPrefix[p, default: []].append(i);
                            lengths.insert(p.utf8.count)
                        }
                    } else {
                        buckets[key, default: Bucket()].ungated.append(i)
                    }
                }
            }
        }
        self.buckets = buckets
        self.gateLengths = lengths.sorted()
    }

    /// The HS prefixes of a shipment's lines that some rule is gated on; compute once per shipment.
    public func gatePrefixes(of hsCodes: [String]) -> [String] {
        var out = Set<String>()
        for hs in hsCodes {
            let u = hs.utf8
            for n in gateLengths where n <= u.count { out.insert(String(hs.prefix(n))) }
        }
        return out.sorted()
    }

    /// Indices into `rules` of the candidates at a checkpoint, in load order, without duplicates.
    public func candidates(kind: CheckpointKind, country: String, prefixes: [String]) -> [Int] {
        var out: [Int] = []
        /// The rules of the bucket for `c` that apply to these goods.
        func collect(_ c: String) {
            guard let b = buckets[Key(kind: kind, country: c)] else { return }
            out += b.ungated
            for p in prefixes { if let r = b.byHSPrefix[p] { out += r } }
        }
        collect(country)
        collect("*")
        if out.count > 1 {
            out.sort()
            var unique: [Int] = []
            unique.reserveCapacity(out.count)
            for i in out where unique.last != i { unique.append(i) }
            return unique
        }
        return out
    }

    /// The rule with this id, if the set has one.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }
}
