/// What a draft's `supersedes` does to the rule set: a rule another supersedes stops applying the
/// day the new one starts, or at once if the new one has no start. Pure, so that the loader only
/// reads files and the rule set's meaning lives with the rules.
public enum Supersession {
    /// The packs with each superseded rule ended (or removed), the ids superseded, and an error for
    /// each id that names no rule.
    public static func apply(
        to packs: [RulePack]
    ) -> (packs: [RulePack], superseded: Set<String>, diagnostics: [Diagnostic]) {
        var from: [String: Day?] = [:]
        for p in packs { for r in p.rules { for id in r.supersedes { from[id] = r.effective.from } } }
        let known = Set(packs.flatMap { $0.rules.map(\.id) })
        var diagnostics: [Diagnostic] = []
        for p in packs {
            for r in p.rules {
                for id in r.supersedes where !known.contains(id) {
                    diagnostics.append(
                        Diagnostic(
                            "unknown-rule", "rule `\(r.id)` supersedes unknown rule `\(id)`", at: r.location,
                            help: DidYouMean.help(id, among: known)))
                }
            }
        }
        guard !from.isEmpty else { return (packs, [], diagnostics) }
        let ended = packs.map { p in
            var p = p
            p.rules = p.rules.compactMap { rule in
                guard let start = from[rule.id] else { return rule }
                guard let start else { return nil }
                var r = rule
                r.effective.until = [r.effective.until, start.adding(days: -1)].compactMap { $0 }.min()
                return r
            }
            return p
        }
        return (ended, Set(from.keys), diagnostics)
    }
}
