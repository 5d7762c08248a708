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
