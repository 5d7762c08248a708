import ArgumentParser
import Dispatch
import Foundation
import TransitCore
import TransitEngine
import TransitRecord

/// `transit-check batch PATH...`: a day's manifests in one run, streamed, in input order.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Check many manifests: files, directories (recursively) and - for paths on standard input.",
        discussion:
            "Every input gets a row; bad manifests get verdict `error` with file:line:column. Exit 2 if any input was "
            + "bad, 1 if any was not ready; 130 after Ctrl-C and 143 after SIGTERM, with the rows finished by then "
            + "written."
    )

    @Argument(help: "Manifest files, directories, or - to read paths from standard input.") var paths: [String]
    @OptionGroup var rulesOptions: RulesOptions
    @Option(help: "Threads (default: the number of cores).") var jobs: Int = ProcessInfo.processInfo
        .activeProcessorCount
    @Option(help: "jsonl, csv, junit or sarif.") var format: BatchFormat = .jsonl
    @Option(help: "Write to this file, atomically (a temporary file renamed at the end).") var output: String?
    @Option(help: "Check only shard K of N (K from 1 to N), chosen by a stable hash of each path.") var shard: String?
    @Option(help: "Use this corridor instead of each manifest's.") var corridor: String?
    @Option(name: .customLong("as-of"), help: "Judge rules as of this date (YYYY-MM-DD).") var asOf: DayArgument?
    @Flag(help: "jsonl: the whole SPEC 4 report per line instead of the compact row.") var full = false
    @Flag(help: "csv: start with a UTF-8 byte order mark (for spreadsheet programs that need one).") var bom = false
    @Option(
        help:
            """
            Append every row to this SQLite record (created if needed): path, content hash, rules digest, time, \
            verdict, row.
            """
    ) var record: String?
    @Option(help: "Show only findings new since this record (DB) or earlier jsonl output (FILE).") var baseline: String?
    @Option(help: "A waivers file: findings it names are silenced until their expiry date.") var waivers: String?
    @Flag(help: "No progress bar and no summary.") var quiet = false
    @Flag(name: .customLong("parse-only"), help: .hidden) var parseOnly = false

    func run() throws {
        var selectedShard: Shard?
        if let shard {
            guard let s = Shard(shard) else {
                Output.error("--shard must be K/N with 1 <= K <= N, e.g. 2/8"); throw ExitCode(2)
            }
            selectedShard = s
        }
        if bom && format != .csv { Output.error("--bom is for --format csv"); throw ExitCode(2) }
        if full && format != .jsonl { Output.error("--full is for --format jsonl"); throw ExitCode(2) }
        let workspace = try rulesOptions.workspace(threads: jobs)
        try requireKnownCorridor(corridor, in: workspace)
        let review = try ReviewOptions.load(baseline: baseline, waivers: waivers, rules: workspace.ruleSet)
        let recorder = try record.map { try RecordOptions.open($0, command: "batch", workspace: workspace) }
        var inputs = BatchInputs.paths(paths)
        if let s = selectedShard { inputs = PathList(inputs.lazy.filter(s.contains)) }
        let runner = BatchRunner(
            workspace: workspace,
            options: BatchOptions(
                jobs: jobs, format: format, check: CheckOptions(asOf: asOf?.day, corridor: corridor),
                parseOnly: parseOnly,
                full: full, bom: bom, review: review, recording: recorder != nil))

        let sink: BatchSink
        do { sink = try BatchSink(path: output) } catch {
            Output.error("\(output ?? "-"): cannot create the output file: \(error)")
            throw ExitCode(2)
        }
        let interrupt = Interrupt()
        interrupt.onForcedExit { sink.removeTemporaryFile() }
        let progress = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let started = DispatchTime.now()
        let summary: BatchSummary
        do {
            summary = try runner.run(
                inputs, write: { try sink.write($0) }, progress: progress.update, stop: interrupt.requested,
                recorder: recorder)
            try recorder?.finish()
            try sink.finish()
        } catch {
            sink.abandon()
            Output.error("batch: cannot write the output: \(error)")
            throw ExitCode(2)
        }
        progress.clear()
        if !quiet {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            Output.error(BatchReport.summary(summary, seconds: seconds, jobs: jobs))
        }
        if summary.interrupted { throw ExitCode(interrupt.exitStatus) }
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}
