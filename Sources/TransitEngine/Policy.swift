import Foundation
import TransitCore
import TransitYAML

/// What `rules lint` found: every load problem and semantic warning, and the assumption count.
public struct LintResult: Sendable {
    public var diagnostics: [Diagnostic]
    /// How many `source` fields the rules and network have.
    public var sources: Int
    /// How many of those sources say their figure is an assumption.
    public var assumptions: Int
    /// How many of the diagnostics are errors.
    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// `rules lint`, `rules test`, `rules diff` and `rules coverage`: the policy team's tools,
/// over the same loading and evaluation as `check`.
public enum Policy {
    /// `rules lint`: the rules directory (and any drafts) loaded and linted; a load that fails gives
    /// its diagnostics and no counts.
    public static func lint(rulesDirectory: String, drafts: [String] = []) -> LintResult {
        switch Workspace.load(rulesDirectory: rulesDirectory, drafts: drafts) {
        case .failure(let f): return LintResult(diagnostics: f.diagnostics, sources: 0, assumptions: 0)
        case .success(let w):
            let sources = Lint.sources(w.ruleSet, w.network)
            return LintResult(
                diagnostics: w.warnings + Lint.check(w.ruleSet, w.network), sources: sources.count,
                assumptions: sources.filter(Lint.isAssumption).count)
        }
    }

    /// Every example of every pack and every test in `tests/`.
    public static func test(_ w: Workspace) -> [ExampleResult] {
        (w.examples + w.tests).map(w.run)
    }

    /// Checks a corpus once, in input order, with bad files kept as rows.
    public static func check(_ w: Workspace, _ files: [String], options: CheckOptions) -> [CheckOutcome] {
        files.map { w.check(file: $0, options: options) }
    }

    /// How often each rule fired on a corpus, in load order, never-fired ones included.
    public static func coverage(_ w: Workspace, _ outcomes: [CheckOutcome]) -> [(rule: Rule, shipments: Int)] {
        var counts: [String: Int] = [:]
        for case .report(let r) in outcomes { for id in r.firedRules { counts[id, default: 0] += 1 } }
        return w.ruleSet.rules.map { ($0, counts[$0.id, default: 0]) }
    }
}
