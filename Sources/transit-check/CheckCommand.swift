import ArgumentParser
import TransitCore
import TransitEngine
import TransitRecord
import TransitReports

/// `transit-check check FILE...`: one shipment's checklist, verdict and estimate.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check manifests and print their checklist and estimate.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, html }

    @Argument(help: "Manifest files (YAML or JSON).") var files: [String]
    @OptionGroup var rulesOptions: RulesOptions
    @Option(help: "Use this corridor instead of the manifest's.") var corridor: String?
    @Option(name: .customLong("as-of"), help: "Judge rules, memberships and links as of this date (YYYY-MM-DD).")
    var asOf: DayArgument?
    @Option(help: "text (default on a terminal), json (default in a pipe), markdown, or html (a printable checklist).")
    var format: Format?
    @Option(help: "Write the result to this file (atomically).") var output: String?
    @Flag(help: "Show for each checklist row the rules, conditions and manifest fields behind it.") var explain = false
    @Option(help: "Append each result to this SQLite record (as batch --record does).") var record: String?

    func run() throws {
        let workspace = try rulesOptions.workspace()
        try requireKnownCorridor(corridor, in: workspace)
        let options = CheckOptions(asOf: asOf?.day, corridor: corridor)
        let format = self.format ?? (Output.isTerminal && output == nil ? .text : .json)
        var outcomes: [CheckOutcome] = []
        var reports: [(Report, [[RowExplanation]]?)] = []
        let recorder = try record.map { try RecordOptions.open($0, command: "check", workspace: workspace) }
        for file in files {
            var hash: String?
            switch workspace.loadShipment(file, contentHash: &hash) {
            case .failure(let f):
                outcomes.append(.invalid(file: file, diagnostics: f.diagnostics))
                Output.error(DiagnosticText.render(f.diagnostics))
            case .success(let shipment):
                let r = workspace.evaluator.check(shipment, options: options)
                outcomes.append(.report(r))
                reports.append((r, explain ? workspace.evaluator.explain(shipment, r, options: options) : nil))
            }
            do { try recorder?.append(RecordEntry(path: file, outcome: outcomes.last!, contentHash: hash)) } catch {
                Output.error("--record: cannot write the record: \(error)")
                throw ExitCode(2)
            }
        }
        do { try recorder?.finish() } catch {
            Output.error("--record: cannot write the record: \(error)")
            throw ExitCode(2)
        }
        let text: String
        switch format {
        case .text: text = reports.map { TextReport.render($0.0, explanations: $0.1) }.joined(separator: "\n")
        case .markdown: text = reports.map { DocumentReport.markdown($0.0) }.joined(separator: "\n")
        case .html: text = reports.map { DocumentReport.html($0.0) }.joined(separator: "\n")
        case .json:
            text =
                reports.count == 1 && files.count == 1
                ? JSONReport.render(reports[0].0, explanations: reports[0].1) + "\n"
                : JSONReport.renderArray(reports) + "\n"
        }
        if !reports.isEmpty { try Output.emit(text, to: output) }
        let status = exitStatus(outcomes)
        if status != 0 { throw ExitCode(status) }
    }
}
