/// Findings remembered from an earlier run, by manifest (its id, or its file when it has none):
/// `batch --baseline` shows only what is new since (SwiftLint's baseline is the model).
public struct Baseline: Sendable, Equatable {
    /// Baseline keys of the items each manifest had, by manifest key (`CompactRow.manifestKey`).
    public var keys: [String: Set<String>]
    public init(keys: [String: Set<String>] = [:]) { self.keys = keys }

    /// The baseline of rows checked before.
    public init(rows: [CompactRow]) {
        keys = [:]
        for r in rows { keys[r.manifestKey, default: []].formUnion(r.baselineKeys) }
    }
}

/// What a batch leaves out of its rows: findings its baseline already had, and findings a waiver
/// silences until it expires. Pure: the day to judge expiry by is given.
public struct Review: Sendable {
    public var waivers: [Waiver]
    public var baseline: Baseline?
    /// The day against which waivers' expiry is judged.
    public var today: Day

    public init(waivers: [Waiver] = [], baseline: Baseline? = nil, today: Day) {
        self.waivers = waivers; self.baseline = baseline; self.today = today
    }

    /// True when there is nothing to leave out: no waivers and no baseline.
    public var isEmpty: Bool { waivers.isEmpty && baseline == nil }

    /// The row with its baselined and waived items taken out (counted, and the waivers named),
    /// and an error for each expired waiver that would still apply.
    public func apply(to row: CompactRow) -> CompactRow {
        var row = row
        let known = baseline?.keys[row.manifestKey] ?? []
        let mine = waivers.filter { $0.covers(id: row.id, file: row.file) }
        var expired: [Waiver] = []
        func keep(key: String, rules: [String]) -> Bool {
            if known.contains(key) { row.baselined += 1; return false }
            for w in mine where rules.contains(w.rule) {
                if w.isExpired(on: today) {
                    if !expired.contains(w) { expired.append(w) }
                    continue
                }
                row.waived.append(CompactRow.Waived(key: key, waiver: w))
                return false
            }
            return true
        }
        row.blockers = row.blockers.filter { keep(key: $0.baselineKey, rules: $0.ruleIDs) }
        row.documents = row.documents.filter { keep(key: $0.baselineKey, rules: $0.rules) }
        row.warnings = row.warnings.filter { keep(key: $0.baselineKey, rules: $0.ruleIDs) }
        for w in expired {
            row.expiredWaivers.append(
                CompactRow.Item(
                    severity: .error, code: FindingCode.waiverExpired.rawValue,
                    message:
                        "the waiver of `\(w.rule)` for `\(w.manifest)` expired on \(w.expires) "
                        + "(\(w.reason); \(w.who)); its finding shows again",
                    rule: w.rule, location: w.location))
        }
        return row
    }
}
