import Testing
import TransitCore
import TransitYAML
@testable import TransitEngine

/// Every example of every bundled pack, the way SwiftLint runs each rule's examples.
@Suite struct RuleExampleTests {
    static let examples = Checkout.workspace.examples

    @Test func everyRuleHasAnExample() {
        let covered = Set(Self.examples.map(\.rule))
        let rules = Checkout.workspace.ruleSet.rules.map(\.id)
        #expect(rules.filter { !covered.contains($0) } == [])
    }

    @Test(arguments: examples.indices)
    func example(_ i: Int) {
        let e = Self.examples[i]
        let result = Checkout.workspace.run(e)
        #expect(result.passed, "\(e.location) \(e.rule): \(e.name)\n  \(result.failures.joined(separator: "\n  "))")
    }

    @Test func aWrongExpectationFailsWithADiff() throws {
        var e = try #require(Self.examples.first { $0.rule == "tir-carnet" })
        e.expect = Expectation()
        e.expect.verdict = .ready
        e.expect.present = ["tir-carnet"]
        let result = Checkout.workspace.run(e)
        #expect(!result.passed)
        #expect(result.failures.contains { $0.contains("verdict: expected ready") })
        #expect(result.failures.contains { $0.contains("expected tir-carnet to be present") })
    }
}

/// Every rule, figure and membership of the bundled data carries a source.
@Suite struct SourceTests {
    @Test func everyBundledRuleFigureAndMembershipHasASource() {
        let w = Checkout.workspace
        #expect(w.ruleSet.rules.filter { $0.source.isEmpty }.map(\.id) == [])
        #expect(w.ruleSet.documents.entries.filter { $0.source.isEmpty }.map(\.id) == [])
        #expect(
            w.network.links.filter { $0.source.isEmpty || ($0.border?.source.isEmpty ?? false) }.map {
                "\($0.from)-\($0.to)"
            } == [])
        #expect(w.network.places.values.filter { ($0.source ?? "").isEmpty }.map(\.id) == [])
        #expect(
            w.ruleSet.agreements.values.flatMap { a in
                a.parties.filter { $0.source.isEmpty }.map { "\(a.id) \($0.country)" }
            } == [])
        #expect(w.network.tariffs.allSatisfy { !$0.source.isEmpty })
    }

    @Test func anExpectationCanFailOnAFindingThatShouldNotBeThere() throws {
        var e = try #require(
            RuleExampleTests.examples.first { $0.rule == "pk-no-pork" && $0.name.contains("pork is blocked") })
        e.expect = Expectation()
        e.expect.notFindings = ["prohibited"]
        #expect(!Checkout.workspace.run(e).passed)
    }
}
