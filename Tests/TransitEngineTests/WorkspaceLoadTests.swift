import Foundation
import Testing
import TransitCore
import TransitReports
@testable import TransitEngine

/// A rules directory is read and decoded on several threads (`batch --jobs`); what it loads must
/// not depend on how many, or on which thread finished first.
@Suite struct WorkspaceLoadTests {
    static let rules = Checkout.root + "/rules"

    @Test func threadsDoNotChangeTheWorkspace() throws {
        let one = try Workspace.load(rulesDirectory: Self.rules, drafts: [DraftImpactTests.draft], threads: 1).get()
        let many = try Workspace.load(rulesDirectory: Self.rules, drafts: [DraftImpactTests.draft], threads: 4).get()
        #expect(many.rulesDigest == one.rulesDigest)
        #expect(many.ruleSet.rules.map(\.id) == one.ruleSet.rules.map(\.id))
        #expect(many.ruleSet.rule(id: "kzpk-plant-import-permit") != nil, "the named draft is loaded")
        #expect(many.ruleSet.documents.entries.map(\.id) == one.ruleSet.documents.entries.map(\.id))
        #expect(many.network.places.keys.sorted() == one.network.places.keys.sorted())
        #expect(many.network.corridors.keys.sorted() == one.network.corridors.keys.sorted())
        #expect(many.examples.map(\.name) == one.examples.map(\.name))
        #expect(many.tests.map(\.name) == one.tests.map(\.name))
        #expect(many.warnings.map(DiagnosticText.render) == one.warnings.map(DiagnosticText.render))
    }

    /// Problems are reported in file order whatever the threads: a directory with every planted
    /// lint error gives the same list, in the same order, on one thread and on four.
    @Test func threadsKeepTheOrderOfProblems() throws {
        let (root, rules, _) = try checkoutWith(pack: Checkout.root + "/Tests/Fixtures/lint/duplicate-id.yaml")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in LintTests.fixtures {
            try FileManager.default.copyItem(
                atPath: Checkout.root + "/Tests/Fixtures/lint/" + name, toPath: rules + "/fixture/copy-" + name)
        }
        func problems(_ threads: Int) -> [String] {
            guard case .failure(let f) = Workspace.load(rulesDirectory: rules, threads: threads) else { return [] }
            return f.diagnostics.map(DiagnosticText.render)
        }
        let one = problems(1)
        #expect(Set(one.compactMap { $0.split(separator: ":").first }).count > LintTests.fixtures.count / 2)
        for _ in 0..<3 { #expect(problems(4) == one) }
    }

    /// The digest `--record` stores is SHA-256 over each loaded file's shown path and bytes, the
    /// drafts named last: records made before the files were read in parallel still compare.
    @Test func digestIsOverEachFilesPathAndBytesInOrder() throws {
        let w = try Workspace.load(rulesDirectory: Self.rules, drafts: [DraftImpactTests.draft], threads: 2).get()
        var sha = SHA256()
        let files = Files.yamlFiles(under: Self.rules).filter { !$0.contains("/rules/drafts/") }
        for path in files + [DraftImpactTests.draft] {
            sha.add(Array(Paths.display(path, relativeTo: Checkout.root).utf8) + [0])
            sha.add(try #require(FileManager.default.contents(atPath: path)))
            sha.add([0])
        }
        #expect(w.rulesDigest == sha.hex())
    }

    @Test(arguments: [0, 1, 2, 3, 7])
    func inParallelGivesResultsInIndexOrder(threads: Int) {
        for count in [0, 1, 2, 5, 64] {
            #expect(inParallel(count, threads: threads) { $0 * $0 } == (0..<count).map { $0 * $0 })
        }
        // Earlier indices take longest, so with more than one thread later ones finish first.
        let slowFirst = inParallel(6, threads: threads) { i -> Int in
            usleep(UInt32(6 - i) * 5_000)
            return i
        }
        #expect(slowFirst == Array(0..<6))
    }
}
