import ArgumentParser
import TransitCore
import TransitRecord

/// `transit-check history DB`: manifests whose verdict changed since their previous check, and why.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Manifests in a record whose verdict changed since the previous run, and why.",
        discussion:
            "Compares each manifest's latest check with the one before it (with --since, the last one before that "
            + "day): a document obtained, the manifest or the rules changed, a border closed."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Argument(help: "The record written by batch --record or check --record.") var database: String
    @Option(help: "Compare with the last check before this day (YYYY-MM-DD) instead of the previous run.") var since:
        DayArgument?
    @Option(help: "text, csv or json.") var format: Format = .text

    func run() throws {
        let history: History
        do { history = try History.read(database, since: since?.day) } catch {
            Output.error("history: \(error)")
            throw ExitCode(2)
        }
        switch format {
        case .text: Output.write(history.text())
        case .csv: Output.write(history.csv())
        case .json: Output.write(history.json())
        }
    }
}
