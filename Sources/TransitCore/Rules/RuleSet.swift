/// All rules loaded once into an immutable index, so that evaluating a checkpoint touches only
/// the rules that can apply there: by checkpoint kind, then country, then HS prefix.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    public let packs: [RulePack]
    public let documents: DocumentCatalogue
    /// The agreements by id.
    public let agreements: [String: Agreement]

    /// The rules that may apply at one kind of checkpoint in one country (or `*`, any country).
    private struct Bucket: Sendable {
        var ungated: [Int] = []
        /// The numbers (in `prefixNumbers`) of the HS prefixes some rule here is gated on,
        /// ascending, and for each the rules gated on it: a shipment's few prefixes, also
        /// ascending, are found by walking both lists together, without hashing.
        var gatedPrefixes: [Int] = []
        var gatedRules: [[Int]] = []

        mutating func gate(_ rule: Int, on prefix: Int) {
            let i = gatedPrefixes.firstIndex { $0 >= prefix } ?? gatedPrefixes.count
            if i == gatedPrefixes.count || gatedPrefixes[i] != prefix {
                gatedPrefixes.insert(prefix, at: i)
                gatedRules.insert([], at: i)
            }
            gatedRules[i].append(rule)
        }
    }
    private struct Key: Hashable, Sendable { var kind: CheckpointKind; var country: String }
    /// The buckets by checkpoint kind and country, found without hashing a text: for each kind,
    /// a slot for every pair of capital letters (`CountryCode.letterPairIndex`) and one for `*`.
    private let bucketTable: [Bucket?]
    private static let slotsPerKind = 26 * 26 + 1
    /// Buckets of countries that are not two capital letters (the loader refuses them; a rule
    /// set built in code may still hold one).
    private let otherBuckets: [Key: Bucket]
    /// Every HS prefix some rule is gated on, numbered, so that a shipment's prefixes are
    /// looked up once, not once per checkpoint.
    private let prefixNumbers: TextTable
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
            for p in rules[i].procedures.indices {
                let name = rules[i].procedures[p].name
                rules[i].procedures[p].stepNames = CheckpointKind.allCases.map { Procedure.stepName(name, at: $0) }
            }
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
        var prefixNumbers: [String: Int] = [:], prefixes: [String] = []
        for (i, rule) in rules.enumerated() {
            let gate = rule.when?.hsGate
            for kind in rule.at {
                for country in rule.countries.isEmpty ? ["*"] : rule.countries {
                    let key = Key(kind: kind, country: country)
                    if let gate {
                        for p in gate {
                            let n = prefixNumbers[p] ?? prefixNumbers.count
                            if n == prefixes.count { prefixNumbers[p] = n; prefixes.append(p) }
                            buckets[key, default: Bucket()].gate(i, on: n)
                            lengths.insert(p.utf8.count)
                        }
                    } else {
                        buckets[key, default: Bucket()].ungated.append(i)
                    }
                }
            }
        }
        var table = [Bucket?](repeating: nil, count: CheckpointKind.allCases.count * RuleSet.slotsPerKind)
        for (key, bucket) in buckets {
            if let slot = RuleSet.slot(key.kind, key.country) { table[slot] = bucket }
        }
        self.bucketTable = table
        self.otherBuckets = buckets.filter { RuleSet.slot($0.key.kind, $0.key.country) == nil }
        self.prefixNumbers = TextTable(prefixes)
        self.gateLengths = lengths.sorted()
    }

    /// Where the bucket of `kind` and `country` is in `bucketTable`; nil for a country that is
    /// neither `*` nor two capital letters.
    private static func slot(_ kind: CheckpointKind, _ country: String) -> Int? {
        let k = kind.number * slotsPerKind
        if country == "*" { return k + slotsPerKind - 1 }
        return CountryCode.letterPairIndex(country).map { k + $0 }
    }

    /// The HS prefixes of a shipment's lines that some rule is gated on, by their numbers, for
    /// `candidates`; compute once per shipment.
    public func gatePrefixes(of hsCodes: [String]) -> [Int] {
        var out: [Int] = []
        for var hs in hsCodes {
            // Each prefix is looked up as the first bytes of the code, not made into a text.
            hs.withUTF8 { u in
                for n in gateLengths where n <= u.count {
                    if let p = prefixNumbers.number(ofUTF8: UnsafeBufferPointer(rebasing: u[..<n])), !out.contains(p) {
                        out.append(p)
                    }
                }
            }
        }
        return out.sorted()
    }

    /// Indices into `rules` of the candidates at a checkpoint, in load order, without duplicates.
    public func candidates(kind: CheckpointKind, country: String, prefixes: [Int]) -> [Int] {
        var out: [Int] = []
        candidates(kind: kind, country: country, prefixes: prefixes, into: &out)
        return out
    }

    /// The candidates at a checkpoint, as `candidates(kind:country:prefixes:)` gives them, written
    /// into `out` (emptied first, its room kept): a check reuses one list at every checkpoint.
    public func candidates(kind: CheckpointKind, country: String, prefixes: [Int], into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        // `gatePrefixes` gives them ascending; a list from elsewhere is put in order first.
        let prefixes = zip(prefixes, prefixes.dropFirst()).allSatisfy { $0 <= $1 } ? prefixes : prefixes.sorted()
        /// The rules of the bucket for `c` that apply to these goods.
        func collect(_ c: String) {
            let bucket: Bucket?
            if let slot = RuleSet.slot(kind, c) {
                bucket = bucketTable[slot]
            } else {
                bucket = otherBuckets[Key(kind: kind, country: c)]
            }
            guard let b = bucket else { return }
            out += b.ungated
            // Both lists ascend: each step moves past the smaller number.
            var i = 0, j = 0
            while i < prefixes.count && j < b.gatedPrefixes.count {
                if prefixes[i] < b.gatedPrefixes[j] {
                    i += 1
                } else if prefixes[i] > b.gatedPrefixes[j] {
                    j += 1
                } else {
                    out += b.gatedRules[j]
                    i += 1; j += 1
                }
            }
        }
        collect(country)
        collect("*")
        guard out.count > 1 else { return }
        out.sort()
        var kept = 1
        for i in 1..<out.count where out[i] != out[kept - 1] {
            out[kept] = out[i]
            kept += 1
        }
        out.removeLast(out.count - kept)
    }

    /// The rule with this id, if the set has one.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }
}

extension CheckpointKind {
    /// The kind's place in `allCases`, without building the list.
    var number: Int {
        switch self {
        case .export: return 0
        case .exit: return 1
        case .entry: return 2
        case .transit: return 3
        case .transshipment: return 4
        case .import: return 5
        }
    }
}
