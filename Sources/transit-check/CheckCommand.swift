import ArgumentParser
import TransitCore
import TransitEngine
import TransitReports

/// `transit-check check FILE...`: one shipment's checklist, verdict and estimate.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check manifests and print their checklist and estimate.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Manifest files (YAML or JSON).") var files: [String]
    @OptionGroup var rulesOptions: RulesOptions
    @Option(help: "Use this corridor instead of the manifest's.") var corridor: String?
    @Option(name: .customLong("as-of"), help: "Judge rules, memberships and links as of this date (YYYY-MM-DD).") var asOf: DayArgument?
    @Option(help: "text (default on a terminal) or json (default in a pipe).") var format: Format?
    @Option(help: "Write the result to this file (atomically).") var output: String?

    func run() throws {
        let workspace = try rulesOptions.workspace()
        let options = CheckOptions(asOf: asOf?.day, corridor: corridor)
        let outcomes = files.map { workspace.check(file: $0, options: options) }
        let format = self.format ?? (Output.isTerminal && output == nil ? .text : .json)
        var reports: [Report] = []
        for outcome in outcomes {
            switch outcome {
            case .report(let r): reports.append(r)
            case .invalid(_, let ds): Output.error(DiagnosticText.render(ds))
            }
        }
        let text: String
        switch format {
        case .text: text = reports.map(TextReport.render).joined(separator: "\n")
        case .json:
            text = reports.count == 1 && files.count == 1 ? JSONReport.render(reports[0]) + "\n"
                : JSONValue.array(reports.map(JSONReport.value)).pretty + "\n"
        }
        if !reports.isEmpty { try Output.emit(text, to: output) }
        let status = exitStatus(outcomes)
        if status != 0 { throw ExitCode(status) }
    }
}
