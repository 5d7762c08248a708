import ArgumentParser
import Foundation
import TransitCore
import TransitEngine
import TransitReports

/// `transit-check rules …`: tools for the people who write and test rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Lint, test, explain and measure rules.",
        subcommands: [Lint.self, Test.self, Explain.self, Export.self, Diff.self, Coverage.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Report load errors and semantic problems in a rules directory.")
        @Argument(help: "Rules directory (default: the bundled rules/).") var directory: String?
        @Option(help: "Draft packs to lint with the rules.") var draft: [String] = []
        @Option(help: "text, json or sarif.") var format: LintFormat = .text
        @Flag(help: "Fail on warnings too.") var strict = false

        func run() throws {
            guard let dir = directory ?? Workspace.findRulesDirectory() else {
                Output.error("no rules directory found"); throw ExitCode(2)
            }
            let result = Policy.lint(rulesDirectory: dir, drafts: draft)
            let sorted = result.diagnostics.sorted {
                ($0.location ?? SourceLocation(file: "", line: 0, column: 0))
                    < ($1.location ?? SourceLocation(file: "", line: 0, column: 0))
            }
            switch format {
            case .json: Output.write(PolicyReports.lintJSON(sorted))
            case .sarif: Output.write(PolicyReports.lintSARIF(sorted))
            case .text:
                if !sorted.isEmpty { Output.write(DiagnosticText.render(sorted) + "\n") }
                let warnings = sorted.filter { $0.severity == .warning }.count
                Output.error(
                    "\(result.errors) errors, \(warnings) warnings; \(result.assumptions) of \(result.sources) "
                        + "sources are labelled assumptions"
                )
            }
            if result.errors > 0 || (strict && !sorted.isEmpty) { throw ExitCode(1) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run every example of every pack and the tests in tests/ beside the rules.")
        @Argument(help: "Rules directory (default: the bundled rules/).") var directory: String?
        @Option(help: "Draft packs to test with the rules.") var draft: [String] = []

        func run() throws {
            let w = try loadWorkspace(rules: directory, drafts: draft)
            let results = Policy.test(w)
            let failed = results.filter { !$0.passed }
            for r in failed {
                let what =
                    r.example.rule.isEmpty
                    ? "test `\(r.example.name)`" : "example `\(r.example.name)` of rule `\(r.example.rule)`"
                Output.write("\(r.example.location): error: \(what) failed\n")
                for f in r.failures { Output.write("  \(f)\n") }
            }
            Output.write("\(results.count - failed.count) passed, \(failed.count) failed\n")
            if !failed.isEmpty { throw ExitCode(1) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Print a rule in plain words, with its source and examples.")
        @Argument(help: "Rule id.") var id: String
        @OptionGroup var rulesOptions: RulesOptions

        func run() throws {
            let w = try rulesOptions.workspace()
            guard let rule = w.ruleSet.rule(id: id) else {
                Output.error(
                    "unknown rule `\(id)`"
                        + (DidYouMean.help(id, among: w.ruleSet.rules.map(\.id)).map { "; \($0)" } ?? ""))
                throw ExitCode(2)
            }
            var text = ConditionWords.rule(rule, w.ruleSet.documents) + "\n"
            let examples = w.examples.filter { $0.rule == id }
            if !examples.isEmpty {
                text += "  examples:\n"
                for e in examples {
                    var expect: [String] = []
                    if let v = e.expect.verdict { expect.append("verdict \(v.rawValue)") }
                    if !e.expect.missing.isEmpty {
                        expect.append("missing " + e.expect.missing.joined(separator: ", "))
                    }
                    if !e.expect.present.isEmpty {
                        expect.append("present " + e.expect.present.joined(separator: ", "))
                    }
                    if !e.expect.notRequired.isEmpty {
                        expect.append("not required " + e.expect.notRequired.joined(separator: ", "))
                    }
                    expect += e.expect.status.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.rawValue)" }
                    expect += e.expect.findings.map { "finding \($0)" }
                    text += "    - \(e.name): \(expect.joined(separator: "; "))\n"
                }
            }
            Output.write(text)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract:
                "Every loaded rule once (id, pack, title, kind, checkpoints, severity, source, file and line) "
                + "and the document catalogue: what compact batch rows cite by id."
        )
        enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }
        @OptionGroup var rulesOptions: RulesOptions
        @Option(help: "json (default) or text.") var format: Format = .json

        func run() throws {
            let w = try rulesOptions.workspace()
            Output.write(
                format == .json ? RulesExport.json(w.ruleSet, digest: w.rulesDigest) : RulesExport.text(w.ruleSet))
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Impact analysis: check a corpus with and without draft packs and list what changes.")
        @Option(
            help: "Draft pack(s) to add (a draft replaces the pack with the same id; its rules may supersede others).")
        var draft: [String]
        @Argument(help: "Manifests or directories.") var corpus: [String]
        @Option(help: "The rules directory (default: rules/ here or above).") var rules: String?
        @Option(help: "text, markdown, json or csv (a row per affected shipment).") var format: DiffFormat = .text
        @Option(
            name: .customLong("as-of"),
            help:
                """
                Judge rules as of this date (YYYY-MM-DD); default: the drafts' start date when it is in the future, \
                else each shipment's departure.
                """
        ) var asOf: DayArgument?

        func run() throws {
            guard !draft.isEmpty else { Output.error("rules diff needs at least one --draft FILE"); throw ExitCode(2) }
            let before = try loadWorkspace(rules: rules, drafts: [])
            let after = try loadWorkspace(rules: rules, drafts: draft)
            let files = BatchInputs.expand(corpus)
            let draftIDs = Set(after.ruleSet.packs.filter { $0.status == .draft }.map(\.id))
            let starts = after.ruleSet.packs.filter { draftIDs.contains($0.id) }.compactMap(\.effective.from)
            var day = asOf?.day
            var note: String?
            if let given = day {
                note = "Judged as of \(given) (--as-of)."
            } else if let start = ImpactReport.defaultAsOf(draftStarts: starts, today: Clock.today()) {
                day = start
                note =
                    "Judged as of \(start), the drafts' start date, which is in the future (before it the drafts "
                    + "change nothing); pass --as-of to choose another day."
                Output.error("rules diff: " + note!)
            }
            let options = CheckOptions(asOf: day)
            var report = ImpactReport.compare(
                before: Policy.check(before, files, options: options).map(\.report),
                after: Policy.check(after, files, options: options).map(\.report), drafts: draft,
                supersededBy: after.supersededBy)
            report.asOf = day
            report.asOfNote = note
            switch format {
            case .text: Output.write(PolicyReports.diffText(report, markdown: false))
            case .markdown: Output.write(PolicyReports.diffText(report, markdown: true))
            case .csv: Output.write(PolicyReports.diffCSV(report))
            case .json: Output.write(PolicyReports.diffJSON(report))
            }
        }
    }

    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract: "How often each rule fired on a corpus, and which never did.")
        @Argument(help: "Manifests or directories.") var corpus: [String]
        @OptionGroup var rulesOptions: RulesOptions
        @Option(help: "text or json.") var format: ListFormat = .text
        @Option(name: .customLong("as-of"), help: "Judge rules as of this date (YYYY-MM-DD).") var asOf: DayArgument?

        func run() throws {
            let w = try rulesOptions.workspace()
            let outcomes = Policy.check(w, BatchInputs.expand(corpus), options: CheckOptions(asOf: asOf?.day))
            let rows = Policy.coverage(w, outcomes)
            let total = outcomes.compactMap(\.report).count
            Output.write(
                format == .json
                    ? PolicyReports.coverageJSON(rows, total: total) : PolicyReports.coverageText(rows, total: total))
        }
    }
}
